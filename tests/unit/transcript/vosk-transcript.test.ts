// Reading Vosk final results: valid transcripts become words in ms; each kind of bad one is one line
// naming where the problem is.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TranscriptError, wordsFromVoskTranscript } from '../../../src/main/transcript/vosk-transcript';
import { loadTranscript, TRANSCRIPTS_DIR } from './load-fixture';

function errorFor(name: string): string {
  const value = JSON.parse(readFileSync(resolve(TRANSCRIPTS_DIR, 'bad', name), 'utf8')) as unknown;
  try {
    wordsFromVoskTranscript(value);
  } catch (error) {
    assert.ok(error instanceof TranscriptError, String(error));
    assert.ok(!error.message.includes('\n'));
    return error.message;
  }
  assert.fail(`${name} was accepted`);
}

describe('wordsFromVoskTranscript', () => {
  it('turns seconds into ms, keeps word, channel and confidence, and skips Vosk\'s empty results ({"text": ""})', () => {
    const words = loadTranscript('silence-results.json');
    assert.equal(words.length, 5);
    assert.deepEqual(words[0], { channel: 'agent', word: 'hello', startMs: 1_000, endMs: 1_300, conf: 0.98 });
    assert.deepEqual(words.map((word) => word.word).join(' '), 'hello how can i help');
  });

  it('orders both channels\' words by start time', () => {
    const words = loadTranscript('good-call.json');
    assert.ok(words.every((word, i) => i === 0 || (words[i - 1]?.startMs ?? 0) <= word.startMs));
    assert.ok(words.some((word) => word.channel === 'customer') && words.some((word) => word.channel === 'agent'));
  });

  it('accepts an empty transcript', () => {
    assert.deepEqual(wordsFromVoskTranscript({ agent: [], customer: [] }), []);
  });

  it('rejects each bad transcript with a one-line message that says where', () => {
    assert.equal(errorFor('missing-result.json'), 'agent[0].result: missing (needed when text is not empty)');
    assert.equal(errorFor('missing-conf.json'), 'agent[0].result[0].conf: missing');
    assert.equal(errorFor('missing-customer.json'), 'customer: missing');
    assert.equal(errorFor('negative-time.json'), 'customer[0].result[0].start: must not be negative');
    assert.equal(errorFor('end-before-start.json'), 'agent[0].result[0]: ends (1.5 s) before it starts (2 s)');
    assert.match(errorFor('out-of-order.json'), /^agent\[1\]\.result\[0\]: starts at 1 s, before the word before it \(agent\[0\]\.result\[3\], 5\.8 s\)/);
    assert.equal(errorFor('not-an-object.json'), 'a transcript must be an object with "agent" and "customer" lists of Vosk results');
  });

  it('rejects wrong types and non-finite or out-of-range values', () => {
    const word = { word: 'hi', start: 0, end: 0.2, conf: 0.9 };
    const bad = (patch: Record<string, unknown>): string => {
      try {
        wordsFromVoskTranscript({ agent: [{ text: 'hi', result: [{ ...word, ...patch }] }], customer: [] });
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    assert.equal(bad({ start: '0.1' }), 'agent[0].result[0].start: must be a number of seconds');
    assert.equal(bad({ conf: 1.5 }), 'agent[0].result[0].conf: must be between 0 and 1');
    assert.equal(bad({ word: '' }), 'agent[0].result[0].word: must not be empty');
    assert.equal(bad({ end: Number.POSITIVE_INFINITY }), 'agent[0].result[0].end: must be a number of seconds');
    assert.equal(bad({}), 'accepted');
  });
});

// The main-side transcript ingestion: recognizer results validated, redacted (by default) before
// they are written, appended to a stored call; a live call's words kept in memory until it is stored
// with its id, or forgotten if it is not; a number said over several results redacted as one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Library } from '../../src/main/library/library';
import { savePrivacySettings } from '../../src/main/privacy/privacy-settings';
import { createTranscriptService } from '../../src/main/services/transcript-service';
import { insertCall } from '../../src/main/store/calls-repository';
import { getTranscript, searchTranscripts } from '../../src/main/store/transcripts-repository';
import { REDACTED_WORD, type RecognizedResult, type TranscriptChannel } from '../../src/shared/transcript';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

function setup() {
  const db = migratedMemoryDb();
  const library: Library = { dataDir: '/nowhere', recordingsDir: '/nowhere/recordings', db, close: () => db.close() };
  const errors: string[] = [];
  const service = createTranscriptService({ library, logError: (message) => errors.push(message) });
  const callId = insertCall(db, sampleCall());
  return { db, service, errors, callId };
}

/** A Vosk final result: words every 0.4 s from `startS` seconds, each 0.3 s long. */
function result(channel: TranscriptChannel, startS: number, text: string): RecognizedResult {
  const words = text.split(' ');
  return {
    channel,
    text,
    result: words.map((word, i) => ({ word, start: startS + i * 0.4, end: startS + i * 0.4 + 0.3, conf: 0.87 })),
  };
}

function text(words: Array<{ word: string }>): string {
  return words.map((w) => (w.word === REDACTED_WORD ? '#' : w.word)).join(' ');
}

describe('transcript service: stored calls', () => {
  it('appends a result’s words in ms, with channel and confidence', () => {
    const { db, service, callId, errors } = setup();
    service.handleRecognizedResult(callId, result('customer', 1.25, 'hello there'));
    assert.deepEqual(getTranscript(db, callId), [
      { channel: 'customer', word: 'hello', startMs: 1_250, endMs: 1_550, conf: 0.87 },
      { channel: 'customer', word: 'there', startMs: 1_650, endMs: 1_950, conf: 0.87 },
    ]);
    assert.deepEqual(searchTranscripts(db, 'there').map((h) => [h.callId, h.atMs, h.channel]), [[callId, 1_650, 'customer']]);
    assert.deepEqual(errors, []);
  });

  it('redacts before writing: the raw number is nowhere in the database', () => {
    const { db, service, callId } = setup();
    service.handleRecognizedResult(callId, result('customer', 0, 'my email is jo@example.com and my pin 12345678 thanks'));
    assert.equal(text(getTranscript(db, callId)), 'my email is # and my pin # thanks');
    const dump = JSON.stringify(db.prepare('SELECT * FROM transcript_words').all()) + JSON.stringify(db.prepare('SELECT * FROM transcript_segments').all());
    assert.doesNotMatch(dump, /12345678|jo@example/);
    assert.deepEqual(searchTranscripts(db, '12345678'), []);
  });

  it('redacts a number read in groups over several results, holding trailing number words back', () => {
    const { db, service, callId } = setup();
    service.handleRecognizedResult(callId, result('customer', 0, 'my card is four one one one'));
    assert.equal(text(getTranscript(db, callId)), 'my card is', 'the group is held back');
    service.handleRecognizedResult(callId, result('agent', 2.5, 'go on'));
    service.handleRecognizedResult(callId, result('customer', 3.0, 'one one one one'));
    service.handleRecognizedResult(callId, result('customer', 5.0, 'one one one one thank you'));
    const customer = getTranscript(db, callId).filter((w) => w.channel === 'customer');
    assert.equal(text(customer), 'my card is # # # # # # # # # # # # thank you');
    assert.equal(text(getTranscript(db, callId).filter((w) => w.channel === 'agent')), 'go on');
  });

  it('writes held-back words when the transcript is finished (or on dispose)', () => {
    const { db, service, callId } = setup();
    service.handleRecognizedResult(callId, result('customer', 0, 'it was two three'));
    service.finishTranscript(callId);
    assert.equal(text(getTranscript(db, callId)), 'it was two three');
    const other = insertCall(db, sampleCall({ recordingKey: 'other' }));
    service.handleRecognizedResult(other, result('agent', 0, 'code one two three four five six'));
    service.dispose();
    assert.equal(text(getTranscript(db, other)), 'code # # # # # #');
  });

  it('writes words as said when redaction is turned off', () => {
    const { db, service, callId } = setup();
    savePrivacySettings(db, { redactTranscripts: false, retentionDays: null });
    service.handleRecognizedResult(callId, result('customer', 0, 'pin 12345678 four five'));
    assert.equal(text(getTranscript(db, callId)), 'pin 12345678 four five');
  });

  it('drops malformed results with a log line, and keeps going', () => {
    const { db, service, callId, errors } = setup();
    const bad: unknown[] = [
      null,
      'text',
      { channel: 'supervisor', text: 'x', result: [] },
      { channel: 'agent', result: [] },
      { channel: 'agent', text: 'x', result: [{ word: 'x', start: 2, end: 1, conf: 0.5 }] },
      { channel: 'agent', text: 'x', result: [{ word: 'x', start: -1, end: 1, conf: 0.5 }] },
      { channel: 'agent', text: 'x', result: [{ word: 'x', start: 0, end: 1, conf: 1.5 }] },
      { channel: 'agent', text: 'x', result: [{ word: '', start: 0, end: 1, conf: 0.5 }] },
      { channel: 'agent', text: 'x', result: [{ word: 'x', start: Number.NaN, end: 1, conf: 0.5 }] },
      { channel: 'agent', text: 'x', result: [{ word: 'x', start: 0, end: 1 }] },
    ];
    for (const data of bad) service.handleRecognizedResult(callId, data);
    assert.equal(errors.length, bad.length);
    for (const line of errors) assert.match(line, /^attune: dropped a malformed recognizer result: /);
    assert.deepEqual(getTranscript(db, callId), []);
    service.handleRecognizedResult(callId, { channel: 'agent', text: '' });
    service.handleRecognizedResult(callId, result('agent', 0, 'still here'));
    assert.equal(text(getTranscript(db, callId)), 'still here');
    assert.equal(errors.length, bad.length);
  });

  it('logs (and does not throw) when the call does not exist', () => {
    const { service, errors } = setup();
    assert.doesNotThrow(() => service.handleRecognizedResult(999, result('agent', 0, 'hello')));
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /storing 1 transcript words of call 999 failed/);
  });
});

describe('transcript service: the live call', () => {
  it('keeps the live call’s words in memory until it is stored, then writes them redacted with its id', () => {
    const { db, service, callId, errors } = setup();
    service.liveCallStarted();
    service.handleRecognizedResult('live', result('customer', 0, 'my number is four one one one'));
    service.handleRecognizedResult('live', result('customer', 3, 'one one thanks'));
    service.handleRecognizedResult('live', result('agent', 1, 'okay'));
    assert.equal(service.pendingLiveWords, 11);
    assert.equal(db.prepare('SELECT count(*) FROM transcript_words').pluck().get(), 0);
    service.liveCallStored(callId);
    assert.equal(service.pendingLiveWords, 0);
    assert.equal(text(getTranscript(db, callId)), 'my number is okay # # # # # # thanks');
    // A late final result (the recognizer's last flush) still reaches the stored call.
    service.handleRecognizedResult('live', result('agent', 9, 'goodbye'));
    assert.equal(getTranscript(db, callId).at(-1)?.word, 'goodbye');
    assert.deepEqual(errors, []);
  });

  it('forgets the words of a live call that was not stored, and drops results when no call runs', () => {
    const { db, service, callId, errors } = setup();
    service.handleRecognizedResult('live', result('agent', 0, 'too early'));
    assert.match(errors[0]!, /live call that is not running/);
    service.liveCallStarted();
    service.handleRecognizedResult('live', result('agent', 0, 'lost words'));
    service.liveCallDiscarded();
    assert.equal(service.pendingLiveWords, 0);
    service.handleRecognizedResult('live', result('agent', 5, 'after'));
    assert.equal(errors.length, 2);
    assert.equal(db.prepare('SELECT count(*) FROM transcript_words').pluck().get(), 0);
    // The next live call starts clean.
    service.liveCallStarted();
    service.handleRecognizedResult('live', result('agent', 0, 'fresh start'));
    service.liveCallStored(callId);
    assert.equal(text(getTranscript(db, callId)), 'fresh start');
  });

  it('a new live call finishes the previous one’s held-back words first', () => {
    const { db, service, callId } = setup();
    const second = insertCall(db, sampleCall({ recordingKey: 'second' }));
    service.liveCallStarted();
    service.liveCallStored(callId);
    service.handleRecognizedResult('live', result('customer', 9, 'ends with one two'));
    service.liveCallStarted();
    service.handleRecognizedResult('live', result('customer', 0, 'three four five six'));
    service.liveCallStored(second);
    assert.equal(text(getTranscript(db, callId)), 'ends with one two');
    assert.equal(text(getTranscript(db, second)), 'three four five six');
  });
});

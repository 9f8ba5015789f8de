// fast-pace: the agent's words per minute of speech over the last 30 s, once per excursion above the limit.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTranscriptCues } from '../../../src/main/transcript/detectors';
import { agentRateAt, DEFAULT_PACE_OPTIONS } from '../../../src/main/transcript/pace';
import { buildTurns } from '../../../src/main/transcript/words';
import type { TranscriptWord } from '../../../src/shared/transcript';
import { cuesOf, loadTranscript } from './load-fixture';

describe('fast-pace', () => {
  it('200 wpm, slower, 200 wpm again: one cue per excursion, not one per word', () => {
    const cues = cuesOf(detectTranscriptCues(loadTranscript('fast-pace.json')), 'fast-pace');
    assert.equal(cues.length, 2, cues.join(' | '));
    const [first, second] = cues.map((cue) => Number(cue.split(' ')[0]));
    // Judged once 8 s of agent speech are in the window; the second only after the slow stretch (41.5–81.5 s).
    assert.ok(first !== undefined && first >= 7_000 && first <= 9_000, String(first));
    assert.ok(second !== undefined && second > 83_500 && second < 115_000, String(second));
    assert.match(cues[0] ?? '', / 20\d wpm over the last 30 s$/);
  });

  it('a steady 150 wpm for a minute is never too fast', () => {
    assert.deepEqual(cuesOf(detectTranscriptCues(loadTranscript('steady-pace.json')), 'fast-pace'), []);
  });

  it('the limit is an option: the steady call is too fast for a 140 wpm limit', () => {
    const cues = detectTranscriptCues(loadTranscript('steady-pace.json'), { pace: { ...DEFAULT_PACE_OPTIONS, limitWpm: 140 } });
    assert.equal(cuesOf(cues, 'fast-pace').length, 1);
  });

  it('measures words per minute of the agent\'s own speech: the customer talking in the window does not dilute it', () => {
    const words: TranscriptWord[] = [];
    for (let i = 0; i < 40; i++) words.push({ channel: 'agent', word: 'word', startMs: i * 300, endMs: i * 300 + 250, conf: 1 });
    for (let i = 0; i < 40; i++) words.push({ channel: 'customer', word: 'word', startMs: 13_000 + i * 400, endMs: 13_000 + i * 400 + 300, conf: 1 });
    const agentTurns = buildTurns(words).filter((turn) => turn.channel === 'agent');
    const { wpm, speechMs } = agentRateAt(agentTurns, 30_000, 30_000);
    assert.equal(speechMs, 39 * 300 + 250);
    assert.equal(Math.round(wpm), Math.round((40 * 60_000) / (39 * 300 + 250)));
  });

  it('a few quick words (under 8 s of speech in the window) are not judged', () => {
    const words: TranscriptWord[] = [];
    for (let i = 0; i < 20; i++) words.push({ channel: 'agent', word: 'word', startMs: i * 250, endMs: i * 250 + 200, conf: 1 });
    assert.deepEqual(cuesOf(detectTranscriptCues(words), 'fast-pace'), []);
  });
});

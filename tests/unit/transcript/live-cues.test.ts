// Live transcript cues: fed a call's words result by result, the tracker hands out the same cues as
// the post-call detectors (next-step aside), each once, and none before the words after it are in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTranscriptCues } from '../../../src/main/transcript/detectors';
import { createLiveCueTracker } from '../../../src/main/transcript/live-cues';
import type { TranscriptWord } from '../../../src/shared/transcript';
import { loadTranscript } from './load-fixture';

describe('live transcript cues', () => {
  it('word by word, a call gives the post-call cues (next-step aside), each once', () => {
    for (const name of ['good-call.json', 'negations.json', 'fillers.json', 'fast-pace.json']) {
      const words = loadTranscript(name);
      const tracker = createLiveCueTracker();
      const live = words.flatMap((word) => tracker.push([word], word.endMs));
      live.push(...tracker.push([], Number.POSITIVE_INFINITY));
      const after = detectTranscriptCues(words).filter((cue) => cue.type !== 'next-step');
      assert.deepEqual(
        live.map((cue) => `${cue.atMs} ${cue.type}`),
        after.map((cue) => `${cue.atMs} ${cue.type}`),
        name,
      );
    }
  });

  it('waits for the word after a phrase: "I understand" then "nothing" is never empathy', () => {
    const tracker = createLiveCueTracker();
    const say = (word: string, startMs: number): TranscriptWord => ({ channel: 'agent', word, startMs, endMs: startMs + 300, conf: 1 });
    assert.deepEqual(tracker.push([say('i', 0), say('understand', 400)], 700), []);
    assert.deepEqual(tracker.push([say('nothing', 800), say('works', 1_200)], 1_500), []);
    assert.deepEqual(tracker.push([], 10_000), []);
  });

  it('hands a cue out once its settle time has passed', () => {
    const tracker = createLiveCueTracker({ settleMs: 1_000 });
    const words: TranscriptWord[] = ["i'm", 'sorry', 'to', 'hear', 'that'].map((word, i) => ({ channel: 'agent', word, startMs: i * 300, endMs: i * 300 + 250, conf: 1 }));
    assert.deepEqual(tracker.push(words, 900), []);
    assert.deepEqual(tracker.push([], 1_000), [{ type: 'empathy', by: 'agent', atMs: 0, text: "i'm sorry to hear" }]);
    assert.deepEqual(tracker.push([], 5_000), []);
  });
});

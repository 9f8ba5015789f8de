// A stored call's transcript as the report shows it: turns per speaker in time order, the words each
// cue is about marked (fast-pace: the one word), and the turn a scorecard moment brings up.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTranscriptTurns, turnIndexAt } from '../../../src/shared/transcript-turns';
import type { TranscriptChannel, TranscriptCue, TranscriptWord } from '../../../src/shared/transcript';

/** Words said one after another from `startMs`, 300 ms each with 100 ms between. */
function said(channel: TranscriptChannel, startMs: number, text: string): TranscriptWord[] {
  return text.split(' ').map((word, index) => ({ channel, word, startMs: startMs + index * 400, endMs: startMs + index * 400 + 300, conf: 0.9 }));
}

const WORDS = [
  ...said('customer', 0, 'my card was charged twice'),
  ...said('agent', 2_500, "I'm sorry to hear that"),
  ...said('agent', 6_000, 'what happened next'),
  ...said('customer', 8_500, 'nothing'),
];

test('groups each channel into turns (a gap of a second or more starts one) and orders them by start', () => {
  const turns = buildTranscriptTurns(WORDS, []);
  assert.deepEqual(
    turns.map((turn) => [turn.channel, turn.startMs, turn.segments.map((s) => s.text).join(' ')]),
    [
      ['customer', 0, 'my card was charged twice'],
      ['agent', 2_500, "I'm sorry to hear that"],
      ['agent', 6_000, 'what happened next'],
      ['customer', 8_500, 'nothing'],
    ],
  );
});

test('marks the words of each cue as a segment of their own, on the cue speaker only', () => {
  const cues: TranscriptCue[] = [
    { type: 'empathy', by: 'agent', atMs: 2_500, text: "I'm sorry to hear" },
    { type: 'open-question', by: 'agent', atMs: 6_000, text: 'what happened next' },
    // No agent word starts here: nothing is marked (and nothing else is).
    { type: 'thanks', by: 'agent', atMs: 0, text: 'my card' },
  ];
  const turns = buildTranscriptTurns(WORDS, cues);
  assert.deepEqual(
    turns[1]?.segments.map((s) => [s.text, s.cues.map((c) => c.type)]),
    [
      ["I'm sorry to hear", ['empathy']],
      ['that', []],
    ],
  );
  assert.deepEqual(turns[2]?.segments.map((s) => [s.text, s.cues.map((c) => c.type)]), [['what happened next', ['open-question']]]);
  assert.deepEqual(turns[0]?.segments.map((s) => s.cues.length), [0]);
});

test('fast-pace marks the one word that crossed the limit; overlapping cues share words; two fillers stay apart', () => {
  const words = said('agent', 0, 'um uh so what is it');
  const cues: TranscriptCue[] = [
    { type: 'filler', by: 'agent', atMs: 0, text: 'um' },
    { type: 'filler', by: 'agent', atMs: 400, text: 'uh' },
    { type: 'fast-pace', by: 'agent', atMs: 1_200, text: '185 wpm' },
    { type: 'open-question', by: 'agent', atMs: 1_200, text: 'what is it' },
  ];
  const [turn] = buildTranscriptTurns(words, cues);
  assert.deepEqual(
    turn?.segments.map((s) => [s.text, s.cues.map((c) => c.type)]),
    [
      ['um', ['filler']],
      ['uh', ['filler']],
      ['so', []],
      ['what', ['fast-pace', 'open-question']],
      ['is it', ['open-question']],
    ],
  );
});

test('a moment brings up the turn it falls in, else the next one, else the last', () => {
  const turns = buildTranscriptTurns(WORDS, []);
  assert.equal(turnIndexAt(turns, 3_000), 1);
  assert.equal(turnIndexAt(turns, 5_000), 2, 'between two turns: the next');
  assert.equal(turnIndexAt(turns, 60_000), 3, 'after the last: the last');
  assert.equal(turnIndexAt([], 1_000), -1);
});

// Turns: consecutive words of one channel with gaps under 1 s; tokens keep their word's timing.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTurns, turnText } from '../../../src/main/transcript/words';
import type { TranscriptWord } from '../../../src/shared/transcript';

const word = (channel: 'agent' | 'customer', text: string, startMs: number, endMs: number): TranscriptWord => ({ channel, word: text, startMs, endMs, conf: 1 });

describe('buildTurns', () => {
  const words = [
    word('agent', "that's", 0, 300),
    word('agent', 'fine', 350, 700),
    word('customer', 'okay', 500, 800),
    word('agent', 'so', 1_699, 1_900),
    word('agent', 'then', 2_900, 3_100),
  ];

  it('splits a channel at a gap of 1 s or more, and orders turns by start', () => {
    const turns = buildTurns(words);
    assert.deepEqual(
      turns.map((turn) => `${turn.channel} ${turn.startMs}-${turn.endMs} ${turnText(turn)}`),
      ["agent 0-1900 that's fine so", 'customer 500-800 okay', 'agent 2900-3100 then'],
    );
  });

  it('the gap is an option', () => {
    assert.equal(buildTurns(words, 500).filter((turn) => turn.channel === 'agent').length, 3);
  });

  it('expands contractions into tokens with the word\'s timing and index', () => {
    const [first] = buildTurns(words);
    assert.deepEqual(first?.tokens.slice(0, 3), [
      { text: 'that', startMs: 0, endMs: 300, wordIndex: 0 },
      { text: 'is', startMs: 0, endMs: 300, wordIndex: 0 },
      { text: 'fine', startMs: 350, endMs: 700, wordIndex: 1 },
    ]);
    assert.equal(first === undefined ? '' : turnText(first, 1, 3), "that's fine");
  });

  it('no words, no turns', () => {
    assert.deepEqual(buildTurns([]), []);
  });
});

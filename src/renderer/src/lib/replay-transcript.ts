// The replay's transcript: turns per speaker whose words stay separate (each one seeks, the one being
// spoken is highlighted), with the cues each word belongs to. Pure.

import type { TranscriptChannel, TranscriptCue, TranscriptWord } from '../../../shared/transcript';
import { TURN_GAP_MS } from '../../../shared/transcript-turns';

/** A cue's start may differ from its first word's by rounding (as in transcript-turns.ts). */
const CUE_MATCH_TOLERANCE_MS = 20;

export interface ReplayWord {
  /** Index into the call's words in time order (both channels), for the highlight. */
  index: number;
  word: TranscriptWord;
  cues: TranscriptCue[];
}

export interface ReplayTurn {
  channel: TranscriptChannel;
  startMs: number;
  words: ReplayWord[];
}

/** Both channels' words by start time (the order `index` refers to). */
export function wordsInTimeOrder(words: readonly TranscriptWord[]): TranscriptWord[] {
  return [...words].sort((a, b) => a.startMs - b.startMs || (a.channel === 'agent' ? -1 : 1));
}

export function buildReplayTurns(ordered: readonly TranscriptWord[], cues: readonly TranscriptCue[]): ReplayTurn[] {
  const placed: ReplayWord[] = ordered.map((word, index) => ({ index, word, cues: [] }));
  for (const cue of cues) {
    const own = placed.filter((p) => p.word.channel === cue.by);
    const first = own.findIndex((p) => Math.abs(p.word.startMs - cue.atMs) <= CUE_MATCH_TOLERANCE_MS);
    if (first < 0) continue;
    // fast-pace's text is the measured rate, not words: it marks the word that crossed the limit.
    const count = cue.type === 'fast-pace' ? 1 : Math.max(1, cue.text.trim().split(/\s+/).length);
    for (const p of own.slice(first, first + count)) p.cues.push(cue);
  }
  const turns: ReplayTurn[] = [];
  const open: Partial<Record<TranscriptChannel, ReplayTurn>> = {};
  for (const p of placed) {
    const current = open[p.word.channel];
    const lastWord = current?.words[current.words.length - 1]?.word;
    if (current !== undefined && lastWord !== undefined && p.word.startMs - lastWord.endMs < TURN_GAP_MS) {
      current.words.push(p);
      continue;
    }
    const turn: ReplayTurn = { channel: p.word.channel, startMs: p.word.startMs, words: [p] };
    open[p.word.channel] = turn;
    turns.push(turn);
  }
  return turns;
}

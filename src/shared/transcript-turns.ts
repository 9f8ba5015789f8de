// A stored call's transcript as the report shows it: the words of both channels grouped into turns
// (one speaker, gaps under a second), in time order, with the words each cue is about marked. Pure.

import type { TranscriptChannel, TranscriptCue, TranscriptWord } from './transcript';

/** A longer silence inside one channel starts a new turn (as the detectors group them). */
export const TURN_GAP_MS = 1_000;
/** A cue's start may differ from its first word's by rounding; farther than this, no word is marked. */
const CUE_MATCH_TOLERANCE_MS = 20;

/** A run of a turn's words: plain, or the words one or more cues are about. */
export interface TranscriptSegment {
  text: string;
  cues: TranscriptCue[];
}

export interface TranscriptTurn {
  channel: TranscriptChannel;
  startMs: number;
  endMs: number;
  segments: TranscriptSegment[];
}

interface PlacedWord {
  word: TranscriptWord;
  /** Indices into the cue list of the cues that cover this word. */
  cueIndices: number[];
}

export function buildTranscriptTurns(words: readonly TranscriptWord[], cues: readonly TranscriptCue[]): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  for (const channel of ['agent', 'customer'] as const) {
    const placed: PlacedWord[] = words
      .filter((word) => word.channel === channel)
      .sort((a, b) => a.startMs - b.startMs)
      .map((word) => ({ word, cueIndices: [] }));
    cues.forEach((cue, cueIndex) => {
      if (cue.by !== channel) return;
      const first = placed.findIndex((p) => p.word.startMs >= cue.atMs - CUE_MATCH_TOLERANCE_MS);
      if (first < 0 || Math.abs((placed[first]?.word.startMs ?? Infinity) - cue.atMs) > CUE_MATCH_TOLERANCE_MS) return;
      // fast-pace's text is the measured rate, not words: it marks the word that crossed the limit.
      const count = cue.type === 'fast-pace' ? 1 : Math.max(1, cue.text.trim().split(/\s+/).length);
      for (const p of placed.slice(first, first + count)) p.cueIndices.push(cueIndex);
    });
    let current: PlacedWord[] = [];
    for (const p of placed) {
      const last = current[current.length - 1];
      if (last !== undefined && p.word.startMs - last.word.endMs >= TURN_GAP_MS) {
        turns.push(makeTurn(channel, current, cues));
        current = [];
      }
      current.push(p);
    }
    if (current.length > 0) turns.push(makeTurn(channel, current, cues));
  }
  return turns.sort((a, b) => a.startMs - b.startMs || (a.channel === 'agent' ? -1 : 1));
}

function makeTurn(channel: TranscriptChannel, placed: readonly PlacedWord[], cues: readonly TranscriptCue[]): TranscriptTurn {
  const segments: TranscriptSegment[] = [];
  let key: string | null = null;
  for (const p of placed) {
    const wordKey = p.cueIndices.join(',');
    const last = segments[segments.length - 1];
    if (last !== undefined && wordKey === key) {
      last.text += ` ${p.word.word}`;
    } else {
      segments.push({ text: p.word.word, cues: p.cueIndices.map((index) => cues[index]).filter((cue): cue is TranscriptCue => cue !== undefined) });
      key = wordKey;
    }
  }
  return { channel, startMs: placed[0]?.word.startMs ?? 0, endMs: placed[placed.length - 1]?.word.endMs ?? 0, segments };
}

/**
 * The turn a moment of the call belongs to: the one it falls inside (the latest-starting, if several
 * overlap), else the next one after it, else the last; -1 without turns.
 */
export function turnIndexAt(turns: readonly TranscriptTurn[], atMs: number): number {
  let inside = -1;
  turns.forEach((turn, index) => {
    if (turn.startMs <= atMs && atMs <= turn.endMs) inside = index;
  });
  if (inside >= 0) return inside;
  const next = turns.findIndex((turn) => turn.startMs >= atMs);
  return next >= 0 ? next : turns.length - 1;
}

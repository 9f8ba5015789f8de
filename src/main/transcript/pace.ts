// fast-pace: the agent's speaking rate over a sliding window, reported once per excursion above the
// limit. The rate is words per minute of the agent's own speech in the window (the time inside the
// agent's turns), so that the customer talking or a pause does not dilute a rushed delivery.

import type { TranscriptCue } from './cues';
import type { Turn } from './words';

export interface PaceOptions {
  /** Words per minute above which the agent is too fast. Default 170. */
  limitWpm: number;
  /** Length of the sliding window, in ms. Default 30 000. */
  windowMs: number;
  /** Least agent speech in the window, in ms, before a rate is judged (a few quick words are no pace). Default 8 000. */
  minSpeechMs: number;
  /** The rate must fall this far below the limit before a new excursion can be reported. Default 10 wpm. */
  rearmBelowWpm: number;
}

export const DEFAULT_PACE_OPTIONS: PaceOptions = { limitWpm: 170, windowMs: 30_000, minSpeechMs: 8_000, rearmBelowWpm: 10 };

/**
 * The agent's rate in the window ending at `atMs`: { wpm, speechMs }. `fromTurn` lets a caller walking
 * forward in time skip turns that ended before the window (an agent's turns never overlap each other).
 */
export function agentRateAt(agentTurns: readonly Turn[], atMs: number, windowMs: number, fromTurn = 0): { wpm: number; speechMs: number } {
  const fromMs = atMs - windowMs;
  let words = 0;
  let speechMs = 0;
  for (let index = fromTurn; index < agentTurns.length; index++) {
    const turn = agentTurns[index];
    if (turn === undefined || turn.startMs > atMs) break;
    if (turn.endMs <= fromMs) continue;
    speechMs += Math.min(turn.endMs, atMs) - Math.max(turn.startMs, fromMs);
    for (const word of turn.words) if (word.startMs >= fromMs && word.endMs <= atMs) words++;
  }
  return { wpm: speechMs > 0 ? (words * 60_000) / speechMs : 0, speechMs };
}

export function detectFastPace(turns: readonly Turn[], options: PaceOptions = DEFAULT_PACE_OPTIONS): TranscriptCue[] {
  const agentTurns = turns.filter((turn) => turn.channel === 'agent');
  const cues: TranscriptCue[] = [];
  let armed = true;
  let firstInWindow = 0;
  for (const turn of agentTurns) {
    for (const word of turn.words) {
      while ((agentTurns[firstInWindow]?.endMs ?? Number.POSITIVE_INFINITY) <= word.endMs - options.windowMs) firstInWindow++;
      const { wpm, speechMs } = agentRateAt(agentTurns, word.endMs, options.windowMs, firstInWindow);
      if (speechMs < options.minSpeechMs) continue;
      if (armed && wpm > options.limitWpm) {
        cues.push({ type: 'fast-pace', by: 'agent', atMs: word.startMs, text: `${Math.round(wpm)} wpm over the last ${Math.round(options.windowMs / 1000)} s` });
        armed = false;
      } else if (!armed && wpm < options.limitWpm - options.rearmBelowWpm) {
        armed = true;
      }
    }
  }
  return cues;
}

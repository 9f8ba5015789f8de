// The post-call listening scorecard's shape, shared by main (which builds it: src/main/transcript/
// scorecard.ts), the CLI's --json output and the renderer's report. Types only.

import type { TranscriptCueType } from './transcript';

export type ScorecardVerdict = 'good' | 'improve' | 'info';

export type ScorecardPointKey =
  | 'pace'
  | 'fillers'
  | 'empathy'
  | 'paraphrase'
  | 'questions'
  | 'defensive'
  | 'acknowledgement'
  | 'options'
  | 'name'
  | 'next-step'
  | 'talk-ratio'
  | 'interruptions'
  | 'response-gap'
  | 'dead-air';

export interface ScorecardMoment {
  atMs: number;
  text: string;
}

export interface ScorecardPoint {
  key: ScorecardPointKey;
  verdict: ScorecardVerdict;
  /** One sentence for people. */
  summary: string;
  /** The point's main number (a count, a rate, a ratio or a gap in ms); null when there is none. */
  value: number | null;
  /** The moments the point rests on, in time order: each links to its place in the call. */
  moments: ScorecardMoment[];
}

export interface Scorecard {
  durationMs: number;
  agent: {
    words: number;
    /** Time inside the agent's turns. */
    speechMs: number;
    /** Words per minute of the agent's speech over the whole call; null without agent speech. */
    wordsPerMinute: number | null;
    fillers: number;
    /** Fillers per minute of the agent's speech; null without agent speech. */
    fillersPerMinute: number | null;
  };
  counts: Record<TranscriptCueType, number>;
  /** Whether timing metrics were combined in (talk ratio, interruptions, response gap, dead air). */
  timing: boolean;
  points: ScorecardPoint[];
}

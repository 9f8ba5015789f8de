// The listening score: one number from 0 to 100 that sums up how well the agent listened in a call,
// so a supervisor can sort and filter the library by it. It is a weighted mean of parts, each 0–1:
// four timing parts from the call's metrics (the agent's share of the talk, the agent's interruptions
// per minute, the median response gap and the share of the call in dead air), and, once the call has
// a transcript, the share of the scorecard's transcript points (empathy, questions, paraphrase…)
// judged good. The bands reuse the scorecard's limits so the score and the scorecard agree.
// Pure: the same metrics and scorecard always give the same score. The README explains it for people.

import type { CallMetrics } from '../../shared/call-analysis';
import type { Scorecard, ScorecardPointKey } from '../../shared/scorecard';
import { DEFAULT_SCORECARD_OPTIONS } from '../transcript/scorecard';

export type ListeningScorePartKey = 'talk-ratio' | 'interruptions' | 'response-gap' | 'dead-air' | 'transcript';

export interface ListeningScorePart {
  key: ListeningScorePartKey;
  /** Share of the score this part carries (the weights of the parts present sum to 1). */
  weight: number;
  /** 0 (needs work) … 1 (good). */
  value: number;
}

export interface ListeningScore {
  /** 0–100, whole; null when nobody spoke (there is nothing to judge). */
  score: number | null;
  /** What the score rests on. */
  basis: 'timing' | 'timing+transcript' | 'none';
  parts: ListeningScorePart[];
}

export interface ListeningScoreOptions {
  /** Agent share of the talk up to which the talk-ratio part is full. Default: the scorecard's 0.6. */
  talkRatioGoodMax: number;
  /** Agent share at which the talk-ratio part reaches 0. Default 0.85. */
  talkRatioZeroAt: number;
  /** Agent interruptions per minute of call at which the interruptions part reaches 0. Default 1. */
  interruptionsPerMinuteZeroAt: number;
  /** Median response gap (ms) up to which the response-gap part is full. Default: the scorecard's 2 000. */
  responseGapGoodMaxMs: number;
  /** Median response gap (ms) at which the response-gap part reaches 0. Default 5 000. */
  responseGapZeroAtMs: number;
  /** Share of the call in dead air at which the dead-air part reaches 0. Default 0.15. */
  deadAirShareZeroAt: number;
  /** Share of the score the transcript part carries when there is one. Default 0.4. */
  transcriptWeight: number;
}

export const DEFAULT_LISTENING_SCORE_OPTIONS: Readonly<ListeningScoreOptions> = Object.freeze({
  talkRatioGoodMax: DEFAULT_SCORECARD_OPTIONS.talkRatioMax,
  talkRatioZeroAt: 0.85,
  interruptionsPerMinuteZeroAt: 1,
  responseGapGoodMaxMs: DEFAULT_SCORECARD_OPTIONS.responseGapMedianMaxMs,
  responseGapZeroAtMs: 5_000,
  deadAirShareZeroAt: 0.15,
  transcriptWeight: 0.4,
});

/** Relative weights of the timing parts: interrupting weighs most, as it is what customers feel most. */
const TIMING_WEIGHTS: Readonly<Record<Exclude<ListeningScorePartKey, 'transcript'>, number>> = Object.freeze({
  'talk-ratio': 0.3,
  interruptions: 0.4,
  'response-gap': 0.15,
  'dead-air': 0.15,
});

/** The scorecard points that come from the timing metrics: already in the timing parts, not counted twice. */
const TIMING_POINT_KEYS: ReadonlySet<ScorecardPointKey> = new Set(['talk-ratio', 'interruptions', 'response-gap', 'dead-air']);

const MINUTE_MS = 60_000;

/** The listening score of a call from its metrics and, when it has a transcript, its scorecard. */
export function computeListeningScore(
  metrics: CallMetrics,
  scorecard: Scorecard | null,
  overrides: Partial<ListeningScoreOptions> = {},
): ListeningScore {
  const options = { ...DEFAULT_LISTENING_SCORE_OPTIONS, ...overrides };
  if (metrics.agent.talkMs + metrics.customer.talkMs <= 0) return { score: null, basis: 'none', parts: [] };

  const timing: Array<{ key: ListeningScorePartKey; value: number }> = [];
  timing.push({ key: 'talk-ratio', value: falling(metrics.talkRatio, options.talkRatioGoodMax, options.talkRatioZeroAt) });
  const agentInterruptions = metrics.interruptions.filter((record) => record.by === 'agent').length;
  // Short calls count as one minute: two interruptions in 20 s are not six per minute.
  const minutes = Math.max(1, metrics.durationMs / MINUTE_MS);
  timing.push({ key: 'interruptions', value: falling(agentInterruptions / minutes, 0, options.interruptionsPerMinuteZeroAt) });
  const gapMs = metrics.responseGapMs.median;
  if (gapMs !== null) timing.push({ key: 'response-gap', value: falling(gapMs, options.responseGapGoodMaxMs, options.responseGapZeroAtMs) });
  const deadAirMs = metrics.deadAir.reduce((sum, record) => sum + record.durationMs, 0);
  const deadAirShare = metrics.durationMs > 0 ? deadAirMs / metrics.durationMs : 0;
  timing.push({ key: 'dead-air', value: falling(deadAirShare, 0, options.deadAirShareZeroAt) });

  const judged = (scorecard?.points ?? []).filter((point) => !TIMING_POINT_KEYS.has(point.key) && point.verdict !== 'info');
  const transcriptValue = judged.length === 0 ? null : judged.filter((point) => point.verdict === 'good').length / judged.length;
  const timingShare = transcriptValue === null ? 1 : 1 - options.transcriptWeight;

  const timingWeightSum = timing.reduce((sum, part) => sum + TIMING_WEIGHTS[part.key as keyof typeof TIMING_WEIGHTS], 0);
  const parts: ListeningScorePart[] = timing.map((part) => ({
    key: part.key,
    weight: (TIMING_WEIGHTS[part.key as keyof typeof TIMING_WEIGHTS] / timingWeightSum) * timingShare,
    value: part.value,
  }));
  if (transcriptValue !== null) parts.push({ key: 'transcript', weight: options.transcriptWeight, value: transcriptValue });

  const mean = parts.reduce((sum, part) => sum + part.weight * part.value, 0);
  return {
    score: Math.round(Math.min(1, Math.max(0, mean)) * 100),
    basis: transcriptValue === null ? 'timing' : 'timing+transcript',
    parts,
  };
}

/** 1 up to `fullUpTo`, falling linearly to 0 at `zeroAt` and staying there. */
function falling(value: number, fullUpTo: number, zeroAt: number): number {
  if (value <= fullUpTo) return 1;
  if (value >= zeroAt) return 0;
  return (zeroAt - value) / (zeroAt - fullUpTo);
}

// Scores an analysis against a fixture's ground truth: talk-ratio error, interruption detection
// (onset within 700 ms, right speaker) and backchannels mistaken for interruptions.

import type { CallMetrics, Speaker } from '../../src/shared/call-analysis';

/** A detected interruption counts as found when its onset is this close to a true one by the same speaker. */
export const ONSET_TOLERANCE_MS = 700;

export interface CallScore {
  talkRatioErrorPoints: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** True backchannels that the analysis reported as interruptions. */
  backchannelsAsInterruptions: number;
}

interface Onset {
  atMs: number;
  by: Speaker;
}

/** Greedy one-to-one matching of detected onsets to true ones, nearest first. */
function matchOnsets(truth: readonly Onset[], detected: readonly Onset[]): number {
  const pairs: { t: number; d: number; distanceMs: number }[] = [];
  truth.forEach((t, ti) =>
    detected.forEach((d, di) => {
      const distanceMs = Math.abs(t.atMs - d.atMs);
      if (t.by === d.by && distanceMs <= ONSET_TOLERANCE_MS) pairs.push({ t: ti, d: di, distanceMs });
    }),
  );
  pairs.sort((a, b) => a.distanceMs - b.distanceMs);
  const usedTruth = new Set<number>();
  const usedDetected = new Set<number>();
  for (const pair of pairs) {
    if (usedTruth.has(pair.t) || usedDetected.has(pair.d)) continue;
    usedTruth.add(pair.t);
    usedDetected.add(pair.d);
  }
  return usedTruth.size;
}

export function scoreCall(truth: CallMetrics, detected: CallMetrics): CallScore {
  const truePositives = matchOnsets(truth.interruptions, detected.interruptions);
  return {
    talkRatioErrorPoints: Math.abs(truth.talkRatio - detected.talkRatio) * 100,
    truePositives,
    falsePositives: detected.interruptions.length - truePositives,
    falseNegatives: truth.interruptions.length - truePositives,
    backchannelsAsInterruptions: matchOnsets(truth.backchannels, detected.interruptions),
  };
}

/** F1 over summed counts; 1 when there was nothing to find and nothing was found. */
export function f1(scores: readonly CallScore[]): number {
  const tp = scores.reduce((sum, s) => sum + s.truePositives, 0);
  const fp = scores.reduce((sum, s) => sum + s.falsePositives, 0);
  const fn = scores.reduce((sum, s) => sum + s.falseNegatives, 0);
  return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
}

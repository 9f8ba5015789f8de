// Scores an analysis against a fixture's ground truth: talk-ratio error, speech time (segments as
// reported vs the truth's, on the 10 ms grid, both speakers pooled), interruption detection (onset within
// 700 ms, right speaker) and backchannels mistaken for interruptions.

import type { CallMetrics, SegmentSpan, Speaker } from '../../src/shared/call-analysis';
import { isRecordedVoice, type CallScript } from '../fixtures/call-scripts';

/** A detected interruption counts as found when its onset is this close to a true one by the same speaker. */
export const ONSET_TOLERANCE_MS = 700;

export interface CallScore {
  talkRatioErrorPoints: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** True backchannels that the analysis reported as interruptions. */
  backchannelsAsInterruptions: number;
  /** Speech time (ms, both speakers pooled): in the truth, reported, and both. */
  truthSpeechMs: number;
  reportedSpeechMs: number;
  matchedSpeechMs: number;
  /** Time the analysis called agent speech while only the customer spoke (the bleed that got through). */
  customerAsAgentMs: number;
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

function totalMs(segments: readonly SegmentSpan[]): number {
  return segments.reduce((sum, [startMs, endMs]) => sum + (endMs - startMs), 0);
}

/** Time two sorted, internally disjoint segment lists cover at once. */
function intersectionMs(a: readonly SegmentSpan[], b: readonly SegmentSpan[]): number {
  let sum = 0;
  let j = 0;
  for (const [aStart, aEnd] of a) {
    while (j < b.length && (b[j] as SegmentSpan)[1] <= aStart) j++;
    for (let k = j; k < b.length && (b[k] as SegmentSpan)[0] < aEnd; k++) {
      const [bStart, bEnd] = b[k] as SegmentSpan;
      sum += Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
    }
  }
  return sum;
}

/** Time (ms, 10 ms grid) inside `reported` and `within` but outside `excluded`. */
function onlyWithinMs(reported: readonly SegmentSpan[], within: readonly SegmentSpan[], excluded: readonly SegmentSpan[], durationMs: number): number {
  const frames = Math.ceil(durationMs / 10) + 1;
  const mark = (segments: readonly SegmentSpan[]): Uint8Array => {
    const grid = new Uint8Array(frames);
    for (const [startMs, endMs] of segments) grid.fill(1, Math.floor(startMs / 10), Math.ceil(endMs / 10));
    return grid;
  };
  const [r, w, x] = [mark(reported), mark(within), mark(excluded)];
  let count = 0;
  for (let i = 0; i < frames; i++) if (r[i] === 1 && w[i] === 1 && x[i] === 0) count++;
  return count * 10;
}

export function scoreCall(truth: CallMetrics, detected: CallMetrics): CallScore {
  const truePositives = matchOnsets(truth.interruptions, detected.interruptions);
  const speakers = ['agent', 'customer'] as const;
  return {
    truthSpeechMs: speakers.reduce((sum, s) => sum + totalMs(truth[s].segments), 0),
    reportedSpeechMs: speakers.reduce((sum, s) => sum + totalMs(detected[s].segments), 0),
    matchedSpeechMs: speakers.reduce((sum, s) => sum + intersectionMs(truth[s].segments, detected[s].segments), 0),
    customerAsAgentMs: onlyWithinMs(detected.agent.segments, truth.customer.segments, truth.agent.segments, truth.durationMs),
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

/** Speech-time F1 over summed times (one call or many); 1 when neither truth nor report has speech. */
export function speechF1(scores: readonly CallScore[]): number {
  const truthMs = scores.reduce((sum, s) => sum + s.truthSpeechMs, 0);
  const reportedMs = scores.reduce((sum, s) => sum + s.reportedSpeechMs, 0);
  const matchedMs = scores.reduce((sum, s) => sum + s.matchedSpeechMs, 0);
  return truthMs + reportedMs === 0 ? 1 : (2 * matchedMs) / (truthMs + reportedMs);
}

/** Which kind of voices and line a call has: the accuracy report and bars are per kind. */
export type CallKind = 'synthetic' | 'real' | 'contact-centre';

export function callKind(script: CallScript): CallKind {
  if (script.acoustics.gateAgentLineInPhoneNoise === true) return 'contact-centre';
  return isRecordedVoice(script.agentVoice) || isRecordedVoice(script.customerVoice) ? 'real' : 'synthetic';
}

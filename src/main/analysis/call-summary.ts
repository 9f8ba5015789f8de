// Whole-call metrics from the final segment lists: talk time, overlap, silence, dead air and response
// gaps follow the README's definitions exactly; interruptions and backchannels come from the
// turn-taking machine, with their overlap measured against the final segments.

import type { CallMetrics, Speaker, SpeakerMetrics } from '../../shared/call-analysis';
import { FRAME_DURATION_MS, type FrameThresholds } from './options';
import type { FrameSpan } from './speech-segmenter';

export interface CallRecord {
  durationFrames: number;
  segments: Readonly<Record<Speaker, readonly FrameSpan[]>>;
  interruptions: readonly { by: Speaker; startFrame: number; interruptedStartFrame: number }[];
  backchannels: readonly { by: Speaker; startFrame: number }[];
}

const ms = (frames: number): number => frames * FRAME_DURATION_MS;

export function summarizeCall(record: CallRecord, thresholds: FrameThresholds): CallMetrics {
  const { segments } = record;
  const agent = speakerMetrics(segments.agent, record, 'agent');
  const customer = speakerMetrics(segments.customer, record, 'customer');
  const speechMs = agent.talkMs + customer.talkMs;
  const merged = mergeSpans([...segments.agent, ...segments.customer]);
  const unionFrames = merged.reduce((sum, span) => sum + span.endFrame - span.startFrame, 0);
  const overlapFrames = intersectionFrames(segments.agent, segments.customer);
  const gaps = responseGapFrames(segments.agent, segments.customer);
  return {
    durationMs: ms(record.durationFrames),
    talkRatio: speechMs === 0 ? 0 : agent.talkMs / speechMs,
    agent,
    customer,
    interruptions: record.interruptions.map((interruption) => {
      const own = findByStart(segments[interruption.by], interruption.startFrame);
      const other = findByStart(segments[interruption.by === 'agent' ? 'customer' : 'agent'], interruption.interruptedStartFrame);
      const overlap = own && other ? Math.max(0, Math.min(own.endFrame, other.endFrame) - own.startFrame) : 0;
      return { atMs: ms(interruption.startFrame), by: interruption.by, overlapMs: ms(overlap) };
    }),
    backchannels: record.backchannels.map((b) => ({ atMs: ms(b.startFrame), by: b.by })),
    overlapMs: ms(overlapFrames),
    silenceMs: ms(Math.max(0, record.durationFrames - unionFrames)),
    deadAir: silencesBetween(merged, thresholds.deadAirMinFrames).map((gap) => ({
      atMs: ms(gap.startFrame),
      durationMs: ms(gap.endFrame - gap.startFrame),
    })),
    responseGapMs: {
      median: nearestRank(gaps, 0.5),
      p90: nearestRank(gaps, 0.9),
    },
  };
}

function speakerMetrics(spans: readonly FrameSpan[], record: CallRecord, speaker: Speaker): SpeakerMetrics {
  let talkFrames = 0;
  let longestFrames = 0;
  for (const span of spans) {
    const length = span.endFrame - span.startFrame;
    talkFrames += length;
    longestFrames = Math.max(longestFrames, length);
  }
  return {
    talkMs: ms(talkFrames),
    longestMonologueMs: ms(longestFrames),
    interruptions: record.interruptions.filter((i) => i.by === speaker).length,
    segments: spans.map((span) => [ms(span.startFrame), ms(span.endFrame)]),
  };
}

function findByStart(spans: readonly FrameSpan[], startFrame: number): FrameSpan | undefined {
  return spans.find((span) => span.startFrame === startFrame);
}

/** Union of possibly overlapping spans, sorted. */
function mergeSpans(spans: readonly FrameSpan[]): FrameSpan[] {
  const sorted = [...spans].sort((a, b) => a.startFrame - b.startFrame);
  const merged: FrameSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.startFrame <= last.endFrame) {
      last.endFrame = Math.max(last.endFrame, span.endFrame);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Total length of the time covered by both lists (each list is sorted and non-overlapping). */
function intersectionFrames(a: readonly FrameSpan[], b: readonly FrameSpan[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const spanA = a[i]!;
    const spanB = b[j]!;
    total += Math.max(0, Math.min(spanA.endFrame, spanB.endFrame) - Math.max(spanA.startFrame, spanB.startFrame));
    if (spanA.endFrame < spanB.endFrame) i += 1;
    else j += 1;
  }
  return total;
}

/** Silences of at least `minFrames` between the first and the last speech. */
function silencesBetween(merged: readonly FrameSpan[], minFrames: number): FrameSpan[] {
  const silences: FrameSpan[] = [];
  for (let k = 1; k < merged.length; k += 1) {
    const gap = { startFrame: merged[k - 1]!.endFrame, endFrame: merged[k]!.startFrame };
    if (gap.endFrame - gap.startFrame >= minFrames) silences.push(gap);
  }
  return silences;
}

/**
 * For each agent segment that starts while the customer is silent, where the most recent segment
 * to end before it was the customer's: the time from that end to the agent's start.
 */
function responseGapFrames(agent: readonly FrameSpan[], customer: readonly FrameSpan[]): number[] {
  const gaps: number[] = [];
  for (const turn of agent) {
    const start = turn.startFrame;
    if (customer.some((span) => span.startFrame <= start && span.endFrame > start)) continue;
    const lastCustomerEnd = latestEndAtOrBefore(customer, start);
    if (lastCustomerEnd === null) continue;
    const lastAgentEnd = latestEndAtOrBefore(agent, start);
    if (lastAgentEnd !== null && lastAgentEnd > lastCustomerEnd) continue;
    gaps.push(start - lastCustomerEnd);
  }
  return gaps;
}

function latestEndAtOrBefore(spans: readonly FrameSpan[], frame: number): number | null {
  let latest: number | null = null;
  for (const span of spans) {
    if (span.endFrame <= frame && (latest === null || span.endFrame > latest)) latest = span.endFrame;
  }
  return latest;
}

/** Nearest-rank percentile in milliseconds; null for no values. */
function nearestRank(valuesFrames: readonly number[], fraction: number): number | null {
  if (valuesFrames.length === 0) return null;
  const sorted = [...valuesFrames].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return ms(sorted[rank - 1]!);
}

// The streaming analyzer: one 10 ms frame per channel in, live events out, call metrics at the end.
// PLACEHOLDER voice activity (plain energy) until the bleed-robust detector lands.

import type { CallMetrics, Speaker } from '../../shared/call-analysis';
import { DEFAULT_ANALYZER_OPTIONS, FRAME_DURATION_MS, FRAME_SAMPLES, type AnalyzerOptions } from './options';

export type ConversationEvent =
  | { type: 'segmentStarted'; speaker: Speaker; atMs: number }
  | { type: 'segmentEnded'; speaker: Speaker; startMs: number; endMs: number }
  | { type: 'interruption'; by: Speaker; atMs: number; overlapMs: number }
  | { type: 'backchannel'; by: Speaker; atMs: number }
  | { type: 'deadAir'; atMs: number; durationMs: number };

export interface ConversationAnalyzer {
  /** Feeds one frame pair: FRAME_SAMPLES samples per channel at ANALYSIS_SAMPLE_RATE_HZ, in [-1, 1]. */
  pushFrame(agent: Float32Array, customer: Float32Array): readonly ConversationEvent[];
  /** Closes open segments and returns the whole call's metrics. */
  finish(): CallMetrics;
  /** Time consumed so far. */
  readonly elapsedMs: number;
}

export function createConversationAnalyzer(options: Partial<AnalyzerOptions> = {}): ConversationAnalyzer {
  const resolved: AnalyzerOptions = { ...DEFAULT_ANALYZER_OPTIONS, ...options };
  void resolved;
  let frames = 0;
  const talk = { agent: 0, customer: 0 };
  return {
    pushFrame(agent, customer) {
      if (agent.length !== FRAME_SAMPLES || customer.length !== FRAME_SAMPLES) {
        throw new RangeError(`expected ${FRAME_SAMPLES} samples per channel, got ${agent.length} and ${customer.length}`);
      }
      const energy = (f: Float32Array): number => f.reduce((s, x) => s + x * x, 0) / f.length;
      if (energy(agent) > 1e-5) talk.agent += FRAME_DURATION_MS;
      if (energy(customer) > 1e-5) talk.customer += FRAME_DURATION_MS;
      frames += 1;
      return [];
    },
    finish() {
      const total = talk.agent + talk.customer;
      const empty = { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] };
      return {
        durationMs: frames * FRAME_DURATION_MS,
        talkRatio: total === 0 ? 0 : talk.agent / total,
        agent: { ...empty, talkMs: talk.agent },
        customer: { ...empty, talkMs: talk.customer },
        interruptions: [],
        backchannels: [],
        overlapMs: 0,
        silenceMs: 0,
        deadAir: [],
        responseGapMs: { median: null, p90: null },
      };
    },
    get elapsedMs() {
      return frames * FRAME_DURATION_MS;
    },
  };
}

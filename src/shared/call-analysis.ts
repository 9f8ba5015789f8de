// The result of analysing one call: the shape `attune analyze --json` prints and the app shows.
// Every time is in milliseconds from the start of the call.

export type Speaker = 'agent' | 'customer';

/** [startMs, endMs] of one speech segment. */
export type SegmentSpan = [startMs: number, endMs: number];

export interface SpeakerMetrics {
  talkMs: number;
  longestMonologueMs: number;
  /** Interruptions made by this speaker. */
  interruptions: number;
  segments: SegmentSpan[];
}

export interface InterruptionRecord {
  /** Onset of the interrupting segment. */
  atMs: number;
  by: Speaker;
  /** How long the interrupting segment overlapped the interrupted one. */
  overlapMs: number;
}

export interface BackchannelRecord {
  atMs: number;
  by: Speaker;
}

export interface DeadAirRecord {
  atMs: number;
  durationMs: number;
}

export interface CallMetrics {
  durationMs: number;
  /** agent talk / (agent talk + customer talk); 0 when nobody spoke. */
  talkRatio: number;
  agent: SpeakerMetrics;
  customer: SpeakerMetrics;
  interruptions: InterruptionRecord[];
  backchannels: BackchannelRecord[];
  overlapMs: number;
  silenceMs: number;
  deadAir: DeadAirRecord[];
  responseGapMs: { median: number | null; p90: number | null };
}

export interface CallAnalysis extends CallMetrics {
  file: string;
}

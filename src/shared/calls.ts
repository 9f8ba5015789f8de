// Stored calls: what the call store keeps for each call and what `attune calls --json` lists.

import type { CallMetrics } from './call-analysis';
import type { CoachingCard } from './live';

/** A moment the agent marked during the call, with an optional one-line note. */
export interface CallNote {
  atMs: number;
  text: string;
  /** ISO 8601 time the note was written. */
  createdAt: string;
}

/** A card the overlay showed during the call. */
export interface ShownCard {
  atMs: number;
  card: CoachingCard;
}

/** Everything needed to store one finished (or recovered) call, inserted in one transaction. */
export interface NewCall {
  /** Unique per recording (the recording's file stem); makes recovery idempotent. */
  recordingKey: string;
  agentName: string;
  /** ISO 8601 start time. */
  startedAt: string;
  durationMs: number;
  /** Absolute path of the stereo WAV (left agent, right customer); null if nothing could be recorded. */
  recordingPath: string | null;
  metrics: CallMetrics;
  cards: ShownCard[];
  notes: CallNote[];
  /** True when the call was found unfinished after a crash and repaired. */
  recovered: boolean;
  /** How the call came in. */
  source: 'live' | 'import';
}

/** One row of the call list. */
export interface CallSummaryRow {
  id: number;
  startedAt: string;
  agentName: string;
  durationMs: number;
  talkRatio: number;
  interruptions: { agent: number; customer: number };
  recovered: boolean;
}

/** A stored call, whole. */
export interface StoredCall extends NewCall {
  id: number;
}

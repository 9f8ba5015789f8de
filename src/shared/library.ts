// The call library's queries as the app, the CLI and exports see them: which calls (filters), in what
// order (any column, either direction), which page; full-text search over transcripts and
// annotations; deleting a call; the CSV export. Types only.

import type { TranscriptChannel } from './transcript';

/** Columns the library can be sorted by. */
export type CallSortKey =
  | 'startedAt'
  | 'agentName'
  | 'durationMs'
  | 'talkRatio'
  | 'agentInterruptions'
  | 'customerInterruptions'
  | 'listeningScore';

export const CALL_SORT_KEYS: readonly CallSortKey[] = Object.freeze([
  'startedAt',
  'agentName',
  'durationMs',
  'talkRatio',
  'agentInterruptions',
  'customerInterruptions',
  'listeningScore',
]);

export type SortDirection = 'asc' | 'desc';

/** An inclusive range; either end may be left open. */
export interface NumberRange {
  min?: number;
  max?: number;
}

/**
 * Which calls, in what order, which page. Every filter is optional; they combine with AND. A call
 * without a listening score (nobody spoke) is left out by any listeningScore bound.
 */
export interface CallQuery {
  /** Calls of any of these agents (exact names); absent or empty: every agent. */
  agentNames?: string[];
  /** ISO 8601: calls that started at or after this moment. */
  startedFrom?: string;
  /** ISO 8601: calls that started before this moment (exclusive, so a day is [midnight, next midnight)). */
  startedBefore?: string;
  durationMs?: NumberRange;
  /** The agent's share of the talk, 0–1. */
  talkRatio?: NumberRange;
  /** Interruptions made by the agent. */
  agentInterruptions?: NumberRange;
  /** Interruptions made by the customer. */
  customerInterruptions?: NumberRange;
  /** 0–100. */
  listeningScore?: NumberRange;
  /** Default: startedAt, desc (newest first). Ties: by id in the same direction. Calls without a score sort last either way. */
  sort?: { key: CallSortKey; direction: SortDirection };
  /** Rows skipped before the page. Default 0. */
  offset?: number;
  /** Page size. Default: every row. */
  limit?: number;
}

/** One row of the library table. */
export interface LibraryCallRow {
  id: number;
  startedAt: string;
  agentName: string;
  durationMs: number;
  talkRatio: number;
  interruptions: { agent: number; customer: number };
  /** 0–100; null when nobody spoke. See src/main/library/listening-score.ts. */
  listeningScore: number | null;
  source: 'live' | 'import';
  recovered: boolean;
  /** Whether a recording was stored with the call (the file itself may have gone missing since). */
  hasRecording: boolean;
}

export interface CallQueryResult {
  /** The page asked for. */
  rows: LibraryCallRow[];
  /** How many calls match the filters (all pages). */
  total: number;
  /** Every agent name in the library, sorted, for the agent filter. */
  agentNames: string[];
}

export interface LibrarySearchRequest {
  /** Plain words; every word must occur (any order). Operators and punctuation are not interpreted. */
  text: string;
  /** Most hits returned. Default 100. */
  limit?: number;
}

/** One place in one call where the words were found. */
export interface LibrarySearchHit {
  kind: 'transcript' | 'annotation';
  callId: number;
  /** Where to open the call. */
  atMs: number;
  /** The text around the match, the matched words marked «like this». */
  snippet: string;
  /** Transcript hits: who said it. */
  channel: TranscriptChannel | null;
  /** Annotation hits: which annotation. */
  annotationId: number | null;
  /** The call, for showing the hit without another round trip. */
  call: { agentName: string; startedAt: string; durationMs: number };
}

export interface LibrarySearchResult {
  /** Newest call first; within a call, in time order. */
  hits: LibrarySearchHit[];
  /** True when more hits existed than `limit`. */
  truncated: boolean;
}

export type DeleteCallResult =
  | { ok: true; callId: number; deletedFiles: string[] }
  /** error: one line for people (no such call, or a file that could not be deleted: nothing was deleted). */
  | { ok: false; error: string };

export type ExportLibraryCsvResult =
  | { status: 'saved'; path: string; calls: number }
  | { status: 'cancelled' }
  /** error: one line for people. */
  | { status: 'failed'; error: string };

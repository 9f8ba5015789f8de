// Where transcription of each stored call stands (migration 0004): set a call's state, read it back, and
// find the calls the background transcriber still has to do. A call without a row was never queued.

import type { SqliteDatabase } from './database';
import { refreshListeningScore } from './listening-scores';

export type TranscriptionStateName = 'queued' | 'running' | 'done' | 'failed';

/** A state to record. modelId is the speech model used; null when none was (or it is not known). */
export type TranscriptionStateChange =
  | { state: 'queued' }
  | { state: 'running'; modelId: string }
  | { state: 'done'; modelId: string | null }
  /** problem: one line for people, e.g. "recordings/x.wav: no such file". */
  | { state: 'failed'; modelId: string | null; problem: string };

export interface CallTranscriptionRow {
  callId: number;
  state: TranscriptionStateName;
  modelId: string | null;
  problem: string | null;
  /** ISO 8601, UTC. */
  updatedAt: string;
}

interface StateRow {
  call_id: number;
  state: TranscriptionStateName;
  model_id: string | null;
  problem: string | null;
  updated_at: string;
}

/**
 * Records call `callId`'s transcription state, replacing the one before. Throws for an unknown call
 * (foreign key). `updatedAt` defaults to now.
 */
export function setTranscriptionState(
  db: SqliteDatabase,
  callId: number,
  change: TranscriptionStateChange,
  updatedAt: string = new Date().toISOString(),
): void {
  const modelId = change.state === 'queued' ? null : change.modelId;
  const problem = change.state === 'failed' ? oneLine(change.problem) : null;
  db.prepare(
    `INSERT INTO call_transcription (call_id, state, model_id, problem, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET state = excluded.state, model_id = excluded.model_id,
       problem = excluded.problem, updated_at = excluded.updated_at`,
  ).run(callId, change.state, modelId === '' ? null : modelId, problem, updatedAt);
  // A finished transcript (or one removed because it failed half-way) changes the call's listening score.
  if (change.state === 'done' || change.state === 'failed') refreshListeningScore(db, callId);
}

/** Call `callId`'s row, or null when it was never queued or transcribed (or there is no such call). */
export function getTranscriptionState(db: SqliteDatabase, callId: number): CallTranscriptionRow | null {
  const row = db
    .prepare('SELECT call_id, state, model_id, problem, updated_at FROM call_transcription WHERE call_id = ?')
    .get(callId) as StateRow | undefined;
  return row === undefined ? null : toRow(row);
}

/**
 * Calls with a recording whose transcript is not finished: queued, running when the app stopped, or
 * never queued and without words (a call with words and no row was transcribed live). Newest first
 * (the calls people open first). Failed calls are left out: they are retried on request or with another
 * model (listFailedWithOtherModel), not at every start.
 */
export function listCallsToTranscribe(db: SqliteDatabase): number[] {
  return db
    .prepare(
      `SELECT c.id FROM calls c LEFT JOIN call_transcription t ON t.call_id = c.id
       WHERE c.recording_path IS NOT NULL
         AND (t.state IN ('queued', 'running')
           OR (t.state IS NULL AND NOT EXISTS (SELECT 1 FROM transcript_words w WHERE w.call_id = c.id)))
       ORDER BY c.started_at DESC, c.id DESC`,
    )
    .pluck()
    .all() as number[];
}

/**
 * Calls whose transcription failed with a speech model other than `modelId` (a model that may have been
 * the cause), newest first. Calls that failed before any model was used (unreadable recording) are
 * left out: another model would not help them.
 */
export function listFailedWithOtherModel(db: SqliteDatabase, modelId: string): number[] {
  return db
    .prepare(
      `SELECT c.id FROM calls c JOIN call_transcription t ON t.call_id = c.id
       WHERE t.state = 'failed' AND t.model_id IS NOT NULL AND t.model_id <> ?
       ORDER BY c.started_at DESC, c.id DESC`,
    )
    .pluck()
    .all(modelId) as number[];
}

/** The call's recording path: null when the call has none, undefined when there is no such call. */
export function getRecordingPath(db: SqliteDatabase, callId: number): string | null | undefined {
  const row = db.prepare('SELECT recording_path FROM calls WHERE id = ?').get(callId) as { recording_path: string | null } | undefined;
  return row?.recording_path;
}

/** A multi-line message (a stack, a wrapped error) kept to its first line; an empty one named as such. */
function oneLine(problem: string): string {
  const first = problem.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return first === '' ? 'Transcription failed for an unknown reason.' : first;
}

function toRow(row: StateRow): CallTranscriptionRow {
  return { callId: row.call_id, state: row.state, modelId: row.model_id, problem: row.problem, updatedAt: row.updated_at };
}

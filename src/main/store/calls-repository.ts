// Stored calls: insert one whole call in a single transaction, list them, read one back exactly as it
// was inserted. The CallMetrics JSON is the source of truth for metrics; the segment and event rows
// are copies of it for queries, written in the same transaction.

import type { CallMetrics } from '../../shared/call-analysis';
import type { CallNote, CallSummaryRow, NewCall, ShownCard, StoredCall } from '../../shared/calls';
import type { CardKind } from '../../shared/live';
import { computeListeningScore } from '../library/listening-score';
import type { SqliteDatabase } from './database';

/** insertCall was given a recording already stored (e.g. recovery ran twice). Nothing was written. */
export class CallAlreadyStoredError extends Error {
  override readonly name = 'CallAlreadyStoredError';

  constructor(readonly recordingKey: string) {
    super(`A call from recording "${recordingKey}" is already stored.`);
  }
}

interface CallRow {
  id: number;
  recording_key: string;
  agent_name: string;
  started_at: string;
  duration_ms: number;
  recording_path: string | null;
  recovered: number;
  source: string;
  metrics_json: string;
}

/** A calls row as CALL_SUMMARY_COLUMNS selects it (the library's query selects these and more). */
export interface CallSummaryDbRow {
  id: number;
  started_at: string;
  agent_name: string;
  duration_ms: number;
  talk_ratio: number;
  agent_interruptions: number;
  customer_interruptions: number;
  recovered: number;
}

interface CardRow {
  at_ms: number;
  kind: string;
  title: string;
  detail: string;
}

interface NoteRow {
  at_ms: number;
  text: string;
  created_at: string;
}

/**
 * Stores `call` with its segments, events, cards and notes, and returns its id. One transaction: if
 * any row is rejected (or the process dies) nothing of the call is stored.
 * Throws CallAlreadyStoredError if a call with the same recordingKey exists.
 */
export function insertCall(db: SqliteDatabase, call: NewCall): number {
  const insert = db.transaction((): number => {
    if (hasCallWithRecordingKey(db, call.recordingKey)) throw new CallAlreadyStoredError(call.recordingKey);
    const { metrics } = call;
    const callId = Number(
      db
        .prepare(
          `INSERT INTO calls (recording_key, agent_name, started_at, duration_ms, recording_path, talk_ratio,
             agent_talk_ms, customer_talk_ms, agent_interruptions, customer_interruptions, recovered, source, metrics_json, listening_score)
           VALUES (@recordingKey, @agentName, @startedAt, @durationMs, @recordingPath, @talkRatio,
             @agentTalkMs, @customerTalkMs, @agentInterruptions, @customerInterruptions, @recovered, @source, @metricsJson, @listeningScore)`,
        )
        .run({
          recordingKey: call.recordingKey,
          agentName: call.agentName,
          startedAt: call.startedAt,
          durationMs: call.durationMs,
          recordingPath: call.recordingPath,
          talkRatio: metrics.talkRatio,
          agentTalkMs: metrics.agent.talkMs,
          customerTalkMs: metrics.customer.talkMs,
          agentInterruptions: metrics.agent.interruptions,
          customerInterruptions: metrics.customer.interruptions,
          recovered: call.recovered ? 1 : 0,
          source: call.source,
          metricsJson: JSON.stringify(metrics),
          // Timing only: a transcript comes later, and its end scores the call again (listening-scores.ts).
          listeningScore: computeListeningScore(metrics, null).score,
        }).lastInsertRowid,
    );

    const insertSegment = db.prepare('INSERT INTO segments (call_id, speaker, start_ms, end_ms) VALUES (?, ?, ?, ?)');
    for (const speaker of ['agent', 'customer'] as const) {
      for (const [startMs, endMs] of metrics[speaker].segments) insertSegment.run(callId, speaker, startMs, endMs);
    }

    const insertEvent = db.prepare('INSERT INTO events (call_id, type, speaker, at_ms, detail_json) VALUES (?, ?, ?, ?, ?)');
    for (const { atMs, by, overlapMs } of metrics.interruptions) {
      insertEvent.run(callId, 'interruption', by, atMs, JSON.stringify({ overlapMs }));
    }
    for (const { atMs, by } of metrics.backchannels) insertEvent.run(callId, 'backchannel', by, atMs, '{}');
    for (const { atMs, durationMs } of metrics.deadAir) {
      insertEvent.run(callId, 'deadAir', null, atMs, JSON.stringify({ durationMs }));
    }

    const insertCard = db.prepare('INSERT INTO cards_shown (call_id, at_ms, kind, title, detail) VALUES (?, ?, ?, ?, ?)');
    for (const { atMs, card } of call.cards) insertCard.run(callId, atMs, card.kind, card.title, card.detail);

    const insertNote = db.prepare('INSERT INTO notes (call_id, at_ms, text, created_at) VALUES (?, ?, ?, ?)');
    for (const note of call.notes) insertNote.run(callId, note.atMs, note.text, note.createdAt);

    return callId;
  });
  // IMMEDIATE: take the write lock up front, so the duplicate check and the insert see the same state
  // even when the CLI and the app store calls at the same time.
  return insert.immediate();
}

export function hasCallWithRecordingKey(db: SqliteDatabase, recordingKey: string): boolean {
  return db.prepare('SELECT 1 FROM calls WHERE recording_key = ?').pluck().get(recordingKey) !== undefined;
}

/** The columns of a CallSummaryDbRow, for a SELECT on calls. */
export const CALL_SUMMARY_COLUMNS = 'id, started_at, agent_name, duration_ms, talk_ratio, agent_interruptions, customer_interruptions, recovered';

export function toCallSummaryRow(row: CallSummaryDbRow): CallSummaryRow {
  return {
    id: row.id,
    startedAt: row.started_at,
    agentName: row.agent_name,
    durationMs: row.duration_ms,
    talkRatio: row.talk_ratio,
    interruptions: { agent: row.agent_interruptions, customer: row.customer_interruptions },
    recovered: row.recovered === 1,
  };
}

/** Every stored call, newest first (ties: the later stored first). */
export function listCalls(db: SqliteDatabase): CallSummaryRow[] {
  const rows = db.prepare(`SELECT ${CALL_SUMMARY_COLUMNS} FROM calls ORDER BY started_at DESC, id DESC`).all() as CallSummaryDbRow[];
  return rows.map(toCallSummaryRow);
}

/** The call as it was inserted, or null if there is no call with this id. */
export function getCall(db: SqliteDatabase, id: number): StoredCall | null {
  const row = db
    .prepare(
      `SELECT id, recording_key, agent_name, started_at, duration_ms, recording_path, recovered, source, metrics_json
       FROM calls WHERE id = ?`,
    )
    .get(id) as CallRow | undefined;
  if (row === undefined) return null;

  const cards = (db.prepare('SELECT at_ms, kind, title, detail FROM cards_shown WHERE call_id = ? ORDER BY id').all(id) as CardRow[]).map(
    (card): ShownCard => ({ atMs: card.at_ms, card: { kind: card.kind as CardKind, title: card.title, detail: card.detail } }),
  );
  const notes = (db.prepare('SELECT at_ms, text, created_at FROM notes WHERE call_id = ? ORDER BY id').all(id) as NoteRow[]).map(
    (note): CallNote => ({ atMs: note.at_ms, text: note.text, createdAt: note.created_at }),
  );

  return {
    id: row.id,
    recordingKey: row.recording_key,
    agentName: row.agent_name,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    recordingPath: row.recording_path,
    metrics: JSON.parse(row.metrics_json) as CallMetrics,
    cards,
    notes,
    recovered: row.recovered === 1,
    source: row.source as NewCall['source'],
  };
}

/** Deletes a call and, through the foreign keys, all its rows. False if there was no such call. */
export function deleteCall(db: SqliteDatabase, id: number): boolean {
  return db.prepare('DELETE FROM calls WHERE id = ?').run(id).changes > 0;
}

// The per-call figures trends are built from: one row per stored call in the query's agent and date
// range, with its outcome when it has one. The listening score is the library's column (migration 0006).

import type { CallOutcome, CsatScore, TrendsQuery } from '../../shared/outcomes';
import type { SqliteDatabase } from './database';

export interface TrendCall {
  callId: number;
  agentName: string;
  startedAt: string;
  talkRatio: number;
  agentInterruptions: number;
  customerInterruptions: number;
  /** The call's median response gap; null when it had none. */
  responseGapMs: number | null;
  /** 0–100; null when the call has no score. */
  listeningScore: number | null;
  /** null when no outcome field was entered. */
  outcome: CallOutcome | null;
}

interface Row {
  id: number;
  agent_name: string;
  started_at: string;
  talk_ratio: number;
  agent_interruptions: number;
  customer_interruptions: number;
  response_gap_ms: number | null;
  listening_score: number | null;
  has_outcome: number;
  csat: number | null;
  resolved_first_contact: number | null;
  customer_name: string | null;
  customer_account: string | null;
}

/** Calls in the query, oldest first. Dates are inclusive days in UTC (started_at is ISO 8601 UTC). */
export function listTrendCalls(db: SqliteDatabase, query: TrendsQuery): TrendCall[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (query.agentName !== undefined) {
    where.push('c.agent_name = @agentName');
    params.agentName = query.agentName;
  }
  if (query.fromDate !== undefined) {
    where.push('c.started_at >= @fromDate');
    params.fromDate = query.fromDate;
  }
  if (query.toDate !== undefined) {
    where.push("c.started_at < date(@toDate, '+1 day')");
    params.toDate = query.toDate;
  }
  const rows = db
    .prepare(
      `SELECT c.id, c.agent_name, c.started_at, c.talk_ratio, c.agent_interruptions, c.customer_interruptions,
         json_extract(c.metrics_json, '$.responseGapMs.median') AS response_gap_ms, c.listening_score,
         o.call_id IS NOT NULL AS has_outcome, o.csat, o.resolved_first_contact, o.customer_name, o.customer_account
       FROM calls c LEFT JOIN call_outcomes o ON o.call_id = c.id
       ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
       ORDER BY c.started_at, c.id`,
    )
    .all(params) as Row[];
  return rows.map((row) => ({
    callId: row.id,
    agentName: row.agent_name,
    startedAt: row.started_at,
    talkRatio: row.talk_ratio,
    agentInterruptions: row.agent_interruptions,
    customerInterruptions: row.customer_interruptions,
    responseGapMs: row.response_gap_ms,
    listeningScore: row.listening_score,
    outcome:
      row.has_outcome === 1
        ? {
            csat: row.csat as CsatScore | null,
            resolvedFirstContact: row.resolved_first_contact === null ? null : row.resolved_first_contact === 1,
            customerName: row.customer_name,
            customerAccount: row.customer_account,
          }
        : null,
  }));
}

/** Every agent name with a stored call, in alphabetical order. */
export function listAgentNames(db: SqliteDatabase): string[] {
  return db.prepare('SELECT DISTINCT agent_name FROM calls ORDER BY agent_name COLLATE NOCASE').pluck().all() as string[];
}

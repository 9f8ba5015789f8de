// The library's call query: filters (agent, start range, duration, talk ratio, interruptions by each
// side, listening score), a sort on any column in either direction, and a page, answered from the
// indexes of migrations 0001 and 0006. Column names come only from the fixed map below; every value is
// a bound parameter.

import type { CallQuery, CallQueryResult, CallSortKey, LibraryCallRow, NumberRange } from '../../shared/library';
import { CALL_SUMMARY_COLUMNS, toCallSummaryRow, type CallSummaryDbRow } from './calls-repository';
import type { SqliteDatabase } from './database';

const SORT_COLUMNS: Readonly<Record<CallSortKey, string>> = Object.freeze({
  startedAt: 'started_at',
  agentName: 'agent_name',
  durationMs: 'duration_ms',
  talkRatio: 'talk_ratio',
  agentInterruptions: 'agent_interruptions',
  customerInterruptions: 'customer_interruptions',
  listeningScore: 'listening_score',
});

type RangeFilterKey = 'durationMs' | 'talkRatio' | 'agentInterruptions' | 'customerInterruptions' | 'listeningScore';
const RANGE_FILTERS: ReadonlyArray<[RangeFilterKey, string]> = [
  ['durationMs', 'duration_ms'],
  ['talkRatio', 'talk_ratio'],
  ['agentInterruptions', 'agent_interruptions'],
  ['customerInterruptions', 'customer_interruptions'],
  ['listeningScore', 'listening_score'],
];

interface Row extends CallSummaryDbRow {
  listening_score: number | null;
  source: 'live' | 'import';
  has_recording: number;
}

/** The WHERE clause and its parameters for the query's filters ('' when there are none). */
export function callFilterSql(query: CallQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const agents = query.agentNames ?? [];
  if (agents.length > 0) {
    clauses.push(`agent_name IN (${agents.map(() => '?').join(', ')})`);
    params.push(...agents);
  }
  // started_at is stored as toISOString() text: normalising the bound the same way keeps text order = time order.
  if (query.startedFrom !== undefined) {
    clauses.push('started_at >= ?');
    params.push(isoInstant(query.startedFrom, 'startedFrom'));
  }
  if (query.startedBefore !== undefined) {
    clauses.push('started_at < ?');
    params.push(isoInstant(query.startedBefore, 'startedBefore'));
  }
  for (const [key, column] of RANGE_FILTERS) {
    const range: NumberRange | undefined = query[key];
    if (range?.min !== undefined) {
      clauses.push(`${column} >= ?`);
      params.push(range.min);
    }
    if (range?.max !== undefined) {
      clauses.push(`${column} <= ?`);
      params.push(range.max);
    }
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/** The ORDER BY clause: the column, then id the same way (a stable order for paging); no score sorts last. */
export function callOrderSql(query: CallQuery): string {
  const { key, direction } = query.sort ?? { key: 'startedAt', direction: 'desc' };
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const column = SORT_COLUMNS[key];
  return `ORDER BY ${column} ${dir} NULLS LAST, id ${dir}`;
}

/** One page of the calls matching the query, how many match in all, and every agent's name. */
export function queryCalls(db: SqliteDatabase, query: CallQuery = {}): CallQueryResult {
  const { where, params } = callFilterSql(query);
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = query.limit === undefined ? -1 : Math.max(0, Math.floor(query.limit));
  const rows = db
    .prepare(
      `SELECT ${CALL_SUMMARY_COLUMNS}, listening_score, source, recording_path IS NOT NULL AS has_recording
       FROM calls ${where} ${callOrderSql(query)} LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as Row[];
  const total = db.prepare(`SELECT count(*) FROM calls ${where}`).pluck().get(...params) as number;
  return { rows: rows.map(toLibraryRow), total, agentNames: listAgentNames(db) };
}

/** Every agent name in the library, sorted (read from the agent_name index). */
export function listAgentNames(db: SqliteDatabase): string[] {
  return db.prepare('SELECT DISTINCT agent_name FROM calls ORDER BY agent_name').pluck().all() as string[];
}

function toLibraryRow(row: Row): LibraryCallRow {
  return {
    ...toCallSummaryRow(row),
    listeningScore: row.listening_score,
    source: row.source,
    hasRecording: row.has_recording === 1,
  };
}

function isoInstant(value: string, name: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be an ISO 8601 date and time, not "${value}"`);
  return new Date(ms).toISOString();
}

// Call outcomes (migration 0008): read, replace or merge one call's outcome, and find the same
// customer's other calls. A call whose outcome fields are all empty has no row at all.

import type { CallOutcome, CallOutcomeRecord, CsatScore, CustomerHistory, CustomerHistoryCall } from '../../shared/outcomes';
import type { SqliteDatabase } from './database';

interface OutcomeRow {
  csat: number | null;
  resolved_first_contact: number | null;
  customer_name: string | null;
  customer_account: string | null;
  updated_at: string;
}

/** The fields an import may set; a field left out (undefined) keeps what is stored. */
export type OutcomePatch = Partial<CallOutcome>;

function outcomeFromRow(row: OutcomeRow | undefined): CallOutcome {
  return {
    csat: (row?.csat ?? null) as CsatScore | null,
    resolvedFirstContact: row?.resolved_first_contact == null ? null : row.resolved_first_contact === 1,
    customerName: row?.customer_name ?? null,
    customerAccount: row?.customer_account ?? null,
  };
}

function callExists(db: SqliteDatabase, callId: number): boolean {
  return db.prepare('SELECT 1 FROM calls WHERE id = ?').pluck().get(callId) !== undefined;
}

/** The call's outcome (all null when none was entered), or null when there is no such call. */
export function getCallOutcome(db: SqliteDatabase, callId: number): CallOutcomeRecord | null {
  if (!callExists(db, callId)) return null;
  const row = db
    .prepare('SELECT csat, resolved_first_contact, customer_name, customer_account, updated_at FROM call_outcomes WHERE call_id = ?')
    .get(callId) as OutcomeRow | undefined;
  return { callId, outcome: outcomeFromRow(row), updatedAt: row?.updated_at ?? null };
}

/** Blank names and accounts mean "not known"; surrounding spaces are not part of them. */
function normalised(outcome: CallOutcome): CallOutcome {
  const text = (value: string | null): string | null => {
    const trimmed = value?.trim() ?? '';
    return trimmed === '' ? null : trimmed;
  };
  return { ...outcome, customerName: text(outcome.customerName), customerAccount: text(outcome.customerAccount) };
}

function isEmpty(outcome: CallOutcome): boolean {
  return outcome.csat === null && outcome.resolvedFirstContact === null && outcome.customerName === null && outcome.customerAccount === null;
}

/**
 * Replaces the call's outcome with `outcome` (all fields null removes it). Returns the stored record,
 * or null when there is no such call (then nothing is written).
 */
export function setCallOutcome(db: SqliteDatabase, callId: number, outcome: CallOutcome, updatedAt: string): CallOutcomeRecord | null {
  const write = db.transaction((): CallOutcomeRecord | null => {
    if (!callExists(db, callId)) return null;
    const clean = normalised(outcome);
    if (isEmpty(clean)) {
      db.prepare('DELETE FROM call_outcomes WHERE call_id = ?').run(callId);
      return { callId, outcome: clean, updatedAt: null };
    }
    db.prepare(
      `INSERT INTO call_outcomes (call_id, csat, resolved_first_contact, customer_name, customer_account, updated_at)
       VALUES (@callId, @csat, @resolved, @name, @account, @updatedAt)
       ON CONFLICT (call_id) DO UPDATE SET csat = excluded.csat, resolved_first_contact = excluded.resolved_first_contact,
         customer_name = excluded.customer_name, customer_account = excluded.customer_account, updated_at = excluded.updated_at`,
    ).run({
      callId,
      csat: clean.csat,
      resolved: clean.resolvedFirstContact === null ? null : clean.resolvedFirstContact ? 1 : 0,
      name: clean.customerName,
      account: clean.customerAccount,
      updatedAt,
    });
    return { callId, outcome: clean, updatedAt };
  });
  return write.immediate();
}

/** Sets only the fields present in `patch`, keeping the others (an import never erases what a supervisor typed). */
export function mergeCallOutcome(db: SqliteDatabase, callId: number, patch: OutcomePatch, updatedAt: string): CallOutcomeRecord | null {
  const merge = db.transaction((): CallOutcomeRecord | null => {
    const current = getCallOutcome(db, callId);
    if (current === null) return null;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as OutcomePatch;
    return setCallOutcome(db, callId, { ...current.outcome, ...defined }, updatedAt);
  });
  return merge.immediate();
}

/** A stored call as outcome matching needs it. */
export interface MatchableCall {
  id: number;
  agentName: string;
  startedAt: string;
}

export function listMatchableCalls(db: SqliteDatabase): MatchableCall[] {
  return db.prepare('SELECT id, agent_name AS agentName, started_at AS startedAt FROM calls ORDER BY started_at').all() as MatchableCall[];
}

interface HistoryRow {
  id: number;
  started_at: string;
  agent_name: string;
  duration_ms: number;
  talk_ratio: number;
  csat: number | null;
  resolved_first_contact: number | null;
  customer_name: string | null;
  customer_account: string | null;
  updated_at: string;
  same_name: number;
  same_account: number;
  note_count: number;
}

/**
 * The other calls of this call's customer: same name or same account (case-insensitive), newest first.
 * Null when there is no such call; an empty list when the call has no customer entered.
 */
export function getCustomerHistory(db: SqliteDatabase, callId: number): CustomerHistory | null {
  const record = getCallOutcome(db, callId);
  if (record === null) return null;
  const { customerName, customerAccount } = record.outcome;
  if (customerName === null && customerAccount === null) return { callId, customerName, customerAccount, calls: [] };

  const rows = db
    .prepare(
      `SELECT c.id, c.started_at, c.agent_name, c.duration_ms, c.talk_ratio,
         o.csat, o.resolved_first_contact, o.customer_name, o.customer_account, o.updated_at,
         (o.customer_name = @name COLLATE NOCASE) AS same_name,
         (o.customer_account = @account COLLATE NOCASE) AS same_account,
         (SELECT count(*) FROM notes n WHERE n.call_id = c.id) + (SELECT count(*) FROM annotations a WHERE a.call_id = c.id) AS note_count
       FROM call_outcomes o JOIN calls c ON c.id = o.call_id
       WHERE o.call_id <> @callId
         AND (o.customer_name = @name COLLATE NOCASE OR o.customer_account = @account COLLATE NOCASE)
       ORDER BY c.started_at DESC, c.id DESC`,
    )
    .all({ callId, name: customerName, account: customerAccount }) as HistoryRow[];

  const calls = rows.map(
    (row): CustomerHistoryCall => ({
      callId: row.id,
      startedAt: row.started_at,
      agentName: row.agent_name,
      durationMs: row.duration_ms,
      talkRatio: row.talk_ratio,
      outcome: outcomeFromRow(row),
      matchedBy: row.same_name === 1 && row.same_account === 1 ? 'name and account' : row.same_name === 1 ? 'name' : 'account',
      noteCount: row.note_count,
    }),
  );
  return { callId, customerName, customerAccount, calls };
}

// Outcomes from a CSV export (survey or ticketing tool) matched to stored calls. Pure: the file's text
// and the stored calls come in; which call each row belongs to, the fields it sets, and a reason for
// every row that could not be used come out. A row matches the call of the same agent (case and
// surrounding spaces ignored) whose start time is nearest the row's, within the tolerance; a blank
// cell sets nothing, so an import never erases what a supervisor typed in the app.

import type { CsatScore } from '../../shared/outcomes';
import type { MatchableCall, OutcomePatch } from '../store/outcomes-repository';
import { CsvFormatError, parseCsv } from './csv-rows';

/** Default largest difference between a row's start time and a call's (recording starts after the phone system logs the call). */
export const DEFAULT_MATCH_TOLERANCE_MS = 120_000;

export interface OutcomeMatch {
  line: number;
  callId: number;
  patch: OutcomePatch;
}

export interface OutcomesCsvMatch {
  rows: number;
  matches: OutcomeMatch[];
  problems: { line: number; reason: string }[];
}

/** The file cannot be used at all (no header, missing columns, broken quoting); one line for people. */
export class OutcomesCsvError extends Error {
  override readonly name = 'OutcomesCsvError';
}

type Column = 'start' | 'agent' | 'csat' | 'resolved' | 'customerName' | 'customerAccount';

/** Header spellings, compared lower-case without spaces, dashes or underscores. */
const HEADER_NAMES: Record<Column, readonly string[]> = {
  start: ['start', 'started', 'startedat', 'starttime', 'callstart', 'calltime', 'datetime', 'date', 'time'],
  agent: ['agent', 'agentname'],
  csat: ['csat', 'csatscore', 'satisfaction'],
  resolved: ['fcr', 'resolved', 'firstcontactresolution', 'resolvedfirstcontact', 'resolvedonfirstcontact'],
  customerName: ['customer', 'customername', 'name'],
  customerAccount: ['account', 'accountid', 'customeraccount', 'customerid'],
};

export const OUTCOMES_CSV_COLUMNS_HELP =
  'columns: start time and agent (required), then any of csat (1–5), resolved (yes/no), customer, account';

function headerKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, '');
}

function columnsOf(header: readonly string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((name, index) => {
    const key = headerKey(name);
    for (const [column, names] of Object.entries(HEADER_NAMES) as [Column, readonly string[]][]) {
      if (columns[column] === undefined && names.includes(key)) columns[column] = index;
    }
  });
  return columns;
}

/**
 * A start time: ISO 8601 with a zone (Z or ±hh:mm) as written; without one ("2026-12-01 10:00" or
 * "2026-12-01T10:00:05") it is read as this computer's local time, as phone-system exports usually are.
 */
export function parseStartTime(text: string): number | null {
  const trimmed = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(trimmed);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = match;
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0'))] as const;
  if (parts[1] > 11 || parts[2] < 1 || parts[2] > 31 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) return null;
  if (zone === undefined) return new Date(...parts).getTime();
  const utcMs = Date.UTC(...parts);
  if (zone.toUpperCase() === 'Z') return utcMs;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utcMs - sign * offsetMin * 60_000;
}

const YES = new Set(['yes', 'y', 'true', '1', 'resolved']);
const NO = new Set(['no', 'n', 'false', '0', 'unresolved']);

function parseRow(fields: readonly string[], columns: Partial<Record<Column, number>>): { patch: OutcomePatch } | { reason: string } {
  const cell = (column: Column): string => (columns[column] === undefined ? '' : (fields[columns[column]] ?? '').trim());
  const patch: OutcomePatch = {};
  const csat = cell('csat');
  if (csat !== '') {
    if (!/^[1-5]$/.test(csat)) return { reason: `CSAT "${csat}" is not a whole number from 1 to 5` };
    patch.csat = Number(csat) as CsatScore;
  }
  const resolved = cell('resolved').toLowerCase();
  if (resolved !== '') {
    if (YES.has(resolved)) patch.resolvedFirstContact = true;
    else if (NO.has(resolved)) patch.resolvedFirstContact = false;
    else return { reason: `resolved "${cell('resolved')}" is not yes or no` };
  }
  if (cell('customerName') !== '') patch.customerName = cell('customerName');
  if (cell('customerAccount') !== '') patch.customerAccount = cell('customerAccount');
  if (Object.keys(patch).length === 0) return { reason: 'no outcome in this row (CSAT, resolved, customer and account are all blank)' };
  return { patch };
}

interface TimedCall {
  id: number;
  startMs: number;
}

function callsByAgent(calls: readonly MatchableCall[]): Map<string, TimedCall[]> {
  const byAgent = new Map<string, TimedCall[]>();
  for (const call of calls) {
    const key = call.agentName.trim().toLowerCase();
    const list = byAgent.get(key) ?? [];
    list.push({ id: call.id, startMs: Date.parse(call.startedAt) });
    byAgent.set(key, list);
  }
  return byAgent;
}

function describeMs(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1000)} s`;
}

export function matchOutcomesCsv(text: string, calls: readonly MatchableCall[], toleranceMs = DEFAULT_MATCH_TOLERANCE_MS): OutcomesCsvMatch {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new OutcomesCsvError(`The CSV cannot be read: ${error.message}`);
    throw error;
  }
  const [header, ...dataRows] = records;
  if (header === undefined) throw new OutcomesCsvError(`The CSV is empty; it needs a header line with ${OUTCOMES_CSV_COLUMNS_HELP}.`);
  const columns = columnsOf(header.fields);
  const missing = (['start', 'agent'] as const).filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    const found = header.fields.map((name) => `"${name.trim()}"`).join(', ');
    throw new OutcomesCsvError(
      `The CSV has no ${missing.map((column) => (column === 'start' ? 'start time' : 'agent')).join(' or ')} column (found ${found}); ${OUTCOMES_CSV_COLUMNS_HELP}.`,
    );
  }
  if (columns.csat === undefined && columns.resolved === undefined && columns.customerName === undefined && columns.customerAccount === undefined) {
    throw new OutcomesCsvError(`The CSV has no outcome column; ${OUTCOMES_CSV_COLUMNS_HELP}.`);
  }

  const byAgent = callsByAgent(calls);
  const matchedBy = new Map<number, number>();
  const result: OutcomesCsvMatch = { rows: dataRows.length, matches: [], problems: [] };
  for (const { line, fields } of dataRows) {
    const problem = (reason: string): void => void result.problems.push({ line, reason });
    const startText = (fields[columns.start ?? -1] ?? '').trim();
    const agent = (fields[columns.agent ?? -1] ?? '').trim();
    const startMs = parseStartTime(startText);
    if (startMs === null) {
      problem(startText === '' ? 'no start time' : `start time "${startText}" is not a date and time like 2026-12-01 14:05`);
      continue;
    }
    if (agent === '') {
      problem('no agent');
      continue;
    }
    const parsed = parseRow(fields, columns);
    if ('reason' in parsed) {
      problem(parsed.reason);
      continue;
    }
    const candidates = (byAgent.get(agent.toLowerCase()) ?? [])
      .map((call) => ({ ...call, distanceMs: Math.abs(call.startMs - startMs) }))
      .filter((call) => call.distanceMs <= toleranceMs)
      .sort((a, b) => a.distanceMs - b.distanceMs);
    const [nearest, second] = candidates;
    if (nearest === undefined) {
      problem(`no call by ${agent} started within ${describeMs(toleranceMs)} of ${startText}`);
      continue;
    }
    if (second !== undefined && second.distanceMs === nearest.distanceMs) {
      problem(`two calls by ${agent} are equally near ${startText} (calls ${nearest.id} and ${second.id})`);
      continue;
    }
    const earlierLine = matchedBy.get(nearest.id);
    if (earlierLine !== undefined) {
      problem(`matches the same call (${nearest.id}) as line ${earlierLine}`);
      continue;
    }
    matchedBy.set(nearest.id, line);
    result.matches.push({ line, callId: nearest.id, patch: parsed.patch });
  }
  return result;
}

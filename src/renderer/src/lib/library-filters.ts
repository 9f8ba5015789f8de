// The Library view's filter form (text fields as typed) turned into a CallQuery, with a one-line
// problem per field that does not parse (pure; dates are the person's local days).

import type { CallQuery, NumberRange } from '../../../shared/library';

export interface LibraryFilterForm {
  /** '' = every agent. */
  agentName: string;
  /** 'YYYY-MM-DD' (an <input type="date">), '' = open. Inclusive. */
  fromDay: string;
  /** 'YYYY-MM-DD', '' = open. Inclusive: the whole day counts. */
  toDay: string;
  talkRatioMinPercent: string;
  talkRatioMaxPercent: string;
  /** Most interruptions by the agent. */
  agentInterruptionsMax: string;
  /** Most interruptions by the customer. */
  customerInterruptionsMax: string;
  listeningScoreMin: string;
  listeningScoreMax: string;
}

export type LibraryFilterField = keyof LibraryFilterForm;

export const EMPTY_FILTERS: Readonly<LibraryFilterForm> = Object.freeze({
  agentName: '',
  fromDay: '',
  toDay: '',
  talkRatioMinPercent: '',
  talkRatioMaxPercent: '',
  agentInterruptionsMax: '',
  customerInterruptionsMax: '',
  listeningScoreMin: '',
  listeningScoreMax: '',
});

export type ParsedFilters =
  | { ok: true; query: Omit<CallQuery, 'sort' | 'offset' | 'limit'> }
  | { ok: false; problems: Partial<Record<LibraryFilterField, string>> };

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a 'YYYY-MM-DD' day, plus `addDays`; null if it is no such day. */
function localMidnight(day: string, addDays = 0): Date | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnight = new Date(year, month - 1, date + addDays);
  // new Date rolls 2026-02-31 over into March: that is not a day the person typed.
  const check = new Date(year, month - 1, date);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== date) return null;
  return midnight;
}

function parseNumber(text: string, min: number, max: number, integer: boolean): number | null | 'bad' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) return 'bad';
  return value;
}

export function parseLibraryFilters(form: LibraryFilterForm): ParsedFilters {
  const problems: Partial<Record<LibraryFilterField, string>> = {};
  const query: Omit<CallQuery, 'sort' | 'offset' | 'limit'> = {};

  if (form.agentName !== '') query.agentNames = [form.agentName];

  if (form.fromDay !== '') {
    const from = localMidnight(form.fromDay);
    if (from === null) problems.fromDay = 'Enter a date.';
    else query.startedFrom = from.toISOString();
  }
  if (form.toDay !== '') {
    const after = localMidnight(form.toDay, 1);
    if (after === null) problems.toDay = 'Enter a date.';
    else query.startedBefore = after.toISOString();
  }
  if (query.startedFrom !== undefined && query.startedBefore !== undefined && query.startedFrom >= query.startedBefore) {
    problems.toDay = 'The last day comes before the first.';
  }

  const range = (
    minField: LibraryFilterField | null,
    maxField: LibraryFilterField,
    limits: { min: number; max: number; integer: boolean; scale: number; what: string },
  ): NumberRange | undefined => {
    const result: NumberRange = {};
    for (const [field, end] of [
      [minField, 'min'],
      [maxField, 'max'],
    ] as const) {
      if (field === null) continue;
      const value = parseNumber(form[field], limits.min, limits.max, limits.integer);
      if (value === 'bad') problems[field] = limits.what;
      else if (value !== null) result[end] = value / limits.scale;
    }
    if (result.min !== undefined && result.max !== undefined && result.min > result.max) problems[maxField] = 'The most is below the least.';
    return result.min === undefined && result.max === undefined ? undefined : result;
  };

  const talkRatio = range('talkRatioMinPercent', 'talkRatioMaxPercent', { min: 0, max: 100, integer: false, scale: 100, what: 'A percentage from 0 to 100.' });
  if (talkRatio) query.talkRatio = talkRatio;
  const agentInterruptions = range(null, 'agentInterruptionsMax', { min: 0, max: 100_000, integer: true, scale: 1, what: 'A whole number, 0 or more.' });
  if (agentInterruptions) query.agentInterruptions = agentInterruptions;
  const customerInterruptions = range(null, 'customerInterruptionsMax', { min: 0, max: 100_000, integer: true, scale: 1, what: 'A whole number, 0 or more.' });
  if (customerInterruptions) query.customerInterruptions = customerInterruptions;
  const listeningScore = range('listeningScoreMin', 'listeningScoreMax', { min: 0, max: 100, integer: false, scale: 1, what: 'A score from 0 to 100.' });
  if (listeningScore) query.listeningScore = listeningScore;

  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, query };
}

/** True when any filter is set (the empty-library message differs from "no call matches"). */
export function hasFilters(form: LibraryFilterForm): boolean {
  return (Object.keys(form) as LibraryFilterField[]).some((field) => form[field].trim() !== '');
}

/** A search snippet with its «marked» words split out, for <mark> elements. */
export function snippetParts(snippet: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  const pattern = /«([^»]*)»/g;
  let last = 0;
  for (let match = pattern.exec(snippet); match !== null; match = pattern.exec(snippet)) {
    if (match.index > last) parts.push({ text: snippet.slice(last, match.index), marked: false });
    parts.push({ text: match[1] ?? '', marked: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), marked: false });
  return parts;
}

// The outcome form's fields as the inputs hold them (strings), and the CallOutcome they stand for.
// Pure, so the conversions are unit-tested without a DOM.

import type { CallOutcome, CsatScore } from '../../../shared/outcomes';

export interface OutcomeForm {
  /** '' (not known) or '1'…'5'. */
  csat: string;
  /** '' (not known), 'yes' or 'no'. */
  resolved: string;
  customerName: string;
  customerAccount: string;
}

/** Longest name or account the main process accepts (its zod schema). */
export const OUTCOME_TEXT_MAX_CHARS = 200;

export function formFromOutcome(outcome: CallOutcome): OutcomeForm {
  return {
    csat: outcome.csat === null ? '' : String(outcome.csat),
    resolved: outcome.resolvedFirstContact === null ? '' : outcome.resolvedFirstContact ? 'yes' : 'no',
    customerName: outcome.customerName ?? '',
    customerAccount: outcome.customerAccount ?? '',
  };
}

/** Blank text is "not known"; line breaks pasted into a field become spaces (names are one line). */
function text(value: string): string | null {
  const cleaned = value.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned.slice(0, OUTCOME_TEXT_MAX_CHARS);
}

export function outcomeFromForm(form: OutcomeForm): CallOutcome {
  return {
    csat: /^[1-5]$/.test(form.csat) ? (Number(form.csat) as CsatScore) : null,
    resolvedFirstContact: form.resolved === 'yes' ? true : form.resolved === 'no' ? false : null,
    customerName: text(form.customerName),
    customerAccount: text(form.customerAccount),
  };
}

export function sameOutcome(a: CallOutcome, b: CallOutcome): boolean {
  return a.csat === b.csat && a.resolvedFirstContact === b.resolvedFirstContact && a.customerName === b.customerName && a.customerAccount === b.customerAccount;
}

/** "CSAT 4 · resolved first time" — the outcome in a few words, for lists. */
export function describeOutcome(outcome: CallOutcome): string {
  const parts: string[] = [];
  if (outcome.csat !== null) parts.push(`CSAT ${outcome.csat}`);
  if (outcome.resolvedFirstContact !== null) parts.push(outcome.resolvedFirstContact ? 'resolved first time' : 'not resolved first time');
  return parts.length === 0 ? 'no outcome entered' : parts.join(' · ');
}

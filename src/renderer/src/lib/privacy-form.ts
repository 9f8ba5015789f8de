// The Privacy settings form: redaction on/off and "delete calls older than N days", parsed to the
// PrivacySettings main stores, with one message for a bad number, and whether a change deletes calls.

import type { PrivacySettings } from '../../../shared/transcript';

/** As main validates them (src/main/privacy/privacy-settings.ts). */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 36_500;
/** Offered when retention is first turned on. */
export const RETENTION_DAYS_SUGGESTED = 90;

export interface PrivacyForm {
  redactTranscripts: boolean;
  retentionOn: boolean;
  retentionDays: string;
}

export function formFromPrivacy(settings: PrivacySettings): PrivacyForm {
  return {
    redactTranscripts: settings.redactTranscripts,
    retentionOn: settings.retentionDays !== null,
    retentionDays: String(settings.retentionDays ?? RETENTION_DAYS_SUGGESTED),
  };
}

export type ParsedPrivacyForm = { ok: true; settings: PrivacySettings } | { ok: false; error: string };

export function privacyFromForm(form: PrivacyForm): ParsedPrivacyForm {
  if (!form.retentionOn) return { ok: true, settings: { redactTranscripts: form.redactTranscripts, retentionDays: null } };
  const text = form.retentionDays.trim();
  const days = Number(text);
  if (text === '' || !Number.isInteger(days)) return { ok: false, error: 'Enter a whole number of days.' };
  if (days < RETENTION_DAYS_MIN || days > RETENTION_DAYS_MAX) return { ok: false, error: `Between ${RETENTION_DAYS_MIN} and ${RETENTION_DAYS_MAX} days.` };
  return { ok: true, settings: { redactTranscripts: form.redactTranscripts, retentionDays: days } };
}

/** The new settings delete calls the old ones kept: retention turned on, or made shorter. */
export function shortensRetention(before: PrivacySettings, after: PrivacySettings): boolean {
  if (after.retentionDays === null) return false;
  return before.retentionDays === null || after.retentionDays < before.retentionDays;
}

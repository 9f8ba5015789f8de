// The privacy settings (transcript redaction, retention), stored as the preference 'privacy' and
// validated when read: a missing or unreadable value gives the defaults (redaction on, keep all).

import { z } from 'zod';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings } from '../../shared/transcript';
import type { SqliteDatabase } from '../store/database';
import { readPreference, writePreference } from '../store/preferences';

export const PRIVACY_PREFERENCE_KEY = 'privacy';

export const privacySettingsSchema = z.strictObject({
  redactTranscripts: z.boolean(),
  retentionDays: z.int().min(1).max(36_500).nullable(),
});

export function loadPrivacySettings(db: SqliteDatabase): PrivacySettings {
  return readPreference(db, PRIVACY_PREFERENCE_KEY, privacySettingsSchema) ?? { ...DEFAULT_PRIVACY_SETTINGS };
}

/** Stores `settings` after validating them; throws a ZodError (nothing written) for invalid ones. */
export function savePrivacySettings(db: SqliteDatabase, settings: PrivacySettings): void {
  writePreference(db, PRIVACY_PREFERENCE_KEY, privacySettingsSchema.parse(settings));
}

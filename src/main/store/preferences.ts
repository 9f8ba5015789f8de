// Small UI preferences (the overlay's position, view choices) in the library's settings table, each
// validated by the caller's schema when read: a value the current version does not understand reads
// as "not set", so the caller's default applies instead of an error.

import type { ZodType } from 'zod';
import type { SqliteDatabase } from './database';
import { readSetting, writeSetting } from './settings-table';

/** Keeps preference keys apart from the app's own settings keys (e.g. 'coaching'). */
const PREFERENCE_KEY_PREFIX = 'preference:';

export function readPreference<T>(db: SqliteDatabase, key: string, schema: ZodType<T>): T | undefined {
  const stored = readSetting(db, PREFERENCE_KEY_PREFIX + key);
  if (stored === undefined) return undefined;
  const result = schema.safeParse(stored);
  return result.success ? result.data : undefined;
}

/** Stores `value` (anything JSON can hold) under `key`; throws a TypeError for undefined or functions. */
export function writePreference(db: SqliteDatabase, key: string, value: unknown): void {
  writeSetting(db, PREFERENCE_KEY_PREFIX + key, value);
}

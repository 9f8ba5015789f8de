// Raw access to the settings table: one JSON value per key. Coaching settings and UI preferences are
// both kept here, under keys that cannot collide (see coaching-settings.ts and preferences.ts).

import type { SqliteDatabase } from './database';

/** The stored JSON parsed, or undefined when the key is absent (or, defensively, unparsable). */
export function readSetting(db: SqliteDatabase, key: string): unknown {
  const json = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`, replacing what was there. */
export function writeSetting(db: SqliteDatabase, key: string, value: unknown): void {
  const json = JSON.stringify(value) as string | undefined;
  // JSON.stringify drops undefined, functions and symbols silently; storing "nothing" is a bug.
  if (json === undefined) throw new TypeError(`Cannot store setting "${key}": the value is not JSON.`);
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(
    key,
    json,
  );
}

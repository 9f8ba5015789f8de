// Brings a database up to the newest schema: reads PRAGMA user_version, runs every pending migration
// in ONE transaction (all or nothing) and records the new version. A database from a newer Attune is
// refused untouched, since this version cannot know what its tables mean.

import type { SqliteDatabase } from '../database';
import { MIGRATIONS, type Migration } from './index';

export class DatabaseFromTheFutureError extends Error {
  override readonly name = 'DatabaseFromTheFutureError';

  constructor(
    readonly databaseVersion: number,
    readonly latestKnownVersion: number,
  ) {
    super(`The database is at schema version ${databaseVersion}; this version of Attune knows up to ${latestKnownVersion}.`);
  }
}

export interface MigrationResult {
  fromVersion: number;
  toVersion: number;
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestSchemaVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function runMigrations(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  assertWellFormed(migrations);
  const latest = latestSchemaVersion(migrations);
  // IMMEDIATE takes the write lock before reading the version: when the app and `attune` open a new
  // library at the same moment, the second waits (busy_timeout) and then finds nothing left to do.
  const migrate = db.transaction((): MigrationResult => {
    const fromVersion = schemaVersion(db);
    if (fromVersion > latest) throw new DatabaseFromTheFutureError(fromVersion, latest);
    for (const migration of migrations) {
      if (migration.version > fromVersion) migration.up(db);
    }
    // user_version lives in the database header, which is written as part of this transaction.
    if (latest !== fromVersion) db.pragma(`user_version = ${latest}`);
    return { fromVersion, toVersion: latest };
  });
  return migrate.immediate();
}

/** Versions must be 1, 2, 3…: a gap or a duplicate is a programming mistake caught before any change. */
function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}.`);
    }
  });
}

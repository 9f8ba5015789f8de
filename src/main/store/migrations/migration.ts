// The shape of one schema migration. Each lives in its own numbered file and is never edited once
// shipped: a change to the schema is a new migration.

import type { SqliteDatabase } from '../database';

export interface Migration {
  /** The PRAGMA user_version the database has after this step; 1, 2, 3… with no gaps. */
  version: number;
  /** What the step does, for error messages and tests. */
  name: string;
  /** Runs inside the runner's transaction; must not commit, and must not touch user_version. */
  up(db: SqliteDatabase): void;
}

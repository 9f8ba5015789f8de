// Opens an SQLite database the way the call store needs it: WAL (the app and `attune` may use the
// library at the same time), foreign keys enforced (child rows die with their call), a busy timeout
// instead of immediate "database is locked" errors, and full syncs so a stored call survives power loss.

import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface OpenDatabaseOptions {
  /**
   * Path of a better_sqlite3.node to load instead of the one in node_modules: the Electron app passes
   * its copy built for Electron's ABI (see src/main/library/electron-native-binding.ts).
   */
  nativeBinding?: string;
}

/** How long a connection waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5_000;

/** Opens (creating if needed) the database at `path`, or an in-memory one for ':memory:'. */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const db = new Database(path, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  try {
    // busy_timeout first, so even switching to WAL waits for a concurrent opener instead of failing.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // The first statement that reads the file: a file that is not SQLite fails here (SQLITE_NOTADB).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

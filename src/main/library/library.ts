// The call library: one folder (see data-dir.ts) holding attune.sqlite3 and the recordings/ folder,
// shared by the app and the CLI. Opening it creates what is missing and brings the database to the
// newest schema; anything that makes the folder unusable becomes one LibraryError line.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type SqliteDatabase } from '../store/database';
import { DatabaseFromTheFutureError, runMigrations } from '../store/migrations/run-migrations';
import { describeFolderProblem, LibraryError } from './library-error';

export const LIBRARY_DATABASE_FILE = 'attune.sqlite3';
export const RECORDINGS_FOLDER = 'recordings';

export interface Library {
  dataDir: string;
  /** <dataDir>/recordings, created by openLibrary. */
  recordingsDir: string;
  db: SqliteDatabase;
  /** Closes the database; safe to call twice. */
  close(): void;
}

export interface OpenLibraryOptions {
  /** better_sqlite3.node built for Electron's ABI; the Node build in node_modules when absent. */
  nativeBinding?: string;
}

export function openLibrary(dataDir: string, options: OpenLibraryOptions = {}): Library {
  const recordingsDir = join(dataDir, RECORDINGS_FOLDER);
  const databasePath = join(dataDir, LIBRARY_DATABASE_FILE);

  try {
    mkdirSync(recordingsDir, { recursive: true });
  } catch (error) {
    throw toLibraryError(error, dataDir, databasePath);
  }

  let db: SqliteDatabase;
  try {
    db = openDatabase(databasePath, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  } catch (error) {
    throw toLibraryError(error, dataDir, databasePath);
  }
  try {
    runMigrations(db);
  } catch (error) {
    db.close();
    throw toLibraryError(error, dataDir, databasePath);
  }

  return {
    dataDir,
    recordingsDir,
    db,
    close() {
      if (db.open) db.close();
    },
  };
}

/** The user-facing line for an error met while opening the library; unknown errors pass through unchanged. */
function toLibraryError(error: unknown, dataDir: string, databasePath: string): unknown {
  if (error instanceof DatabaseFromTheFutureError) {
    return new LibraryError(
      `The library in ${dataDir} was written by a newer version of Attune (database version ${error.databaseVersion}, ` +
        `this one reads up to ${error.latestKnownVersion}): update Attune, or set ATTUNE_DATA_DIR to use another folder.`,
      'newer-database',
      { cause: error },
    );
  }
  const rawCode = errorCode(error);
  const code = rawCode === undefined ? undefined : baseCode(rawCode);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new LibraryError(
      `${databasePath} is not a database Attune can read (damaged, or not Attune's): move it elsewhere and Attune will start a new library.`,
      'corrupt-database',
      { cause: error },
    );
  }
  const problem = code === undefined ? undefined : describeFolderProblem(code);
  if (problem !== undefined) {
    const remedy = problem.code === 'disk-full' ? 'free some space' : 'fix the folder';
    return new LibraryError(
      `Attune cannot use the library folder ${dataDir} (${problem.reason}): ${remedy}, or set ATTUNE_DATA_DIR to use another folder.`,
      problem.code,
      { cause: error },
    );
  }
  return error;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_CANTOPEN_ISDIR…) mean what their base code means. */
function baseCode(code: string): string {
  const match = /^(SQLITE_(?:IOERR|CANTOPEN|READONLY|CORRUPT|FULL))_/.exec(code);
  return match?.[1] ?? code;
}

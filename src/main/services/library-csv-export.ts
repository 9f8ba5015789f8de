// Writes the library, or the part a filter selects, to a CSV file the user chose (the app's save
// dialog; a test-chosen path in the e2e harness). Every matching call is written, whatever page the
// table shows. Failures come back as one line for people.

import { writeFileSync } from 'node:fs';
import type { CallQuery, ExportLibraryCsvResult } from '../../shared/library';
import { callsCsv } from '../library/calls-csv';
import { queryCalls } from '../store/calls-query';
import type { SqliteDatabase } from '../store/database';

/** The name the save dialog proposes: attune-calls-2026-12-01.csv (the local day). */
export function defaultLibraryCsvFileName(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `attune-calls-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** Writes the calls matching `query` (paging ignored, its sort kept) to `path` as CSV with a BOM. */
export function writeLibraryCsv(db: SqliteDatabase, query: CallQuery, path: string): ExportLibraryCsvResult {
  const { rows } = queryCalls(db, { ...query, offset: 0, limit: undefined });
  try {
    // A byte-order mark so spreadsheet apps read accented agent names as UTF-8.
    writeFileSync(path, callsCsv(rows, { byteOrderMark: true }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return { status: 'failed', error: `Could not save the CSV to ${path} (${reason}).` };
  }
  return { status: 'saved', path, calls: rows.length };
}

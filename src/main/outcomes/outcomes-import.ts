// Reads an outcomes CSV from disk, matches its rows to stored calls and stores the matched outcomes
// in one transaction (all matched rows or, if the database refuses one, none). Used by
// `attune outcomes import` and the importOutcomesCsv IPC method.

import { readFile } from 'node:fs/promises';
import type { OutcomesImportSummary } from '../../shared/outcomes';
import type { SqliteDatabase } from '../store/database';
import { listMatchableCalls, mergeCallOutcome } from '../store/outcomes-repository';
import { DEFAULT_MATCH_TOLERANCE_MS, OutcomesCsvError, matchOutcomesCsv } from './outcomes-csv';

/** Files larger than this are not an outcomes export (a year of calls is a few MB). */
const MAX_CSV_BYTES = 50 * 1024 * 1024;

export interface OutcomesImportOptions {
  /** Largest start-time difference for a match, ms. Default DEFAULT_MATCH_TOLERANCE_MS. */
  toleranceMs?: number;
  /** ISO 8601 time stored as the outcomes' updatedAt. */
  now: string;
}

async function readCsvText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new OutcomesCsvError(`There is no file ${path}.`);
    if (code === 'EISDIR') throw new OutcomesCsvError(`${path} is a folder; give the outcomes CSV file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new OutcomesCsvError(`Attune may not read ${path}.`);
    throw error;
  }
  if (bytes.length > MAX_CSV_BYTES) throw new OutcomesCsvError(`${path} is too large to be an outcomes CSV (over 50 MB).`);
  if (bytes.includes(0)) throw new OutcomesCsvError(`${path} is not a text file; export the outcomes as CSV.`);
  return bytes.toString('utf8');
}

/** Throws OutcomesCsvError (one line) when the file cannot be used at all; row problems are in the summary. */
export async function importOutcomesCsvFile(db: SqliteDatabase, path: string, options: OutcomesImportOptions): Promise<OutcomesImportSummary> {
  const text = await readCsvText(path);
  const matched = matchOutcomesCsv(text, listMatchableCalls(db), options.toleranceMs ?? DEFAULT_MATCH_TOLERANCE_MS);
  const store = db.transaction(() => {
    for (const { callId, patch } of matched.matches) mergeCallOutcome(db, callId, patch, options.now);
  });
  store.immediate();
  return { rows: matched.rows, matched: matched.matches.length, problems: matched.problems };
}

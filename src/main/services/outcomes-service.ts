// Outcomes and trends as the IPC handlers offer them: a call's outcome (read, replace), the customer's
// other calls, an outcomes CSV import, and the trends report. Electron-free; `now` is injected so tests
// control the stored times.

import type {
  CallOutcome,
  CallOutcomeRecord,
  CustomerHistory,
  OutcomesImportResult,
  SetCallOutcomeResult,
  TrendsQuery,
  TrendsReport,
} from '../../shared/outcomes';
import { OutcomesCsvError } from '../outcomes/outcomes-csv';
import { importOutcomesCsvFile } from '../outcomes/outcomes-import';
import type { SqliteDatabase } from '../store/database';
import { getCallOutcome, getCustomerHistory, setCallOutcome } from '../store/outcomes-repository';
import { listAgentNames, listTrendCalls } from '../store/trend-calls-repository';
import { buildTrendsReport } from '../trends/trend-aggregation';

export const CALL_GONE_ERROR = 'This call is no longer in the library, so its outcome was not saved.';
export const UNEXPECTED_OUTCOMES_IMPORT_ERROR = 'Attune could not import the outcomes because of an internal error. The details were written to the log.';

export interface OutcomesService {
  get(callId: number): CallOutcomeRecord | null;
  set(callId: number, outcome: CallOutcome): SetCallOutcomeResult;
  customerHistory(callId: number): CustomerHistory | null;
  importCsv(path: string): Promise<OutcomesImportResult>;
  trends(query: TrendsQuery): TrendsReport;
}

export function createOutcomesService(deps: {
  db: SqliteDatabase;
  now?: () => string;
  logError?: (message: string, error: unknown) => void;
}): OutcomesService {
  const now = deps.now ?? (() => new Date().toISOString());
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const { db } = deps;
  return {
    get: (callId) => getCallOutcome(db, callId),
    set(callId, outcome) {
      const record = setCallOutcome(db, callId, outcome, now());
      return record === null ? { ok: false, error: CALL_GONE_ERROR } : { ok: true, record };
    },
    customerHistory: (callId) => getCustomerHistory(db, callId),
    async importCsv(path) {
      try {
        return { ok: true, summary: await importOutcomesCsvFile(db, path, { now: now() }) };
      } catch (error) {
        if (error instanceof OutcomesCsvError) return { ok: false, error: error.message };
        logError(`attune: importing outcomes from ${path} failed unexpectedly`, error);
        return { ok: false, error: UNEXPECTED_OUTCOMES_IMPORT_ERROR };
      }
    },
    trends: (query) => buildTrendsReport(listTrendCalls(db, query), query, listAgentNames(db)),
  };
}

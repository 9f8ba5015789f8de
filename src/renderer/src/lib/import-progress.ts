// What the import panel shows, folded from the progress main pushes while an import runs (pure).
// Pushes may arrive out of order, and after the importCalls answer: each carries its import's id and
// file index, so a late push of a finished import is ignored and outcomes land in their own slots.

import type { ImportCallsSummary, ImportFileOutcome, ImportProgress } from '../../../shared/call-import';

export type ImportState =
  /** lastImportId: the newest import this window saw end (0: none), whose late pushes are ignored. */
  | { tag: 'idle'; lastImportId: number }
  /** The dialog is open, or the request is on its way. */
  | { tag: 'starting'; lastImportId: number }
  /** total is null until main has listed the files; outcomes by file index (holes: not done yet). */
  | { tag: 'running'; importId: number; total: number | null; currentPath: string | null; outcomes: Array<ImportFileOutcome | undefined> }
  | { tag: 'finished'; importId: number; summary: ImportCallsSummary; outcomes: ImportFileOutcome[] }
  | { tag: 'failed'; lastImportId: number; error: string; outcomes: ImportFileOutcome[] };

export const IDLE_IMPORT: ImportState = { tag: 'idle', lastImportId: 0 };

/** The newest import id this state has seen (running or ended). */
export function lastImportIdOf(state: ImportState): number {
  return state.tag === 'running' || state.tag === 'finished' ? state.importId : state.lastImportId;
}

/** The next state after one push. Pushes of an import this window did not start are shown too (another window's). */
export function applyImportProgress(state: ImportState, progress: ImportProgress): ImportState {
  const seen = lastImportIdOf(state);
  // An ended import's stragglers, or an older import's.
  if (progress.importId < seen || (progress.importId === seen && state.tag !== 'running')) return state;
  const running =
    state.tag === 'running' && state.importId === progress.importId ? state : { tag: 'running' as const, importId: progress.importId, total: null, currentPath: null, outcomes: [] };
  switch (progress.type) {
    case 'started':
      return { ...running, total: progress.total };
    case 'file-started':
      return { ...running, total: progress.total, currentPath: progress.path };
    case 'file-done': {
      const outcomes = [...running.outcomes];
      outcomes[progress.index] = progress.outcome;
      return { ...running, total: progress.total, currentPath: running.currentPath === progress.outcome.path ? null : running.currentPath, outcomes };
    }
    case 'finished':
      return { tag: 'finished', importId: progress.importId, summary: progress.summary, outcomes: running.outcomes.filter((outcome) => outcome !== undefined) };
    default: {
      const unreachable: never = progress;
      throw new Error(`unhandled import progress ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Files done and files in all, for the progress bar; null while the count is unknown. */
export function importCounts(state: ImportState): { done: number; total: number } | null {
  if (state.tag !== 'running' || state.total === null) return null;
  return { done: state.outcomes.filter((outcome) => outcome !== undefined).length, total: state.total };
}

/** The summary sentence after an import. */
export function importSummaryText(summary: ImportCallsSummary): string {
  const total = summary.imported + summary.duplicates + summary.failed;
  if (total === 0) return 'Nothing to import: no audio files were found.';
  const parts = [`${summary.imported} imported`];
  if (summary.duplicates > 0) parts.push(`${summary.duplicates} already in the library`);
  if (summary.failed > 0) parts.push(`${summary.failed} could not be imported`);
  return `${parts.join(', ')}.`;
}

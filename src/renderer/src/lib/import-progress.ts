// What the import panel shows, folded from the progress main pushes while an import runs (pure).

import type { ImportCallsSummary, ImportFileOutcome, ImportProgress } from '../../../shared/call-import';

export type ImportState =
  | { tag: 'idle' }
  /** The dialog is open, or the request is on its way. */
  | { tag: 'starting' }
  /** total is null until main has listed the files. */
  | { tag: 'running'; total: number | null; currentPath: string | null; outcomes: ImportFileOutcome[] }
  | { tag: 'finished'; summary: ImportCallsSummary; outcomes: ImportFileOutcome[] }
  | { tag: 'failed'; error: string; outcomes: ImportFileOutcome[] };

export const IDLE_IMPORT: ImportState = { tag: 'idle' };

function outcomesOf(state: ImportState): ImportFileOutcome[] {
  return state.tag === 'running' || state.tag === 'finished' || state.tag === 'failed' ? state.outcomes : [];
}

/** The next state after one push. Pushes of an import this window did not start are shown too (another window's). */
export function applyImportProgress(state: ImportState, progress: ImportProgress): ImportState {
  switch (progress.type) {
    case 'started':
      return { tag: 'running', total: progress.total, currentPath: null, outcomes: [] };
    case 'file-started':
      return { tag: 'running', total: progress.total, currentPath: progress.path, outcomes: state.tag === 'running' ? state.outcomes : [] };
    case 'file-done': {
      const outcomes = state.tag === 'running' ? [...state.outcomes, progress.outcome] : [progress.outcome];
      return { tag: 'running', total: progress.total, currentPath: null, outcomes };
    }
    case 'finished':
      return { tag: 'finished', summary: progress.summary, outcomes: outcomesOf(state) };
    default: {
      const unreachable: never = progress;
      throw new Error(`unhandled import progress ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Files done and files in all, for the progress bar; null while the count is unknown. */
export function importCounts(state: ImportState): { done: number; total: number } | null {
  if (state.tag !== 'running' || state.total === null) return null;
  return { done: state.outcomes.length, total: state.total };
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

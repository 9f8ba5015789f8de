// Library: every stored call (recorded, recovered or imported) in a table that sorts by any column and
// filters by agent, dates and metric thresholds; search over transcripts and annotations; import of
// recorded calls; delete; the table (as filtered) as CSV.

import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { CallSortKey, ExportLibraryCsvResult } from '../../../shared/library';
import { CallImportPanel } from '../components/CallImportPanel';
import { LibraryFilters } from '../components/LibraryFilters';
import { LibrarySearch } from '../components/LibrarySearch';
import { LibraryTable } from '../components/LibraryTable';
import { EMPTY_FILTERS, hasFilters, parseLibraryFilters, type LibraryFilterForm } from '../lib/library-filters';
import type { CallImport } from '../lib/use-call-import';
import { DEFAULT_SORT, firstDirection, LIBRARY_PAGE_SIZE, useLibraryCalls, type CallFilters, type LibrarySort } from '../lib/use-library-calls';
import '../styles/library.css';

export interface LibraryViewProps {
  bridge: AttuneBridge;
  /** The import (the App's, so a recording dropped on the window can start one too). */
  callImport: CallImport;
  /** Opens a stored call (at a moment, for a search hit). */
  onOpenCall: (callId: number, atMs?: number) => void;
}

type ExportState = { tag: 'idle' } | { tag: 'busy' } | { tag: 'done'; result: ExportLibraryCsvResult };

export function LibraryView({ bridge, callImport, onOpenCall }: LibraryViewProps): ReactElement {
  const [form, setForm] = useState<LibraryFilterForm>({ ...EMPTY_FILTERS });
  const [sort, setSort] = useState<LibrarySort>(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const [libraryVersion, setLibraryVersion] = useState(0);
  const [exportState, setExportState] = useState<ExportState>({ tag: 'idle' });

  const parsed = useMemo(() => parseLibraryFilters(form), [form]);
  // While a field does not parse, the table keeps the last filters that did.
  const [filters, setFilters] = useState<CallFilters>({});
  const libraryChanged = useCallback(() => setLibraryVersion((version) => version + 1), []);
  // Each call imported (here or from another window) shows up at once.
  useEffect(
    () =>
      bridge.onImportProgress((progress) => {
        if ((progress.type === 'file-done' && progress.outcome.status === 'imported') || progress.type === 'finished') libraryChanged();
      }),
    [bridge, libraryChanged],
  );
  // The importCalls answer may come before the pushes: an import's end asks again too.
  const refreshKey = `${libraryVersion}/${callImport.state.tag === 'finished' ? callImport.state.importId : 0}`;
  const calls = useLibraryCalls(bridge, filters, sort, page, refreshKey);

  const changeFilters = (next: LibraryFilterForm): void => {
    setForm(next);
    const nextParsed = parseLibraryFilters(next);
    if (nextParsed.ok) {
      setFilters(nextParsed.query);
      setPage(0);
    }
  };
  const changeSort = (key: CallSortKey): void => {
    setSort((current) => (current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: firstDirection(key) }));
    setPage(0);
  };
  const deleteCall = async (row: { id: number }): Promise<{ ok: true } | { ok: false; error: string }> => {
    const result = await bridge.deleteCall(row.id);
    if (result.ok) libraryChanged();
    return result.ok ? { ok: true } : { ok: false, error: result.error };
  };
  const exportCsv = (): void => {
    setExportState({ tag: 'busy' });
    bridge.exportLibraryCsv({ ...filters, sort }).then(
      (result) => setExportState({ tag: 'done', result }),
      (error: unknown) => setExportState({ tag: 'done', result: { status: 'failed', error: error instanceof Error ? error.message : String(error) } }),
    );
  };

  const result = calls.tag === 'loaded' ? calls.result : calls.tag === 'loading' ? calls.previous : null;
  const total = result?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / LIBRARY_PAGE_SIZE) - 1);
  const filtered = hasFilters(form);

  return (
    <section className="view library-view" aria-labelledby="library-title" data-testid="library-view">
      <header className="view-header">
        <div>
          <h1 id="library-title">Library</h1>
          <p className="view-subtitle" data-testid="library-count">
            {result === null ? 'Loading calls…' : filtered ? `${total} of the stored calls match the filters` : `${total} stored call${total === 1 ? '' : 's'}`}
          </p>
        </div>
        <div className="toolbar">
          <button type="button" className="button" onClick={exportCsv} disabled={exportState.tag === 'busy' || total === 0} data-testid="export-csv">
            {filtered ? 'Export these calls as CSV…' : 'Export CSV…'}
          </button>
        </div>
      </header>
      {exportState.tag === 'done' && <ExportOutcome result={exportState.result} onDismiss={() => setExportState({ tag: 'idle' })} />}

      <CallImportPanel callImport={callImport} onOpenCall={(callId) => onOpenCall(callId)} />
      <LibrarySearch bridge={bridge} onOpenCall={onOpenCall} libraryVersion={refreshKey} />

      <section className="card library-calls" aria-labelledby="library-calls-title">
        <div className="library-calls-header">
          <h2 id="library-calls-title" className="card-title">
            Calls
          </h2>
          <button type="button" className="button button-quiet filter-clear" onClick={() => changeFilters({ ...EMPTY_FILTERS })} disabled={!filtered} data-testid="filter-clear">
            Clear filters
          </button>
        </div>
        <LibraryFilters form={form} problems={parsed.ok ? {} : parsed.problems} agentNames={result?.agentNames ?? []} onChange={changeFilters} />
        {calls.tag === 'failed' && (
          <p className="library-error" role="alert">
            {calls.error}
          </p>
        )}
        {result !== null && result.rows.length === 0 && (
          <p className="library-empty" data-testid="library-empty">
            {filtered ? 'No call matches these filters.' : 'No calls yet. Record one in the Live view, or import recordings above.'}
          </p>
        )}
        {result !== null && result.rows.length > 0 && (
          <>
            <LibraryTable rows={result.rows} sort={sort} onSort={changeSort} onOpenCall={(callId) => onOpenCall(callId)} onDelete={deleteCall} />
            {total > LIBRARY_PAGE_SIZE && (
              <nav className="library-pager" aria-label="Pages">
                <button type="button" className="button" onClick={() => setPage((value) => Math.max(0, value - 1))} disabled={page === 0} data-testid="page-previous">
                  Previous
                </button>
                <span>
                  {page * LIBRARY_PAGE_SIZE + 1}–{Math.min(total, (page + 1) * LIBRARY_PAGE_SIZE)} of {total}
                </span>
                <button type="button" className="button" onClick={() => setPage((value) => Math.min(lastPage, value + 1))} disabled={page >= lastPage} data-testid="page-next">
                  Next
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </section>
  );
}

function ExportOutcome({ result, onDismiss }: { result: ExportLibraryCsvResult; onDismiss: () => void }): ReactElement | null {
  if (result.status === 'cancelled') return null;
  return (
    <div className={`export-outcome ${result.status === 'failed' ? 'export-failed' : ''}`} role={result.status === 'failed' ? 'alert' : 'status'} data-testid="export-outcome">
      <p>{result.status === 'saved' ? `Saved ${result.calls} call${result.calls === 1 ? '' : 's'} to ${result.path}` : result.error}</p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

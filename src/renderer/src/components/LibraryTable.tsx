// The Library's table of calls: agent, date, duration, talk ratio, interruptions by each side and the
// listening score; sortable by any column (aria-sort says how), a row opens the call, and each row can
// be deleted after a confirmation that says what goes with it.

import { useState, type ReactElement } from 'react';
import type { CallSortKey, LibraryCallRow } from '../../../shared/library';
import { formatClock, NO_VALUE, talkShares } from '../lib/format';
import type { LibrarySort } from '../lib/use-library-calls';

export interface LibraryTableProps {
  rows: LibraryCallRow[];
  sort: LibrarySort;
  onSort: (key: CallSortKey) => void;
  onOpenCall: (callId: number) => void;
  onDelete: (row: LibraryCallRow) => Promise<{ ok: true } | { ok: false; error: string }>;
}

const COLUMNS: ReadonlyArray<{ key: CallSortKey; label: string; numeric: boolean; title?: string }> = [
  { key: 'startedAt', label: 'Date', numeric: false },
  { key: 'agentName', label: 'Agent', numeric: false },
  { key: 'durationMs', label: 'Duration', numeric: true },
  { key: 'talkRatio', label: 'Agent talk', numeric: true, title: "The agent's share of the talking (the customer's is the rest)" },
  { key: 'agentInterruptions', label: 'Interruptions by agent', numeric: true, title: 'Times the agent talked over the customer' },
  { key: 'customerInterruptions', label: 'Interruptions by customer', numeric: true, title: 'Times the customer talked over the agent' },
  { key: 'listeningScore', label: 'Listening score', numeric: true, title: '0–100: talk balance, interruptions, response gap, dead air (and the transcript points when there is one)' },
];

/** A call's start in the person's own locale, short. */
export function formatCallDate(startedAt: string): string {
  const date = new Date(startedAt);
  return Number.isNaN(date.getTime()) ? startedAt : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function LibraryTable({ rows, sort, onSort, onOpenCall, onDelete }: LibraryTableProps): ReactElement {
  const [confirming, setConfirming] = useState<{ row: LibraryCallRow; busy: boolean; error: string | null } | null>(null);

  const confirmDelete = (): void => {
    if (confirming === null) return;
    const { row } = confirming;
    setConfirming({ row, busy: true, error: null });
    onDelete(row).then(
      (result) => setConfirming(result.ok ? null : { row, busy: false, error: result.error }),
      (error: unknown) => setConfirming({ row, busy: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <>
      <div className="library-table-wrap">
        <table className="library-table" data-testid="library-table">
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="sort-button" onClick={() => onSort(column.key)} title={column.title} data-testid={`sort-${column.key}`}>
                      {column.label}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const shares = talkShares(row.talkRatio);
              const isConfirming = confirming?.row.id === row.id;
              return (
                <tr key={row.id} data-testid="library-row" data-call-id={row.id} className={isConfirming ? 'row-confirming' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpenCall(row.id)} data-testid="open-call">
                      {formatCallDate(row.startedAt)}
                    </button>
                    {row.source === 'import' && <span className="row-badge">imported</span>}
                    {row.recovered && <span className="row-badge">recovered</span>}
                  </td>
                  <td>{row.agentName}</td>
                  <td className="numeric">{formatClock(row.durationMs)}</td>
                  <td className="numeric" data-testid="cell-talk-ratio">
                    <span className="talk-share-bar" aria-hidden="true">
                      <svg viewBox="0 0 100 6" preserveAspectRatio="none" width="48" height="6">
                        <rect className="talk-share-agent" x="0" y="0" width={row.talkRatio * 100} height="6" />
                        <rect className="talk-share-customer" x={row.talkRatio * 100} y="0" width={100 - row.talkRatio * 100} height="6" />
                      </svg>
                    </span>
                    {shares.agentPercent}
                  </td>
                  <td className="numeric" data-testid="cell-agent-interruptions">
                    {row.interruptions.agent}
                  </td>
                  <td className="numeric" data-testid="cell-customer-interruptions">
                    {row.interruptions.customer}
                  </td>
                  <td className="numeric" data-testid="cell-listening-score">
                    {row.listeningScore === null ? NO_VALUE : Math.round(row.listeningScore)}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="button button-quiet" onClick={() => setConfirming({ row, busy: false, error: null })} aria-label={`Delete the call of ${formatCallDate(row.startedAt)}`} data-testid="delete-call">
                      Delete…
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {confirming !== null && (
        <div className="library-confirm" role="alertdialog" aria-labelledby="confirm-call-delete-text" data-testid="delete-confirm">
          <p id="confirm-call-delete-text">
            Delete {confirming.row.agentName}’s call of {formatCallDate(confirming.row.startedAt)} ({formatClock(confirming.row.durationMs)})? Its recording, transcript and annotations are
            deleted too. This cannot be undone.
          </p>
          {confirming.error !== null && (
            <p className="library-error" role="alert" data-testid="delete-error">
              {confirming.error}
            </p>
          )}
          <div className="library-actions">
            <button type="button" className="button button-danger" onClick={confirmDelete} disabled={confirming.busy} data-testid="delete-confirm-button">
              Delete call
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)} disabled={confirming.busy} autoFocus data-testid="delete-cancel">
              Keep it
            </button>
          </div>
        </div>
      )}
    </>
  );
}

// The Library table's data: the calls matching the filters, in the chosen order, one page at a time,
// asked of main (queryCalls) whenever any of those change or the library does (an import, a delete).

import { useEffect, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { CallQuery, CallQueryResult, CallSortKey, SortDirection } from '../../../shared/library';

/** Rows per page: enough to fill a tall window, few enough to draw at once. */
export const LIBRARY_PAGE_SIZE = 50;

export type CallFilters = Omit<CallQuery, 'sort' | 'offset' | 'limit'>;

export type LibraryCalls =
  /** previous: the last answer, shown (dimmed) until the new one comes. */
  | { tag: 'loading'; previous: CallQueryResult | null }
  | { tag: 'loaded'; result: CallQueryResult }
  | { tag: 'failed'; error: string };

export interface LibrarySort {
  key: CallSortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: LibrarySort = { key: 'startedAt', direction: 'desc' };

/** Columns where a first click should show the largest first (numbers, dates); names go A→Z. */
export function firstDirection(key: CallSortKey): SortDirection {
  return key === 'agentName' ? 'asc' : 'desc';
}

type Answer = { tag: 'loaded'; result: CallQueryResult } | { tag: 'failed'; error: string };

/** refreshKey: changes whenever the library did (an import, a delete), so the page is asked for again. */
export function useLibraryCalls(bridge: AttuneBridge, filters: CallFilters, sort: LibrarySort, page: number, refreshKey: string): LibraryCalls {
  const query: CallQuery = { ...filters, sort, offset: page * LIBRARY_PAGE_SIZE, limit: LIBRARY_PAGE_SIZE };
  // Everything the answer depends on; an answer to an older key is shown only as "previous".
  const key = JSON.stringify([query, refreshKey]);
  const [answer, setAnswer] = useState<{ key: string; answer: Answer } | null>(null);

  useEffect(() => {
    let current = true;
    const [request] = JSON.parse(key) as [CallQuery, string];
    bridge.queryCalls(request).then(
      (result) => {
        if (current) setAnswer({ key, answer: { tag: 'loaded', result } });
      },
      (error: unknown) => {
        if (current) setAnswer({ key, answer: { tag: 'failed', error: error instanceof Error ? error.message : String(error) } });
      },
    );
    // Answers can arrive out of order while the person types; only the latest request's counts.
    return () => {
      current = false;
    };
  }, [bridge, key]);

  return answer !== null && answer.key === key ? answer.answer : { tag: 'loading', previous: answer !== null && answer.answer.tag === 'loaded' ? answer.answer.result : null };
}

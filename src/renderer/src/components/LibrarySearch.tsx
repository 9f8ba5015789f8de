// Library search: words found in transcripts and annotations, each hit with its snippet (the words
// marked), whose call it is and when; a hit opens the call at that moment.

import { useEffect, useState, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { LibrarySearchHit, LibrarySearchResult } from '../../../shared/library';
import { formatClock } from '../lib/format';
import { snippetParts } from '../lib/library-filters';
import { formatCallDate } from './LibraryTable';

/** Typing pauses this long before a search goes out. */
const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 50;

type SearchAnswer = { tag: 'done'; result: LibrarySearchResult } | { tag: 'failed'; error: string };
type SearchState = { tag: 'idle' } | { tag: 'searching' } | SearchAnswer;

export interface LibrarySearchProps {
  bridge: AttuneBridge;
  onOpenCall: (callId: number, atMs: number) => void;
  /** Bumped when the library changed (import, delete, annotation), so a shown search is run again. */
  libraryVersion: string;
}

export function LibrarySearch({ bridge, onOpenCall, libraryVersion }: LibrarySearchProps): ReactElement {
  const [text, setText] = useState('');
  const words = text.trim();
  // The answer is for these words in this version of the library; anything else is still searching.
  const key = JSON.stringify([words, libraryVersion]);
  const [answer, setAnswer] = useState<{ key: string; answer: SearchAnswer } | null>(null);

  useEffect(() => {
    const [request] = JSON.parse(key) as [string, string];
    if (request === '') return;
    let current = true;
    const timer = setTimeout(() => {
      bridge.searchLibrary({ text: request, limit: SEARCH_LIMIT }).then(
        (result) => {
          if (current) setAnswer({ key, answer: { tag: 'done', result } });
        },
        (error: unknown) => {
          if (current) setAnswer({ key, answer: { tag: 'failed', error: error instanceof Error ? error.message : String(error) } });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, key]);

  const state: SearchState = words === '' ? { tag: 'idle' } : answer !== null && answer.key === key ? answer.answer : { tag: 'searching' };

  return (
    <section className="card library-search" aria-labelledby="library-search-title">
      <h2 id="library-search-title" className="card-title">
        Search transcripts and notes
      </h2>
      <input
        type="search"
        className="search-input"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Words said in a call, or in an annotation"
        aria-label="Search transcripts and annotations"
        data-testid="library-search"
      />
      {state.tag === 'searching' && <p className="library-hint">Searching…</p>}
      {state.tag === 'failed' && (
        <p className="library-error" role="alert">
          {state.error}
        </p>
      )}
      {state.tag === 'done' && state.result.hits.length === 0 && (
        <p className="library-hint" data-testid="search-empty">
          No transcript or annotation mentions “{words}”.
        </p>
      )}
      {state.tag === 'done' && state.result.hits.length > 0 && (
        <>
          <ul className="search-hits" aria-label="Search results" data-testid="search-hits">
            {state.result.hits.map((hit) => (
              <li key={`${hit.kind}-${hit.callId}-${hit.annotationId ?? ''}-${hit.atMs}`}>
                <button type="button" className="search-hit" onClick={() => onOpenCall(hit.callId, hit.atMs)} data-testid="search-hit" data-kind={hit.kind}>
                  <span className="search-hit-where">
                    <span className={`hit-kind hit-kind-${hitKindClass(hit)}`}>{hitKindLabel(hit)}</span> {hit.call.agentName} · {formatCallDate(hit.call.startedAt)} · at {formatClock(hit.atMs)}
                  </span>
                  <span className="search-hit-snippet">
                    {snippetParts(hit.snippet).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {state.result.truncated && <p className="library-hint">Showing the first {state.result.hits.length} places; add a word to narrow it down.</p>}
        </>
      )}
    </section>
  );
}

function hitKindClass(hit: LibrarySearchHit): string {
  return hit.kind === 'annotation' ? 'note' : (hit.channel ?? 'transcript');
}

function hitKindLabel(hit: LibrarySearchHit): string {
  if (hit.kind === 'annotation') return 'Annotation';
  return hit.channel === 'agent' ? 'Agent said' : hit.channel === 'customer' ? 'Customer said' : 'Transcript';
}

// Full-text search over the whole library: the words people said (transcripts, migration 0003) and
// what supervisors wrote (annotations' text and tags, migration 0007), as one list of places to open.
// Each source gives its best matches (FTS5 rank); the list then reads by call, newest first, and in
// time order within a call, each hit with its snippet («marked»), its moment and the call's agent and
// start, so the list is shown without another query. Plain words only: nothing typed is interpreted.

import type { LibrarySearchHit, LibrarySearchRequest, LibrarySearchResult } from '../../shared/library';
import type { SqliteDatabase } from '../store/database';
import { searchAnnotations } from '../store/annotations-repository';
import { searchTranscripts } from '../store/transcripts-repository';

export const DEFAULT_LIBRARY_SEARCH_LIMIT = 100;

interface CallInfoRow {
  id: number;
  agent_name: string;
  started_at: string;
  duration_ms: number;
}

type UnplacedHit = Omit<LibrarySearchHit, 'call'>;

export function searchLibrary(db: SqliteDatabase, request: LibrarySearchRequest): LibrarySearchResult {
  const limit = Math.max(0, Math.floor(request.limit ?? DEFAULT_LIBRARY_SEARCH_LIMIT));
  // One more than the limit from each source tells whether anything was left out.
  const transcriptHits: UnplacedHit[] = searchTranscripts(db, request.text, limit + 1).map((hit) => ({
    kind: 'transcript',
    callId: hit.callId,
    atMs: hit.atMs,
    snippet: hit.snippet,
    channel: hit.channel,
    annotationId: null,
  }));
  const annotationHits: UnplacedHit[] = searchAnnotations(db, request.text, limit + 1).map((hit) => ({
    kind: 'annotation',
    callId: hit.callId,
    atMs: hit.atMs,
    snippet: hit.snippet,
    channel: null,
    annotationId: hit.annotationId,
  }));
  // Best of each source in turn, so neither crowds the other out of a short list.
  const picked: UnplacedHit[] = [];
  for (let rank = 0; picked.length < limit && (rank < transcriptHits.length || rank < annotationHits.length); rank += 1) {
    for (const hit of [annotationHits[rank], transcriptHits[rank]]) {
      if (hit !== undefined && picked.length < limit) picked.push(hit);
    }
  }
  const truncated = transcriptHits.length + annotationHits.length > picked.length;

  const calls = callInfo(db, [...new Set(picked.map((hit) => hit.callId))]);
  const hits = picked
    .flatMap((hit): LibrarySearchHit[] => {
      const call = calls.get(hit.callId);
      return call === undefined ? [] : [{ ...hit, call: { agentName: call.agent_name, startedAt: call.started_at, durationMs: call.duration_ms } }];
    })
    .sort(
      (a, b) =>
        (a.call.startedAt < b.call.startedAt ? 1 : a.call.startedAt > b.call.startedAt ? -1 : 0) ||
        b.callId - a.callId ||
        a.atMs - b.atMs ||
        (a.kind === b.kind ? 0 : a.kind === 'annotation' ? -1 : 1),
    );
  return { hits, truncated };
}

function callInfo(db: SqliteDatabase, callIds: readonly number[]): Map<number, CallInfoRow> {
  if (callIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, agent_name, started_at, duration_ms FROM calls WHERE id IN (${callIds.map(() => '?').join(', ')})`)
    .all(...callIds) as CallInfoRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

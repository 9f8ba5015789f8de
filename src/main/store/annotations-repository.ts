// Stored annotations (migration 0007): add, edit, delete, list a call's, and full-text search over
// their text and tags. Callers validate and normalise what the user typed (annotation-service.ts);
// this file writes what it is given, and the schema's constraints refuse what does not fit.

import type { Annotation, AnnotationSearchHit } from '../../shared/annotations';
import type { SqliteDatabase } from './database';
import { searchTerms, SNIPPET_CLOSE, SNIPPET_OPEN } from './transcripts-repository';

/** What searchAnnotations returns at most, best first. */
export const DEFAULT_ANNOTATION_SEARCH_LIMIT = 50;

/** Between tags in a snippet made of tags. */
export const TAG_SNIPPET_SEPARATOR = ' · ';

export interface AnnotationFields {
  startMs: number;
  /** null: a note at startMs. */
  endMs: number | null;
  text: string;
  tags: readonly string[];
}

export interface NewAnnotationRow extends AnnotationFields {
  callId: number;
  author: string;
  /** ISO 8601; both created_at and updated_at. */
  createdAt: string;
}

interface AnnotationRow {
  id: number;
  call_id: number;
  start_ms: number;
  end_ms: number | null;
  text: string;
  tags_json: string;
  author: string;
  created_at: string;
  updated_at: string;
}

const COLUMN_NAMES = ['id', 'call_id', 'start_ms', 'end_ms', 'text', 'tags_json', 'author', 'created_at', 'updated_at'] as const;
const COLUMNS = COLUMN_NAMES.join(', ');
/** The same columns of `annotations a`, where a query joins another table. */
const A_COLUMNS = COLUMN_NAMES.map((name) => `a.${name}`).join(', ');

/** Stores a new annotation and returns it; throws (storing nothing) for an unknown call or a row the schema refuses. */
export function insertAnnotation(db: SqliteDatabase, annotation: NewAnnotationRow): Annotation {
  const row = db
    .prepare(
      `INSERT INTO annotations (call_id, start_ms, end_ms, text, tags_json, author, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    )
    .get(
      annotation.callId,
      annotation.startMs,
      annotation.endMs,
      annotation.text,
      JSON.stringify(annotation.tags),
      annotation.author,
      annotation.createdAt,
      annotation.createdAt,
    ) as AnnotationRow;
  return toAnnotation(row);
}

/** Replaces annotation `id`'s place, text and tags; null when there is no such annotation. */
export function updateAnnotation(db: SqliteDatabase, id: number, fields: AnnotationFields, updatedAt: string): Annotation | null {
  const row = db
    .prepare(
      `UPDATE annotations SET start_ms = ?, end_ms = ?, text = ?, tags_json = ?, updated_at = ?
       WHERE id = ? RETURNING ${COLUMNS}`,
    )
    .get(fields.startMs, fields.endMs, fields.text, JSON.stringify(fields.tags), updatedAt, id) as AnnotationRow | undefined;
  return row === undefined ? null : toAnnotation(row);
}

/** Removes annotation `id`; false when there was none. */
export function deleteAnnotation(db: SqliteDatabase, id: number): boolean {
  return db.prepare('DELETE FROM annotations WHERE id = ?').run(id).changes > 0;
}

export function getAnnotation(db: SqliteDatabase, id: number): Annotation | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`).get(id) as AnnotationRow | undefined;
  return row === undefined ? null : toAnnotation(row);
}

/** Call `callId`'s annotations in time order (then in the order they were written); [] when it has none. */
export function listAnnotations(db: SqliteDatabase, callId: number): Annotation[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM annotations WHERE call_id = ? ORDER BY start_ms, id`).all(callId) as AnnotationRow[];
  return rows.map(toAnnotation);
}

/**
 * The annotations whose text and tags together contain every word of `query` (any order), best match
 * first (FTS5 rank), each with its call and moment and a snippet with the matches marked «like this»:
 * from the text when a word matched there, else the tags. The query is taken as plain words, as in
 * searchTranscripts: FTS5 syntax in it is searched for as text, so no input makes it throw.
 */
export function searchAnnotations(db: SqliteDatabase, query: string, limit: number = DEFAULT_ANNOTATION_SEARCH_LIMIT): AnnotationSearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const match = terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ');
  const rows = db
    .prepare(
      `SELECT ${A_COLUMNS},
         snippet(annotation_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 24) AS snippet
       FROM annotation_fts JOIN annotations a ON a.id = annotation_fts.rowid
       WHERE annotation_fts MATCH ?
       ORDER BY rank, a.call_id, a.start_ms
       LIMIT ?`,
    )
    .all(match, Math.max(0, Math.floor(limit))) as Array<AnnotationRow & { snippet: string }>;
  const wanted = new Set(terms);
  return rows.map((row) => {
    const annotation = toAnnotation(row);
    const snippet = row.snippet.includes(SNIPPET_OPEN) ? row.snippet : tagSnippet(annotation.tags, wanted) || row.snippet;
    return {
      annotationId: annotation.id,
      callId: annotation.callId,
      atMs: annotation.startMs,
      endMs: annotation.endMs,
      snippet,
      tags: annotation.tags,
      author: annotation.author,
    };
  });
}

/** The tags, with the words `wanted` contains marked: `great «empathy» · interrupted`. */
function tagSnippet(tags: readonly string[], wanted: ReadonlySet<string>): string {
  return tags
    .map((tag) =>
      tag.replace(/[\p{L}\p{N}\p{M}]+/gu, (word) => (searchTerms(word).some((term) => wanted.has(term)) ? `${SNIPPET_OPEN}${word}${SNIPPET_CLOSE}` : word)),
    )
    .join(TAG_SNIPPET_SEPARATOR);
}

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    callId: row.call_id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    text: row.text,
    tags: parseTags(row.tags_json),
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The schema guarantees a JSON array; anything in it that is not a string is skipped, not fatal. */
function parseTags(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

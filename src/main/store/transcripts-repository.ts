// Stored transcripts: a call's words with their timings, grouped into turns for the full-text index
// (see migration 0003), and a search that finds a word with its call and its moment. Callers redact
// before appending (src/main/privacy/redaction.ts): what reaches this file is written as given.

import type { TranscriptChannel, TranscriptSearchHit, TranscriptWord } from '../../shared/transcript';
import type { SqliteDatabase } from './database';

/** A pause longer than this between two words of one channel starts a new turn. */
export const TURN_GAP_MS = 1_500;

/** What searchTranscripts returns at most, best first. */
export const DEFAULT_SEARCH_LIMIT = 50;

/** The marks around matches in a search snippet (not '[' ']', which "[redacted]" already uses). */
export const SNIPPET_OPEN = '«';
export const SNIPPET_CLOSE = '»';

interface WordRow {
  channel: TranscriptChannel;
  word: string;
  start_ms: number;
  end_ms: number;
  conf: number;
}

interface HitRow {
  id: number;
  call_id: number;
  channel: TranscriptChannel;
  start_ms: number;
  end_ms: number;
  snippet: string;
}

/**
 * Appends `words` to call `callId`'s transcript in one transaction (all or none): the word rows, and
 * the turns they form (per channel, split at pauses over TURN_GAP_MS) for the search index.
 * Times must be whole milliseconds; throws (writing nothing) for an unknown call or a bad word.
 */
export function appendTranscriptWords(db: SqliteDatabase, callId: number, words: readonly TranscriptWord[]): void {
  if (words.length === 0) return;
  const append = db.transaction(() => {
    const insertWord = db.prepare(
      'INSERT INTO transcript_words (call_id, channel, word, start_ms, end_ms, conf) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const w of words) insertWord.run(callId, w.channel, w.word, w.startMs, w.endMs, w.conf);
    const insertSegment = db.prepare(
      'INSERT INTO transcript_segments (call_id, channel, start_ms, end_ms, text) VALUES (?, ?, ?, ?, ?)',
    );
    for (const turn of turnsOf(words)) {
      insertSegment.run(callId, turn.channel, turn.startMs, turn.endMs, turn.words.map((w) => w.word).join(' '));
    }
  });
  append.immediate();
}

/** Call `callId`'s words in time order (both channels interleaved); [] when it has none. */
export function getTranscript(db: SqliteDatabase, callId: number): TranscriptWord[] {
  const rows = db
    .prepare('SELECT channel, word, start_ms, end_ms, conf FROM transcript_words WHERE call_id = ? ORDER BY start_ms, id')
    .all(callId) as WordRow[];
  return rows.map(toWord);
}

/** Removes call `callId`'s transcript (the call itself stays). Returns how many words were removed. */
export function deleteTranscript(db: SqliteDatabase, callId: number): number {
  const remove = db.transaction((): number => {
    db.prepare('DELETE FROM transcript_segments WHERE call_id = ?').run(callId);
    return db.prepare('DELETE FROM transcript_words WHERE call_id = ?').run(callId).changes;
  });
  return remove.immediate();
}

/**
 * Finds the turns containing every word of `query` (any order), best match first (FTS5 rank), each
 * with its call, channel, the moment of the first matching word, and a snippet with the matches
 * marked «like this». The query is taken as plain words: FTS5 operators, quotes and punctuation in
 * it are searched for as text (or ignored), never interpreted, so no input makes it throw.
 */
export function searchTranscripts(db: SqliteDatabase, query: string, limit: number = DEFAULT_SEARCH_LIMIT): TranscriptSearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const match = terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ');
  const rows = db
    .prepare(
      `SELECT s.id, s.call_id, s.channel, s.start_ms, s.end_ms,
         snippet(transcript_fts, 0, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', 16) AS snippet
       FROM transcript_fts JOIN transcript_segments s ON s.id = transcript_fts.rowid
       WHERE transcript_fts MATCH ?
       ORDER BY rank, s.call_id, s.start_ms
       LIMIT ?`,
    )
    .all(match, Math.max(0, Math.floor(limit))) as HitRow[];
  const turnWords = db.prepare(
    `SELECT channel, word, start_ms, end_ms, conf FROM transcript_words
     WHERE call_id = ? AND channel = ? AND start_ms >= ? AND start_ms <= ? ORDER BY start_ms, id`,
  );
  const wanted = new Set(terms);
  return rows.map((row) => {
    const words = (turnWords.all(row.call_id, row.channel, row.start_ms, row.end_ms) as WordRow[]).map(toWord);
    const first = words.find((w) => searchTerms(w.word).some((token) => wanted.has(token)));
    return { callId: row.call_id, atMs: first?.startMs ?? row.start_ms, channel: row.channel, snippet: row.snippet };
  });
}

/**
 * The words of `text` as the index's tokenizer (unicode61, remove_diacritics 2) sees them: runs of
 * letters and digits, lower-cased, accents removed. Everything else separates words.
 */
export function searchTerms(text: string): string[] {
  const folded = text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface Turn {
  channel: TranscriptChannel;
  startMs: number;
  endMs: number;
  words: TranscriptWord[];
}

/** Per channel, in time order: consecutive words with no pause over TURN_GAP_MS. */
function turnsOf(words: readonly TranscriptWord[]): Turn[] {
  const turns: Turn[] = [];
  for (const channel of ['agent', 'customer'] as const) {
    const own = words.filter((w) => w.channel === channel).sort((a, b) => a.startMs - b.startMs);
    let current: Turn | undefined;
    for (const w of own) {
      if (current === undefined || w.startMs - current.endMs > TURN_GAP_MS) {
        current = { channel, startMs: w.startMs, endMs: w.endMs, words: [] };
        turns.push(current);
      }
      current.words.push(w);
      current.endMs = Math.max(current.endMs, w.endMs);
    }
  }
  return turns;
}

function toWord(row: WordRow): TranscriptWord {
  return { channel: row.channel, word: row.word, startMs: row.start_ms, endMs: row.end_ms, conf: row.conf };
}

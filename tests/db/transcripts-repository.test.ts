// Migration 0003 (transcript words, turns, FTS5 index) on an in-memory database, and the transcript
// repository: append in one transaction, read back, delete, and search that finds a word with its
// call and moment whatever the user types.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertCall } from '../../src/main/store/calls-repository';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { runMigrations, schemaVersion } from '../../src/main/store/migrations/run-migrations';
import { openDatabase } from '../../src/main/store/database';
import {
  appendTranscriptWords,
  deleteTranscript,
  getTranscript,
  searchTerms,
  searchTranscripts,
} from '../../src/main/store/transcripts-repository';
import type { TranscriptChannel, TranscriptWord } from '../../src/shared/transcript';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

/** Words of `text`, one every 400 ms from `startMs`, each lasting 300 ms. */
function said(channel: TranscriptChannel, startMs: number, text: string): TranscriptWord[] {
  return text.split(' ').map((word, i) => ({ channel, word, startMs: startMs + i * 400, endMs: startMs + i * 400 + 300, conf: 0.9 }));
}

function count(db: ReturnType<typeof migratedMemoryDb>, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('migration 0003: transcripts', () => {
  it('adds STRICT word and turn tables, the FTS5 index and its triggers, keeping version-2 data', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 2));
    // Raw SQL: insertCall writes today's calls table (with later columns), not version 2's.
    const callId = Number(
      db
        .prepare(
          `INSERT INTO calls (recording_key, agent_name, started_at, duration_ms, recording_path, talk_ratio, agent_talk_ms,
             customer_talk_ms, agent_interruptions, customer_interruptions, recovered, source, metrics_json)
           VALUES ('live-1', 'Dana', '2026-12-01T10:00:00.000Z', 1000, NULL, 0.5, 500, 500, 0, 0, 0, 'live', '{}')`,
        )
        .run().lastInsertRowid,
    );
    runMigrations(db, MIGRATIONS.slice(0, 3));
    assert.equal(schemaVersion(db), 3);
    assert.equal(db.prepare('SELECT id FROM calls').pluck().get(), callId);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name LIKE 'transcript%' ORDER BY name").pluck().all();
    assert.deepEqual(strict, ['transcript_segments', 'transcript_words']);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'transcript_words' AND sql IS NOT NULL").pluck().all();
    assert.deepEqual(indexes, ['transcript_words_call_id']);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM transcript_words WHERE call_id = 1 ORDER BY start_ms').all() as Array<{ detail: string }>;
    assert.match(plan.map((p) => p.detail).join('\n'), /USING INDEX transcript_words_call_id/);
    const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name").pluck().all();
    assert.deepEqual(triggers, ['transcript_segments_fts_delete', 'transcript_segments_fts_insert', 'transcript_segments_fts_update']);
  });

  it('refuses words without their call, with a bad channel, span or confidence, or fractional ms', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const insert = db.prepare('INSERT INTO transcript_words (call_id, channel, word, start_ms, end_ms, conf) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(callId, 'agent', 'hello', 0, 300, 1);
    assert.throws(() => insert.run(callId + 1, 'agent', 'hello', 0, 300, 1), /FOREIGN KEY constraint failed/);
    assert.throws(() => insert.run(callId, 'supervisor', 'hello', 0, 300, 1), /CHECK constraint failed/);
    assert.throws(() => insert.run(callId, 'agent', 'hello', 400, 300, 1), /CHECK constraint failed/);
    assert.throws(() => insert.run(callId, 'agent', 'hello', -1, 300, 1), /CHECK constraint failed/);
    assert.throws(() => insert.run(callId, 'agent', 'hello', 0, 300, 1.5), /CHECK constraint failed/);
    assert.throws(() => insert.run(callId, 'agent', '', 0, 300, 1), /CHECK constraint failed/);
    assert.throws(() => insert.run(callId, 'agent', 'hello', 0.5, 300, 1), /cannot store REAL value in INTEGER column/);
    assert.equal(count(db, 'transcript_words'), 1);
  });

  it('drops the words, the turns and their index entries when the call is deleted', () => {
    const db = migratedMemoryDb();
    const kept = insertCall(db, sampleCall({ recordingKey: 'kept' }));
    const gone = insertCall(db, sampleCall({ recordingKey: 'gone' }));
    appendTranscriptWords(db, kept, said('agent', 0, 'your refund is on its way'));
    appendTranscriptWords(db, gone, said('customer', 0, 'I want a refund now'));
    db.prepare('DELETE FROM calls WHERE id = ?').run(gone);
    assert.equal(count(db, 'transcript_words'), 6);
    assert.equal(count(db, 'transcript_segments'), 1);
    assert.deepEqual(searchTranscripts(db, 'refund').map((hit) => hit.callId), [kept]);
    // The index agrees with its content table (FTS5's own consistency check throws if not).
    db.prepare("INSERT INTO transcript_fts (transcript_fts, rank) VALUES ('integrity-check', 1)").run();
  });
});

describe('appendTranscriptWords / getTranscript / deleteTranscript', () => {
  it('reads back both channels interleaved in time order, across appends', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    assert.deepEqual(getTranscript(db, callId), []);
    const customer = said('customer', 1_000, 'my card was charged twice');
    const agent = said('agent', 3_100, 'I am sorry to hear that');
    appendTranscriptWords(db, callId, customer);
    appendTranscriptWords(db, callId, agent);
    appendTranscriptWords(db, callId, []);
    const words = getTranscript(db, callId);
    assert.deepEqual(words, [...customer, ...agent].sort((a, b) => a.startMs - b.startMs));
    assert.deepEqual(words[0], { channel: 'customer', word: 'my', startMs: 1_000, endMs: 1_300, conf: 0.9 });
  });

  it('groups words into turns per channel, split at pauses', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    appendTranscriptWords(db, callId, [...said('agent', 0, 'hello there'), ...said('customer', 500, 'hi'), ...said('agent', 5_000, 'how can I help')]);
    const turns = db.prepare('SELECT channel, start_ms, end_ms, text FROM transcript_segments ORDER BY start_ms').all();
    assert.deepEqual(turns, [
      { channel: 'agent', start_ms: 0, end_ms: 700, text: 'hello there' },
      { channel: 'customer', start_ms: 500, end_ms: 800, text: 'hi' },
      { channel: 'agent', start_ms: 5_000, end_ms: 6_500, text: 'how can I help' },
    ]);
  });

  it('writes nothing when one word is refused, and refuses an unknown call', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const words = said('agent', 0, 'one two three');
    const bad = [...words, { ...words[2]!, startMs: 2_000, endMs: 1_000 }];
    assert.throws(() => appendTranscriptWords(db, callId, bad), /CHECK constraint failed/);
    assert.throws(() => appendTranscriptWords(db, callId + 7, words), /FOREIGN KEY constraint failed/);
    assert.equal(count(db, 'transcript_words'), 0);
    assert.equal(count(db, 'transcript_segments'), 0);
  });

  it('deletes one call’s transcript and nothing else', () => {
    const db = migratedMemoryDb();
    const a = insertCall(db, sampleCall({ recordingKey: 'a' }));
    const b = insertCall(db, sampleCall({ recordingKey: 'b' }));
    appendTranscriptWords(db, a, said('agent', 0, 'thank you for calling'));
    appendTranscriptWords(db, b, said('agent', 0, 'thank you for waiting'));
    assert.equal(deleteTranscript(db, a), 4);
    assert.deepEqual(getTranscript(db, a), []);
    assert.equal(getTranscript(db, b).length, 4);
    assert.deepEqual(searchTranscripts(db, 'thank').map((hit) => hit.callId), [b]);
    assert.equal(db.prepare('SELECT count(*) FROM calls').pluck().get(), 2);
  });
});

describe('searchTranscripts', () => {
  function library() {
    const db = migratedMemoryDb();
    const first = insertCall(db, sampleCall({ recordingKey: 'first' }));
    const second = insertCall(db, sampleCall({ recordingKey: 'second' }));
    appendTranscriptWords(db, first, [
      ...said('customer', 2_000, 'I was charged twice for my subscription'),
      ...said('agent', 6_000, 'I understand let me check the refund policy'),
    ]);
    appendTranscriptWords(db, second, [
      ...said('agent', 1_000, 'good morning how can I help'),
      ...said('customer', 4_000, 'I need a refund refund refund for the café order'),
    ]);
    return { db, first, second };
  }

  it('finds a word with its call, channel and the moment it was said', () => {
    const { db, first, second } = library();
    const hits = searchTranscripts(db, 'refund');
    assert.equal(hits.length, 2);
    // bm25: the turn saying "refund" three times ranks first.
    assert.deepEqual(hits[0], { callId: second, atMs: 4_000 + 3 * 400, channel: 'customer', snippet: 'I need a «refund» «refund» «refund» for the café order' });
    assert.deepEqual(hits[1], { callId: first, atMs: 6_000 + 6 * 400, channel: 'agent', snippet: 'I understand let me check the «refund» policy' });
    assert.deepEqual(searchTranscripts(db, 'subscription'), [
      { callId: first, atMs: 2_000 + 6 * 400, channel: 'customer', snippet: 'I was charged twice for my «subscription»' },
    ]);
  });

  it('matches every word of the query, in any order, ignoring case and accents', () => {
    const { db, first, second } = library();
    assert.deepEqual(searchTranscripts(db, 'POLICY refund').map((h) => [h.callId, h.atMs]), [[first, 6_000 + 6 * 400]]);
    assert.deepEqual(searchTranscripts(db, 'cafe').map((h) => h.callId), [second]);
    assert.deepEqual(searchTranscripts(db, 'refund banana'), []);
    assert.deepEqual(searchTranscripts(db, 'refun'), []);
  });

  it('takes FTS5 syntax as plain text: no input throws', () => {
    const { db, first } = library();
    const tricky = ['"foo', 'AND', 'OR', 'NOT', 'refund AND', 'NEAR(refund policy)', 'refund*', '^refund', 'text:refund', '(', ')', '"', "'", '-', '', '   ', '*', '{text}: x', 'a"b"c', '\u0000', 'refund OR policy'];
    for (const query of tricky) assert.doesNotThrow(() => searchTranscripts(db, query), query);
    // The operators are words: "policy" and "refund" and "or" — no turn says "or".
    assert.deepEqual(searchTranscripts(db, 'refund OR policy'), []);
    assert.deepEqual(searchTranscripts(db, 'NEAR(refund policy)'), []);
    assert.deepEqual(searchTranscripts(db, 'text:refund policy').map((h) => h.callId), []);
    assert.deepEqual(searchTranscripts(db, '"refund policy').map((h) => h.callId), [first]);
    assert.deepEqual(searchTranscripts(db, ''), []);
  });

  it('honours the limit', () => {
    const { db } = library();
    assert.equal(searchTranscripts(db, 'I', 1).length, 1);
    assert.equal(searchTranscripts(db, 'I').length, 4);
  });

  it('splits queries into words the way the index does', () => {
    assert.deepEqual(searchTerms('  Don\'t "Café"  AND-or 42 '), ['don', 't', 'cafe', 'and', 'or', '42']);
    assert.deepEqual(searchTerms('*() "'), []);
  });
});

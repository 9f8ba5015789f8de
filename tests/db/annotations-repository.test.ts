// Migration 0007 (annotations, their FTS5 index and triggers) on an in-memory database, and the
// annotations repository: add, edit, delete, list in time order, cascade with the call, and a search
// over text and tags that finds a note with its call and moment whatever the user types.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  deleteAnnotation,
  getAnnotation,
  insertAnnotation,
  listAnnotations,
  searchAnnotations,
  updateAnnotation,
  type NewAnnotationRow,
} from '../../src/main/store/annotations-repository';
import { deleteCall, insertCall } from '../../src/main/store/calls-repository';
import { openDatabase, type SqliteDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { runMigrations, schemaVersion } from '../../src/main/store/migrations/run-migrations';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

function note(callId: number, overrides: Partial<NewAnnotationRow> = {}): NewAnnotationRow {
  return {
    callId,
    startMs: 12_000,
    endMs: null,
    text: 'Good open question here.',
    tags: ['great empathy'],
    author: 'Sam',
    createdAt: '2026-12-01T14:00:00.000Z',
    ...overrides,
  };
}

function ftsRows(db: SqliteDatabase): number {
  return db.prepare('SELECT count(*) FROM annotation_fts').pluck().get() as number;
}

describe('migration 0007: annotations', () => {
  it('adds a STRICT annotations table indexed by call and time, keeping the calls stored before it', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 6));
    const callId = insertCall(db, sampleCall());
    runMigrations(db, MIGRATIONS.slice(0, 7));
    assert.equal(schemaVersion(db), 7);
    assert.equal(db.prepare('SELECT id FROM calls').pluck().get(), callId);
    assert.deepEqual(db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name = 'annotations'").pluck().all(), ['annotations']);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'annotations' AND sql IS NOT NULL").pluck().all();
    assert.deepEqual(indexes, ['annotations_call_id']);
    const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'annotations' ORDER BY name").pluck().all();
    assert.deepEqual(triggers, ['annotations_fts_delete', 'annotations_fts_insert', 'annotations_fts_update']);
  });

  it('refuses rows that break the schema: unknown call, negative or backwards times, bad tags, nothing said, no author', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const refused: Array<[string, NewAnnotationRow, RegExp]> = [
      ['unknown call', note(callId + 1), /FOREIGN KEY constraint failed/],
      ['negative start', note(callId, { startMs: -1 }), /CHECK constraint failed/],
      ['range ending before it starts', note(callId, { startMs: 5_000, endMs: 5_000 }), /CHECK constraint failed/],
      ['fractional ms (STRICT)', note(callId, { startMs: 1.5 }), /cannot store REAL value in INTEGER column/],
      ['no text and no tags', note(callId, { text: '', tags: [] }), /CHECK constraint failed/],
      ['no author', note(callId, { author: '' }), /CHECK constraint failed/],
    ];
    for (const [what, row, error] of refused) assert.throws(() => insertAnnotation(db, row), error, what);
    assert.throws(() => db.prepare("INSERT INTO annotations (call_id, start_ms, text, tags_json, author, created_at, updated_at) VALUES (?, 0, 'x', '{}', 'a', 't', 't')").run(callId), /CHECK constraint failed/);
    assert.throws(() => db.prepare("INSERT INTO annotations (call_id, start_ms, text, tags_json, author, created_at, updated_at) VALUES (?, 0, 'x', '[oops', 'a', 't', 't')").run(callId), /CHECK constraint failed/);
    assert.equal(db.prepare('SELECT count(*) FROM annotations').pluck().get(), 0);
    assert.equal(ftsRows(db), 0);
  });
});

describe('annotations repository', () => {
  it('stores a note at a moment and one over a range, and lists a call’s notes in time order', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const otherCallId = insertCall(db, sampleCall({ recordingKey: 'other' }));
    const later = insertAnnotation(db, note(callId, { startMs: 40_000, endMs: 47_500, text: 'Talked over the customer.', tags: ['interrupted'] }));
    const earlier = insertAnnotation(db, note(callId, { startMs: 3_000, tags: [] }));
    insertAnnotation(db, note(otherCallId));
    assert.deepEqual(later, {
      id: later.id,
      callId,
      startMs: 40_000,
      endMs: 47_500,
      text: 'Talked over the customer.',
      tags: ['interrupted'],
      author: 'Sam',
      createdAt: '2026-12-01T14:00:00.000Z',
      updatedAt: '2026-12-01T14:00:00.000Z',
    });
    assert.deepEqual(listAnnotations(db, callId), [earlier, later]);
    assert.equal(earlier.endMs, null);
    assert.deepEqual(earlier.tags, []);
    assert.deepEqual(listAnnotations(db, 9_999), []);
    assert.deepEqual(getAnnotation(db, later.id), later);
    assert.equal(getAnnotation(db, 9_999), null);
  });

  it('edits place, text and tags (author and creation time stay), and deletes', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const stored = insertAnnotation(db, note(callId));
    const edited = updateAnnotation(db, stored.id, { startMs: 20_000, endMs: 25_000, text: 'Paraphrased well.', tags: ['good paraphrase'] }, '2026-12-01T15:00:00.000Z');
    assert.deepEqual(edited, { ...stored, startMs: 20_000, endMs: 25_000, text: 'Paraphrased well.', tags: ['good paraphrase'], updatedAt: '2026-12-01T15:00:00.000Z' });
    assert.equal(updateAnnotation(db, 9_999, { startMs: 0, endMs: null, text: 'x', tags: [] }, 'now'), null);
    assert.equal(deleteAnnotation(db, stored.id), true);
    assert.equal(deleteAnnotation(db, stored.id), false);
    assert.deepEqual(listAnnotations(db, callId), []);
    assert.equal(ftsRows(db), 0);
  });

  it('goes with its call, and so does its entry in the search index', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const keptCallId = insertCall(db, sampleCall({ recordingKey: 'kept' }));
    insertAnnotation(db, note(callId, { text: 'refund promised' }));
    insertAnnotation(db, note(keptCallId, { text: 'refund refused' }));
    assert.equal(deleteCall(db, callId), true);
    assert.deepEqual(listAnnotations(db, callId), []);
    assert.equal(ftsRows(db), 1);
    assert.deepEqual(searchAnnotations(db, 'refund').map((hit) => hit.callId), [keptCallId]);
  });
});

describe('searchAnnotations', () => {
  it('finds a word of the text with its call and moment, the match marked in the snippet', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const stored = insertAnnotation(db, note(callId, { startMs: 61_000, endMs: 64_000, text: 'She asked about the refund and he changed the subject.', tags: ['missed question'] }));
    insertAnnotation(db, note(callId, { startMs: 5_000, text: 'Warm greeting.', tags: [] }));
    assert.deepEqual(searchAnnotations(db, 'Refund'), [
      {
        annotationId: stored.id,
        callId,
        atMs: 61_000,
        endMs: 64_000,
        snippet: 'She asked about the «refund» and he changed the subject.',
        tags: ['missed question'],
        author: 'Sam',
      },
    ]);
  });

  it('finds tags, and words spread over text and tags; a tag-only hit shows the tags with the match marked', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const tagged = insertAnnotation(db, note(callId, { text: 'Nice.', tags: ['great empathy', 'good paraphrase'] }));
    const onlyTags = insertAnnotation(db, note(callId, { startMs: 30_000, text: '', tags: ['interrupted', 'Great EMPATHY'] }));
    const empathyHits = searchAnnotations(db, 'empathy');
    assert.deepEqual(empathyHits.map((hit) => hit.annotationId).sort(), [tagged.id, onlyTags.id].sort());
    assert.equal(empathyHits.find((hit) => hit.annotationId === onlyTags.id)?.snippet, 'interrupted · Great «EMPATHY»');
    assert.equal(empathyHits.find((hit) => hit.annotationId === tagged.id)?.snippet, 'great «empathy» · good paraphrase');
    assert.deepEqual(searchAnnotations(db, 'nice paraphrase').map((hit) => hit.annotationId), [tagged.id]);
    assert.deepEqual(searchAnnotations(db, 'nice interrupted'), []);
  });

  it('follows edits: the old words are no longer found, the new ones are', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    const stored = insertAnnotation(db, note(callId, { text: 'apology missing', tags: [] }));
    updateAnnotation(db, stored.id, { startMs: 1_000, endMs: null, text: 'apology given', tags: ['great empathy'] }, '2026-12-01T15:00:00.000Z');
    assert.deepEqual(searchAnnotations(db, 'missing'), []);
    assert.deepEqual(searchAnnotations(db, 'given').map((hit) => hit.atMs), [1_000]);
    assert.deepEqual(searchAnnotations(db, 'empathy').map((hit) => hit.annotationId), [stored.id]);
    assert.equal(ftsRows(db), 1);
  });

  it('takes any input as plain words: accents folded, FTS syntax and punctuation never throw, no words finds nothing', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    insertAnnotation(db, note(callId, { text: 'Café order: "NEAR" the end OR not', tags: [] }));
    assert.equal(searchAnnotations(db, 'cafe').length, 1);
    for (const query of ['"', 'NEAR(', 'order*', 'OR', 'text:', '^end', '(', ')', "'; DROP TABLE annotations; --"]) {
      assert.doesNotThrow(() => searchAnnotations(db, query), query);
    }
    assert.equal(searchAnnotations(db, 'NEAR OR').length, 1);
    assert.deepEqual(searchAnnotations(db, '  '), []);
    assert.deepEqual(searchAnnotations(db, '?!'), []);
    assert.equal(db.prepare('SELECT count(*) FROM annotations').pluck().get(), 1);
  });

  it('returns at most `limit` hits', () => {
    const db = migratedMemoryDb();
    const callId = insertCall(db, sampleCall());
    for (let i = 0; i < 5; i += 1) insertAnnotation(db, note(callId, { startMs: i * 1_000, text: `refund number ${i}` }));
    assert.equal(searchAnnotations(db, 'refund', 3).length, 3);
    assert.equal(searchAnnotations(db, 'refund').length, 5);
  });
});

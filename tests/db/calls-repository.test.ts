// The call repository on a migrated in-memory database: a call comes back exactly as stored, an
// insert is all or nothing, duplicates are refused, and the list is newest first with its summary.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CallAlreadyStoredError,
  deleteCall,
  getCall,
  hasCallWithRecordingKey,
  insertCall,
  listCalls,
} from '../../src/main/store/calls-repository';
import { countRows, migratedMemoryDb, sampleCall, sampleMetrics } from './store-fixtures';

const CHILD_TABLES = ['segments', 'events', 'cards_shown', 'notes'] as const;

describe('insertCall and getCall', () => {
  it('round-trips a call exactly: metrics, cards and notes in their order, null path, flags', () => {
    const db = migratedMemoryDb();
    const call = sampleCall();
    const id = insertCall(db, call);
    assert.deepStrictEqual(getCall(db, id), { ...call, id });

    const bare = sampleCall({ recordingKey: 'bare', recordingPath: null, cards: [], notes: [], recovered: true, source: 'import' });
    const bareId = insertCall(db, bare);
    assert.notEqual(bareId, id);
    assert.deepStrictEqual(getCall(db, bareId), { ...bare, id: bareId });
  });

  it('also writes the segments and events as rows for queries', () => {
    const db = migratedMemoryDb();
    const id = insertCall(db, sampleCall());
    const segments = db.prepare('SELECT speaker, start_ms, end_ms FROM segments WHERE call_id = ? ORDER BY speaker, start_ms').raw().all(id);
    assert.deepEqual(segments, [
      ['agent', 1_000, 22_000],
      ['agent', 40_500, 47_500],
      ['agent', 60_000, 67_000],
      ['customer', 21_800, 51_800],
      ['customer', 66_500, 81_500],
    ]);
    const events = db.prepare('SELECT type, speaker, at_ms, detail_json FROM events WHERE call_id = ? ORDER BY at_ms').raw().all(id);
    assert.deepEqual(events, [
      ['backchannel', 'agent', 30_000, '{}'],
      ['interruption', 'agent', 40_500, '{"overlapMs":7000}'],
      ['interruption', 'agent', 60_000, '{"overlapMs":1200}'],
      ['interruption', 'customer', 66_500, '{"overlapMs":500}'],
      ['deadAir', null, 81_500, '{"durationMs":6000}'],
    ]);
  });

  it('returns null for an id that is not stored', () => {
    const db = migratedMemoryDb();
    assert.equal(getCall(db, 42), null);
  });

  it('leaves nothing of a call when a segment is refused half-way (CHECK end >= start)', () => {
    const db = migratedMemoryDb();
    insertCall(db, sampleCall({ recordingKey: 'earlier' }));
    const metrics = sampleMetrics();
    // The customer's segments are written after the call row and the agent's segments.
    metrics.customer.segments.push([90_000, 89_000]);
    assert.throws(() => insertCall(db, sampleCall({ recordingKey: 'broken', metrics })), /CHECK constraint failed/);
    assert.equal(hasCallWithRecordingKey(db, 'broken'), false);
    assert.equal(countRows(db, 'calls'), 1);
    // Only the earlier call's rows: 5 segments, 5 events, 2 cards, 2 notes.
    assert.deepEqual(CHILD_TABLES.map((table) => countRows(db, table)), [5, 5, 2, 2]);
  });

  it('leaves nothing of a call when the very last row fails (the notes)', () => {
    const db = migratedMemoryDb();
    db.exec("CREATE TEMP TRIGGER fail_notes BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, 'notes refused'); END");
    assert.throws(() => insertCall(db, sampleCall()), /notes refused/);
    assert.equal(countRows(db, 'calls'), 0);
    assert.deepEqual(CHILD_TABLES.map((table) => countRows(db, table)), [0, 0, 0, 0]);
  });

  it('refuses a fractional duration rather than rounding it, and stores nothing', () => {
    const db = migratedMemoryDb();
    assert.throws(() => insertCall(db, sampleCall({ durationMs: 1000.5 })), /cannot store REAL value in INTEGER column calls\.duration_ms/);
    assert.equal(countRows(db, 'calls'), 0);
  });

  it('refuses a recording key that is already stored, with a typed error, and changes nothing', () => {
    const db = migratedMemoryDb();
    const id = insertCall(db, sampleCall());
    assert.equal(hasCallWithRecordingKey(db, sampleCall().recordingKey), true);
    assert.equal(hasCallWithRecordingKey(db, 'something-else'), false);
    assert.throws(
      () => insertCall(db, sampleCall({ agentName: 'Someone else' })),
      (error: unknown) => error instanceof CallAlreadyStoredError && error.recordingKey === sampleCall().recordingKey,
    );
    assert.equal(countRows(db, 'calls'), 1);
    assert.equal(getCall(db, id)?.agentName, 'Dana');
  });

  it('deleteCall removes the call and every row that belongs to it', () => {
    const db = migratedMemoryDb();
    const keep = insertCall(db, sampleCall({ recordingKey: 'keep' }));
    const drop = insertCall(db, sampleCall({ recordingKey: 'drop' }));
    assert.equal(deleteCall(db, drop), true);
    assert.equal(deleteCall(db, drop), false);
    assert.equal(getCall(db, drop), null);
    assert.deepEqual(getCall(db, keep), { ...sampleCall({ recordingKey: 'keep' }), id: keep });
    assert.deepEqual(CHILD_TABLES.map((table) => countRows(db, table)), [5, 5, 2, 2]);
  });
});

describe('listCalls', () => {
  it('is empty for a new library', () => {
    assert.deepEqual(listCalls(migratedMemoryDb()), []);
  });

  it('lists newest first, whatever the insertion order, with the summary figures', () => {
    const db = migratedMemoryDb();
    const middle = insertCall(db, sampleCall({ recordingKey: 'b', startedAt: '2026-11-30T09:00:00.000Z' }));
    const oldest = insertCall(db, sampleCall({ recordingKey: 'a', startedAt: '2026-01-05T23:59:59.999Z', agentName: 'Lee', recovered: true }));
    const newest = insertCall(db, sampleCall({ recordingKey: 'c', startedAt: '2026-12-01T08:00:00.000Z', durationMs: 1_000 }));
    // Same start as `middle` but stored later: listed before it.
    const sameStart = insertCall(db, sampleCall({ recordingKey: 'd', startedAt: '2026-11-30T09:00:00.000Z' }));

    const rows = listCalls(db);
    assert.deepEqual(rows.map((row) => row.id), [newest, sameStart, middle, oldest]);
    assert.deepStrictEqual(rows[3], {
      id: oldest,
      startedAt: '2026-01-05T23:59:59.999Z',
      agentName: 'Lee',
      durationMs: 95_430,
      talkRatio: 0.4375,
      interruptions: { agent: 2, customer: 1 },
      recovered: true,
    });
    assert.equal(rows[0]?.durationMs, 1_000);
    assert.equal(rows[0]?.recovered, false);
  });
});

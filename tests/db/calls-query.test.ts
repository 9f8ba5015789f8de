// The library's call query: each filter, their combination, sorting on every column both ways (ties by
// id, calls without a score last), paging with the total, bad dates refused, and on a seeded
// 10 000-call library the same answers as a plain filter/sort in JavaScript, fast.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { insertCall } from '../../src/main/store/calls-repository';
import { queryCalls } from '../../src/main/store/calls-query';
import { CALL_SORT_KEYS, type CallQuery, type LibraryCallRow } from '../../src/shared/library';
import { seedLibrary } from '../../bench/library-seed';
import { migratedMemoryDb, sampleCall, sampleMetrics } from './store-fixtures';

function store(db: ReturnType<typeof migratedMemoryDb>, key: string, fields: { agentName: string; startedAt: string; talkRatio: number; agent: number; customer: number; durationMs?: number; silent?: boolean }): number {
  const metrics = sampleMetrics();
  metrics.talkRatio = fields.talkRatio;
  metrics.agent.interruptions = fields.agent;
  metrics.customer.interruptions = fields.customer;
  metrics.interruptions = [
    ...Array.from({ length: fields.agent }, (_, i) => ({ atMs: 1_000 * (i + 1), by: 'agent' as const, overlapMs: 500 })),
    ...Array.from({ length: fields.customer }, (_, i) => ({ atMs: 1_500 * (i + 1), by: 'customer' as const, overlapMs: 500 })),
  ];
  if (fields.silent === true) {
    metrics.agent.talkMs = 0;
    metrics.customer.talkMs = 0;
  }
  return insertCall(db, sampleCall({ recordingKey: key, agentName: fields.agentName, startedAt: fields.startedAt, durationMs: fields.durationMs ?? 95_430, metrics }));
}

function smallLibrary(): { db: ReturnType<typeof migratedMemoryDb>; ids: Record<string, number> } {
  const db = migratedMemoryDb();
  const ids = {
    a: store(db, 'a', { agentName: 'Dana', startedAt: '2026-11-01T09:00:00.000Z', talkRatio: 0.4, agent: 0, customer: 1 }),
    b: store(db, 'b', { agentName: 'Eli', startedAt: '2026-11-02T09:00:00.000Z', talkRatio: 0.7, agent: 4, customer: 0, durationMs: 200_000 }),
    c: store(db, 'c', { agentName: 'Dana', startedAt: '2026-11-03T09:00:00.000Z', talkRatio: 0.55, agent: 1, customer: 3 }),
    d: store(db, 'd', { agentName: 'Farah', startedAt: '2026-11-04T09:00:00.000Z', talkRatio: 0, agent: 0, customer: 0, silent: true }),
  };
  return { db, ids };
}

const idsOf = (rows: readonly LibraryCallRow[]): number[] => rows.map((row) => row.id);

describe('queryCalls', () => {
  it('lists every call newest first by default, with its score, source and agents', () => {
    const { db, ids } = smallLibrary();
    const result = queryCalls(db);
    assert.deepEqual(idsOf(result.rows), [ids.d, ids.c, ids.b, ids.a]);
    assert.equal(result.total, 4);
    assert.deepEqual(result.agentNames, ['Dana', 'Eli', 'Farah']);
    const b = result.rows.find((row) => row.id === ids.b);
    assert.deepEqual(b?.interruptions, { agent: 4, customer: 0 });
    assert.equal(b?.talkRatio, 0.7);
    assert.equal(b?.source, 'live');
    assert.equal(b?.hasRecording, true);
    assert.equal(typeof b?.listeningScore, 'number');
    assert.equal(result.rows.find((row) => row.id === ids.d)?.listeningScore, null, 'nobody spoke: no score');
  });

  it('filters by agent, start range (from inclusive, before exclusive), thresholds and score', () => {
    const { db, ids } = smallLibrary();
    assert.deepEqual(idsOf(queryCalls(db, { agentNames: ['Dana'] }).rows), [ids.c, ids.a]);
    assert.deepEqual(idsOf(queryCalls(db, { agentNames: ['Dana', 'Eli'] }).rows), [ids.c, ids.b, ids.a]);
    assert.deepEqual(idsOf(queryCalls(db, { startedFrom: '2026-11-02T09:00:00Z', startedBefore: '2026-11-04T09:00:00.000Z' }).rows), [ids.c, ids.b]);
    // Another offset for the same instant is the same moment.
    assert.deepEqual(idsOf(queryCalls(db, { startedFrom: '2026-11-02T10:00:00+01:00' }).rows), [ids.d, ids.c, ids.b]);
    assert.deepEqual(idsOf(queryCalls(db, { talkRatio: { min: 0.5 } }).rows), [ids.c, ids.b]);
    assert.deepEqual(idsOf(queryCalls(db, { talkRatio: { min: 0.5, max: 0.6 } }).rows), [ids.c]);
    assert.deepEqual(idsOf(queryCalls(db, { agentInterruptions: { min: 1 } }).rows), [ids.c, ids.b]);
    assert.deepEqual(idsOf(queryCalls(db, { customerInterruptions: { max: 0 } }).rows), [ids.d, ids.b]);
    assert.deepEqual(idsOf(queryCalls(db, { durationMs: { min: 100_000 } }).rows), [ids.b]);
    assert.deepEqual(idsOf(queryCalls(db, { listeningScore: { min: 0 } }).rows), [ids.c, ids.b, ids.a], 'a score bound leaves out calls without one');
    const combined = queryCalls(db, { agentNames: ['Dana'], agentInterruptions: { min: 1 }, talkRatio: { max: 0.6 } });
    assert.deepEqual(idsOf(combined.rows), [ids.c]);
    assert.equal(combined.total, 1);
    assert.deepEqual(combined.agentNames, ['Dana', 'Eli', 'Farah'], 'the agent list is not filtered');
  });

  it('sorts by every column both ways, ties by id, calls without a score last either way', () => {
    const { db, ids } = smallLibrary();
    const asc = queryCalls(db, { sort: { key: 'talkRatio', direction: 'asc' } }).rows;
    assert.deepEqual(idsOf(asc), [ids.d, ids.a, ids.c, ids.b]);
    assert.deepEqual(idsOf(queryCalls(db, { sort: { key: 'talkRatio', direction: 'desc' } }).rows), [ids.b, ids.c, ids.a, ids.d]);
    assert.deepEqual(idsOf(queryCalls(db, { sort: { key: 'agentName', direction: 'asc' } }).rows), [ids.a, ids.c, ids.b, ids.d]);
    assert.deepEqual(idsOf(queryCalls(db, { sort: { key: 'agentName', direction: 'desc' } }).rows), [ids.d, ids.b, ids.c, ids.a]);
    for (const direction of ['asc', 'desc'] as const) {
      const rows = queryCalls(db, { sort: { key: 'listeningScore', direction } }).rows;
      assert.equal(rows.at(-1)?.id, ids.d, `no score sorts last (${direction})`);
      const scores = rows.slice(0, 3).map((row) => row.listeningScore ?? Number.NaN);
      assert.deepEqual(scores, [...scores].sort((x, y) => (direction === 'asc' ? x - y : y - x)));
    }
  });

  it('pages with the total of all pages', () => {
    const { db, ids } = smallLibrary();
    const first = queryCalls(db, { limit: 2 });
    const second = queryCalls(db, { limit: 2, offset: 2 });
    assert.deepEqual(idsOf(first.rows), [ids.d, ids.c]);
    assert.deepEqual(idsOf(second.rows), [ids.b, ids.a]);
    assert.equal(second.total, 4);
    assert.deepEqual(queryCalls(db, { limit: 2, offset: 4 }).rows, []);
  });

  it('refuses a date that is not one, in one line', () => {
    const { db } = smallLibrary();
    assert.throws(() => queryCalls(db, { startedFrom: 'last tuesday' }), /^RangeError: startedFrom must be an ISO 8601 date and time, not "last tuesday"$/);
  });

  it('answers like a plain JavaScript filter and sort on 10 000 calls, a page in ≤ 50 ms (median)', () => {
    const db = migratedMemoryDb();
    seedLibrary(db, 10_000);
    const all = queryCalls(db).rows;
    assert.equal(all.length, 10_000);
    const queries: CallQuery[] = CALL_SORT_KEYS.flatMap((key) =>
      (['asc', 'desc'] as const).map((direction): CallQuery => ({ agentNames: ['Dana', 'Kai'], talkRatio: { min: 0.4 }, agentInterruptions: { max: 5 }, sort: { key, direction }, limit: 100, offset: 20 })),
    );
    for (const query of queries) {
      const started = performance.now();
      const result = queryCalls(db, query);
      const elapsedMs = performance.now() - started;
      const { key, direction } = query.sort ?? { key: 'startedAt', direction: 'desc' };
      const value = (row: LibraryCallRow): number | string | null =>
        key === 'agentInterruptions' ? row.interruptions.agent : key === 'customerInterruptions' ? row.interruptions.customer : row[key];
      const expected = all
        .filter((row) => ['Dana', 'Kai'].includes(row.agentName) && row.talkRatio >= 0.4 && row.interruptions.agent <= 5)
        .sort((x, y) => {
          const [vx, vy] = [value(x), value(y)];
          if (vx === null || vy === null) return vx === vy ? 0 : vx === null ? 1 : -1;
          const order = vx < vy ? -1 : vx > vy ? 1 : x.id - y.id;
          return direction === 'asc' ? order : -order;
        });
      assert.equal(result.total, expected.length, `${key} ${direction}: total`);
      assert.deepEqual(idsOf(result.rows), idsOf(expected.slice(20, 120)), `${key} ${direction}: the page`);
      (query as { elapsedMs?: number }).elapsedMs = elapsedMs;
    }
    const times = queries.map((query) => (query as { elapsedMs?: number }).elapsedMs ?? Infinity).sort((x, y) => x - y);
    const medianMs = times[Math.floor(times.length / 2)] ?? Infinity;
    assert.ok(medianMs <= 50, `median ${medianMs.toFixed(1)} ms over ${times.length} filtered, sorted pages`);
  });
});

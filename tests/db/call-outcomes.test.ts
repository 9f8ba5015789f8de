// Migration 0008 (call_outcomes), its repository, the customer history, the trend rows and the outcomes
// CSV import from a real file into a real (in-memory) database.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { deleteCall, insertCall } from '../../src/main/store/calls-repository';
import type { SqliteDatabase } from '../../src/main/store/database';
import { openDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { runMigrations, schemaVersion } from '../../src/main/store/migrations/run-migrations';
import { getCallOutcome, getCustomerHistory, mergeCallOutcome, setCallOutcome } from '../../src/main/store/outcomes-repository';
import { listAgentNames, listTrendCalls } from '../../src/main/store/trend-calls-repository';
import { importOutcomesCsvFile } from '../../src/main/outcomes/outcomes-import';
import { OutcomesCsvError } from '../../src/main/outcomes/outcomes-csv';
import type { CallOutcome } from '../../src/shared/outcomes';
import { migratedMemoryDb, sampleCall, sampleMetrics } from './store-fixtures';

const NOW = '2026-12-01T14:00:00.000Z';

const outcomesDb = migratedMemoryDb;

function addCall(db: SqliteDatabase, key: string, agentName: string, startedAt: string, talkRatio = 0.5): number {
  const metrics = { ...sampleMetrics(), talkRatio };
  return insertCall(db, sampleCall({ recordingKey: key, agentName, startedAt, metrics, cards: [], notes: [] }));
}

const outcome = (fields: Partial<CallOutcome>): CallOutcome => ({ csat: null, resolvedFirstContact: null, customerName: null, customerAccount: null, ...fields });

describe('migration 0008: call outcomes', () => {
  it('adds call_outcomes on top of version 7, leaving the calls untouched', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 7));
    const callId = addCall(db, 'k0', 'Dana', '2026-12-01T09:00:00.000Z');
    assert.deepEqual(runMigrations(db, MIGRATIONS.slice(0, 8)), { fromVersion: 7, toVersion: 8 });
    assert.equal(schemaVersion(db), 8);
    assert.equal(db.prepare('SELECT count(*) FROM call_outcomes').pluck().get(), 0);
    assert.equal(getCallOutcome(db, callId)?.updatedAt, null);
  });

  it('creates a STRICT table that refuses out-of-range CSAT, a non-boolean resolution, blank names and a missing call', () => {
    const db = outcomesDb();
    assert.equal(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'call_outcomes'").pluck().get(), 1);
    const callId = addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    const insert = db.prepare(
      'INSERT INTO call_outcomes (call_id, csat, resolved_first_contact, customer_name, customer_account, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    assert.throws(() => insert.run(callId, 6, null, null, null, NOW), /CHECK/);
    assert.throws(() => insert.run(callId, 0, null, null, null, NOW), /CHECK/);
    assert.throws(() => insert.run(callId, null, 2, null, null, NOW), /CHECK/);
    assert.throws(() => insert.run(callId, null, null, '', null, NOW), /CHECK/);
    assert.throws(() => insert.run(callId + 100, 3, null, null, null, NOW), /FOREIGN KEY/);
    insert.run(callId, 5, 1, 'Ana Ruiz', 'ACC-1', NOW);
    assert.equal(db.prepare('SELECT count(*) FROM call_outcomes').pluck().get(), 1);
  });
});

describe('outcomes repository', () => {
  it('reads an empty outcome for a call without one and null for no call', () => {
    const db = outcomesDb();
    const callId = addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    assert.deepEqual(getCallOutcome(db, callId), { callId, outcome: outcome({}), updatedAt: null });
    assert.equal(getCallOutcome(db, callId + 1), null);
    assert.equal(setCallOutcome(db, callId + 1, outcome({ csat: 3 }), NOW), null);
    assert.equal(db.prepare('SELECT count(*) FROM call_outcomes').pluck().get(), 0);
  });

  it('stores, trims, replaces, removes when emptied, and goes with its call', () => {
    const db = outcomesDb();
    const callId = addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    const stored = setCallOutcome(db, callId, outcome({ csat: 4, resolvedFirstContact: false, customerName: '  Ana Ruiz ', customerAccount: ' ' }), NOW);
    assert.deepEqual(stored, { callId, outcome: outcome({ csat: 4, resolvedFirstContact: false, customerName: 'Ana Ruiz' }), updatedAt: NOW });
    assert.deepEqual(getCallOutcome(db, callId), stored);

    setCallOutcome(db, callId, outcome({ resolvedFirstContact: true }), '2026-12-02T00:00:00.000Z');
    assert.deepEqual(getCallOutcome(db, callId)?.outcome, outcome({ resolvedFirstContact: true }));

    assert.deepEqual(setCallOutcome(db, callId, outcome({}), NOW), { callId, outcome: outcome({}), updatedAt: null });
    assert.equal(db.prepare('SELECT count(*) FROM call_outcomes').pluck().get(), 0);

    setCallOutcome(db, callId, outcome({ csat: 2 }), NOW);
    deleteCall(db, callId);
    assert.equal(db.prepare('SELECT count(*) FROM call_outcomes').pluck().get(), 0);
  });

  it('merges only the fields given, keeping what was typed before', () => {
    const db = outcomesDb();
    const callId = addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    setCallOutcome(db, callId, outcome({ customerName: 'Ana Ruiz', csat: 2 }), NOW);
    mergeCallOutcome(db, callId, { csat: 5, resolvedFirstContact: true }, NOW);
    assert.deepEqual(getCallOutcome(db, callId)?.outcome, outcome({ customerName: 'Ana Ruiz', csat: 5, resolvedFirstContact: true }));
  });
});

describe('customer history', () => {
  it("lists the customer's other calls by name or account, case-insensitively, newest first, with their note counts", () => {
    const db = outcomesDb();
    const first = addCall(db, 'k1', 'Dana', '2026-11-20T10:00:00.000Z');
    const second = insertCall(db, sampleCall({ recordingKey: 'k2', agentName: 'Lee', startedAt: '2026-11-25T10:00:00.000Z' }));
    const other = addCall(db, 'k3', 'Dana', '2026-11-26T10:00:00.000Z');
    const current = addCall(db, 'k4', 'Dana', '2026-12-01T10:00:00.000Z');
    setCallOutcome(db, first, outcome({ customerName: 'ana ruiz', csat: 2 }), NOW);
    setCallOutcome(db, second, outcome({ customerAccount: 'acc-7', customerName: 'A. Ruiz' }), NOW);
    setCallOutcome(db, other, outcome({ customerName: 'Bo Chen', customerAccount: 'ACC-8' }), NOW);
    setCallOutcome(db, current, outcome({ customerName: 'Ana Ruiz', customerAccount: 'ACC-7' }), NOW);
    db.prepare(
      `INSERT INTO annotations (call_id, start_ms, end_ms, text, tags_json, author, created_at, updated_at)
       VALUES (?, 1000, NULL, 'Talked over her twice', '["interrupted"]', 'Sam', ?, ?)`,
    ).run(first, NOW, NOW);

    const history = getCustomerHistory(db, current);
    assert.equal(history?.customerName, 'Ana Ruiz');
    assert.deepEqual(
      history?.calls.map((call) => [call.callId, call.agentName, call.matchedBy, call.outcome.csat, call.noteCount]),
      [
        [second, 'Lee', 'account', null, 2],
        [first, 'Dana', 'name', 2, 1],
      ],
    );
  });

  it('is empty for a call with no customer and null for no call', () => {
    const db = outcomesDb();
    const callId = addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    assert.deepEqual(getCustomerHistory(db, callId), { callId, customerName: null, customerAccount: null, calls: [] });
    assert.equal(getCustomerHistory(db, callId + 1), null);
  });
});

describe('trend rows', () => {
  it('filters by agent and inclusive UTC dates, oldest first, with outcome, response gap and score when present', () => {
    const db = outcomesDb();
    const a = addCall(db, 'k1', 'Dana', '2026-11-30T23:59:59.000Z', 0.3);
    db.prepare('UPDATE calls SET listening_score = 72 WHERE id = ?').run(a);
    addCall(db, 'k2', 'Lee', '2026-12-01T08:00:00.000Z');
    const c = addCall(db, 'k3', 'Dana', '2026-12-02T00:00:00.000Z', 0.7);
    setCallOutcome(db, c, outcome({ csat: 5 }), NOW);

    assert.deepEqual(listAgentNames(db), ['Dana', 'Lee']);
    const dana = listTrendCalls(db, { agentName: 'Dana' });
    assert.deepEqual(dana.map((call) => call.callId), [a, c]);
    assert.equal(dana[0]?.responseGapMs, 420);
    assert.equal(dana[0]?.listeningScore, 72);
    assert.equal(dana[0]?.outcome, null);
    assert.deepEqual(dana[1]?.outcome, outcome({ csat: 5 }));
    assert.deepEqual(listTrendCalls(db, { fromDate: '2026-12-01', toDate: '2026-12-01' }).map((call) => call.agentName), ['Lee']);
    assert.deepEqual(listTrendCalls(db, { toDate: '2026-11-30' }).map((call) => call.callId), [a]);
  });
});

describe('outcomes CSV import from a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-outcomes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the matched rows, lists the others with their line, and keeps fields the file leaves blank', async () => {
    const db = outcomesDb();
    const dana = addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    const lee = addCall(db, 'k2', 'Lee', '2026-12-01T10:00:30.000Z');
    setCallOutcome(db, dana, outcome({ customerName: 'Typed By Hand' }), NOW);
    const file = join(dir, 'outcomes.csv');
    writeFileSync(
      file,
      [
        'Start time,Agent,CSAT,Resolved,Customer,Account',
        '2026-12-01T10:01:00Z,dana,5,yes,,ACC-1',
        '2026-12-01T10:00:10Z,Lee,9,no,Bo,',
        '2026-12-01T12:00:00Z,Lee,3,,,',
      ].join('\r\n'),
    );
    const summary = await importOutcomesCsvFile(db, file, { now: NOW });
    assert.equal(summary.rows, 3);
    assert.equal(summary.matched, 1);
    assert.deepEqual(summary.problems, [
      { line: 3, reason: 'CSAT "9" is not a whole number from 1 to 5' },
      { line: 4, reason: 'no call by Lee started within 2 min of 2026-12-01T12:00:00Z' },
    ]);
    assert.deepEqual(getCallOutcome(db, dana)?.outcome, outcome({ csat: 5, resolvedFirstContact: true, customerName: 'Typed By Hand', customerAccount: 'ACC-1' }));
    assert.deepEqual(getCallOutcome(db, lee)?.outcome, outcome({}));
  });

  it('refuses a missing file, a binary file and a CSV without the needed columns in one line, storing nothing', async () => {
    const db = outcomesDb();
    addCall(db, 'k1', 'Dana', '2026-12-01T10:00:00.000Z');
    await assert.rejects(importOutcomesCsvFile(db, join(dir, 'nope.csv'), { now: NOW }), (error: Error) => {
      assert.ok(error instanceof OutcomesCsvError);
      assert.match(error.message, /^There is no file .*nope\.csv\.$/);
      return true;
    });
    const binary = join(dir, 'binary.csv');
    writeFileSync(binary, Buffer.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0]));
    await assert.rejects(importOutcomesCsvFile(db, binary, { now: NOW }), /is not a text file/);
    const noAgent = join(dir, 'no-agent.csv');
    writeFileSync(noAgent, 'start,csat\n2026-12-01T10:00:00Z,4\n');
    await assert.rejects(importOutcomesCsvFile(db, noAgent, { now: NOW }), /^OutcomesCsvError: The CSV has no agent column \(found "start", "csat"\)/);
    assert.equal(db.prepare('SELECT count(*) FROM call_outcomes').pluck().get(), 0);
  });
});

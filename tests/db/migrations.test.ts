// Each migration on an in-memory database (what it creates and what its constraints refuse), and the
// runner: all pending steps in one transaction, idempotent, and a database from the future refused.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase, type SqliteDatabase } from '../../src/main/store/database';
import { MIGRATIONS, type Migration } from '../../src/main/store/migrations/index';
import { migration0001Calls } from '../../src/main/store/migrations/0001-calls';
import { migration0002Settings } from '../../src/main/store/migrations/0002-settings';
import { migration0003Transcripts } from '../../src/main/store/migrations/0003-transcripts';
import { migration0004TranscriptionState } from '../../src/main/store/migrations/0004-transcription-state';
import { migration0005CallImports } from '../../src/main/store/migrations/0005-call-imports';
import { migration0006ListeningScore } from '../../src/main/store/migrations/0006-listening-score';
import { migration0007Annotations } from '../../src/main/store/migrations/0007-annotations';
import { migration0008CallOutcomes } from '../../src/main/store/migrations/0008-call-outcomes';
import {
  DatabaseFromTheFutureError,
  latestSchemaVersion,
  runMigrations,
  schemaVersion,
} from '../../src/main/store/migrations/run-migrations';

function tableNames(db: SqliteDatabase): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

function indexNames(db: SqliteDatabase, table: string): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").pluck().all(table) as string[];
}

/** A fresh in-memory database migrated up to and including `version`. */
function dbAtVersion(version: number): SqliteDatabase {
  const db = openDatabase(':memory:');
  runMigrations(db, MIGRATIONS.slice(0, version));
  return db;
}

const insertCallSql = `INSERT INTO calls (recording_key, agent_name, started_at, duration_ms, recording_path, talk_ratio, agent_talk_ms,
  customer_talk_ms, agent_interruptions, customer_interruptions, recovered, source, metrics_json)
  VALUES (@key, 'Dana', '2026-12-01T10:00:00.000Z', @durationMs, NULL, @talkRatio, 1000, 2000, 0, 1, @recovered, @source, @metricsJson)`;
const validCall = { key: 'k1', durationMs: 3000, talkRatio: 0.3, recovered: 0, source: 'live', metricsJson: '{}' };

describe('migration 0001: calls', () => {
  it('creates the call tables and the indexes the call list sorts and filters on', () => {
    const db = dbAtVersion(1);
    assert.equal(schemaVersion(db), 1);
    assert.deepEqual(tableNames(db), ['calls', 'cards_shown', 'events', 'notes', 'segments']);
    assert.deepEqual(indexNames(db, 'calls'), ['calls_agent_name', 'calls_started_at']);
    for (const table of ['segments', 'events', 'cards_shown', 'notes']) assert.equal(indexNames(db, table).length, 1, table);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main' ORDER BY name").pluck().all();
    assert.deepEqual(strict, ['calls', 'cards_shown', 'events', 'notes', 'segments']);
  });

  it('refuses rows that break the schema: wrong types, out-of-range values, duplicate keys, bad JSON', () => {
    const db = dbAtVersion(1);
    const insert = db.prepare(insertCallSql);
    insert.run(validCall);
    const refused: Array<[string, Record<string, unknown>, RegExp]> = [
      ['duplicate recording key', { ...validCall }, /UNIQUE constraint failed: calls\.recording_key/],
      ['fractional ms (STRICT)', { ...validCall, key: 'k2', durationMs: 3000.5 }, /cannot store REAL value in INTEGER column/],
      ['negative duration', { ...validCall, key: 'k3', durationMs: -1 }, /CHECK constraint failed/],
      ['talk ratio above 1', { ...validCall, key: 'k4', talkRatio: 1.01 }, /CHECK constraint failed/],
      ['recovered not 0/1', { ...validCall, key: 'k5', recovered: 2 }, /CHECK constraint failed/],
      ['unknown source', { ...validCall, key: 'k6', source: 'email' }, /CHECK constraint failed/],
      ['metrics not JSON', { ...validCall, key: 'k7', metricsJson: '{oops' }, /CHECK constraint failed/],
      ['empty recording key', { ...validCall, key: '' }, /CHECK constraint failed/],
    ];
    for (const [what, row, error] of refused) assert.throws(() => insert.run(row), error, what);
    assert.equal(db.prepare('SELECT count(*) FROM calls').pluck().get(), 1);
  });

  it('child rows need their call, check speakers and spans, and go when the call is deleted', () => {
    const db = dbAtVersion(1);
    const callId = Number(db.prepare(insertCallSql).run(validCall).lastInsertRowid);
    const segment = db.prepare('INSERT INTO segments (call_id, speaker, start_ms, end_ms) VALUES (?, ?, ?, ?)');
    segment.run(callId, 'agent', 0, 500);
    assert.throws(() => segment.run(callId + 1, 'agent', 0, 500), /FOREIGN KEY constraint failed/);
    assert.throws(() => segment.run(callId, 'supervisor', 0, 500), /CHECK constraint failed/);
    assert.throws(() => segment.run(callId, 'agent', 600, 500), /CHECK constraint failed/);
    const event = db.prepare('INSERT INTO events (call_id, type, speaker, at_ms, detail_json) VALUES (?, ?, ?, ?, ?)');
    event.run(callId, 'deadAir', null, 100, '{"durationMs":5000}');
    assert.throws(() => event.run(callId, 'monologue', 'agent', 100, '{}'), /CHECK constraint failed/);
    db.prepare('INSERT INTO cards_shown (call_id, at_ms, kind, title, detail) VALUES (?, 1, ?, ?, ?)').run(callId, 'future-kind', 't', 'd');
    db.prepare("INSERT INTO notes (call_id, at_ms, text, created_at) VALUES (?, 1, 'x', '2026-12-01T10:00:00.000Z')").run(callId);

    db.prepare('DELETE FROM calls WHERE id = ?').run(callId);
    for (const table of ['segments', 'events', 'cards_shown', 'notes']) {
      assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
    }
  });
});

describe('migration 0002: settings', () => {
  it('adds a key → JSON table and leaves version-1 data alone', () => {
    const db = dbAtVersion(1);
    db.prepare(insertCallSql).run(validCall);
    runMigrations(db, MIGRATIONS.slice(0, 2));
    assert.equal(schemaVersion(db), 2);
    assert.ok(tableNames(db).includes('settings'));
    assert.equal(db.prepare('SELECT recording_key FROM calls').pluck().get(), 'k1');
    const put = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)');
    put.run('coaching', '{"minCardGapMs":1000}');
    assert.throws(() => put.run('coaching', '{}'), /UNIQUE constraint failed|PRIMARY KEY/);
    assert.throws(() => put.run('other', 'not json'), /CHECK constraint failed/);
  });
});

describe('migration 0004: transcription state', () => {
  const insertState = `INSERT INTO call_transcription (call_id, state, model_id, problem, updated_at)
    VALUES (@callId, @state, @modelId, @problem, '2026-12-01T10:00:00.000Z')`;

  it('one row per call, with a state, the model, the problem only when failed; it goes with its call', () => {
    const db = dbAtVersion(4);
    assert.ok(tableNames(db).includes('call_transcription'));
    assert.deepEqual(indexNames(db, 'call_transcription'), ['call_transcription_state']);
    const callId = Number(db.prepare(insertCallSql).run(validCall).lastInsertRowid);
    const insert = db.prepare(insertState);
    insert.run({ callId, state: 'failed', modelId: 'vosk-small-en', problem: 'The recognizer stopped.' });
    const refused: Array<[string, Record<string, unknown>, RegExp]> = [
      ['second row for a call', { callId, state: 'queued', modelId: null, problem: null }, /UNIQUE constraint failed|PRIMARY KEY/],
      ['unknown call', { callId: callId + 1, state: 'queued', modelId: null, problem: null }, /FOREIGN KEY constraint failed/],
      ['unknown state', { callId: callId + 1, state: 'paused', modelId: null, problem: null }, /CHECK constraint failed/],
      ['failed without a problem', { callId: callId + 1, state: 'failed', modelId: null, problem: null }, /CHECK constraint failed/],
      ['done with a problem', { callId: callId + 1, state: 'done', modelId: 'm', problem: 'x' }, /CHECK constraint failed/],
      ['empty model id', { callId: callId + 1, state: 'done', modelId: '', problem: null }, /CHECK constraint failed/],
    ];
    for (const [what, row, error] of refused) assert.throws(() => insert.run(row), error, what);
    db.prepare('DELETE FROM calls WHERE id = ?').run(callId);
    assert.equal(db.prepare('SELECT count(*) FROM call_transcription').pluck().get(), 0);
  });

  it('takes calls that already have transcript words as done, and leaves the others without a row', () => {
    const db = dbAtVersion(3);
    const withWords = Number(db.prepare(insertCallSql).run(validCall).lastInsertRowid);
    db.prepare(insertCallSql).run({ ...validCall, key: 'k2' });
    const word = db.prepare("INSERT INTO transcript_words (call_id, channel, word, start_ms, end_ms, conf) VALUES (?, 'agent', ?, ?, ?, 0.9)");
    word.run(withWords, 'hello', 0, 300);
    word.run(withWords, 'there', 400, 700);
    runMigrations(db, MIGRATIONS.slice(0, 4));
    const rows = db.prepare('SELECT call_id, state, model_id, problem, updated_at FROM call_transcription').all() as Array<Record<string, unknown>>;
    assert.equal(rows.length, 1);
    assert.deepEqual({ ...rows[0], updated_at: undefined }, { call_id: withWords, state: 'done', model_id: null, problem: null, updated_at: undefined });
    assert.match(String(rows[0]?.['updated_at']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe('runMigrations', () => {
  it('lists the migrations as versions 1, 2, 3… in their files’ order', () => {
    assert.deepEqual(MIGRATIONS, [
      migration0001Calls,
      migration0002Settings,
      migration0003Transcripts,
      migration0004TranscriptionState,
      migration0005CallImports,
      migration0006ListeningScore,
      migration0007Annotations,
      migration0008CallOutcomes,
    ]);
    assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, index) => index + 1));
  });

  it('brings a new database to the latest version, and a second run does nothing', () => {
    const db = openDatabase(':memory:');
    assert.deepEqual(runMigrations(db), { fromVersion: 0, toVersion: latestSchemaVersion() });
    assert.equal(schemaVersion(db), MIGRATIONS.length);
    const schemaBefore = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    assert.deepEqual(runMigrations(db), { fromVersion: MIGRATIONS.length, toVersion: MIGRATIONS.length });
    assert.deepEqual(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all(), schemaBefore);
  });

  it('refuses a database from a newer Attune without touching it', () => {
    const db = openDatabase(':memory:');
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    assert.throws(
      () => runMigrations(db),
      (error: unknown) =>
        error instanceof DatabaseFromTheFutureError &&
        error.databaseVersion === latestSchemaVersion() + 1 &&
        error.latestKnownVersion === latestSchemaVersion() &&
        error.message.includes(`schema version ${latestSchemaVersion() + 1}; this version of Attune knows up to ${latestSchemaVersion()}`),
    );
    assert.equal(schemaVersion(db), latestSchemaVersion() + 1);
    assert.deepEqual(tableNames(db), []);
  });

  it('runs all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = openDatabase(':memory:');
    const failing: Migration = {
      version: 2,
      name: 'breaks half-way',
      up(inner) {
        inner.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('disk on fire');
      },
    };
    assert.throws(() => runMigrations(db, [migration0001Calls, failing]), /disk on fire/);
    assert.equal(schemaVersion(db), 0);
    assert.deepEqual(tableNames(db), []);
  });

  it('refuses a migration list with a gap or out of order before changing anything', () => {
    const db = openDatabase(':memory:');
    assert.throws(() => runMigrations(db, [migration0002Settings]), /Migration "settings" has version 2; expected 1/);
    assert.throws(() => runMigrations(db, [migration0001Calls, migration0001Calls]), /version 1; expected 2/);
    assert.deepEqual(tableNames(db), []);
  });
});

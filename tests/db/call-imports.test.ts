// Migration 0005 (call_imports) and its repository: an imported call is stored with its origin in one
// transaction, the same bytes are found again by their hash, and the origin goes with its call.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { runMigrations, schemaVersion } from '../../src/main/store/migrations/run-migrations';
import { CallAlreadyStoredError, deleteCall, getCall } from '../../src/main/store/calls-repository';
import { findImportBySha256, getCallImportSource, insertImportedCall, type CallImportSource } from '../../src/main/store/call-imports-repository';
import { countRows, migratedMemoryDb, sampleCall } from './store-fixtures';

const SHA = 'a'.repeat(64);
const source: CallImportSource = {
  sourcePath: '/calls/2026-11-30 support.mp3',
  sourceFormat: 'mp3',
  agentChannel: 'right',
  contentSha256: SHA,
  importedAt: '2026-12-01T13:00:00.000Z',
};
const importedCall = sampleCall({ recordingKey: `import-${SHA}`, source: 'import', cards: [], notes: [] });

describe('migration 0005: call imports', () => {
  it('adds call_imports (STRICT) on top of version 4, leaving the calls untouched', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 4));
    db.prepare(
      `INSERT INTO calls (recording_key, agent_name, started_at, duration_ms, recording_path, talk_ratio, agent_talk_ms,
         customer_talk_ms, agent_interruptions, customer_interruptions, recovered, source, metrics_json)
       VALUES ('live-1', 'Dana', '2026-12-01T10:00:00.000Z', 1000, NULL, 0.5, 500, 500, 0, 0, 0, 'live', '{}')`,
    ).run();
    assert.deepEqual(runMigrations(db, MIGRATIONS.slice(0, 5)), { fromVersion: 4, toVersion: 5 });
    assert.equal(schemaVersion(db), 5);
    const strict = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'call_imports'").pluck().get();
    assert.equal(strict, 1);
    assert.equal(db.prepare('SELECT count(*) FROM calls').pluck().get(), 1);
    assert.equal(db.prepare('SELECT count(*) FROM call_imports').pluck().get(), 0);
  });

  it('refuses rows that break the schema: no call, unknown format or channel, a hash that is not lower-case hex, the same hash twice', () => {
    const db = migratedMemoryDb();
    const callId = insertImportedCall(db, importedCall, source);
    const other = insertImportedCall(db, { ...importedCall, recordingKey: `import-${'b'.repeat(64)}` }, { ...source, contentSha256: 'b'.repeat(64) });
    db.prepare('DELETE FROM call_imports WHERE call_id = ?').run(other);
    const insert = db.prepare(
      'INSERT INTO call_imports (call_id, source_path, source_format, agent_channel, content_sha256, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const good = [other, '/x.wav', 'wav', 'left', 'c'.repeat(64), '2026-12-01T13:00:00.000Z'] as const;
    const refused: Array<[string, unknown[], RegExp]> = [
      ['no such call', [other + 100, ...good.slice(1)], /FOREIGN KEY constraint failed/],
      ['unknown format', [other, '/x.m4a', 'm4a', ...good.slice(3)], /CHECK constraint failed/],
      ['unknown channel', [other, '/x.wav', 'wav', 'middle', ...good.slice(4)], /CHECK constraint failed/],
      ['upper-case hash', [...good.slice(0, 4), 'C'.repeat(64), good[5]], /CHECK constraint failed/],
      ['short hash', [...good.slice(0, 4), 'c'.repeat(63), good[5]], /CHECK constraint failed/],
      ['same hash twice', [...good.slice(0, 4), SHA, good[5]], /UNIQUE constraint failed: call_imports\.content_sha256/],
      ['empty path', [other, '', ...good.slice(2)], /CHECK constraint failed/],
    ];
    for (const [what, row, error] of refused) assert.throws(() => insert.run(...row), error, what);
    insert.run(...good);
    assert.equal(getCallImportSource(db, callId)?.contentSha256, SHA);
  });
});

describe('call imports repository', () => {
  it('stores the call as an import with its origin, and finds it again by the hash', () => {
    const db = migratedMemoryDb();
    const callId = insertImportedCall(db, importedCall, source);
    assert.deepEqual(getCall(db, callId), { ...importedCall, id: callId });
    assert.deepEqual(getCallImportSource(db, callId), source);
    assert.deepEqual(findImportBySha256(db, SHA), { callId, sourcePath: source.sourcePath });
    assert.equal(findImportBySha256(db, 'f'.repeat(64)), null);
  });

  it('stores nothing when either half is refused', () => {
    const db = migratedMemoryDb();
    insertImportedCall(db, importedCall, source);
    // Same recording key: refused by insertCall.
    assert.throws(() => insertImportedCall(db, importedCall, { ...source, contentSha256: 'b'.repeat(64) }), CallAlreadyStoredError);
    // New key but the same hash: the call row was written, then the origin refused; both roll back.
    assert.throws(() => insertImportedCall(db, { ...importedCall, recordingKey: 'import-other' }, source), /UNIQUE constraint failed/);
    assert.equal(countRows(db, 'calls'), 1);
    assert.equal(countRows(db, 'segments'), importedCall.metrics.agent.segments.length + importedCall.metrics.customer.segments.length);
    assert.equal(db.prepare('SELECT count(*) FROM call_imports').pluck().get(), 1);
  });

  it('forgets the origin with its call, so the file can be imported again', () => {
    const db = migratedMemoryDb();
    const callId = insertImportedCall(db, importedCall, source);
    assert.equal(deleteCall(db, callId), true);
    assert.equal(findImportBySha256(db, SHA), null);
    assert.equal(getCallImportSource(db, callId), null);
  });
});

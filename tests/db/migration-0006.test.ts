// Migration 0006: the listening-score column, filled for the calls stored before it (from their metrics
// and transcript; a damaged metrics row gets no score instead of failing), its CHECK, and the indexes
// the library's filters and sorts use.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/main/store/database';
import { MIGRATIONS } from '../../src/main/store/migrations/index';
import { runMigrations, schemaVersion } from '../../src/main/store/migrations/run-migrations';
import { computeListeningScore } from '../../src/main/library/listening-score';
import { scoreOfCall } from '../../src/main/store/listening-scores';
import { sampleMetrics } from './store-fixtures';

const insertCallSql = `INSERT INTO calls (recording_key, agent_name, started_at, duration_ms, recording_path, talk_ratio, agent_talk_ms,
  customer_talk_ms, agent_interruptions, customer_interruptions, recovered, source, metrics_json)
  VALUES (?, 'Dana', '2026-12-01T10:00:00.000Z', 95430, NULL, 0.4375, 35000, 45000, 2, 1, 0, 'live', ?)`;

const words = [
  { channel: 'agent', word: 'i', startMs: 1_000, endMs: 1_100, conf: 1 },
  { channel: 'agent', word: 'understand', startMs: 1_100, endMs: 1_600, conf: 1 },
  { channel: 'agent', word: 'how', startMs: 1_600, endMs: 1_800, conf: 1 },
  { channel: 'agent', word: 'frustrating', startMs: 1_800, endMs: 2_400, conf: 1 },
  { channel: 'agent', word: 'that', startMs: 2_400, endMs: 2_600, conf: 1 },
  { channel: 'agent', word: 'is', startMs: 2_600, endMs: 2_800, conf: 1 },
] as const;

describe('migration 0006: listening score', () => {
  it('fills the score of calls stored before it, with the transcript when there is one, and none for damaged metrics', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 5));
    const metrics = sampleMetrics();
    const plain = Number(db.prepare(insertCallSql).run('plain', JSON.stringify(metrics)).lastInsertRowid);
    const transcribed = Number(db.prepare(insertCallSql).run('transcribed', JSON.stringify(metrics)).lastInsertRowid);
    const damaged = Number(db.prepare(insertCallSql).run('damaged', '{}').lastInsertRowid);
    const insertWord = db.prepare('INSERT INTO transcript_words (call_id, channel, word, start_ms, end_ms, conf) VALUES (?, ?, ?, ?, ?, ?)');
    for (const w of words) insertWord.run(transcribed, w.channel, w.word, w.startMs, w.endMs, w.conf);

    runMigrations(db);
    assert.ok(schemaVersion(db) >= 6);
    const scoreOf = (id: number): unknown => db.prepare('SELECT listening_score FROM calls WHERE id = ?').pluck().get(id);
    assert.equal(scoreOf(plain), computeListeningScore(metrics, null).score);
    assert.equal(scoreOf(transcribed), scoreOfCall(metrics, [...words]));
    assert.notEqual(scoreOf(transcribed), scoreOf(plain), 'the transcript part changes the score');
    assert.equal(scoreOf(damaged), null);
  });

  it('refuses a score outside 0–100 and creates the filter and sort indexes', () => {
    const db = openDatabase(':memory:');
    runMigrations(db, MIGRATIONS.slice(0, 6));
    const id = Number(db.prepare(insertCallSql).run('k', JSON.stringify(sampleMetrics())).lastInsertRowid);
    assert.throws(() => db.prepare('UPDATE calls SET listening_score = 101 WHERE id = ?').run(id), /CHECK/);
    assert.throws(() => db.prepare('UPDATE calls SET listening_score = -1 WHERE id = ?').run(id), /CHECK/);
    db.prepare('UPDATE calls SET listening_score = 100 WHERE id = ?').run(id);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'calls'").pluck().all() as string[];
    for (const name of ['calls_listening_score', 'calls_talk_ratio', 'calls_duration_ms', 'calls_agent_interruptions', 'calls_customer_interruptions', 'calls_agent_name_started_at']) {
      assert.ok(indexes.includes(name), `${name} exists`);
    }
  });
});

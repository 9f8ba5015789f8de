// Shared by the call-store tests: a migrated in-memory database, a complete, realistic NewCall, and real
// library folders under a temporary directory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openLibrary, type Library } from '../../src/main/library/library';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { NewCall } from '../../src/shared/calls';
import { openDatabase, type SqliteDatabase } from '../../src/main/store/database';
import { runMigrations } from '../../src/main/store/migrations/run-migrations';

export function migratedMemoryDb(): SqliteDatabase {
  const db = openDatabase(':memory:');
  runMigrations(db);
  return db;
}

export function sampleMetrics(): CallMetrics {
  return {
    durationMs: 95_430,
    talkRatio: 0.4375,
    agent: { talkMs: 35_000, longestMonologueMs: 21_000, interruptions: 2, segments: [[1_000, 22_000], [40_500, 47_500], [60_000, 67_000]] },
    customer: { talkMs: 45_000, longestMonologueMs: 30_000, interruptions: 1, segments: [[21_800, 51_800], [66_500, 81_500]] },
    interruptions: [
      { atMs: 40_500, by: 'agent', overlapMs: 7_000 },
      { atMs: 66_500, by: 'customer', overlapMs: 500 },
      { atMs: 60_000, by: 'agent', overlapMs: 1_200 },
    ],
    backchannels: [{ atMs: 30_000, by: 'agent' }],
    overlapMs: 8_700,
    silenceMs: 23_130,
    deadAir: [{ atMs: 81_500, durationMs: 6_000 }],
    responseGapMs: { median: 420, p90: null },
  };
}

export function sampleCall(overrides: Partial<NewCall> = {}): NewCall {
  return {
    recordingKey: '2026-12-01T10-00-00Z-ab12',
    agentName: 'Dana',
    startedAt: '2026-12-01T10:00:00.000Z',
    durationMs: 95_430,
    recordingPath: '/home/dana/.config/Attune/recordings/2026-12-01T10-00-00Z-ab12.wav',
    metrics: sampleMetrics(),
    cards: [
      { atMs: 46_000, card: { kind: 'let-them-finish', title: 'Let them finish', detail: 'You started talking while the customer was speaking.' } },
      { atMs: 70_000, card: { kind: 'customer-cut-in', title: 'Customer cut in', detail: 'Acknowledge and let them speak.' } },
    ],
    notes: [
      { atMs: 50_000, text: 'asked for refund — escalate', createdAt: '2026-12-01T10:00:52.100Z' },
      { atMs: 12_000, text: '', createdAt: '2026-12-01T10:00:13.000Z' },
    ],
    recovered: false,
    source: 'live',
    ...overrides,
  };
}

export function countRows(db: SqliteDatabase, table: 'calls' | 'segments' | 'events' | 'cards_shown' | 'notes' | 'settings'): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/**
 * A temporary directory for the test file (removed after it), and `freshLibrary()` opening a new,
 * empty library folder in it each time it is called.
 */
export function tempLibraries(name: string): { root: string; freshLibrary: () => Library } {
  const root = mkdtempSync(join(tmpdir(), `attune-${name}-test-`));
  after(() => rmSync(root, { recursive: true, force: true }));
  let libraries = 0;
  return {
    root,
    freshLibrary: () => {
      libraries += 1;
      return openLibrary(join(root, `library-${libraries}`));
    },
  };
}

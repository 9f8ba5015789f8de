// A library of many realistic calls for the 10 000-call benchmark and its test: agents, start times,
// durations, talk ratios, interruptions both ways and listening scores spread the way a contact
// centre's calls are, each stored whole by insertCall (segments, events, cards) so the tables are the
// size they would be. Deterministic (a seeded generator), so runs are comparable.

import type { CallMetrics, InterruptionRecord, SegmentSpan } from '../src/shared/call-analysis';
import type { NewCall } from '../src/shared/calls';
import type { SqliteDatabase } from '../src/main/store/database';
import { insertCall } from '../src/main/store/calls-repository';
import { seededRandom } from '../tests/support/seeded-random';

export const SEED_AGENTS: readonly string[] = ['Dana', 'Eli', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lena', 'Milo', 'Noor', 'Omar'];

/** Call number `index` of a seeded library: one call every ~40 minutes back from 2026-12-01. */
export function seedCall(index: number, next: () => number): NewCall {
  const durationMs = Math.round(60_000 + next() * 14 * 60_000);
  const talkRatio = Math.round((0.25 + next() * 0.6) * 1000) / 1000;
  const agentInterruptions = Math.floor(next() * next() * 12);
  const customerInterruptions = Math.floor(next() * next() * 8);
  const talkMs = Math.round(durationMs * 0.8);
  const agentTalkMs = Math.round(talkMs * talkRatio);
  const segmentsOf = (count: number, offsetMs: number): SegmentSpan[] =>
    Array.from({ length: count }, (_, i) => {
      const startMs = offsetMs + Math.round((i * durationMs) / (count + 1));
      return [startMs, startMs + 4_000];
    });
  const interruptions: InterruptionRecord[] = [
    ...Array.from({ length: agentInterruptions }, (_, i) => ({ atMs: 5_000 + i * 9_000, by: 'agent' as const, overlapMs: 600 })),
    ...Array.from({ length: customerInterruptions }, (_, i) => ({ atMs: 7_000 + i * 11_000, by: 'customer' as const, overlapMs: 400 })),
  ];
  const metrics: CallMetrics = {
    durationMs,
    talkRatio,
    agent: { talkMs: agentTalkMs, longestMonologueMs: 20_000, interruptions: agentInterruptions, segments: segmentsOf(6, 0) },
    customer: { talkMs: talkMs - agentTalkMs, longestMonologueMs: 25_000, interruptions: customerInterruptions, segments: segmentsOf(6, 2_000) },
    interruptions,
    backchannels: [{ atMs: 3_000, by: 'agent' }],
    overlapMs: 1_000,
    silenceMs: durationMs - talkMs,
    deadAir: next() < 0.3 ? [{ atMs: 30_000, durationMs: Math.round(5_000 + next() * 20_000) }] : [],
    responseGapMs: { median: Math.round(200 + next() * 3_000), p90: null },
  };
  const startedAt = new Date(Date.UTC(2026, 11, 1) - index * 40 * 60_000 - Math.round(next() * 600_000)).toISOString();
  return {
    recordingKey: `seed-${index}`,
    agentName: SEED_AGENTS[Math.floor(next() * SEED_AGENTS.length)] ?? 'Agent',
    startedAt,
    durationMs,
    recordingPath: null,
    metrics,
    cards: [],
    notes: [],
    recovered: false,
    source: next() < 0.5 ? 'live' : 'import',
  };
}

/** Stores `count` seeded calls in one transaction. */
export function seedLibrary(db: SqliteDatabase, count: number, seed = 9): void {
  const next = seededRandom(seed);
  const insertAll = db.transaction(() => {
    for (let index = 0; index < count; index += 1) insertCall(db, seedCall(index, next));
  });
  insertAll();
}

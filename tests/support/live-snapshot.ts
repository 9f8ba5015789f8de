// A metrics snapshot for tests of what consumes them (coalescing, the dashboards): quiet by default,
// `changes` for the fields a test is about.

import type { LiveMetricsSnapshot } from '../../src/shared/live';

export function metricsSnapshot(elapsedMs: number, changes: Partial<LiveMetricsSnapshot> = {}): LiveMetricsSnapshot {
  return {
    type: 'metrics',
    emittedAtMs: elapsedMs,
    elapsedMs,
    talkRatio: 0.5,
    recentTalkRatio: 0.5,
    agentTalkMs: 0,
    customerTalkMs: 0,
    interruptions: { agent: 0, customer: 0 },
    currentSpeaker: 'nobody',
    agentMonologueMs: 0,
    lastResponseGapMs: null,
    deadAirMs: 0,
    levelsDb: { agent: -100, customer: -100 },
    recordedMs: elapsedMs,
    ...changes,
  };
}

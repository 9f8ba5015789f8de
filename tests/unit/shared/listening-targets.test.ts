import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallMetrics } from '../../../src/shared/call-analysis';
import { checkTargets, nextFocus, RESPONSE_GAP_TARGET_MAX_MS, TALK_RATIO_TARGET_MAX } from '../../../src/shared/listening-targets';
import { DEFAULT_SCORECARD_OPTIONS } from '../../../src/main/transcript/scorecard';

function metrics(overrides: Partial<CallMetrics> & { agentInterruptions?: number }): CallMetrics {
  const { agentInterruptions = 0, ...rest } = overrides;
  return {
    durationMs: 120_000,
    talkRatio: 0.5,
    agent: { talkMs: 40_000, longestMonologueMs: 10_000, interruptions: agentInterruptions, segments: [] },
    customer: { talkMs: 40_000, longestMonologueMs: 10_000, interruptions: 0, segments: [] },
    interruptions: [],
    backchannels: [],
    overlapMs: 0,
    silenceMs: 40_000,
    deadAir: [],
    responseGapMs: { median: 800, p90: 1_500 },
    ...rest,
  };
}

test('the target bands are the scorecard’s limits, so a report and the scorecard agree', () => {
  assert.equal(TALK_RATIO_TARGET_MAX, DEFAULT_SCORECARD_OPTIONS.talkRatioMax);
  assert.equal(RESPONSE_GAP_TARGET_MAX_MS, DEFAULT_SCORECARD_OPTIONS.responseGapMedianMaxMs);
});

test('a balanced call is good on every target and has nothing to work on next', () => {
  const checks = checkTargets(metrics({}));
  assert.deepEqual(checks.map((c) => [c.key, c.signal]), [
    ['interruptions', 'good'],
    ['talk-ratio', 'good'],
    ['response-gap', 'good'],
    ['dead-air', 'good'],
  ]);
  assert.equal(nextFocus(checks), null);
});

test('each limit is judged at its edge: 60% is good, 61% needs work; 2.0 s is good, 2.1 s needs work', () => {
  const at = (talkRatio: number, median: number): string[] => checkTargets(metrics({ talkRatio, responseGapMs: { median, p90: median } })).map((c) => c.signal);
  assert.deepEqual(at(0.6, 2_000), ['good', 'good', 'good', 'good']);
  assert.deepEqual(at(0.61, 2_100), ['good', 'needs-work', 'needs-work', 'good']);
});

test('interrupting comes first in what to work on next, with the count in the advice', () => {
  const checks = checkTargets(metrics({ talkRatio: 0.8, agentInterruptions: 3, deadAir: [{ atMs: 5_000, durationMs: 6_000 }] }));
  const focus = nextFocus(checks);
  assert.equal(focus?.key, 'interruptions');
  assert.match(focus?.advice ?? '', /3 times/);
  assert.equal(checks.find((c) => c.key === 'talk-ratio')?.measured, '80%');
  assert.equal(checks.find((c) => c.key === 'dead-air')?.signal, 'needs-work');
});

test('a call where nobody spoke, or nobody took turns, is not judged', () => {
  const silent = checkTargets(metrics({ talkRatio: 0, agent: { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] }, customer: { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] }, responseGapMs: { median: null, p90: null } }));
  assert.ok(silent.every((c) => c.signal === 'no-data'));
  assert.equal(nextFocus(silent), null);
  const gap = checkTargets(metrics({ responseGapMs: { median: null, p90: null } })).find((c) => c.key === 'response-gap');
  assert.equal(gap?.signal, 'no-data');
  assert.equal(gap?.measured, 'no turn changes');
});

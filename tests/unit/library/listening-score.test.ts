// The listening score: full marks for a call inside every band, each timing part falling to 0 at its
// limit, short calls counted as one minute for interruptions, the transcript part (only the
// scorecard's non-timing points, info left out) taking its share, and no score when nobody spoke.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeListeningScore } from '../../../src/main/library/listening-score';
import type { CallMetrics } from '../../../src/shared/call-analysis';
import type { Scorecard, ScorecardPoint } from '../../../src/shared/scorecard';

function metrics(overrides: Partial<CallMetrics> = {}): CallMetrics {
  return {
    durationMs: 300_000,
    talkRatio: 0.45,
    agent: { talkMs: 90_000, longestMonologueMs: 20_000, interruptions: 0, segments: [] },
    customer: { talkMs: 110_000, longestMonologueMs: 30_000, interruptions: 0, segments: [] },
    interruptions: [],
    backchannels: [],
    overlapMs: 0,
    silenceMs: 100_000,
    deadAir: [],
    responseGapMs: { median: 600, p90: 1_200 },
    ...overrides,
  };
}

function scorecard(verdicts: Array<[ScorecardPoint['key'], ScorecardPoint['verdict']]>): Scorecard {
  return {
    durationMs: 300_000,
    agent: { words: 100, speechMs: 90_000, wordsPerMinute: 130, fillers: 0, fillersPerMinute: 0 },
    counts: {} as Scorecard['counts'],
    timing: true,
    points: verdicts.map(([key, verdict]) => ({ key, verdict, summary: '', value: null, moments: [] })),
  };
}

const agentInterruptions = (count: number): CallMetrics['interruptions'] => Array.from({ length: count }, (_, i) => ({ atMs: i * 1_000, by: 'agent' as const, overlapMs: 500 }));

describe('computeListeningScore', () => {
  it('gives 100 for a call inside every band, on timing alone', () => {
    const result = computeListeningScore(metrics(), null);
    assert.equal(result.score, 100);
    assert.equal(result.basis, 'timing');
    assert.deepEqual(result.parts.map((part) => part.key), ['talk-ratio', 'interruptions', 'response-gap', 'dead-air']);
    assert.ok(Math.abs(result.parts.reduce((sum, part) => sum + part.weight, 0) - 1) < 1e-9);
  });

  it('lowers each timing part linearly to 0 at its limit', () => {
    const part = (m: CallMetrics, key: string): number | undefined => computeListeningScore(m, null).parts.find((p) => p.key === key)?.value;
    assert.equal(part(metrics({ talkRatio: 0.6 }), 'talk-ratio'), 1);
    assert.ok(Math.abs((part(metrics({ talkRatio: 0.725 }), 'talk-ratio') ?? 0) - 0.5) < 1e-9);
    assert.equal(part(metrics({ talkRatio: 0.9 }), 'talk-ratio'), 0);
    // 5 minutes: 1 per minute (5 interruptions) is 0, 2.5 is half.
    assert.equal(part(metrics({ interruptions: agentInterruptions(5) }), 'interruptions'), 0);
    assert.ok(Math.abs((part(metrics({ interruptions: agentInterruptions(2) }), 'interruptions') ?? 0) - 0.6) < 1e-9);
    // The customer's interruptions are not the agent's listening.
    assert.equal(part(metrics({ interruptions: [{ atMs: 1, by: 'customer', overlapMs: 400 }] }), 'interruptions'), 1);
    assert.ok(Math.abs((part(metrics({ responseGapMs: { median: 3_500, p90: null } }), 'response-gap') ?? 0) - 0.5) < 1e-9);
    assert.ok(Math.abs((part(metrics({ deadAir: [{ atMs: 0, durationMs: 22_500 }] }), 'dead-air') ?? 0) - 0.5) < 1e-9);
  });

  it('counts a call shorter than a minute as one minute for interruptions', () => {
    const short = metrics({ durationMs: 20_000, interruptions: agentInterruptions(1) });
    assert.equal(computeListeningScore(short, null).parts.find((p) => p.key === 'interruptions')?.value, 0);
    const half = metrics({ durationMs: 20_000, interruptions: agentInterruptions(1) });
    assert.equal(computeListeningScore(half, null, { interruptionsPerMinuteZeroAt: 2 }).parts.find((p) => p.key === 'interruptions')?.value, 0.5);
  });

  it('leaves the response gap out when none was measured, and weighs the rest up', () => {
    const result = computeListeningScore(metrics({ responseGapMs: { median: null, p90: null }, talkRatio: 0.9 }), null);
    assert.deepEqual(result.parts.map((part) => part.key), ['talk-ratio', 'interruptions', 'dead-air']);
    // talk-ratio 0 carrying 0.3 / 0.85 of the weight.
    assert.equal(result.score, Math.round((1 - 0.3 / 0.85) * 100));
  });

  it('adds the transcript points (not the timing ones, not info) as 40 % of the score', () => {
    const card = scorecard([
      ['empathy', 'good'],
      ['paraphrase', 'improve'],
      ['questions', 'good'],
      ['options', 'info'],
      ['talk-ratio', 'improve'],
      ['interruptions', 'improve'],
    ]);
    const result = computeListeningScore(metrics(), card);
    assert.equal(result.basis, 'timing+transcript');
    const transcript = result.parts.find((part) => part.key === 'transcript');
    assert.deepEqual(transcript, { key: 'transcript', weight: 0.4, value: 2 / 3 });
    assert.equal(result.score, Math.round((0.6 + 0.4 * (2 / 3)) * 100));
    // A scorecard with only info points judges nothing: timing alone.
    assert.equal(computeListeningScore(metrics(), scorecard([['options', 'info']])).basis, 'timing');
  });

  it('has no score when nobody spoke', () => {
    const silent = metrics({ agent: { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] }, customer: { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] }, talkRatio: 0 });
    assert.deepEqual(computeListeningScore(silent, null), { score: null, basis: 'none', parts: [] });
  });
});

// Trend aggregation (pure): ISO weeks in UTC, per-agent weekly means, and the outcome relations with
// their counts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_CALLS_TO_READ, agentTrends, buildTrendsReport, outcomeRelations, weekStartOf } from '../../../src/main/trends/trend-aggregation';
import type { TrendCall } from '../../../src/main/store/trend-calls-repository';
import { EMPTY_CALL_OUTCOME, type CallOutcome } from '../../../src/shared/outcomes';

let nextId = 1;
function call(fields: Partial<Omit<TrendCall, 'outcome'>> & { outcome?: Partial<CallOutcome> }): TrendCall {
  const { outcome, ...rest } = fields;
  return {
    callId: nextId++,
    agentName: 'Dana',
    startedAt: '2026-12-01T10:00:00.000Z',
    talkRatio: 0.5,
    agentInterruptions: 0,
    customerInterruptions: 0,
    responseGapMs: null,
    listeningScore: null,
    ...rest,
    outcome: outcome === undefined ? null : { ...EMPTY_CALL_OUTCOME, ...outcome },
  };
}

describe('weekStartOf', () => {
  it('gives the Monday (UTC) of the ISO week', () => {
    assert.equal(weekStartOf('2026-12-01T10:00:00.000Z'), '2026-11-30'); // a Tuesday
    assert.equal(weekStartOf('2026-11-30T00:00:00.000Z'), '2026-11-30'); // Monday itself
    assert.equal(weekStartOf('2026-12-06T23:59:59.999Z'), '2026-11-30'); // Sunday
    assert.equal(weekStartOf('2026-12-07T00:00:00.000Z'), '2026-12-07');
    assert.equal(weekStartOf('2027-01-01T12:00:00+00:00'), '2026-12-28'); // across a year
    assert.throws(() => weekStartOf('soon'), RangeError);
  });
});

describe('agentTrends', () => {
  it('groups by agent (alphabetical) and week (in order) with means, leaving the score and gap null when no call has one', () => {
    const trends = agentTrends([
      call({ agentName: 'Lee', startedAt: '2026-12-08T09:00:00.000Z', talkRatio: 0.8 }),
      call({ startedAt: '2026-12-08T09:00:00.000Z', talkRatio: 0.6, agentInterruptions: 3, responseGapMs: 900, listeningScore: 40 }),
      call({ startedAt: '2026-12-01T09:00:00.000Z', talkRatio: 0.4, agentInterruptions: 1, customerInterruptions: 2, responseGapMs: 300, listeningScore: 80 }),
      call({ startedAt: '2026-12-02T09:00:00.000Z', talkRatio: 0.5, agentInterruptions: 0, responseGapMs: 500 }),
    ]);
    assert.deepEqual(
      trends.map((agent) => [agent.agentName, agent.calls]),
      [
        ['Dana', 3],
        ['Lee', 1],
      ],
    );
    assert.deepEqual(trends[0]?.weeks, [
      {
        weekStart: '2026-11-30',
        calls: 2,
        talkRatio: 0.45,
        agentInterruptionsPerCall: 0.5,
        customerInterruptionsPerCall: 1,
        responseGapMs: 400,
        listeningScore: 80,
        scoredCalls: 1,
      },
      {
        weekStart: '2026-12-07',
        calls: 1,
        talkRatio: 0.6,
        agentInterruptionsPerCall: 3,
        customerInterruptionsPerCall: 0,
        responseGapMs: 900,
        listeningScore: 40,
        scoredCalls: 1,
      },
    ]);
    assert.equal(trends[1]?.weeks[0]?.listeningScore, null);
    assert.equal(trends[1]?.weeks[0]?.responseGapMs, null);
  });
});

describe('outcomeRelations', () => {
  it('gives mean CSAT per talk-ratio band and first-contact resolution with and without agent interruptions, with counts', () => {
    const relations = outcomeRelations([
      call({ talkRatio: 0.3, outcome: { csat: 5, resolvedFirstContact: true } }),
      call({ talkRatio: 0.39, outcome: { csat: 4 } }),
      call({ talkRatio: 0.4, agentInterruptions: 2, outcome: { csat: 3, resolvedFirstContact: false } }),
      call({ talkRatio: 1, agentInterruptions: 1, outcome: { csat: 1, resolvedFirstContact: true } }),
      call({ talkRatio: 0.8, agentInterruptions: 4, outcome: { customerName: 'Ana' } }),
      call({ talkRatio: 0.65 }),
    ]);
    assert.deepEqual(
      relations.csatByTalkRatio.map((band) => [band.label, band.calls, band.meanCsat]),
      [
        ['under 40 %', 2, 4.5],
        ['40–60 %', 1, 3],
        ['60–75 %', 0, null],
        ['75 % and over', 1, 1],
      ],
    );
    assert.deepEqual(relations.firstContactWithAgentInterruptions, { calls: 2, resolved: 1, rate: 0.5 });
    assert.deepEqual(relations.firstContactWithoutAgentInterruptions, { calls: 1, resolved: 1, rate: 1 });
    assert.equal(relations.minCallsToRead, MIN_CALLS_TO_READ);
  });

  it('has empty groups with null rates when nothing is known', () => {
    const relations = outcomeRelations([call({})]);
    assert.deepEqual(relations.firstContactWithAgentInterruptions, { calls: 0, resolved: 0, rate: null });
    assert.ok(relations.csatByTalkRatio.every((band) => band.calls === 0 && band.meanCsat === null));
  });
});

describe('buildTrendsReport', () => {
  it('counts the calls and those with an outcome, and keeps the query and the agent list', () => {
    const report = buildTrendsReport([call({}), call({ outcome: { csat: 4 } })], { agentName: 'Dana' }, ['Dana', 'Lee']);
    assert.equal(report.calls, 2);
    assert.equal(report.callsWithOutcome, 1);
    assert.deepEqual(report.query, { agentName: 'Dana' });
    assert.deepEqual(report.agentNames, ['Dana', 'Lee']);
    // The report crosses IPC as JSON in the e2e harness: nothing in it may be lost on the way.
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });
});

// What the Trends charts draw (pure): one week axis for every agent with gaps where an agent had no
// calls, values in the charts' units, and relation bars that carry their counts and "too few".

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csatBars, describeBar, firstContactBars, metricSeries, weekAxis, weekLabel } from '../../../src/renderer/src/lib/trend-series';
import type { TrendsReport, TrendWeek } from '../../../src/shared/outcomes';

function week(weekStart: string, fields: Partial<TrendWeek> = {}): TrendWeek {
  return {
    weekStart,
    calls: 2,
    talkRatio: 0.4567,
    agentInterruptionsPerCall: 1.333,
    customerInterruptionsPerCall: 0,
    responseGapMs: 1234,
    listeningScore: 71.25,
    scoredCalls: 2,
    ...fields,
  };
}

const report: TrendsReport = {
  query: {},
  agentNames: ['Dana', 'Lee'],
  calls: 7,
  callsWithOutcome: 12,
  agents: [
    { agentName: 'Dana', calls: 4, weeks: [week('2026-11-23'), week('2026-12-07', { responseGapMs: null, listeningScore: null })] },
    { agentName: 'Lee', calls: 3, weeks: [week('2026-11-30', { calls: 3, talkRatio: 0.7 })] },
  ],
  relations: {
    csatByTalkRatio: [
      { label: 'under 40 %', minRatio: 0, maxRatio: 0.4, calls: 12, meanCsat: 4.3333 },
      { label: '40–60 %', minRatio: 0.4, maxRatio: 0.6, calls: 3, meanCsat: 3 },
      { label: '60–75 %', minRatio: 0.6, maxRatio: 0.75, calls: 0, meanCsat: null },
      { label: '75 % and over', minRatio: 0.75, maxRatio: null, calls: 0, meanCsat: null },
    ],
    firstContactWithAgentInterruptions: { calls: 10, resolved: 4, rate: 0.4 },
    firstContactWithoutAgentInterruptions: { calls: 2, resolved: 2, rate: 1 },
    minCallsToRead: 10,
  },
};

describe('trend series', () => {
  it('shares one week axis and leaves gaps (null) where an agent had no calls', () => {
    assert.deepEqual(weekAxis(report.agents), ['2026-11-23', '2026-11-30', '2026-12-07']);
    const { weeks, series } = metricSeries(report, 'talkRatio');
    assert.equal(weeks.length, 3);
    assert.deepEqual(series[0], { agentName: 'Dana', values: [45.7, null, 45.7], calls: [2, 0, 2] });
    assert.deepEqual(series[1], { agentName: 'Lee', values: [null, 70, null], calls: [0, 3, 0] });
  });

  it('gives each metric in its chart unit, with null where the week had no value', () => {
    assert.deepEqual(metricSeries(report, 'responseGapMs').series[0]?.values, [1.23, null, null]);
    assert.deepEqual(metricSeries(report, 'listeningScore').series[0]?.values, [71.3, null, null]);
    assert.deepEqual(metricSeries(report, 'agentInterruptionsPerCall').series[1]?.values, [null, 1.33, null]);
  });

  it('labels weeks by their Monday, with the year when asked', () => {
    assert.equal(weekLabel('2026-11-30', false), '30 Nov');
    assert.equal(weekLabel('2026-12-28', true), '28 Dec 2026');
  });

  it('turns relations into bars with counts, marking groups under the threshold as too few to read', () => {
    const csat = csatBars(report.relations);
    assert.deepEqual(csat.map((bar) => [bar.label, bar.shortLabel, bar.value, bar.calls, bar.tooFew]), [
      ['Agent talk under 40 %', 'under 40 %', 4.33, 12, false],
      ['Agent talk 40–60 %', '40–60 %', 3, 3, true],
      ['Agent talk 60–75 %', '60–75 %', null, 0, true],
      ['Agent talk 75 % and over', '75 % and over', null, 0, true],
    ]);
    assert.equal(describeBar(csat[0]!, ''), '4.33 (n = 12)');
    assert.equal(describeBar(csat[1]!, ''), '3 (n = 3, too few to read)');
    assert.equal(describeBar(csat[2]!, ''), '— (n = 0, too few to read)');
    const fcr = firstContactBars(report.relations);
    assert.deepEqual(fcr.map((bar) => describeBar(bar, ' %')), ['40 % (n = 10)', '100 % (n = 2, too few to read)']);
  });
});

// Per-agent trends and outcome relations from per-call figures. Pure: the calls come in, the report
// goes out; weeks are ISO weeks (Monday to Sunday) in UTC, read from each call's start time.
//
// Relations are descriptive, with their counts beside them: the UI marks a group smaller than
// MIN_CALLS_TO_READ as too few calls, so nobody draws a conclusion from three calls.

import type { AgentTrend, CsatBand, OutcomeRelations, RateWithCount, TrendsQuery, TrendsReport, TrendWeek } from '../../shared/outcomes';
import type { TrendCall } from '../store/trend-calls-repository';

/** Below this many calls a group's figure is shown as "too few calls to read". */
export const MIN_CALLS_TO_READ = 10;

/**
 * Agent talk-ratio bands for CSAT. Around 40–60 % agent talk is the usual coaching target for a support
 * call; the bands either side separate "customer did most of the talking" from "agent talked over them".
 */
export const TALK_RATIO_BANDS: readonly { label: string; minRatio: number; maxRatio: number | null }[] = [
  { label: 'under 40 %', minRatio: 0, maxRatio: 0.4 },
  { label: '40–60 %', minRatio: 0.4, maxRatio: 0.6 },
  { label: '60–75 %', minRatio: 0.6, maxRatio: 0.75 },
  { label: '75 % and over', minRatio: 0.75, maxRatio: null },
];

const DAY_MS = 86_400_000;

/** Monday (UTC) of the ISO week `startedAt` falls in, as YYYY-MM-DD. */
export function weekStartOf(startedAt: string): string {
  const ms = Date.parse(startedAt);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO 8601 time: ${startedAt}`);
  const dayStartMs = Math.floor(ms / DAY_MS) * DAY_MS;
  // getUTCDay: 0 = Sunday … 6 = Saturday; days since Monday is (day + 6) % 7.
  const daysSinceMonday = (new Date(dayStartMs).getUTCDay() + 6) % 7;
  return new Date(dayStartMs - daysSinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function weekOf(weekStart: string, calls: readonly TrendCall[]): TrendWeek {
  const scores = calls.flatMap((call) => (call.listeningScore === null ? [] : [call.listeningScore]));
  const gaps = calls.flatMap((call) => (call.responseGapMs === null ? [] : [call.responseGapMs]));
  return {
    weekStart,
    calls: calls.length,
    talkRatio: mean(calls.map((call) => call.talkRatio)) ?? 0,
    agentInterruptionsPerCall: mean(calls.map((call) => call.agentInterruptions)) ?? 0,
    customerInterruptionsPerCall: mean(calls.map((call) => call.customerInterruptions)) ?? 0,
    responseGapMs: mean(gaps),
    listeningScore: mean(scores),
    scoredCalls: scores.length,
  };
}

function groupBy<K>(calls: readonly TrendCall[], key: (call: TrendCall) => K): Map<K, TrendCall[]> {
  const groups = new Map<K, TrendCall[]>();
  for (const call of calls) {
    const k = key(call);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [call]);
    else group.push(call);
  }
  return groups;
}

export function agentTrends(calls: readonly TrendCall[]): AgentTrend[] {
  const byAgent = [...groupBy(calls, (call) => call.agentName)].sort(([a], [b]) => a.localeCompare(b));
  return byAgent.map(([agentName, agentCalls]) => ({
    agentName,
    calls: agentCalls.length,
    weeks: [...groupBy(agentCalls, (call) => weekStartOf(call.startedAt))]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, weekCalls]) => weekOf(weekStart, weekCalls)),
  }));
}

function firstContactRate(calls: readonly TrendCall[]): RateWithCount {
  const known = calls.filter((call) => call.outcome?.resolvedFirstContact != null);
  const resolved = known.filter((call) => call.outcome?.resolvedFirstContact === true).length;
  return { calls: known.length, resolved, rate: known.length === 0 ? null : resolved / known.length };
}

export function outcomeRelations(calls: readonly TrendCall[]): OutcomeRelations {
  const csatByTalkRatio = TALK_RATIO_BANDS.map((band): CsatBand => {
    const csats = calls.flatMap((call) =>
      call.outcome?.csat != null && call.talkRatio >= band.minRatio && (band.maxRatio === null || call.talkRatio < band.maxRatio) ? [call.outcome.csat] : [],
    );
    return { ...band, calls: csats.length, meanCsat: mean(csats) };
  });
  return {
    csatByTalkRatio,
    firstContactWithAgentInterruptions: firstContactRate(calls.filter((call) => call.agentInterruptions > 0)),
    firstContactWithoutAgentInterruptions: firstContactRate(calls.filter((call) => call.agentInterruptions === 0)),
    minCallsToRead: MIN_CALLS_TO_READ,
  };
}

export function buildTrendsReport(calls: readonly TrendCall[], query: TrendsQuery, agentNames: readonly string[]): TrendsReport {
  return {
    query,
    agentNames: [...agentNames],
    calls: calls.length,
    callsWithOutcome: calls.filter((call) => call.outcome !== null).length,
    agents: agentTrends(calls),
    relations: outcomeRelations(calls),
  };
}

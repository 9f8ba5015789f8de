// Turns a TrendsReport into what the charts draw: one week axis shared by every agent (a week an agent
// had no calls is a gap, not a zero), one series per agent per metric, and the relation bars with the
// counts that say how far to trust them. Pure, for unit tests.

import type { AgentTrend, OutcomeRelations, TrendsReport, TrendWeek } from '../../../shared/outcomes';

export type TrendMetric = 'talkRatio' | 'agentInterruptionsPerCall' | 'responseGapMs' | 'listeningScore';

export interface MetricChart {
  metric: TrendMetric;
  title: string;
  /** The y axis unit, shown in the axis title. */
  unit: string;
  /** What a better week looks like, so nobody has to guess which way is good. */
  better: string;
}

export const METRIC_CHARTS: readonly MetricChart[] = [
  { metric: 'listeningScore', title: 'Listening score', unit: '0–100', better: 'higher is better' },
  { metric: 'talkRatio', title: 'Agent talk ratio', unit: '% of talk time', better: 'about 40–60 % is the target' },
  { metric: 'agentInterruptionsPerCall', title: 'Interruptions by the agent', unit: 'per call', better: 'lower is better' },
  { metric: 'responseGapMs', title: 'Response gap', unit: 'seconds (median per call)', better: 'short, but not cutting in' },
];

export interface AgentSeries {
  agentName: string;
  /** One value per week of the shared axis; null where the agent had no calls or no value. */
  values: (number | null)[];
  /** Calls behind each value (for tooltips). */
  calls: number[];
}

/** Every week any agent had calls, in order (YYYY-MM-DD Mondays). */
export function weekAxis(agents: readonly AgentTrend[]): string[] {
  return [...new Set(agents.flatMap((agent) => agent.weeks.map((week) => week.weekStart)))].sort();
}

function valueOf(week: TrendWeek, metric: TrendMetric): number | null {
  switch (metric) {
    case 'talkRatio':
      return Math.round(week.talkRatio * 1000) / 10;
    case 'agentInterruptionsPerCall':
      return Math.round(week.agentInterruptionsPerCall * 100) / 100;
    case 'responseGapMs':
      return week.responseGapMs === null ? null : Math.round(week.responseGapMs / 10) / 100;
    case 'listeningScore':
      return week.listeningScore === null ? null : Math.round(week.listeningScore * 10) / 10;
    default: {
      const unreachable: never = metric;
      throw new Error(`unhandled metric ${String(unreachable)}`);
    }
  }
}

export function metricSeries(report: TrendsReport, metric: TrendMetric): { weeks: string[]; series: AgentSeries[] } {
  const weeks = weekAxis(report.agents);
  const series = report.agents.map((agent) => {
    const byWeek = new Map(agent.weeks.map((week) => [week.weekStart, week]));
    return {
      agentName: agent.agentName,
      values: weeks.map((weekStart) => {
        const week = byWeek.get(weekStart);
        return week === undefined ? null : valueOf(week, metric);
      }),
      calls: weeks.map((weekStart) => byWeek.get(weekStart)?.calls ?? 0),
    };
  });
  return { weeks, series };
}

/** "2026-11-30" → "30 Nov". The year is added when the axis spans more than one. */
export function weekLabel(weekStart: string, withYear: boolean): string {
  const date = new Date(`${weekStart}T00:00:00Z`);
  const label = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return withYear ? `${label} ${date.getUTCFullYear()}` : label;
}

export interface RelationBar {
  label: string;
  /** The label under the bar (the table beside the chart has the full one). */
  shortLabel: string;
  value: number | null;
  calls: number;
  /** Fewer calls than the report's minCallsToRead: drawn faint and said in words. */
  tooFew: boolean;
}

export function csatBars(relations: OutcomeRelations): RelationBar[] {
  return relations.csatByTalkRatio.map((band) => ({
    label: `Agent talk ${band.label}`,
    shortLabel: band.label,
    value: band.meanCsat === null ? null : Math.round(band.meanCsat * 100) / 100,
    calls: band.calls,
    tooFew: band.calls < relations.minCallsToRead,
  }));
}

export function firstContactBars(relations: OutcomeRelations): RelationBar[] {
  const bar = (label: string, shortLabel: string, group: OutcomeRelations['firstContactWithAgentInterruptions']): RelationBar => ({
    label,
    shortLabel,
    value: group.rate === null ? null : Math.round(group.rate * 1000) / 10,
    calls: group.calls,
    tooFew: group.calls < relations.minCallsToRead,
  });
  return [
    bar('Agent interrupted at least once', 'interrupted', relations.firstContactWithAgentInterruptions),
    bar('Agent did not interrupt', 'did not interrupt', relations.firstContactWithoutAgentInterruptions),
  ];
}

/** "4.2 (n = 12)" or "— (n = 3, too few to read)". */
export function describeBar(bar: RelationBar, unit: string): string {
  const value = bar.value === null ? '—' : `${bar.value}${unit}`;
  return `${value} (n = ${bar.calls}${bar.tooFew ? ', too few to read' : ''})`;
}

/** Distinct, colour-blind-friendly line colours for agents (Okabe–Ito), repeated past eight agents. */
export const AGENT_COLOURS: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export function agentColour(index: number): string {
  return AGENT_COLOURS[index % AGENT_COLOURS.length] ?? '#0072B2';
}

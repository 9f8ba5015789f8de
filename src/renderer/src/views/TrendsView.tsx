// Trends: per-agent listening figures week by week (listening score, talk ratio, interruptions by the
// agent, response gap) and how they relate to outcomes (CSAT by talk-ratio band, first-contact resolution
// with and without agent interruptions), always with the number of calls behind each figure. Outcomes
// come from the replay's outcome form or from a CSV imported here.

import { useCallback, useEffect, useMemo, useState, type ReactElement } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { OutcomesImportSummary, TrendsQuery, TrendsReport } from '../../../shared/outcomes';
import { ChartCanvas } from '../components/ChartCanvas';
import { attuneBridge } from '../lib/attune-bridge';
import { pluralize } from '../lib/format';
import {
  agentColour,
  csatBars,
  describeBar,
  firstContactBars,
  METRIC_CHARTS,
  metricSeries,
  weekLabel,
  type MetricChart,
  type RelationBar,
} from '../lib/trend-series';
import { messageOf } from '../lib/use-call-analysis';
import '../styles/outcomes.css';

export interface TrendsViewProps {
  /** Default: the window's bridge. */
  bridge?: AttuneBridge;
}

type ReportState = { tag: 'loading' } | { tag: 'loaded'; report: TrendsReport } | { tag: 'failed'; message: string };
type ImportState =
  | { tag: 'idle' }
  | { tag: 'importing'; path: string }
  | { tag: 'done'; path: string; summary: OutcomesImportSummary }
  | { tag: 'failed'; message: string };

type LineConfig = ChartConfiguration<'line' | 'bar', (number | null)[], string | string[]>;

function lineConfig(report: TrendsReport, chart: MetricChart): LineConfig {
  const { weeks, series } = metricSeries(report, chart.metric);
  const years = new Set(weeks.map((week) => week.slice(0, 4)));
  return {
    type: 'line',
    data: {
      labels: weeks.map((week) => weekLabel(week, years.size > 1)),
      datasets: series.map((agent, index) => ({
        label: agent.agentName,
        data: agent.values,
        borderColor: agentColour(index),
        backgroundColor: agentColour(index),
        pointRadius: 3,
        spanGaps: true,
        // Points on the axis maximum (a score of 100) are drawn whole, not cut by the chart area.
        clip: 6,
      })),
    },
    options: {
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: {
        x: { title: { display: true, text: 'Week starting (Monday)' } },
        y: {
          title: { display: true, text: chart.unit },
          beginAtZero: true,
          ...(chart.metric === 'listeningScore' ? { max: 100 } : {}),
          ...(chart.metric === 'talkRatio' ? { max: 100 } : {}),
        },
      },
    },
  };
}

function barConfig(bars: readonly RelationBar[], unit: string, max: number, axisTitle: string): LineConfig {
  return {
    type: 'bar',
    data: {
      // Two lines under each bar: what the group is, and how many calls it holds.
      labels: bars.map((bar) => [bar.shortLabel, `n = ${bar.calls}${bar.tooFew ? ' (too few)' : ''}`]),
      datasets: [
        {
          label: unit,
          data: bars.map((bar) => bar.value),
          // Groups too small to read are drawn faint, and say so in the table beside the chart.
          backgroundColor: bars.map((bar) => (bar.tooFew ? 'rgba(89, 98, 115, 0.25)' : 'rgba(0, 114, 178, 0.8)')),
          borderColor: bars.map((bar) => (bar.tooFew ? '#596273' : '#0072B2')),
          borderWidth: 1,
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { x: { title: { display: true, text: axisTitle } }, y: { beginAtZero: true, max, title: { display: true, text: unit } } },
    },
  };
}

function summaryOf(report: TrendsReport, chart: MetricChart): string {
  const { weeks, series } = metricSeries(report, chart.metric);
  const last = series.map((agent) => {
    const value = [...agent.values].reverse().find((candidate) => candidate !== null);
    return `${agent.agentName}: ${value === undefined || value === null ? 'no value' : String(value)}`;
  });
  return `${chart.title} (${chart.unit}) per agent over ${pluralize(weeks.length, 'week')}; latest ${last.join('; ')}.`;
}

export function TrendsView({ bridge: givenBridge }: TrendsViewProps): ReactElement {
  const [bridge] = useState<AttuneBridge>(() => givenBridge ?? attuneBridge());
  const [query, setQuery] = useState<TrendsQuery>({});
  const [state, setState] = useState<ReportState>({ tag: 'loading' });
  const [importState, setImportState] = useState<ImportState>({ tag: 'idle' });
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    bridge.getTrends(query).then(
      (report) => {
        if (current) setState({ tag: 'loaded', report });
      },
      (error: unknown) => {
        if (current) setState({ tag: 'failed', message: `The trends could not be loaded: ${messageOf(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, query, reloads]);

  const setField = (field: keyof TrendsQuery, value: string): void => {
    const next = { ...query };
    if (value === '') delete next[field];
    else next[field] = value;
    setQuery(next);
  };

  const importOutcomes = useCallback((): void => {
    void bridge.chooseOutcomesCsv().then(async (path) => {
      if (path === null) return;
      setImportState({ tag: 'importing', path });
      try {
        const result = await bridge.importOutcomesCsv(path);
        setImportState(result.ok ? { tag: 'done', path, summary: result.summary } : { tag: 'failed', message: result.error });
        if (result.ok) setReloads((count) => count + 1);
      } catch (error) {
        setImportState({ tag: 'failed', message: `The outcomes could not be imported: ${messageOf(error)}` });
      }
    });
  }, [bridge]);

  const report = state.tag === 'loaded' ? state.report : null;
  const lineConfigs = useMemo(() => (report === null ? [] : METRIC_CHARTS.map((chart) => ({ chart, config: lineConfig(report, chart) }))), [report]);
  const csat = useMemo(() => (report === null ? [] : csatBars(report.relations)), [report]);
  const firstContact = useMemo(() => (report === null ? [] : firstContactBars(report.relations)), [report]);
  const csatConfig = useMemo(() => barConfig(csat, 'mean CSAT (1–5)', 5, 'Agent talk ratio'), [csat]);
  const firstContactConfig = useMemo(() => barConfig(firstContact, '% resolved on first contact', 100, 'Did the agent interrupt the customer?'), [firstContact]);

  return (
    <div className="view trends-view" data-testid="trends-view">
      <header className="view-header">
        <div>
          <h1>Trends</h1>
          <p className="view-subtitle">How each agent’s listening changes week by week, and how it relates to what happened for the customer.</p>
        </div>
      </header>

      <section className="card trends-controls" aria-label="Which calls">
        <label className="outcome-field">
          <span>Agent</span>
          <select value={query.agentName ?? ''} onChange={(event) => setField('agentName', event.target.value)} data-testid="trends-agent">
            <option value="">All agents</option>
            {(report?.agentNames ?? []).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="outcome-field">
          <span>From</span>
          <input type="date" value={query.fromDate ?? ''} onChange={(event) => setField('fromDate', event.target.value)} data-testid="trends-from" />
        </label>
        <label className="outcome-field">
          <span>To</span>
          <input type="date" value={query.toDate ?? ''} onChange={(event) => setField('toDate', event.target.value)} data-testid="trends-to" />
        </label>
        <div className="trends-import">
          <button type="button" className="button" onClick={importOutcomes} disabled={importState.tag === 'importing'} data-testid="trends-import-outcomes">
            {importState.tag === 'importing' ? 'Importing outcomes…' : 'Import outcomes CSV…'}
          </button>
        </div>
        {report !== null && (
          <p className="trends-count" role="status" data-testid="trends-count">
            {pluralize(report.calls, 'call')}, {report.callsWithOutcome} with an outcome.
          </p>
        )}
      </section>

      {importState.tag === 'done' && (
        <section className="card trends-import-result" role="status" data-testid="outcomes-import-result">
          <p>
            Outcomes stored for {importState.summary.matched} of {pluralize(importState.summary.rows, 'row')}
            {importState.summary.problems.length === 0 ? '.' : `; ${pluralize(importState.summary.problems.length, 'row')} not used:`}
          </p>
          {importState.summary.problems.length > 0 && (
            <ul className="outcomes-problems">
              {importState.summary.problems.map((problem) => (
                <li key={problem.line}>
                  Line {problem.line}: {problem.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {importState.tag === 'failed' && (
        <p className="card outcome-error" role="alert" data-testid="outcomes-import-error">
          {importState.message}
        </p>
      )}

      {state.tag === 'loading' && <p className="card-note">Loading…</p>}
      {state.tag === 'failed' && (
        <p className="outcome-error" role="alert">
          {state.message}
        </p>
      )}
      {report !== null && report.calls === 0 && (
        <p className="card card-note" data-testid="trends-empty">
          No calls {query.agentName !== undefined || query.fromDate !== undefined || query.toDate !== undefined ? 'match these filters' : 'in the library yet'}.
        </p>
      )}
      {report !== null && report.calls > 0 && (
        <>
          <div className="trends-grid">
            {lineConfigs.map(({ chart, config }) => (
              <section key={chart.metric} className="card trend-chart" aria-label={chart.title} data-testid={`trend-${chart.metric}`}>
                <h2 className="card-title">
                  {chart.title} <span className="trend-better">{chart.better}</span>
                </h2>
                <ChartCanvas config={config} summary={summaryOf(report, chart)} />
              </section>
            ))}
          </div>

          <h2 className="trends-section-title">Listening and outcomes</h2>
          <p className="card-note trends-caution">
            {report.callsWithOutcome === 0
              ? 'No call has an outcome yet: enter one in a call’s replay, or import a CSV of outcomes.'
              : `From ${pluralize(report.callsWithOutcome, 'call')} with an outcome. Groups under ${report.relations.minCallsToRead} calls are faint: too few to read anything into. These are associations, not proof of cause.`}
          </p>
          <div className="trends-grid">
            <RelationCard title="CSAT by agent talk ratio" bars={csat} unit="" config={csatConfig} testId="relation-csat" />
            <RelationCard title="First-contact resolution and interruptions" bars={firstContact} unit=" %" config={firstContactConfig} testId="relation-fcr" />
          </div>
        </>
      )}
    </div>
  );
}

function RelationCard({ title, bars, unit, config, testId }: { title: string; bars: readonly RelationBar[]; unit: string; config: LineConfig; testId: string }): ReactElement {
  return (
    <section className="card trend-chart" aria-label={title} data-testid={testId}>
      <h2 className="card-title">{title}</h2>
      <ChartCanvas config={config} summary={`${title}: ${bars.map((bar) => `${bar.label} ${describeBar(bar, unit)}`).join('; ')}.`} />
      <table className="relation-table">
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label} className={bar.tooFew ? 'too-few' : undefined}>
              <th scope="row">{bar.label}</th>
              <td>{describeBar(bar, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

// The analysis report: talk balance, turn-taking numbers and the timeline of one call. The Analyse view
// shows it for a recording; a stored live call shows the same figures with its cues and notes.

import type { ReactElement, ReactNode, Ref } from 'react';
import type { CallAnalysis, CallMetrics, Speaker } from '../../../shared/call-analysis';
import type { AgentChannel } from '../../../shared/ipc-contract';
import type { CallMoment } from '../lib/call-moments';
import { formatClock, formatDuration, formatGap, NO_VALUE, talkShares } from '../lib/format';
import { CallMomentList } from './CallMomentList';
import { ListeningTargets } from './ListeningTargets';
import { CallTimeline } from './CallTimeline';

export interface CallReportProps {
  fileName: string;
  analysis: CallAnalysis;
  /** Which channel was analysed as the agent, shown so a swapped recording is easy to spot. */
  agentChannel: AgentChannel;
  /** The heading takes focus when a new report arrives (keyboard users land on it and can scroll from there). */
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  /** True while another file is being analysed or failed: the report stays, marked as the earlier one. */
  stale?: boolean | undefined;
  /** Buttons for this report (e.g. "Add to library"). */
  actions?: ReactNode;
}

export function CallReport({ fileName, analysis, agentChannel, headingRef, stale = false, actions }: CallReportProps): ReactElement {
  return (
    <div className={stale ? 'call-report call-report-stale' : 'call-report'} data-testid="call-report" data-stale={stale}>
      <div className="report-heading">
        <h2 className="report-file" title={analysis.file} ref={headingRef} tabIndex={-1} data-testid="report-heading">
          {fileName}
        </h2>
        <p className="report-meta">
          Agent on the {agentChannel} channel · Call length{' '}
          <strong data-testid="call-duration" data-value={analysis.durationMs}>
            {formatClock(analysis.durationMs)}
          </strong>
        </p>
        {actions}
      </div>
      <ListeningTargets metrics={analysis} />
      <CallMetricsReport metrics={analysis} />
    </div>
  );
}

export interface CallMetricsReportProps {
  metrics: CallMetrics;
  /** A stored live call's cues and notes: marked on the timeline and listed below it. */
  moments?: readonly CallMoment[] | undefined;
}

/** The figures and the timeline of one call: a recording analysed now, or a call stored earlier. */
export function CallMetricsReport({ metrics, moments }: CallMetricsReportProps): ReactElement {
  const backchannelsBy = (speaker: Speaker): number => metrics.backchannels.filter((b) => b.by === speaker).length;
  const deadAirTotalMs = metrics.deadAir.reduce((sum, d) => sum + d.durationMs, 0);

  return (
    <>
      <div className="metric-grid">
        <TalkBalance metrics={metrics} />

        <MetricCard title="Interruptions" note="Starting to talk while the other person is speaking, and going on for a second or more.">
          <Figure label="By agent" testId="interruptions-agent" value={metrics.agent.interruptions} />
          <Figure label="By customer" testId="interruptions-customer" value={metrics.customer.interruptions} />
        </MetricCard>

        <MetricCard title="Backchannels" note={'Short "mm-hm", "right" while the other person talks.'}>
          <Figure label="Total" testId="backchannels" value={metrics.backchannels.length} />
          <Figure label="Agent" testId="backchannels-agent" value={backchannelsBy('agent')} />
          <Figure label="Customer" testId="backchannels-customer" value={backchannelsBy('customer')} />
        </MetricCard>

        <MetricCard title="Longest monologue" note="Longest stretch one person spoke without a turn change.">
          <Figure label="Agent" testId="longest-monologue-agent" value={metrics.agent.longestMonologueMs} text={formatDuration(metrics.agent.longestMonologueMs)} />
          <Figure
            label="Customer"
            testId="longest-monologue-customer"
            value={metrics.customer.longestMonologueMs}
            text={formatDuration(metrics.customer.longestMonologueMs)}
          />
        </MetricCard>

        <MetricCard
          title="Response gap"
          note={metrics.responseGapMs.median === null ? 'The agent never answered after the customer stopped.' : 'How long the agent waits to answer once the customer stops.'}
        >
          <Figure label="Median" testId="response-gap-median" value={metrics.responseGapMs.median} text={formatGap(metrics.responseGapMs.median)} />
          <Figure label="90th percentile" testId="response-gap-p90" value={metrics.responseGapMs.p90} text={formatGap(metrics.responseGapMs.p90)} />
        </MetricCard>

        <MetricCard title="Overlap & silence" note="Both talking at once / nobody talking.">
          <Figure label="Overlap" testId="overlap" value={metrics.overlapMs} text={formatDuration(metrics.overlapMs)} />
          <Figure label="Silence" testId="silence" value={metrics.silenceMs} text={formatDuration(metrics.silenceMs)} />
        </MetricCard>

        <MetricCard title="Dead air" note="Silences of 5 s or more between speech, e.g. while someone waits.">
          <Figure label="Count" testId="dead-air-count" value={metrics.deadAir.length} />
          <Figure label="Total" testId="dead-air-total" value={deadAirTotalMs} text={formatDuration(deadAirTotalMs)} />
        </MetricCard>
      </div>

      <section className="card timeline-card" aria-labelledby="timeline-title">
        <h3 id="timeline-title" className="card-title">
          Timeline
        </h3>
        <CallTimeline metrics={metrics} moments={moments} />
      </section>
      {moments && <CallMomentList moments={moments} />}
    </>
  );
}

function TalkBalance({ metrics }: { metrics: CallMetrics }): ReactElement {
  const nobodySpoke = metrics.agent.talkMs + metrics.customer.talkMs === 0;
  const { agentPercent, customerPercent } = talkShares(metrics.talkRatio);
  return (
    <section className="card talk-balance" aria-labelledby="talk-balance-title">
      <h3 id="talk-balance-title" className="card-title">
        Talk / listen balance
      </h3>
      <div className="balance-figures">
        <div className="balance-figure balance-agent">
          <span className="figure-label">Agent</span>
          <span className="balance-value" data-testid="talk-ratio" data-value={metrics.talkRatio}>
            {nobodySpoke ? NO_VALUE : agentPercent}
          </span>
          <span className="balance-time">{formatDuration(metrics.agent.talkMs)} talking</span>
        </div>
        <div className="balance-figure balance-customer">
          <span className="figure-label">Customer</span>
          <span className="balance-value" data-testid="talk-ratio-customer" data-value={nobodySpoke ? 0 : 1 - metrics.talkRatio}>
            {nobodySpoke ? NO_VALUE : customerPercent}
          </span>
          <span className="balance-time">{formatDuration(metrics.customer.talkMs)} talking</span>
        </div>
      </div>
      {!nobodySpoke && (
        <div className="balance-bar" aria-hidden="true">
          {/* Widths are set through the CSSOM (React style prop), which the CSP's style-src does not restrict. */}
          <div className="balance-bar-agent" style={{ width: `${metrics.talkRatio * 100}%` }} />
          <div className="balance-bar-customer" />
        </div>
      )}
      <p className="card-note">
        {nobodySpoke ? 'No speech was detected in this recording.' : 'Agent talk ÷ all speech, silence excluded.'}
      </p>
    </section>
  );
}

function MetricCard({ title, note, children }: { title: string; note: string; children: ReactNode }): ReactElement {
  return (
    <section className="card metric-card">
      <h3 className="card-title">{title}</h3>
      <div className="figures">{children}</div>
      <p className="card-note">{note}</p>
    </section>
  );
}

interface FigureProps {
  label: string;
  testId: string;
  /** The raw number (ms or count), exposed as data-value for tests and tooling. */
  value: number | null;
  /** How people see it; defaults to the plain number. */
  text?: string;
}

function Figure({ label, testId, value, text }: FigureProps): ReactElement {
  return (
    <div className="figure">
      <span className="figure-label">{label}</span>
      <span className="figure-value" data-testid={testId} data-value={value ?? ''}>
        {text ?? (value === null ? NO_VALUE : String(value))}
      </span>
    </div>
  );
}

// Turns a CallAnalysis into the CLI's outputs: the fixed-shape JSON object and the human report.

import type { CallAnalysis, SpeakerMetrics } from '../../shared/call-analysis';
import { formatClock, formatDuration } from '../../shared/time-format';

/**
 * The `--json` shape, keys in documented order. Built field by field so the output never depends on
 * whatever extra fields or key order the analyzer's objects happen to have.
 */
export function toJsonReport(analysis: CallAnalysis): unknown {
  const speaker = (metrics: SpeakerMetrics): unknown => ({
    talkMs: metrics.talkMs,
    longestMonologueMs: metrics.longestMonologueMs,
    interruptions: metrics.interruptions,
    segments: metrics.segments.map(([startMs, endMs]) => [startMs, endMs]),
  });
  return {
    file: analysis.file,
    durationMs: analysis.durationMs,
    talkRatio: analysis.talkRatio,
    agent: speaker(analysis.agent),
    customer: speaker(analysis.customer),
    interruptions: analysis.interruptions.map(({ atMs, by, overlapMs }) => ({ atMs, by, overlapMs })),
    backchannels: analysis.backchannels.map(({ atMs, by }) => ({ atMs, by })),
    overlapMs: analysis.overlapMs,
    silenceMs: analysis.silenceMs,
    deadAir: analysis.deadAir.map(({ atMs, durationMs }) => ({ atMs, durationMs })),
    responseGapMs: { median: analysis.responseGapMs.median, p90: analysis.responseGapMs.p90 },
  };
}

// Times follow the one rule shared with the app and exported reports (src/shared/time-format.ts).
export { formatClock, formatDuration };

const MAX_LISTED_TIMES = 8;

function listTimes(timesMs: readonly number[]): string {
  if (timesMs.length === 0) return '';
  const shown = timesMs.slice(0, MAX_LISTED_TIMES).map(formatClock).join(', ');
  const more = timesMs.length > MAX_LISTED_TIMES ? ` +${timesMs.length - MAX_LISTED_TIMES} more` : '';
  return ` (at ${shown}${more})`;
}

export function formatTextReport(analysis: CallAnalysis): string {
  const rows: [label: string, value: string][] = [];
  const talkTotalMs = analysis.agent.talkMs + analysis.customer.talkMs;
  rows.push(['Call', `${analysis.file}, ${formatClock(analysis.durationMs)} long`]);
  if (talkTotalMs === 0) {
    rows.push(['Talk ratio', 'no speech detected']);
  } else {
    const agentPercent = Math.round(analysis.talkRatio * 100);
    rows.push(['Talk ratio', `agent ${agentPercent}% · customer ${100 - agentPercent}%`]);
  }
  rows.push(['Talk time', `agent ${formatDuration(analysis.agent.talkMs)} · customer ${formatDuration(analysis.customer.talkMs)}`]);
  const interruptionsBy = (by: 'agent' | 'customer'): string => {
    const times = analysis.interruptions.filter((record) => record.by === by).map((record) => record.atMs);
    return `${by} ${analysis[by].interruptions}${listTimes(times)}`;
  };
  rows.push(['Interruptions', `${interruptionsBy('agent')} · ${interruptionsBy('customer')}`]);
  const backchannelsBy = (by: 'agent' | 'customer'): number => analysis.backchannels.filter((record) => record.by === by).length;
  rows.push([
    'Backchannels',
    `${analysis.backchannels.length} (agent ${backchannelsBy('agent')} · customer ${backchannelsBy('customer')})`,
  ]);
  rows.push([
    'Longest monologue',
    `agent ${formatDuration(analysis.agent.longestMonologueMs)} · customer ${formatDuration(analysis.customer.longestMonologueMs)}`,
  ]);
  rows.push(['Overlap', formatDuration(analysis.overlapMs)]);
  rows.push(['Silence', formatDuration(analysis.silenceMs)]);
  const deadAir = analysis.deadAir;
  rows.push([
    'Dead air',
    deadAir.length === 0
      ? 'none'
      : `${deadAir.length}: ${deadAir
          .slice(0, MAX_LISTED_TIMES)
          .map((record) => `${formatClock(record.atMs)} (${formatDuration(record.durationMs)})`)
          .join(', ')}${deadAir.length > MAX_LISTED_TIMES ? ` +${deadAir.length - MAX_LISTED_TIMES} more` : ''}`,
  ]);
  const { median, p90 } = analysis.responseGapMs;
  rows.push(['Response gap', median === null || p90 === null ? 'n/a (no turn changes)' : `median ${formatDuration(median)} · p90 ${formatDuration(p90)}`]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n') + '\n';
}

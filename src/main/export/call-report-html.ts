// A stored call's report as one self-contained HTML file: metrics, targets with good / needs-work
// signals, the listening scorecard, the timeline picture (inline SVG), the supervisors' annotations,
// the notes and cards of the live call, and the transcript with its cues. No scripts, no external
// resources (a CSP meta tag forbids them), so it opens the same anywhere, offline, years later, and
// prints to PDF as it is. Pure: data in, markup out (the caller passes the generation time).

import type { Annotation } from '../../shared/annotations';
import type { CallMetrics, Speaker } from '../../shared/call-analysis';
import type { StoredCall } from '../../shared/calls';
import { checkTargets, nextFocus, type TargetSignal } from '../../shared/listening-targets';
import { formatClock, formatDuration } from '../../shared/time-format';
import type { CallTranscript } from '../../shared/transcription';
// Pure, shared-only modules of the renderer: the report uses the app's own labels and turn grouping,
// so an exported report and the app never name or group things differently.
import { cueLabel, pointLabel, verdictLabel } from '../../shared/transcript-labels';
import { buildTranscriptTurns } from '../../shared/transcript-turns';
import { escapeHtml } from './html-escape';
import { renderTimelineSvg, TIMELINE_COLORS } from './timeline-svg';

export interface CallReportData {
  call: StoredCall;
  /** The call's transcript, cues and scorecard (null: none could be loaded). */
  transcript: CallTranscript | null;
  /** Supervisors' annotations, in time order. */
  annotations: readonly Annotation[];
}

export interface CallReportHtmlOptions {
  /** ISO 8601 time the report was made (shown in the footer). */
  generatedAt: string;
}

/** The report's single-line title, also used for the default file name. */
export function callReportTitle(call: StoredCall): string {
  return `Call ${call.id} — ${call.agentName}, ${formatStartedAt(call.startedAt)}`;
}

export function renderCallReportHtml(data: CallReportData, options: CallReportHtmlOptions): string {
  const { call, transcript } = data;
  const annotations = [...data.annotations].sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  const title = callReportTitle(call);
  const body = [
    header(call),
    metricsSection(call.metrics),
    targetsSection(call.metrics),
    scorecardSection(transcript),
    timelineSection(call.metrics, annotations),
    annotationsSection(annotations),
    liveMomentsSection(call),
    transcriptSection(transcript),
    `<footer>Made by Attune on ${escapeHtml(formatStartedAt(options.generatedAt))}. Times are from the start of the call (m:ss).</footer>`,
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Attune">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function header(call: StoredCall): string {
  const source = call.source === 'import' ? 'imported recording' : call.recovered ? 'live call, recovered after a crash' : 'live call';
  const recording = call.recordingPath === null ? 'no recording kept' : `recording ${escapeHtml(fileNameOf(call.recordingPath))}`;
  return `<header>
<h1>${escapeHtml(callReportTitle(call))}</h1>
<p class="meta">Agent <strong>${escapeHtml(call.agentName)}</strong> · started ${escapeHtml(formatStartedAt(call.startedAt))} · length <strong data-field="call-length">${formatClock(call.durationMs)}</strong> · ${source} · ${recording}</p>
</header>`;
}

function metricsSection(metrics: CallMetrics): string {
  const nobodySpoke = metrics.agent.talkMs + metrics.customer.talkMs <= 0;
  const agentPercent = Math.round(metrics.talkRatio * 100);
  const count = (speaker: Speaker): number => metrics.backchannels.filter((b) => b.by === speaker).length;
  const deadAirMs = metrics.deadAir.reduce((sum, d) => sum + d.durationMs, 0);
  const { median, p90 } = metrics.responseGapMs;
  const rows: Array<[string, string, string]> = [
    ['Talk share', nobodySpoke ? 'no speech' : `${agentPercent}%`, nobodySpoke ? 'no speech' : `${100 - agentPercent}%`],
    ['Talk time', formatDuration(metrics.agent.talkMs), formatDuration(metrics.customer.talkMs)],
    ['Interruptions made', String(metrics.agent.interruptions), String(metrics.customer.interruptions)],
    ['Backchannels ("mm-hm")', String(count('agent')), String(count('customer'))],
    ['Longest monologue', formatDuration(metrics.agent.longestMonologueMs), formatDuration(metrics.customer.longestMonologueMs)],
  ];
  const callRows: Array<[string, string]> = [
    ['Overlap (both talking)', formatDuration(metrics.overlapMs)],
    ['Silence', formatDuration(metrics.silenceMs)],
    ['Dead air (5 s or more)', metrics.deadAir.length === 0 ? 'none' : `${metrics.deadAir.length}, ${formatDuration(deadAirMs)} in all`],
    ['Response gap (agent, median · 90th percentile)', median === null || p90 === null ? 'no turn changes' : `${formatDuration(median)} · ${formatDuration(p90)}`],
  ];
  return `<section id="metrics">
<h2>Metrics</h2>
<table class="metrics">
<thead><tr><th></th><th class="agent">Agent</th><th class="customer">Customer</th></tr></thead>
<tbody>
${rows.map(([label, agent, customer]) => `<tr><th scope="row">${label}</th><td>${agent}</td><td>${customer}</td></tr>`).join('\n')}
${callRows.map(([label, value]) => `<tr><th scope="row">${label}</th><td colspan="2">${value}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`;
}

const SIGNAL_TEXT: Readonly<Record<TargetSignal, string>> = { good: 'Good', 'needs-work': 'Needs work', 'no-data': 'Not measured' };

function targetsSection(metrics: CallMetrics): string {
  const checks = checkTargets(metrics);
  const focus = nextFocus(checks);
  const next = focus === null ? 'Every timing target was met in this call.' : `${escapeHtml(focus.label)}: ${escapeHtml(focus.advice)}`;
  return `<section id="targets">
<h2>Targets</h2>
<p class="focus"><strong>Work on next:</strong> ${next}</p>
<table class="targets">
<thead><tr><th>Measure</th><th>This call</th><th>Target</th><th>Signal</th></tr></thead>
<tbody>
${checks
  .map(
    (check) =>
      `<tr data-target="${check.key}"><th scope="row">${escapeHtml(check.label)}</th><td>${escapeHtml(check.measured)}</td><td>${escapeHtml(check.target)}</td><td class="signal signal-${check.signal}">${SIGNAL_TEXT[check.signal]}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
</section>`;
}

function scorecardSection(transcript: CallTranscript | null): string {
  const scorecard = transcript?.scorecard ?? null;
  if (scorecard === null) {
    return `<section id="scorecard"><h2>Listening scorecard</h2><p class="empty">${escapeHtml(transcriptAbsence(transcript))} The scorecard is built from the transcript.</p></section>`;
  }
  const points = scorecard.points
    .map((point) => {
      const moments =
        point.moments.length === 0
          ? ''
          : `<ul class="moments">${point.moments
              .slice(0, 6)
              .map((moment) => `<li><span class="time">${formatClock(moment.atMs)}</span> ${escapeHtml(moment.text)}</li>`)
              .join('')}${point.moments.length > 6 ? `<li class="more">and ${point.moments.length - 6} more</li>` : ''}</ul>`;
      return `<li class="point verdict-${point.verdict}"><span class="verdict">${verdictLabel(point.verdict)}</span> <strong>${escapeHtml(pointLabel(point.key))}</strong> — ${escapeHtml(point.summary)}${moments}</li>`;
    })
    .join('\n');
  return `<section id="scorecard">
<h2>Listening scorecard</h2>
<ul class="scorecard">
${points}
</ul>
</section>`;
}

function timelineSection(metrics: CallMetrics, annotations: readonly Annotation[]): string {
  const svg = renderTimelineSvg(metrics, { annotations: annotations.map((a, index) => ({ number: index + 1, startMs: a.startMs, endMs: a.endMs })) });
  const swatch = (color: string): string => `<span class="swatch" style="background:${color}"></span>`;
  return `<section id="timeline">
<h2>Timeline</h2>
${svg}
<ul class="legend">
<li>${swatch(TIMELINE_COLORS.agent)} Agent speech</li>
<li>${swatch(TIMELINE_COLORS.customer)} Customer speech</li>
<li><span class="glyph interruption">▼</span> Agent interrupted (above) · <span class="glyph interruption">▲</span> customer interrupted (below)</li>
<li><span class="glyph">|</span> Backchannel, on the outer edge of the speaker's lane</li>
<li>${swatch(TIMELINE_COLORS.deadAir)} Dead air</li>
${annotations.length > 0 ? `<li><span class="glyph note">1</span> Annotation (numbered as below)</li>` : ''}
</ul>
</section>`;
}

function annotationsSection(annotations: readonly Annotation[]): string {
  if (annotations.length === 0) return `<section id="annotations"><h2>Annotations</h2><p class="empty">No annotations.</p></section>`;
  const items = annotations
    .map((a, index) => {
      const when = a.endMs === null ? formatClock(a.startMs) : `${formatClock(a.startMs)}–${formatClock(a.endMs)}`;
      const tags = a.tags.length === 0 ? '' : `<span class="tags">${a.tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join(' ')}</span>`;
      const edited = a.updatedAt !== a.createdAt ? `, edited ${escapeHtml(formatStartedAt(a.updatedAt))}` : '';
      return `<li class="annotation" data-annotation-id="${a.id}"><div class="annotation-head"><span class="number">${index + 1}</span> <span class="time">${when}</span> ${tags}</div>${
        a.text === '' ? '' : `<p class="annotation-text">${escapeHtml(a.text)}</p>`
      }<p class="byline">${escapeHtml(a.author)}, ${escapeHtml(formatStartedAt(a.createdAt))}${edited}</p></li>`;
    })
    .join('\n');
  return `<section id="annotations">
<h2>Annotations (${annotations.length})</h2>
<ol class="annotations">
${items}
</ol>
</section>`;
}

function liveMomentsSection(call: StoredCall): string {
  if (call.cards.length === 0 && call.notes.length === 0) return '';
  const rows = [
    ...call.cards.map((shown) => ({ atMs: shown.atMs, html: `<span class="kind">Card shown</span> ${escapeHtml(shown.card.title)}` })),
    ...call.notes.map((note) => ({ atMs: note.atMs, html: `<span class="kind">Agent's note</span> ${note.text === '' ? '(moment marked)' : escapeHtml(note.text)}` })),
  ].sort((a, b) => a.atMs - b.atMs);
  return `<section id="live-moments">
<h2>During the call</h2>
<ul class="live-moments">
${rows.map((row) => `<li><span class="time">${formatClock(row.atMs)}</span> ${row.html}</li>`).join('\n')}
</ul>
</section>`;
}

function transcriptSection(transcript: CallTranscript | null): string {
  if (transcript === null || transcript.words.length === 0) {
    return `<section id="transcript"><h2>Transcript</h2><p class="empty">${escapeHtml(transcriptAbsence(transcript))}</p></section>`;
  }
  const turns = buildTranscriptTurns(transcript.words, transcript.cues);
  const rows = turns
    .map((turn) => {
      const text = turn.segments
        .map((segment) =>
          segment.cues.length === 0
            ? escapeHtml(segment.text)
            : `<mark title="${escapeHtml(segment.cues.map((cue) => cueLabel(cue.type)).join(', '))}">${escapeHtml(segment.text)}</mark><sup class="cue">${escapeHtml(segment.cues.map((cue) => cueLabel(cue.type)).join(', '))}</sup>`,
        )
        .join(' ');
      return `<tr class="turn turn-${turn.channel}"><td class="time">${formatClock(turn.startMs)}</td><th scope="row" class="${turn.channel}">${turn.channel === 'agent' ? 'Agent' : 'Customer'}</th><td>${text}</td></tr>`;
    })
    .join('\n');
  return `<section id="transcript">
<h2>Transcript</h2>
<table class="transcript">
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function transcriptAbsence(transcript: CallTranscript | null): string {
  const state = transcript?.state ?? 'none';
  switch (state) {
    case 'queued':
    case 'running':
      return 'This call is still being transcribed.';
    case 'failed':
      return `Transcription failed${transcript?.problem ? `: ${transcript.problem}` : '.'}`;
    case 'done':
      return 'No words were recognized in this call.';
    case 'none':
      return 'This call has no transcript (no speech model was installed when it was stored).';
    default: {
      const unreachable: never = state;
      return String(unreachable);
    }
  }
}

/** `2026-12-01T13:05:09.123Z` → `2026-12-01 13:05 UTC`: reports are read in other time zones too. */
function formatStartedAt(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #f5f6f8; color: ${TIMELINE_COLORS.text}; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #e1e4e9; }
.meta, .byline, footer, .empty { color: ${TIMELINE_COLORS.muted}; }
footer { margin-top: 32px; font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; color: ${TIMELINE_COLORS.muted}; }
th.agent, .agent { color: #2a4fb8; }
th.customer, .customer { color: #9c5210; }
.metrics td, .targets td { font-variant-numeric: tabular-nums; }
.focus { padding: 8px 12px; background: #eef3ff; border-left: 4px solid #2f5bd3; }
.signal { font-weight: 600; }
.signal-good { color: #1d7a3a; }
.signal-needs-work { color: #b42318; }
.signal-no-data { color: ${TIMELINE_COLORS.muted}; }
.scorecard { list-style: none; padding: 0; margin: 0; }
.point { padding: 6px 0; border-bottom: 1px solid #eef0f3; }
.verdict { display: inline-block; min-width: 76px; font-size: 12px; font-weight: 600; }
.verdict-good .verdict { color: #1d7a3a; }
.verdict-improve .verdict { color: #b42318; }
.verdict-info .verdict { color: ${TIMELINE_COLORS.muted}; }
.moments { margin: 4px 0 0 84px; padding: 0; list-style: none; font-size: 13px; color: ${TIMELINE_COLORS.muted}; }
.time { font-variant-numeric: tabular-nums; color: ${TIMELINE_COLORS.muted}; margin-right: 6px; }
svg.timeline { display: block; margin: 8px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 4px 0 0; font-size: 12px; color: ${TIMELINE_COLORS.muted}; }
.swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; vertical-align: -1px; }
.glyph { font-weight: 700; }
.glyph.interruption { color: ${TIMELINE_COLORS.interruption}; }
.glyph.note, .number { color: ${TIMELINE_COLORS.note}; font-weight: 700; }
.annotations { list-style: none; padding: 0; margin: 0; }
.annotation { padding: 8px 0; border-bottom: 1px solid #eef0f3; }
.annotation-text { margin: 4px 0; white-space: pre-wrap; }
.byline { margin: 0; font-size: 12px; }
.tag { display: inline-block; padding: 0 8px; border-radius: 10px; background: #f0eafb; color: ${TIMELINE_COLORS.note}; font-size: 12px; }
.live-moments { list-style: none; padding: 0; margin: 0; }
.kind { font-weight: 600; margin-right: 4px; }
.transcript td.time { width: 48px; }
.transcript th { width: 80px; font-weight: 600; }
mark { background: #fff3c4; padding: 0 1px; }
sup.cue { font-size: 10px; color: ${TIMELINE_COLORS.muted}; margin-left: 2px; }
@media print {
  body { background: #fff; }
  main { max-width: none; padding: 0; }
  section { break-inside: avoid-page; }
  #transcript, #annotations { break-inside: auto; }
  tr, li { break-inside: avoid; }
}
`;

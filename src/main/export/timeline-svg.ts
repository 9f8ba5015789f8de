// The timeline picture of an exported call report: an inline SVG (no scripts, no external resources)
// with a lane per speaker, each interruption marked in its own row outside the lanes (agent above,
// customer below, so the two never run into each other), backchannels as short ticks on the lane's
// edge (they cannot chain together or hide the speech bars), dead air shaded, annotations numbered as
// in the report's list, and visible times on an axis. Pure: metrics in, markup out.

import type { CallMetrics, Speaker } from '../../shared/call-analysis';
import { formatClock, formatDuration } from '../../shared/time-format';
import { escapeHtml } from './html-escape';

export interface TimelineAnnotationMark {
  /** The number the report's annotation list shows it under (1-based). */
  number: number;
  startMs: number;
  endMs: number | null;
}

export interface TimelineSvgOptions {
  /** Drawn width; the SVG scales to the page (viewBox). Default 960. */
  widthPx?: number;
  annotations?: readonly TimelineAnnotationMark[];
}

export const TIMELINE_COLORS = Object.freeze({ agent: '#3a63d6', customer: '#d2771e', interruption: '#b42318', note: '#6d3fc0', deadAir: '#dfe3ea', text: '#1b2230', muted: '#596273' });

const LABEL_WIDTH_PX = 78;
const RIGHT_PADDING_PX = 16;
const ANNOTATION_ROW_PX = 18;
const MARKER_ROW_PX = 14;
const LANE_HEIGHT_PX = 30;
const LANE_GAP_PX = 6;
const AXIS_HEIGHT_PX = 24;
const BACKCHANNEL_TICK_PX = 7;
/** Times on the axis at least this far apart, so the labels never overlap. */
const MIN_TICK_SPACING_PX = 70;
const TICK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] as const;

export function renderTimelineSvg(metrics: CallMetrics, options: TimelineSvgOptions = {}): string {
  const widthPx = options.widthPx ?? 960;
  const annotations = options.annotations ?? [];
  const durationMs = Math.max(metrics.durationMs, 1);
  const plotWidthPx = Math.max(widthPx - LABEL_WIDTH_PX - RIGHT_PADDING_PX, 10);
  const x = (ms: number): number => round1(LABEL_WIDTH_PX + (Math.min(Math.max(ms, 0), durationMs) / durationMs) * plotWidthPx);

  const annotationTop = 0;
  const agentMarkersTop = annotationTop + (annotations.length > 0 ? ANNOTATION_ROW_PX : 0);
  const laneTop: Record<Speaker, number> = {
    agent: agentMarkersTop + MARKER_ROW_PX,
    customer: agentMarkersTop + MARKER_ROW_PX + LANE_HEIGHT_PX + LANE_GAP_PX,
  };
  const customerMarkersTop = laneTop.customer + LANE_HEIGHT_PX;
  const axisTop = customerMarkersTop + MARKER_ROW_PX;
  const heightPx = axisTop + AXIS_HEIGHT_PX;
  const lanesTop = laneTop.agent;
  const lanesBottom = laneTop.customer + LANE_HEIGHT_PX;

  const parts: string[] = [];
  const label =
    `Timeline of a ${formatClock(metrics.durationMs)} call: ${metrics.interruptions.length} interruption(s), ` +
    `${metrics.backchannels.length} backchannel(s), ${metrics.deadAir.length} stretch(es) of dead air`;
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${widthPx} ${heightPx}" width="100%" role="img" aria-label="${escapeHtml(label)}" font-family="system-ui, sans-serif" font-size="11">`,
  );

  for (const speaker of ['agent', 'customer'] as const) {
    parts.push(
      `<text x="0" y="${laneTop[speaker] + LANE_HEIGHT_PX / 2 + 4}" fill="${TIMELINE_COLORS.text}" font-size="12" font-weight="600">${speaker === 'agent' ? 'Agent' : 'Customer'}</text>`,
      `<rect x="${LABEL_WIDTH_PX}" y="${laneTop[speaker]}" width="${plotWidthPx}" height="${LANE_HEIGHT_PX}" rx="3" fill="#f1f3f6"/>`,
    );
  }

  const stepMs = tickStepMs(durationMs, plotWidthPx);
  for (let t = 0; t <= durationMs; t += stepMs) {
    const tx = x(t);
    const anchor = t === 0 ? 'start' : tx > widthPx - 30 ? 'end' : 'middle';
    parts.push(
      `<line x1="${tx}" x2="${tx}" y1="${lanesTop}" y2="${axisTop + 4}" stroke="#dfe3e9"/>`,
      `<text class="tick" x="${tx}" y="${axisTop + 17}" text-anchor="${anchor}" fill="${TIMELINE_COLORS.muted}">${formatClock(t)}</text>`,
    );
  }

  for (const d of metrics.deadAir) {
    parts.push(
      `<rect data-kind="dead-air" x="${x(d.atMs)}" y="${lanesTop}" width="${Math.max(x(d.atMs + d.durationMs) - x(d.atMs), 1)}" height="${lanesBottom - lanesTop}" fill="${TIMELINE_COLORS.deadAir}"><title>Dead air at ${formatClock(d.atMs)} for ${formatDuration(d.durationMs)}</title></rect>`,
    );
  }

  for (const speaker of ['agent', 'customer'] as const) {
    for (const [startMs, endMs] of metrics[speaker].segments) {
      parts.push(
        `<rect data-kind="segment" data-speaker="${speaker}" x="${x(startMs)}" y="${laneTop[speaker] + 4}" width="${Math.max(x(endMs) - x(startMs), 1.5)}" height="${LANE_HEIGHT_PX - 8}" rx="2" fill="${TIMELINE_COLORS[speaker]}"><title>${speaker === 'agent' ? 'Agent' : 'Customer'} ${formatClock(startMs)}–${formatClock(endMs)}</title></rect>`,
      );
    }
  }

  for (const b of metrics.backchannels) {
    // A short dark tick on the outer edge of the speaker's lane: visible, and never covering a speech bar.
    const bx = x(b.atMs);
    const [y1, y2] = b.by === 'agent' ? [laneTop.agent, laneTop.agent + BACKCHANNEL_TICK_PX] : [lanesBottom - BACKCHANNEL_TICK_PX, lanesBottom];
    parts.push(
      `<line data-kind="backchannel" data-by="${b.by}" x1="${bx}" x2="${bx}" y1="${y1}" y2="${y2}" stroke="${TIMELINE_COLORS.text}" stroke-width="1.5"><title>${b.by === 'agent' ? 'Agent' : 'Customer'} backchannel at ${formatClock(b.atMs)}</title></line>`,
    );
  }

  for (const i of metrics.interruptions) {
    const ix = x(i.atMs);
    // Agent interruptions point down into the agent lane from above; customer ones up from below.
    const path =
      i.by === 'agent'
        ? `M ${ix - 5} ${agentMarkersTop + 2} L ${ix + 5} ${agentMarkersTop + 2} L ${ix} ${agentMarkersTop + MARKER_ROW_PX - 1} Z`
        : `M ${ix - 5} ${customerMarkersTop + MARKER_ROW_PX - 2} L ${ix + 5} ${customerMarkersTop + MARKER_ROW_PX - 2} L ${ix} ${customerMarkersTop + 1} Z`;
    parts.push(
      `<path data-kind="interruption" data-by="${i.by}" d="${path}" fill="${TIMELINE_COLORS.interruption}"><title>${i.by === 'agent' ? 'Agent' : 'Customer'} interrupted at ${formatClock(i.atMs)} (overlap ${formatDuration(i.overlapMs)})</title></path>`,
    );
  }

  for (const a of annotations) {
    const ax = x(a.startMs);
    const when = a.endMs === null ? formatClock(a.startMs) : `${formatClock(a.startMs)}–${formatClock(a.endMs)}`;
    if (a.endMs !== null) {
      parts.push(`<rect x="${ax}" y="${annotationTop + 13}" width="${Math.max(x(a.endMs) - ax, 2)}" height="3" fill="${TIMELINE_COLORS.note}"/>`);
    }
    parts.push(
      `<g data-kind="annotation"><title>Annotation ${a.number} at ${when}</title><line x1="${ax}" x2="${ax}" y1="${annotationTop + 12}" y2="${lanesBottom}" stroke="${TIMELINE_COLORS.note}" stroke-dasharray="2 2"/>` +
        `<text x="${ax}" y="${annotationTop + 10}" text-anchor="middle" fill="${TIMELINE_COLORS.note}" font-weight="700">${a.number}</text></g>`,
    );
  }

  parts.push('</svg>');
  return parts.join('\n');
}

function tickStepMs(durationMs: number, plotWidthPx: number): number {
  const maxTicks = Math.max(1, Math.floor(plotWidthPx / MIN_TICK_SPACING_PX));
  const step = TICK_STEPS_S.find((s) => durationMs / 1000 / s <= maxTicks) ?? 3600;
  return step * 1000;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

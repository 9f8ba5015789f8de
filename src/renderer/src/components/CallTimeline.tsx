// SVG timeline of one call: a lane per speaker with speech segments, interruption and backchannel
// markers, dead-air shading and a time axis. Drawn at the container's real pixel width.

import { useId, type ReactElement } from 'react';
import type { CallAnalysis, SegmentSpan, Speaker } from '../../../shared/call-analysis';
import { formatClock, formatGap, pluralize } from '../lib/format';
import { useElementWidth } from '../lib/use-element-width';
import '../styles/timeline.css';

const LABEL_WIDTH_PX = 76;
const RIGHT_PADDING_PX = 14;
const MARKER_SPACE_PX = 12;
const LANE_HEIGHT_PX = 34;
const LANE_GAP_PX = 16;
const AXIS_HEIGHT_PX = 26;
const MIN_TICK_SPACING_PX = 64;
/** Tick steps people read easily, in seconds. */
const TICK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] as const;

const SPEAKERS: readonly Speaker[] = ['agent', 'customer'];
const SPEAKER_LABEL: Readonly<Record<Speaker, string>> = { agent: 'Agent', customer: 'Customer' };

function laneTopPx(speaker: Speaker): number {
  return MARKER_SPACE_PX + (speaker === 'agent' ? 0 : LANE_HEIGHT_PX + LANE_GAP_PX);
}

function tickStepMs(durationMs: number, plotWidthPx: number): number {
  const maxTicks = Math.max(1, Math.floor(plotWidthPx / MIN_TICK_SPACING_PX));
  const step = TICK_STEPS_S.find((s) => (durationMs / 1000) / s <= maxTicks) ?? 3600;
  return step * 1000;
}

export function CallTimeline({ analysis }: { analysis: CallAnalysis }): ReactElement {
  const [containerRef, widthPx] = useElementWidth<HTMLDivElement>(900);
  const hatchId = `${useId()}-dead-air`;

  const durationMs = Math.max(analysis.durationMs, 1);
  const plotWidthPx = Math.max(widthPx - LABEL_WIDTH_PX - RIGHT_PADDING_PX, 10);
  const xPx = (ms: number): number => LABEL_WIDTH_PX + (Math.min(Math.max(ms, 0), durationMs) / durationMs) * plotWidthPx;
  const lanesBottomPx = laneTopPx('customer') + LANE_HEIGHT_PX;
  const heightPx = lanesBottomPx + AXIS_HEIGHT_PX;

  const stepMs = tickStepMs(durationMs, plotWidthPx);
  const ticksMs: number[] = [];
  for (let t = 0; t <= durationMs; t += stepMs) ticksMs.push(t);

  const segmentsOf = (speaker: Speaker): SegmentSpan[] => analysis[speaker].segments;
  const summary =
    `Timeline of a ${formatClock(analysis.durationMs)} call: ${pluralize(analysis.interruptions.length, 'interruption')}, ` +
    `${pluralize(analysis.backchannels.length, 'backchannel')}, ${pluralize(analysis.deadAir.length, 'dead-air stretch', 'dead-air stretches')}.`;

  return (
    <div className="timeline" ref={containerRef}>
      <svg className="timeline-svg" width={widthPx} height={heightPx} role="img" aria-label={summary} data-testid="timeline">
        <defs>
          <pattern id={hatchId} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="dead-air-fill" />
            <line x1="0" y1="0" x2="0" y2="6" className="dead-air-hatch" />
          </pattern>
        </defs>

        {SPEAKERS.map((speaker) => (
          <g key={speaker}>
            <text className="lane-label" x={0} y={laneTopPx(speaker) + LANE_HEIGHT_PX / 2} dominantBaseline="middle">
              {SPEAKER_LABEL[speaker]}
            </text>
            <rect className="lane-bg" x={LABEL_WIDTH_PX} y={laneTopPx(speaker)} width={plotWidthPx} height={LANE_HEIGHT_PX} rx={4} />
          </g>
        ))}

        {ticksMs.map((t) => (
          <line key={`grid-${t}`} className="grid-line" x1={xPx(t)} x2={xPx(t)} y1={MARKER_SPACE_PX} y2={lanesBottomPx} />
        ))}

        {analysis.deadAir.map((d) => (
          <rect
            key={`dead-${d.atMs}`}
            className="dead-air"
            data-testid="timeline-dead-air"
            x={xPx(d.atMs)}
            y={MARKER_SPACE_PX}
            width={Math.max(xPx(d.atMs + d.durationMs) - xPx(d.atMs), 1)}
            height={lanesBottomPx - MARKER_SPACE_PX}
            fill={`url(#${hatchId})`}
          >
            <title>{`Dead air at ${formatClock(d.atMs)} for ${formatGap(d.durationMs)}`}</title>
          </rect>
        ))}

        {SPEAKERS.map((speaker) =>
          segmentsOf(speaker).map(([startMs, endMs]) => (
            <rect
              key={`${speaker}-${startMs}`}
              className={`segment segment-${speaker}`}
              data-testid="timeline-segment"
              data-speaker={speaker}
              x={xPx(startMs)}
              y={laneTopPx(speaker) + 5}
              width={Math.max(xPx(endMs) - xPx(startMs), 1.5)}
              height={LANE_HEIGHT_PX - 10}
              rx={2}
            >
              <title>{`${SPEAKER_LABEL[speaker]} ${formatClock(startMs)}–${formatClock(endMs)}`}</title>
            </rect>
          )),
        )}

        {analysis.backchannels.map((b) => (
          <circle
            key={`bc-${b.by}-${b.atMs}`}
            className="backchannel"
            data-testid="timeline-backchannel"
            data-by={b.by}
            cx={xPx(b.atMs)}
            cy={laneTopPx(b.by) + LANE_HEIGHT_PX / 2}
            r={4.5}
          >
            <title>{`${SPEAKER_LABEL[b.by]} backchannel at ${formatClock(b.atMs)}`}</title>
          </circle>
        ))}

        {analysis.interruptions.map((i) => {
          const x = xPx(i.atMs);
          const top = laneTopPx(i.by);
          return (
            <g key={`int-${i.by}-${i.atMs}`} className="interruption" data-testid="timeline-interruption" data-by={i.by}>
              <title>{`${SPEAKER_LABEL[i.by]} interrupted at ${formatClock(i.atMs)} (overlap ${formatGap(i.overlapMs)})`}</title>
              <line x1={x} x2={x} y1={top} y2={top + LANE_HEIGHT_PX} />
              <path d={`M ${x - 5} ${top - 9} L ${x + 5} ${top - 9} L ${x} ${top - 1} Z`} />
            </g>
          );
        })}

        <g className="axis" transform={`translate(0, ${lanesBottomPx})`}>
          {ticksMs.map((t) => (
            <g key={`tick-${t}`} transform={`translate(${xPx(t)}, 0)`}>
              <line y1={0} y2={5} />
              <text y={18} textAnchor={t === 0 ? 'start' : xPx(t) > widthPx - 24 ? 'end' : 'middle'}>
                {formatClock(t)}
              </text>
            </g>
          ))}
        </g>
      </svg>

      <ul className="timeline-legend" aria-label="Legend">
        <li>
          <span className="swatch swatch-agent" /> Agent speech
        </li>
        <li>
          <span className="swatch swatch-customer" /> Customer speech
        </li>
        <li>
          <span className="swatch swatch-interruption" /> Interruption (in the lane of who interrupted)
        </li>
        <li>
          <span className="swatch swatch-backchannel" /> Backchannel
        </li>
        <li>
          <span className="swatch swatch-dead-air" /> Dead air
        </li>
      </ul>
    </div>
  );
}

// SVG timeline of one call: a lane per speaker with speech segments, interruption and backchannel
// markers, dead-air shading and a time axis. Drawn at the container's real pixel width.
// Uncrowded (issue 9 §5): each side's interruption markers sit outside the lanes (the agent's above,
// the customer's below), so the two never run into each other; backchannels are short ticks on the
// outer edge of their lane, so they cannot chain together or hide the speech bars.
// A stored live call adds a strip above the lanes with the cues shown and the notes taken: real
// buttons (HTML, not SVG, so they take focus and show their text on hover or focus like any control).

import { useId, type ReactElement } from 'react';
import type { CallMetrics, SegmentSpan, Speaker } from '../../../shared/call-analysis';
import type { CardKind } from '../../../shared/live';
import { assertNever } from '../lib/assert-never';
import { momentLabel, type CallMoment } from '../lib/call-moments';
import { formatClock, formatDuration, pluralize } from '../lib/format';
import { useElementWidth } from '../lib/use-element-width';
import '../styles/timeline.css';

const LABEL_WIDTH_PX = 76;
const RIGHT_PADDING_PX = 14;
const MARKER_SPACE_PX = 12;
/** A backchannel tick's length, from the lane's outer edge inwards. */
const BACKCHANNEL_TICK_PX = 8;
const LANE_HEIGHT_PX = 34;
const LANE_GAP_PX = 16;
const AXIS_HEIGHT_PX = 26;
const MIN_TICK_SPACING_PX = 64;
/** Tick steps people read easily, in seconds. */
const TICK_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600] as const;

/** The moments strip: a row of cues, then a row of notes, each this tall. */
const MOMENT_ROW_HEIGHT_PX = 26;
/** A tooltip this close to an edge of the plot opens away from it instead of centred, so it is never cut off. */
const TIP_EDGE_PX = 140;

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

/** Whose colour a cue wears: the agent's for cues about the agent's talk, the customer's otherwise. */
function cueSpeaker(kind: CardKind): Speaker {
  switch (kind) {
    case 'let-them-finish':
    case 'monologue':
    case 'acknowledge-first':
    case 'slow-down':
      return 'agent';
    case 'customer-quiet':
    case 'customer-cut-in':
      return 'customer';
    default:
      return assertNever(kind);
  }
}

export interface CallTimelineProps {
  metrics: CallMetrics;
  /** Cues shown and notes taken during a live call; the strip is drawn only when this is given. */
  moments?: readonly CallMoment[] | undefined;
}

export function CallTimeline({ metrics, moments }: CallTimelineProps): ReactElement {
  const [containerRef, widthPx] = useElementWidth<HTMLDivElement>(900);
  const idPrefix = useId();
  const hatchId = `${idPrefix}-dead-air`;

  const durationMs = Math.max(metrics.durationMs, 1);
  const plotWidthPx = Math.max(widthPx - LABEL_WIDTH_PX - RIGHT_PADDING_PX, 10);
  const xPx = (ms: number): number => LABEL_WIDTH_PX + (Math.min(Math.max(ms, 0), durationMs) / durationMs) * plotWidthPx;
  const lanesBottomPx = laneTopPx('customer') + LANE_HEIGHT_PX;
  // Room under the customer lane for the customer's interruption markers, then the axis.
  const axisTopPx = lanesBottomPx + MARKER_SPACE_PX;
  const heightPx = axisTopPx + AXIS_HEIGHT_PX;

  const stepMs = tickStepMs(durationMs, plotWidthPx);
  const ticksMs: number[] = [];
  for (let t = 0; t <= durationMs; t += stepMs) ticksMs.push(t);

  const segmentsOf = (speaker: Speaker): SegmentSpan[] => metrics[speaker].segments;
  const summary =
    `Timeline of a ${formatClock(metrics.durationMs)} call: ${pluralize(metrics.interruptions.length, 'interruption')}, ` +
    `${pluralize(metrics.backchannels.length, 'backchannel')}, ${pluralize(metrics.deadAir.length, 'dead-air stretch', 'dead-air stretches')}` +
    (moments
      ? `; ${pluralize(moments.filter((m) => m.kind === 'cue').length, 'cue')} shown, ${pluralize(moments.filter((m) => m.kind === 'note').length, 'note')} taken.`
      : '.');
  const noteXs = (moments ?? []).filter((m) => m.kind === 'note').map((m) => xPx(m.atMs));

  return (
    <div className="timeline" ref={containerRef}>
      {moments && <MomentStrip moments={moments} xPx={xPx} widthPx={widthPx} idPrefix={idPrefix} />}
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

        {metrics.deadAir.map((d) => (
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
            <title>{`Dead air at ${formatClock(d.atMs)} for ${formatDuration(d.durationMs)}`}</title>
          </rect>
        ))}

        {/* Each note's moment, down through both lanes, so what was said then is easy to find. */}
        {noteXs.map((x, index) => (
          <line key={`note-${index}`} className="moment-guide" x1={x} x2={x} y1={0} y2={lanesBottomPx} />
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

        {metrics.backchannels.map((b) => {
          const x = xPx(b.atMs);
          const edgePx = b.by === 'agent' ? laneTopPx('agent') : laneTopPx('customer') + LANE_HEIGHT_PX;
          const innerPx = b.by === 'agent' ? edgePx + BACKCHANNEL_TICK_PX : edgePx - BACKCHANNEL_TICK_PX;
          return (
            <line key={`bc-${b.by}-${b.atMs}`} className="backchannel" data-testid="timeline-backchannel" data-by={b.by} x1={x} x2={x} y1={edgePx} y2={innerPx}>
              <title>{`${SPEAKER_LABEL[b.by]} backchannel at ${formatClock(b.atMs)}`}</title>
            </line>
          );
        })}

        {metrics.interruptions.map((i) => {
          const x = xPx(i.atMs);
          const top = laneTopPx(i.by);
          const bottom = top + LANE_HEIGHT_PX;
          // The agent's point down from above the lanes, the customer's up from below them.
          const marker =
            i.by === 'agent' ? `M ${x - 5} ${top - 9} L ${x + 5} ${top - 9} L ${x} ${top - 1} Z` : `M ${x - 5} ${bottom + 9} L ${x + 5} ${bottom + 9} L ${x} ${bottom + 1} Z`;
          return (
            <g key={`int-${i.by}-${i.atMs}`} className="interruption" data-testid="timeline-interruption" data-by={i.by}>
              <title>{`${SPEAKER_LABEL[i.by]} interrupted at ${formatClock(i.atMs)} (overlap ${formatDuration(i.overlapMs)})`}</title>
              <line x1={x} x2={x} y1={top} y2={bottom} />
              <path d={marker} />
            </g>
          );
        })}

        <g className="axis" transform={`translate(0, ${axisTopPx})`}>
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
          <span className="swatch swatch-interruption" /> Interruption by the agent (marked above) or the customer (below)
        </li>
        <li>
          <span className="swatch swatch-backchannel" /> Backchannel
        </li>
        <li>
          <span className="swatch swatch-dead-air" /> Dead air
        </li>
        {moments && (
          <>
            <li>
              <span className="swatch swatch-cue" /> Cue shown
            </li>
            <li>
              <span className="swatch swatch-note" /> Note or mark
            </li>
          </>
        )}
      </ul>
    </div>
  );
}

interface MomentStripProps {
  moments: readonly CallMoment[];
  xPx: (ms: number) => number;
  widthPx: number;
  idPrefix: string;
}

/** The cues and notes above the lanes, at the same x scale; each marker shows its text on hover or focus. */
function MomentStrip({ moments, xPx, widthPx, idPrefix }: MomentStripProps): ReactElement {
  const rowTopPx = (moment: CallMoment): number => (moment.kind === 'cue' ? 0 : MOMENT_ROW_HEIGHT_PX);
  return (
    // Widths and offsets go through the CSSOM (React style prop), which the CSP's style-src does not restrict.
    <div className="moment-strip" style={{ height: 2 * MOMENT_ROW_HEIGHT_PX }}>
      <span className="moment-row-label" style={{ top: 0, height: MOMENT_ROW_HEIGHT_PX }} aria-hidden="true">
        Cues
      </span>
      <span className="moment-row-label" style={{ top: MOMENT_ROW_HEIGHT_PX, height: MOMENT_ROW_HEIGHT_PX }} aria-hidden="true">
        Notes
      </span>
      <span className="moment-track" style={{ top: MOMENT_ROW_HEIGHT_PX / 2, left: LABEL_WIDTH_PX, right: RIGHT_PADDING_PX }} aria-hidden="true" />
      <span className="moment-track" style={{ top: MOMENT_ROW_HEIGHT_PX * 1.5, left: LABEL_WIDTH_PX, right: RIGHT_PADDING_PX }} aria-hidden="true" />
      <ul className="moment-markers" aria-label="Cues and notes on the timeline">
        {moments.map((moment, index) => {
          const x = xPx(moment.atMs);
          const tipSide = x - LABEL_WIDTH_PX < TIP_EDGE_PX ? 'start' : widthPx - x < TIP_EDGE_PX ? 'end' : 'centre';
          const speaker = moment.kind === 'cue' ? cueSpeaker(moment.cardKind) : null;
          return (
            <li
              key={`${idPrefix}-${index}`}
              className={`moment moment-${moment.kind} moment-tip-${tipSide}${speaker ? ` moment-cue-${speaker}` : ''}`}
              style={{ left: x, top: rowTopPx(moment), height: MOMENT_ROW_HEIGHT_PX }}
            >
              {/* A button so it takes focus and a click (or tap) shows its text; the name carries the whole text. */}
              <button
                type="button"
                className="moment-marker"
                aria-label={momentLabel(moment)}
                data-testid={moment.kind === 'cue' ? 'timeline-cue' : 'timeline-note'}
                data-kind={moment.kind === 'cue' ? moment.cardKind : undefined}
                data-at-ms={moment.atMs}
              />
              <span className="moment-tip" aria-hidden="true" data-testid="timeline-moment-tip">
                <span className="moment-tip-time">
                  {moment.kind === 'cue' ? 'Cue shown' : 'Note'} at {formatClock(moment.atMs)}
                </span>
                {moment.kind === 'cue' ? (
                  <>
                    <strong>{moment.title}</strong> {moment.detail}
                  </>
                ) : moment.text.trim() === '' ? (
                  <em>Marked moment (no note)</em>
                ) : (
                  moment.text
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

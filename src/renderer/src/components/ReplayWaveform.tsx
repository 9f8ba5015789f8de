// The replay's waveform (wavesurfer.js): agent and customer in their own lanes and colours, drawn from
// the peaks kept with the call (nothing is decoded, so an hour-long call opens at once), played from
// the attune-recording: URL; speech regions per lane, markers for the call's moments, a timeline,
// zoom (slider or Ctrl+wheel), playback speed and keyboard control (space, ←/→, J/K/L).

import { useEffect, useImperativeHandle, useRef, useState, forwardRef, type ReactElement } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import ZoomPlugin from 'wavesurfer.js/dist/plugins/zoom.esm.js';
import { decodePeaksChannel, type WaveformPeaks } from '../../../shared/replay';
import { formatClock } from '../lib/format';
import type { ReplayMark, ReplayMarkKind } from '../lib/replay-marks';

/** Each lane's height; fixed, because wavesurfer's own stylesheet (allowed by hash in the CSP) contains it. */
export const LANE_HEIGHT_PX = 72;
const SEEK_STEP_MS = 5_000;
const JUMP_STEP_MS = 10_000;
const SELECTION_REGION_ID = 'attune-selection';
export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 2] as const;

const COLOURS = {
  agentWave: '#2563eb',
  agentPlayed: '#1e3a8a',
  customerWave: '#d97706',
  customerPlayed: '#92400e',
} as const;

const MARK_COLOURS: Readonly<Record<ReplayMarkKind, string>> = {
  speech: 'transparent',
  interruption: 'rgba(220, 38, 38, 0.95)',
  backchannel: 'rgba(16, 185, 129, 0.9)',
  'dead-air': 'rgba(100, 116, 139, 0.22)',
  card: 'rgba(124, 58, 237, 0.95)',
  note: 'rgba(15, 23, 42, 0.9)',
  annotation: 'rgba(219, 39, 119, 0.95)',
};
const SPEECH_COLOURS = ['rgba(37, 99, 235, 0.12)', 'rgba(217, 119, 6, 0.12)'] as const;

/** Lane geometry in percent of the waveform's height: agent on top, customer below. */
function laneBox(lane: 0 | 1 | null): { top: string; height: string } {
  return lane === null ? { top: '0%', height: '100%' } : { top: lane === 0 ? '0%' : '50%', height: '50%' };
}

/** One absolutely positioned layer with every mark, built off-document and attached once. */
function buildMarkLayer(marks: readonly ReplayMark[], durationMs: number): HTMLElement {
  const layer = document.createElement('div');
  layer.setAttribute('part', 'attune-marks');
  Object.assign(layer.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '4' });
  const fragment = document.createDocumentFragment();
  const total = Math.max(1, durationMs);
  for (const mark of marks) {
    const element = document.createElement('div');
    const point = mark.endMs <= mark.startMs;
    const { top, height } = laneBox(mark.lane);
    Object.assign(element.style, {
      position: 'absolute',
      top,
      height,
      left: `${(mark.startMs / total) * 100}%`,
      width: point ? '2px' : `${((mark.endMs - mark.startMs) / total) * 100}%`,
      background: mark.kind === 'speech' && mark.lane !== null ? SPEECH_COLOURS[mark.lane] : MARK_COLOURS[mark.kind],
      // Points can be hovered for their label; speech and dead air stay out of the way of clicks.
      pointerEvents: point ? 'auto' : 'none',
    });
    element.setAttribute('data-mark', mark.kind);
    element.setAttribute('title', mark.label);
    fragment.appendChild(element);
  }
  layer.appendChild(fragment);
  return layer;
}

export interface ReplayWaveformHandle {
  seekMs(ms: number): void;
}

export interface ReplayWaveformProps {
  url: string;
  durationMs: number;
  peaks: WaveformPeaks;
  /** The call's own marks (speech, interruptions, …): drawn once. */
  marks: readonly ReplayMark[];
  /** Annotations, redrawn whenever they change (wavesurfer regions). */
  annotations: readonly ReplayMark[];
  /** A range dragged on the waveform (an annotation can cover it), or null when cleared. */
  onSelection?: (selection: { startMs: number; endMs: number } | null) => void;
  /** Where playback starts (a search hit's moment). */
  initialMs?: number;
  /** The playhead, while playing and after each seek (ms). */
  onTime: (ms: number) => void;
  /** Waveform drawn and the audio able to play. */
  onReady?: () => void;
}

export const ReplayWaveform = forwardRef<ReplayWaveformHandle, ReplayWaveformProps>(function ReplayWaveform(
  { url, durationMs, peaks, marks, annotations, onSelection, initialMs, onTime, onReady },
  ref,
): ReactElement {
  const containerRef = useRef<HTMLDivElement>(null);
  const surferRef = useRef<WaveSurfer | null>(null);
  const onTimeRef = useRef(onTime);
  const onReadyRef = useRef(onReady);
  const onSelectionRef = useRef(onSelection);
  onTimeRef.current = onTime;
  onReadyRef.current = onReady;
  onSelectionRef.current = onSelection;
  const regionsRef = useRef<RegionsPlugin | null>(null);
  const [drawnAt, setDrawnAt] = useState(0);
  const [hasSelection, setHasSelection] = useState(false);
  const [playable, setPlayable] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [zoomPxPerSec, setZoomPxPerSec] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [positionMs, setPositionMs] = useState(initialMs ?? 0);

  useImperativeHandle(ref, () => ({
    seekMs: (ms) => surferRef.current?.setTime(Math.max(0, ms) / 1000),
  }));

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const regions = RegionsPlugin.create();
    const surfer = WaveSurfer.create({
      container,
      url,
      peaks: [decodePeaksChannel(peaks.agentBase64), decodePeaksChannel(peaks.customerBase64)],
      duration: durationMs / 1000,
      splitChannels: [
        { waveColor: COLOURS.agentWave, progressColor: COLOURS.agentPlayed, height: LANE_HEIGHT_PX },
        { waveColor: COLOURS.customerWave, progressColor: COLOURS.customerPlayed, height: LANE_HEIGHT_PX },
      ],
      height: LANE_HEIGHT_PX,
      cursorColor: '#0f172a',
      cursorWidth: 2,
      dragToSeek: true,
      autoScroll: true,
      autoCenter: true,
      plugins: [
        regions,
        TimelinePlugin.create({ height: 18, formatTimeCallback: (seconds) => formatClock(seconds * 1000) }),
        ZoomPlugin.create({ scale: 0.25, maxZoom: 200 }),
      ],
    });
    surferRef.current = surfer;
    regionsRef.current = regions;
    // Drag across the waveform to select a range for an annotation; a new drag replaces the old one.
    let selection: Region | null = null;
    const stopDragSelection = regions.enableDragSelection({ color: 'rgba(219, 39, 119, 0.15)', id: SELECTION_REGION_ID });
    const reportSelection = (region: Region): void => {
      onSelectionRef.current?.({ startMs: Math.round(region.start * 1000), endMs: Math.round(region.end * 1000) });
      setHasSelection(true);
    };
    const unsubscribeRegions = [
      regions.on('region-created', (region) => {
        if (region.id !== SELECTION_REGION_ID) return;
        if (selection !== null && selection !== region) selection.remove();
        selection = region;
        region.element?.setAttribute('data-mark', 'selection');
        reportSelection(region);
      }),
      regions.on('region-updated', (region) => {
        if (region.id === SELECTION_REGION_ID) reportSelection(region);
      }),
    ];
    let mediaReady = false;
    let drawn = false;
    const announceReady = (): void => {
      if (mediaReady && drawn) onReadyRef.current?.();
    };
    const media = surfer.getMediaElement();
    const addMarks = (): void => setPlayable(true);
    const onCanPlay = (): void => {
      mediaReady = true;
      announceReady();
      if (drawn) addMarks();
    };
    media.addEventListener('canplay', onCanPlay, { once: true });

    const unsubscribes = [
      surfer.on('ready', () => {
        if (initialMs !== undefined && initialMs > 0) surfer.setTime(initialMs / 1000);
        drawn = true;
        setDrawnAt(performance.now());
        announceReady();
        if (mediaReady) addMarks();
      }),
      surfer.on('timeupdate', (seconds) => {
        onTimeRef.current(seconds * 1000);
        setPositionMs(seconds * 1000);
      }),
      surfer.on('play', () => setPlaying(true)),
      surfer.on('pause', () => setPlaying(false)),
      surfer.on('finish', () => setPlaying(false)),
      surfer.on('zoom', (pxPerSec) => setZoomPxPerSec(pxPerSec)),
      surfer.on('error', (problem) => setError(problem instanceof Error ? problem.message : String(problem))),
    ];
    return () => {
      media.removeEventListener('canplay', onCanPlay);
      for (const unsubscribe of [...unsubscribes, ...unsubscribeRegions]) unsubscribe();
      stopDragSelection();
      surfer.destroy();
      surferRef.current = null;
      regionsRef.current = null;
    };
    // marks and initialMs are read once per load; a new URL or peaks is a new waveform.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url, peaks, durationMs]);

  // The call's own marks (thousands in a long call) go in one layer inside wavesurfer's wrapper, placed
  // in percent so they follow zoom (one region each would lay the page out once per mark). Added once the
  // audio can play, so they never hold up the first play, and again if they change (the call arrived).
  useEffect(() => {
    const surfer = surferRef.current;
    if (surfer === null || !playable) return;
    const layer = buildMarkLayer(marks.filter((mark) => mark.kind !== 'annotation'), durationMs);
    surfer.getWrapper().appendChild(layer);
    return () => layer.remove();
  }, [marks, playable, durationMs]);

  // Annotations as regions, redrawn when they change (added, edited, deleted in the panel).
  useEffect(() => {
    const regions = regionsRef.current;
    if (regions === null || drawnAt === 0) return;
    const added = annotations.map((mark) => {
      const region = regions.addRegion({
        id: `annotation-${mark.startMs}-${mark.endMs}`,
        start: mark.startMs / 1000,
        end: mark.endMs / 1000,
        color: mark.endMs > mark.startMs ? 'rgba(219, 39, 119, 0.18)' : MARK_COLOURS.annotation,
        drag: false,
        resize: false,
      });
      region.element?.setAttribute('title', mark.label);
      region.element?.setAttribute('data-mark', mark.kind);
      return region;
    });
    return () => {
      for (const region of added) region.remove();
    };
  }, [annotations, drawnAt]);

  const clearSelection = (): void => {
    for (const region of regionsRef.current?.getRegions() ?? []) if (region.id === SELECTION_REGION_ID) region.remove();
    setHasSelection(false);
    onSelectionRef.current?.(null);
  };

  // Keyboard control wherever focus is, except in a field (typing a note must not play the call).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const surfer = surferRef.current;
      if (surfer === null || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const nowMs = surfer.getCurrentTime() * 1000;
      switch (event.key) {
        case ' ':
          // A focused button already answers space with a click.
          if (target instanceof HTMLButtonElement) return;
          void surfer.playPause();
          break;
        case 'k':
        case 'K':
          void surfer.playPause();
          break;
        case 'ArrowLeft':
          surfer.setTime(Math.max(0, nowMs - SEEK_STEP_MS) / 1000);
          break;
        case 'ArrowRight':
          surfer.setTime(Math.min(durationMs, nowMs + SEEK_STEP_MS) / 1000);
          break;
        case 'j':
        case 'J':
          surfer.setTime(Math.max(0, nowMs - JUMP_STEP_MS) / 1000);
          break;
        case 'l':
        case 'L':
          surfer.setTime(Math.min(durationMs, nowMs + JUMP_STEP_MS) / 1000);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [durationMs]);

  const changeRate = (next: number): void => {
    setRate(next);
    surferRef.current?.setPlaybackRate(next, true);
  };
  const changeZoom = (next: number): void => {
    setZoomPxPerSec(next);
    surferRef.current?.zoom(next);
  };

  return (
    <div className="replay-waveform" data-testid="replay-waveform">
      <div className="replay-lanes">
        <div className="replay-lane-names" aria-hidden="true">
          <span className="replay-lane-name replay-lane-agent">Agent</span>
          <span className="replay-lane-name replay-lane-customer">Customer</span>
        </div>
        <div ref={containerRef} className="replay-surface" data-testid="replay-surface" />
      </div>
      <div className="replay-controls" role="group" aria-label="Playback">
        <button type="button" className="button button-primary" onClick={() => void surferRef.current?.playPause()} data-testid="replay-play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <span className="replay-position" data-testid="replay-position" aria-live="off">
          {formatClock(positionMs)} / {formatClock(durationMs)}
        </span>
        <label className="replay-control">
          Speed
          <select value={rate} onChange={(event) => changeRate(Number(event.target.value))} data-testid="replay-speed">
            {PLAYBACK_RATES.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </select>
        </label>
        <label className="replay-control">
          Zoom
          <input
            type="range"
            min={0}
            max={200}
            step={5}
            value={zoomPxPerSec}
            onChange={(event) => changeZoom(Number(event.target.value))}
            data-testid="replay-zoom"
            aria-valuetext={zoomPxPerSec === 0 ? 'whole call' : `${zoomPxPerSec} pixels per second`}
          />
        </label>
        {hasSelection && (
          <button type="button" className="button" onClick={clearSelection} data-testid="replay-clear-selection">
            Clear selection
          </button>
        )}
        <span className="replay-keys">Drag on the waveform to select a range · Space play/pause · ←/→ 5 s · J/L 10 s · K pause</span>
      </div>
      {error !== null && (
        <p className="field-error" role="alert" data-testid="replay-audio-error">
          The recording could not be played: {error}
        </p>
      )}
    </div>
  );
});

// A stored call replayed: the two channels' waveform with its speech regions and moments, playback
// controls, the transcript beside it following the playhead (click a word to hear it), the listening
// scorecard (each point seeks to its moment) and the call's figures. A call whose audio is missing
// still opens with all of that and says the audio is missing.

import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { Annotation } from '../../../shared/annotations';
import type { StoredCall } from '../../../shared/calls';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { CallReplay } from '../../../shared/replay';
import type { ScorecardMoment } from '../../../shared/scorecard';
import { AnnotationsPanel } from '../components/AnnotationsPanel';
import { CallOutcomeForm } from '../components/CallOutcomeForm';
import { CallMetricsReport } from '../components/CallReport';
import { CustomerHistory } from '../components/CustomerHistory';
import { ListeningScorecard } from '../components/ListeningScorecard';
import { ReplayTranscript } from '../components/ReplayTranscript';
import { ReplayWaveform, type ReplayWaveformHandle } from '../components/ReplayWaveform';
import { assertNever } from '../lib/assert-never';
import { callMoments } from '../lib/call-moments';
import { formatClock } from '../lib/format';
import { annotationMarks, replayMarks } from '../lib/replay-marks';
import { transcriptStateLine } from '../lib/speech-model-text';
import { useCallTranscript } from '../lib/use-call-transcript';
import { useStoredCall } from '../lib/use-stored-call';
import '../styles/analyse.css';
import '../styles/stored-call.css';
import '../styles/replay.css';

export interface ReplayViewProps {
  bridge: AttuneBridge;
  callId: number;
  /** Open at this moment (e.g. a search hit). */
  atMs?: number;
  /** Opens another stored call (this customer's earlier calls); default: this view shows it instead. */
  onOpenCall?: (callId: number) => void;
}

type ReplayState = { tag: 'loading' } | { tag: 'loaded'; replay: CallReplay | null } | { tag: 'failed'; error: string };

function useCallReplay(bridge: AttuneBridge, callId: number): ReplayState {
  const [state, setState] = useState<{ callId: number; state: ReplayState } | null>(null);
  useEffect(() => {
    let current = true;
    bridge.getCallReplay(callId).then(
      (replay) => current && setState({ callId, state: { tag: 'loaded', replay } }),
      (error: unknown) => current && setState({ callId, state: { tag: 'failed', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [bridge, callId]);
  return state?.callId === callId ? state.state : { tag: 'loading' };
}


function useAnnotations(bridge: AttuneBridge, callId: number): Annotation[] {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  useEffect(() => {
    let current = true;
    // Shown on the waveform; a failure leaves them off it (the annotations panel says what went wrong).
    bridge.listAnnotations(callId).then(
      (list) => current && setAnnotations(list),
      () => current && setAnnotations([]),
    );
    return () => {
      current = false;
    };
  }, [bridge, callId]);
  return annotations;
}

/** Performance marks around opening a call (the e2e test and anyone profiling read them). */
export const REPLAY_OPEN_MARK = 'attune:replay-open';
export const REPLAY_READY_MARK = 'attune:replay-ready';

export function ReplayView({ bridge, callId: givenCallId, atMs, onOpenCall }: ReplayViewProps): ReactElement {
  // An earlier call of the same customer opens here unless the caller navigates itself.
  const [shown, setShown] = useState({ given: givenCallId, callId: givenCallId });
  const callId = shown.given === givenCallId ? shown.callId : givenCallId;
  const openCall = useCallback(
    (id: number) => (onOpenCall === undefined ? setShown({ given: givenCallId, callId: id }) : onOpenCall(id)),
    [givenCallId, onOpenCall],
  );
  useEffect(() => {
    performance.clearMarks(REPLAY_READY_MARK);
    performance.mark(REPLAY_OPEN_MARK, { detail: { callId } });
  }, [callId]);
  // All three asked for at once: the waveform need not wait for the figures, nor they for it.
  const call = useStoredCall(bridge, callId);
  const replay = useCallReplay(bridge, callId);
  const transcript = useCallTranscript(bridge, callId);
  switch (call.tag) {
    case 'missing':
      return (
        <div className="error-alert" role="alert" data-testid="stored-call-error">
          <div className="error-alert-text">
            <p className="error-alert-title">This call is not stored any more</p>
            <p className="error-alert-message">It may have been deleted. Go back to see the calls that are.</p>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="error-alert" role="alert" data-testid="stored-call-error">
          <div className="error-alert-text">
            <p className="error-alert-title">The call could not be opened</p>
            <p className="error-alert-message">{call.error}</p>
          </div>
        </div>
      );
    // The waveform opens as soon as its peaks arrive; the call's figures and marks join it when they do.
    case 'loading':
    case 'loaded':
      return (
        <LoadedReplay
          key={callId}
          bridge={bridge}
          callId={callId}
          call={call.tag === 'loaded' ? call.call : null}
          replay={replay}
          transcript={transcript}
          onOpenCall={openCall}
          {...(atMs === undefined || callId !== givenCallId ? {} : { atMs })}
        />
      );
    default:
      return assertNever(call);
  }
}

interface LoadedReplayProps {
  bridge: AttuneBridge;
  callId: number;
  /** null while it loads. */
  call: StoredCall | null;
  replay: ReplayState;
  transcript: ReturnType<typeof useCallTranscript>;
  onOpenCall: (callId: number) => void;
  atMs?: number;
}

function LoadedReplay({ bridge, callId, call, replay, transcript: { transcript, background }, onOpenCall, atMs }: LoadedReplayProps): ReactElement {
  const loadedAnnotations = useAnnotations(bridge, callId);
  // The panel's list once it has changed them (added, edited, deleted), else the first load.
  const [changedAnnotations, setChangedAnnotations] = useState<readonly Annotation[] | null>(null);
  const annotations = changedAnnotations ?? loadedAnnotations;
  const marks = useMemo(() => (call === null ? [] : replayMarks(call)), [call]);
  const annotationRegions = useMemo(() => annotationMarks(annotations), [annotations]);
  const [selection, setSelection] = useState<{ startMs: number; endMs: number } | null>(null);
  const moments = useMemo(() => (call === null ? [] : callMoments(call.cards, call.notes)), [call]);
  const waveformRef = useRef<ReplayWaveformHandle>(null);
  const [playheadMs, setPlayheadMs] = useState(atMs ?? 0);
  const [ready, setReady] = useState(false);
  const seek = useCallback((ms: number) => {
    waveformRef.current?.seekMs(ms);
    setPlayheadMs(ms);
  }, []);
  // A new object per click, so the same moment clicked twice brings its turn back into view.
  const [transcriptTarget, setTranscriptTarget] = useState<{ atMs: number } | null>(null);
  const goToMoment = useCallback(
    (moment: ScorecardMoment) => {
      seek(moment.atMs);
      setTranscriptTarget({ atMs: moment.atMs });
    },
    [seek],
  );

  const loadedTranscript = transcript.tag === 'loaded' ? transcript.transcript : null;
  const stateLine = loadedTranscript === null ? null : transcriptStateLine(loadedTranscript, background);

  return (
    <div className="call-report replay" data-testid="stored-call-report">
      {call === null ? (
        <p className="card stored-call-status" role="status">
          Loading the call…
        </p>
      ) : (
        <CallFacts call={call} />
      )}

      <section className="card replay-player" aria-labelledby="replay-title" data-testid="replay" data-ready={ready ? 'true' : 'false'}>
        <h2 id="replay-title" className="card-title">
          Listen
        </h2>
        {(() => {
          switch (replay.tag) {
            case 'loading':
              return (
                <p role="status" className="replay-status">
                  Opening the recording…
                </p>
              );
            case 'failed':
              return (
                <p role="alert" className="field-error" data-testid="replay-audio-missing">
                  The recording could not be opened: {replay.error}
                </p>
              );
            case 'loaded': {
              const audio = replay.replay?.audio;
              if (audio === undefined) return null;
              if (audio.state === 'missing') {
                return (
                  <p role="status" className="replay-missing" data-testid="replay-audio-missing">
                    {audio.reason} The figures, transcript and annotations below are kept.
                  </p>
                );
              }
              return (
                <ReplayWaveform
                  ref={waveformRef}
                  url={audio.url}
                  durationMs={audio.durationMs}
                  peaks={audio.peaks}
                  marks={marks}
                  annotations={annotationRegions}
                  onSelection={setSelection}
                  {...(atMs === undefined ? {} : { initialMs: atMs })}
                  onTime={setPlayheadMs}
                  onReady={() => {
                    performance.mark(REPLAY_READY_MARK, { detail: { callId } });
                    setReady(true);
                  }}
                />
              );
            }
            default:
              return assertNever(replay);
          }
        })()}
        <ReplayLegend />
      </section>

      <div className="replay-columns">
        <section className="card replay-transcript-card" aria-labelledby="replay-transcript-title">
          <h2 id="replay-transcript-title" className="card-title">
            Transcript
          </h2>
          {transcript.tag === 'loading' && <p role="status">Loading the transcript…</p>}
          {transcript.tag === 'failed' && (
            <p role="alert" className="field-error" data-testid="transcript-state">
              The transcript could not be loaded: {transcript.error}
            </p>
          )}
          {stateLine !== null && (
            <p className="transcript-state" role="status" data-testid="transcript-state" data-state={loadedTranscript?.state}>
              {stateLine}
            </p>
          )}
          {loadedTranscript !== null && loadedTranscript.words.length > 0 && (
            <ReplayTranscript words={loadedTranscript.words} cues={loadedTranscript.cues} playheadMs={playheadMs} onSeek={seek} target={transcriptTarget} />
          )}
        </section>
        <div className="replay-side">
          {loadedTranscript?.scorecard != null && <ListeningScorecard scorecard={loadedTranscript.scorecard} onGoToMoment={goToMoment} />}
          <AnnotationsPanel
            bridge={bridge}
            callId={callId}
            playheadMs={playheadMs}
            selection={selection}
            onSeek={seek}
            onChange={(next) => setChangedAnnotations(next)}
          />
          <CallOutcomeForm bridge={bridge} callId={callId} />
          <CustomerHistory bridge={bridge} callId={callId} onOpenCall={onOpenCall} />
        </div>
      </div>

      {/* The figures (and their timeline of every segment) are drawn once the player is ready, so a long
          call's report never delays the first play. */}
      {call !== null && (ready || replay.tag === 'failed' || (replay.tag === 'loaded' && replay.replay?.audio.state !== 'available')) && (
        <CallMetricsReport metrics={call.metrics} moments={moments} />
      )}
    </div>
  );
}

function CallFacts({ call }: { call: StoredCall }): ReactElement {
  return (
      <section className="card call-facts" aria-labelledby="call-facts-title">
        <h2 id="call-facts-title" className="card-title">
          About this call
          {call.recovered && (
            <span className="badge badge-warn" data-testid="stored-call-recovered">
              Recovered
            </span>
          )}
        </h2>
        <dl className="call-facts-list">
          <div className="call-fact">
            <dt>Started</dt>
            <dd data-testid="stored-call-started">{formatStart(call.startedAt)}</dd>
          </div>
          <div className="call-fact">
            <dt>Agent</dt>
            <dd data-testid="stored-call-agent">{call.agentName || 'Agent'}</dd>
          </div>
          <div className="call-fact">
            <dt>Length</dt>
            <dd data-testid="stored-call-duration" data-value={call.durationMs}>
              {formatClock(call.durationMs)}
            </dd>
          </div>
          <div className="call-fact call-fact-wide">
            <dt>Recording</dt>
            <dd data-testid="stored-call-recording">
              {call.recordingPath === null ? (
                <span className="call-fact-missing">Not recorded: nothing could be written to disk during this call. Its analysis is kept.</span>
              ) : (
                <code className="recording-path">{call.recordingPath}</code>
              )}
            </dd>
          </div>
        </dl>
        {call.recovered && (
          <p className="card-note">
            Attune stopped before this call was saved. Its recording was repaired and analysed the next time Attune started, so up
            to the last second of audio may be missing.
          </p>
        )}
      </section>
  );
}

const LEGEND: ReadonlyArray<readonly [className: string, label: string]> = [
  ['legend-agent', 'Agent'],
  ['legend-customer', 'Customer'],
  ['legend-interruption', 'Interruption'],
  ['legend-backchannel', 'Backchannel'],
  ['legend-dead-air', 'Dead air'],
  ['legend-card', 'Card shown live'],
  ['legend-note', 'Note taken live'],
  ['legend-annotation', 'Annotation'],
];

function ReplayLegend(): ReactElement {
  return (
    <ul className="replay-legend" aria-label="Legend">
      {LEGEND.map(([className, label]) => (
        <li key={className} className="replay-legend-item">
          <span className={`replay-swatch ${className}`} aria-hidden="true" />
          {label}
        </li>
      ))}
    </ul>
  );
}

function formatStart(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'medium' });
}

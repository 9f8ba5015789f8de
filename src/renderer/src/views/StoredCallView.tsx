// One stored call, opened from the Live view's recent calls: when and who, where its recording is,
// its listening scorecard and transcript (or why there is none), and the same report as the Analyse
// view, with the cues shown and the notes taken on its timeline.

import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { StoredCall } from '../../../shared/calls';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { CallMetricsReport } from '../components/CallReport';
import { TranscriptReport } from '../components/TranscriptReport';
import { assertNever } from '../lib/assert-never';
import { callMoments } from '../lib/call-moments';
import { formatClock } from '../lib/format';
import { useStoredCall } from '../lib/use-stored-call';
import '../styles/analyse.css';
import '../styles/stored-call.css';

export interface StoredCallViewProps {
  bridge: AttuneBridge;
  callId: number;
  /** A call is being recorded right now (the way back leads to it). */
  callInProgress: boolean;
  onClose: () => void;
}

export function StoredCallView({ bridge, callId, callInProgress, onClose }: StoredCallViewProps): ReactElement {
  const state = useStoredCall(bridge, callId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The view replaces the Live view's content: move focus to its title so keyboard and screen-reader
  // users land on what opened, not on a control that is gone.
  useEffect(() => headingRef.current?.focus(), []);

  // Escape is a shortcut for the Back button (which stays the way back for everyone), wherever focus
  // is in the window: after a click on the report it is on the page itself, not inside this view.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <section className="view stored-call-view" aria-labelledby="stored-call-title" data-testid="stored-call">
      <header className="view-header">
        <div className="stored-call-heading">
          <h1 id="stored-call-title" ref={headingRef} tabIndex={-1}>
            {state.tag === 'loaded' ? `Call of ${formatStart(state.call.startedAt, 'medium')}` : 'Stored call'}
          </h1>
          <p className="view-subtitle">
            {state.tag === 'loaded' ? 'The report of a call you took live: what was said, the cues you saw and the notes you took.' : `Call ${callId}`}
          </p>
        </div>
        <div className="toolbar">
          {callInProgress && (
            <span className="recording-indicator" role="status">
              <span className="recording-dot" aria-hidden="true" />A call is being recorded
            </span>
          )}
          <button type="button" className="button" onClick={onClose} data-testid="close-stored-call">
            {callInProgress ? 'Back to the call' : 'Back to Live'}
          </button>
        </div>
      </header>

      {(() => {
        switch (state.tag) {
          case 'loading':
            return (
              <p className="card stored-call-status" role="status">
                Loading the call…
              </p>
            );
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
                  <p className="error-alert-message">{state.error}</p>
                </div>
              </div>
            );
          case 'loaded':
            return <StoredCallReport bridge={bridge} call={state.call} />;
          default:
            return assertNever(state);
        }
      })()}
    </section>
  );
}

function StoredCallReport({ bridge, call }: { bridge: AttuneBridge; call: StoredCall }): ReactElement {
  const moments = useMemo(() => callMoments(call.cards, call.notes), [call]);
  return (
    <div className="call-report" data-testid="stored-call-report">
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
            <dd data-testid="stored-call-started">{formatStart(call.startedAt, 'full')}</dd>
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
      <TranscriptReport bridge={bridge} callId={call.id} />
      <CallMetricsReport metrics={call.metrics} moments={moments} />
    </div>
  );
}

function formatStart(iso: string, dateStyle: 'medium' | 'full'): string {
  const date = new Date(iso);
  // A malformed time is shown as stored rather than as "Invalid Date".
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle, timeStyle: dateStyle === 'full' ? 'medium' : 'short' });
}

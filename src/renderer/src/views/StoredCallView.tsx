// One stored call, opened from the Live view's recent calls: the heading and the way back around the
// replay (ReplayView: waveform, transcript, scorecard and figures).

import { useEffect, useRef, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { useStoredCall } from '../lib/use-stored-call';
import { ReplayView } from './ReplayView';
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
            {state.tag === 'loaded' ? 'Listen to the call you took live, with what was said, the cues you saw and the notes you took.' : `Call ${callId}`}
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

      {/* The replay says itself when the call is gone or could not be opened, and that it is loading. */}
      <ReplayView bridge={bridge} callId={callId} />
    </section>
  );
}

function formatStart(iso: string, dateStyle: 'medium' | 'full'): string {
  const date = new Date(iso);
  // A malformed time is shown as stored rather than as "Invalid Date".
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle, timeStyle: dateStyle === 'full' ? 'medium' : 'short' });
}

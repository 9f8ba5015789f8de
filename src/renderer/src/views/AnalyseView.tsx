// The Analyse view: open or drop a recording, watch it analyse, read the report or the error. A
// failed file keeps the report on screen with the error beside it (Escape or Dismiss clears the
// error); changing the agent channel re-runs the analysis, so the picker and the report always agree;
// focus moves to the result when an analysis ends, so keyboard users land on it (and can scroll it).

import { useEffect, useRef, type ReactElement } from 'react';
import type { AgentChannel } from '../../../shared/ipc-contract';
import { AddToLibrary } from '../components/AddToLibrary';
import { AnalysisProgress } from '../components/AnalysisProgress';
import { CallReport } from '../components/CallReport';
import { ErrorAlert } from '../components/ErrorAlert';
import { assertNever } from '../lib/assert-never';
import { shownReport, type CallAnalysisControls } from '../lib/use-call-analysis';
import '../styles/analyse.css';

export interface AnalyseViewProps {
  analysis: CallAnalysisControls;
  agentChannel: AgentChannel;
  onAgentChannelChange: (channel: AgentChannel) => void;
  onOpenRecording: () => void;
  /** Opens a stored call in the replay view (after "Add to library"); absent: the view says where to find it. */
  onOpenStoredCall?: ((callId: number) => void) | undefined;
}

export function AnalyseView({ analysis, agentChannel, onAgentChannelChange, onOpenRecording, onOpenStoredCall }: AnalyseViewProps): ReactElement {
  const { state } = analysis;
  const busy = state.tag === 'analysing';
  const report = shownReport(state);
  const reportHeadingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const previousTag = useRef(state.tag);

  // When an analysis ends, focus its outcome: the controls it ran from were disabled meanwhile, so
  // focus would otherwise fall to the page body.
  useEffect(() => {
    const endedNow = previousTag.current !== state.tag && (state.tag === 'done' || state.tag === 'failed');
    previousTag.current = state.tag;
    if (!endedNow) return;
    if (state.tag === 'failed') errorRef.current?.focus();
    else reportHeadingRef.current?.focus();
  }, [state.tag]);

  // Escape dismisses an error from anywhere in the view (the alert's button does the same).
  const { dismissError } = analysis;
  const failed = state.tag === 'failed';
  useEffect(() => {
    if (!failed) return undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      dismissError();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [failed, dismissError]);

  const changeAgentChannel = (channel: AgentChannel): void => {
    onAgentChannelChange(channel);
    analysis.reanalyse(channel);
  };

  return (
    <section className="view analyse-view" aria-labelledby="analyse-title">
      <header className="view-header">
        <div>
          <h1 id="analyse-title">Analyse a call</h1>
          <p className="view-subtitle">Turn-taking metrics from a two-channel recording.</p>
        </div>
        <div className="toolbar">
          <label className="channel-picker">
            Agent microphone
            <select
              value={agentChannel}
              onChange={(event) => changeAgentChannel(event.target.value === 'right' ? 'right' : 'left')}
              disabled={busy}
              data-testid="agent-channel"
            >
              <option value="left">Left channel</option>
              <option value="right">Right channel</option>
            </select>
          </label>
          <button type="button" className="button button-primary" onClick={onOpenRecording} disabled={busy} data-testid="open-recording">
            Open recording…
          </button>
        </div>
      </header>

      {state.tag === 'failed' && (
        <div ref={errorRef} tabIndex={-1} className="analyse-error-focus">
          <ErrorAlert
            title={state.fileName ? `Could not analyse ${state.fileName}` : 'Could not analyse the recording'}
            message={state.error}
            onDismiss={analysis.dismissError}
          />
          {state.previous !== null && (
            <p className="analyse-kept-note" data-testid="kept-report-note">
              Still showing the report of {state.previous.fileName}. Press Escape or Dismiss to close this message.
            </p>
          )}
        </div>
      )}

      {(() => {
        switch (state.tag) {
          case 'idle':
            return <DropPrompt />;
          case 'failed':
            return report === null ? <DropPrompt /> : null;
          case 'analysing':
            return <AnalysisProgress fileName={state.fileName} />;
          case 'done':
            return null;
          default:
            return assertNever(state);
        }
      })()}

      {report !== null && (
        <CallReport
          fileName={report.fileName}
          analysis={report.analysis}
          agentChannel={report.agentChannel}
          headingRef={reportHeadingRef}
          stale={state.tag !== 'done'}
          actions={<AddToLibrary key={`${report.path}|${report.agentChannel}`} path={report.path} agentChannel={report.agentChannel} onOpenStoredCall={onOpenStoredCall} />}
        />
      )}
    </section>
  );
}

function DropPrompt(): ReactElement {
  return (
    <div className="drop-prompt" data-testid="drop-prompt">
      <div className="drop-prompt-icon" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
        <span />
      </div>
      <p className="drop-prompt-title">Drop a call recording anywhere in this window</p>
      <p className="drop-prompt-hint">
        or use <strong>Open recording…</strong> above. Attune needs a stereo WAV recording with the agent&apos;s
        microphone on one channel and the customer on the other — most softphones and call recorders can export calls that way (look for
        &ldquo;stereo&rdquo; or &ldquo;separate channels&rdquo; in their recording settings).
      </p>
    </div>
  );
}

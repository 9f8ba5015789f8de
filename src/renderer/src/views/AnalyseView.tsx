// The Analyse view: open or drop a recording, watch it analyse, read the report or the error.

import type { ReactElement } from 'react';
import type { AgentChannel } from '../../../shared/ipc-contract';
import { AnalysisProgress } from '../components/AnalysisProgress';
import { CallReport } from '../components/CallReport';
import { ErrorAlert } from '../components/ErrorAlert';
import { assertNever } from '../lib/assert-never';
import type { CallAnalysisControls } from '../lib/use-call-analysis';
import '../styles/analyse.css';

export interface AnalyseViewProps {
  analysis: CallAnalysisControls;
  agentChannel: AgentChannel;
  onAgentChannelChange: (channel: AgentChannel) => void;
  onOpenRecording: () => void;
}

export function AnalyseView({ analysis, agentChannel, onAgentChannelChange, onOpenRecording }: AnalyseViewProps): ReactElement {
  const { state } = analysis;
  const busy = state.tag === 'analysing';

  return (
    <section className="view" aria-labelledby="analyse-title">
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
              onChange={(event) => onAgentChannelChange(event.target.value === 'right' ? 'right' : 'left')}
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
        <ErrorAlert
          title={state.fileName ? `Could not analyse ${state.fileName}` : 'Could not analyse the recording'}
          message={state.error}
          onDismiss={analysis.reset}
        />
      )}

      {(() => {
        switch (state.tag) {
          case 'idle':
          case 'failed':
            return <DropPrompt />;
          case 'analysing':
            return <AnalysisProgress fileName={state.fileName} />;
          case 'done':
            return <CallReport fileName={state.fileName} analysis={state.analysis} agentChannel={state.agentChannel} />;
          default:
            return assertNever(state);
        }
      })()}
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
        or use <strong>Open recording…</strong> above. Attune expects a stereo WAV file with the agent&apos;s microphone on one
        channel and the customer on the other.
      </p>
    </div>
  );
}

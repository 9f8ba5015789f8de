// Library › Import: recorded calls from files or folders (one speaker per stereo channel), the agent's
// name and channel for them, a progress bar while main imports, then a summary with every file that
// could not be used and why.

import type { ReactElement } from 'react';
import type { ImportFileOutcome } from '../../../shared/call-import';
import { importCounts, importSummaryText } from '../lib/import-progress';
import { fileNameOf } from '../lib/format';
import type { CallImport } from '../lib/use-call-import';

export interface CallImportPanelProps {
  callImport: CallImport;
  onOpenCall: (callId: number) => void;
}

export function CallImportPanel({ callImport, onOpenCall }: CallImportPanelProps): ReactElement {
  const { state, agentName, agentChannel } = callImport;
  const busy = state.tag === 'starting' || state.tag === 'running';
  const counts = importCounts(state);
  const problems = state.tag === 'finished' || state.tag === 'failed' ? state.outcomes.filter((outcome) => outcome.status === 'failed') : [];

  return (
    <section className="card import-panel" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title" className="card-title">
        Import recorded calls
      </h2>
      <div className="import-controls">
        <label className="import-field">
          Agent
          <input type="text" value={agentName} placeholder="Agent" maxLength={100} onChange={(event) => callImport.setAgentName(event.target.value)} disabled={busy} data-testid="import-agent-name" />
        </label>
        <label className="import-field">
          Agent is on the
          <select value={agentChannel} onChange={(event) => callImport.setAgentChannel(event.target.value === 'right' ? 'right' : 'left')} disabled={busy} data-testid="import-agent-channel">
            <option value="left">left channel</option>
            <option value="right">right channel</option>
          </select>
        </label>
        <button type="button" className="button button-primary" onClick={() => callImport.choose('files')} disabled={busy} data-testid="import-files">
          Import files…
        </button>
        <button type="button" className="button" onClick={() => callImport.choose('folder')} disabled={busy} data-testid="import-folder">
          Import folder…
        </button>
      </div>
      <p className="library-hint import-hint">Stereo recordings with the agent on one channel and the customer on the other: WAV, MP3, Ogg Opus or Ogg Vorbis. Folders are searched for audio files. You can also drop files or folders here.</p>

      {busy && (
        <div className="import-progress" role="status" data-testid="import-progress">
          <progress max={counts?.total ?? undefined} value={counts?.done ?? undefined} aria-label="Import progress" />
          <p>
            {counts === null ? 'Looking for audio files…' : `${counts.done} of ${counts.total} file${counts.total === 1 ? '' : 's'} done`}
            {state.tag === 'running' && state.currentPath !== null && <span className="import-current"> · importing {fileNameOf(state.currentPath)}</span>}
          </p>
        </div>
      )}

      {state.tag === 'finished' && (
        <div className="import-result" role="status" data-testid="import-summary">
          <p>
            <strong>{importSummaryText(state.summary)}</strong>
            <ImportedLink outcomes={state.outcomes} onOpenCall={onOpenCall} />
          </p>
          <button type="button" className="button button-quiet" onClick={callImport.dismiss} data-testid="import-dismiss">
            Dismiss
          </button>
        </div>
      )}
      {state.tag === 'failed' && (
        <div className="import-result" role="alert" data-testid="import-error">
          <p className="library-error">{state.error}</p>
          <button type="button" className="button button-quiet" onClick={callImport.dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <ul className="import-problems" aria-label="Files that could not be imported" data-testid="import-problems">
          {problems.map((outcome) => (
            <li key={outcome.path} data-testid="import-problem">
              <span className="import-problem-file" title={outcome.path}>
                {fileNameOf(outcome.path)}
              </span>
              <span className="import-problem-reason">{outcome.status === 'failed' ? outcome.reason : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** With exactly one call imported, a way to open it at once. */
function ImportedLink({ outcomes, onOpenCall }: { outcomes: ImportFileOutcome[]; onOpenCall: (callId: number) => void }): ReactElement | null {
  const imported = outcomes.filter((outcome) => outcome.status === 'imported');
  const [only] = imported;
  if (imported.length !== 1 || only === undefined) return null;
  return (
    <>
      {' '}
      <button type="button" className="link-button" onClick={() => onOpenCall(only.callId)} data-testid="import-open-call">
        Open the call
      </button>
    </>
  );
}

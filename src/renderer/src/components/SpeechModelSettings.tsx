// Settings → Speech model: the models offered and installed, a download with its progress (and
// Cancel), importing a folder or archive the person already has, which model transcribes (or none),
// the recognizer's state and the background transcription of stored calls.

import type { ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { ModelDownloadProgress, SpeechModelInfo, SpeechModelsStatus } from '../../../shared/transcription';
import { assertNever } from '../lib/assert-never';
import { backgroundText, downloadPercent, downloadProgressText, recognizerStateText } from '../lib/speech-model-text';
import { useModelActions, type ModelActions } from '../lib/use-model-actions';
import type { SpeechModelsState } from '../lib/use-speech-models';

export interface SpeechModelSettingsProps {
  bridge: AttuneBridge;
  models: SpeechModelsState;
  setStatus: (status: SpeechModelsStatus) => void;
}

export function SpeechModelSettings({ bridge, models, setStatus }: SpeechModelSettingsProps): ReactElement {
  const status = models.tag === 'loaded' ? models.status : null;
  const actions = useModelActions(bridge, status, setStatus);
  const busy = actions.state.tag === 'busy' || status?.download != null;

  return (
    <section className="card speech-model-settings" aria-labelledby="speech-model-title" data-testid="speech-model-settings">
      <h2 id="speech-model-title" className="card-title">
        Speech model
      </h2>
      <p className="settings-intro">
        With a speech model, Attune transcribes both sides of a call on this computer and coaches from what is said. Without one,
        everything else (balance, interruptions, cards) works the same.
      </p>

      {models.tag === 'loading' && <p className="settings-hint">Loading…</p>}
      {models.tag === 'failed' && (
        <p className="field-error" role="alert">
          {models.error}
        </p>
      )}
      {status && (
        <>
          <RecognizerStatus status={status} />
          <ul className="model-list" aria-label="Speech models" data-testid="speech-models">
            {status.models.map((model) => (
              <ModelRow key={model.id} model={model} selected={status.selectedModelId === model.id} download={status.download?.modelId === model.id ? status.download : null} busy={busy} actions={actions} />
            ))}
          </ul>
          {status.download !== null && !status.models.some((model) => model.id === status.download?.modelId) && (
            <DownloadProgress progress={status.download} name={status.download.modelId} onCancel={actions.cancelDownload} />
          )}
          <div className="settings-actions model-actions">
            <button type="button" className="button" onClick={() => actions.importFrom('folder')} disabled={busy} data-testid="import-model-folder">
              Import folder…
            </button>
            <button type="button" className="button" onClick={() => actions.importFrom('archive')} disabled={busy} data-testid="import-model-archive">
              Import archive…
            </button>
            <button type="button" className="button" onClick={() => actions.select(null)} disabled={busy || status.selectedModelId === null} data-testid="turn-off-transcription">
              Turn off transcription
            </button>
          </div>
          <p className="settings-hint">Import a Vosk model you already have: its unpacked folder, or a .zip or .tar.gz archive of it.</p>
        </>
      )}
      <ActionOutcome actions={actions} />
    </section>
  );
}

function RecognizerStatus({ status }: { status: SpeechModelsStatus }): ReactElement {
  const modelReady = status.transcription.state === 'ready';
  const background = backgroundText(status.background, modelReady);
  return (
    <div className={`recognizer-status recognizer-status-${status.transcription.state}`} role="status" data-testid="recognizer-status" data-state={status.transcription.state}>
      <p>{recognizerStateText(status.transcription, status.models)}</p>
      {background !== null && (
        <p className="settings-hint" data-testid="background-transcription">
          {background}
        </p>
      )}
    </div>
  );
}

interface ModelRowProps {
  model: SpeechModelInfo;
  selected: boolean;
  download: ModelDownloadProgress | null;
  busy: boolean;
  actions: ModelActions;
}

function ModelRow({ model, selected, download, busy, actions }: ModelRowProps): ReactElement {
  const nameId = `model-name-${model.id}`;
  return (
    <li className={`model-row${selected ? ' model-row-selected' : ''}`} data-testid="speech-model" data-model-id={model.id} data-state={model.state} aria-labelledby={nameId}>
      <div className="model-row-main">
        <div className="model-row-text">
          <p className="model-name" id={nameId}>
            {model.name}
            <ModelBadge model={model} selected={selected} />
          </p>
          <p className="settings-hint">{modelFacts(model)}</p>
          {model.downloadable && !model.checksumKnown && model.state !== 'ready' && (
            <p className="model-warning" data-testid="model-unverified">
              No checksum is published for this model, so its download cannot be verified.
            </p>
          )}
          {model.state === 'partial' && model.problem !== null && (
            <p className="field-error" data-testid="model-problem">
              {model.problem}
            </p>
          )}
        </div>
        <div className="model-row-actions">
          {model.state === 'ready' && !selected && (
            <button type="button" className="button" onClick={() => actions.select(model.id)} disabled={busy} aria-describedby={nameId} data-testid="use-model">
              Use
            </button>
          )}
          {model.state !== 'ready' && model.downloadable && download === null && (
            <button type="button" className="button button-primary" onClick={() => actions.download(model.id)} disabled={busy} aria-describedby={nameId} data-testid="download-model">
              {model.state === 'partial' ? 'Download again' : 'Download'}
              {model.approxSizeMb !== null && ` (${model.approxSizeMb} MB)`}
            </button>
          )}
        </div>
      </div>
      {download !== null && <DownloadProgress progress={download} name={model.name} onCancel={actions.cancelDownload} />}
    </li>
  );
}

function modelFacts(model: SpeechModelInfo): string {
  const facts = [model.language ?? 'Language not stated'];
  if (model.approxSizeMb !== null) facts.push(`about ${model.approxSizeMb} MB`);
  if (!model.downloadable) facts.push('imported');
  else if (model.checksumKnown) facts.push('verified download');
  return facts.join(' · ');
}

function ModelBadge({ model, selected }: { model: SpeechModelInfo; selected: boolean }): ReactElement {
  if (selected && model.state === 'ready') return <span className="model-badge model-badge-selected">In use</span>;
  switch (model.state) {
    case 'ready':
      return <span className="model-badge model-badge-ready">Installed</span>;
    case 'partial':
      return <span className="model-badge model-badge-partial">Incomplete</span>;
    case 'not-installed':
      return <span className="model-badge">Not installed</span>;
    default:
      return assertNever(model.state);
  }
}

export function DownloadProgress({ progress, name, onCancel }: { progress: ModelDownloadProgress; name: string; onCancel: () => void }): ReactElement {
  const percent = downloadPercent(progress);
  const text = downloadProgressText(progress);
  const determinate = progress.phase === 'downloading' && percent !== null;
  return (
    <div className="download-progress" data-testid="download-progress" data-phase={progress.phase}>
      <div className="download-progress-row">
        {/* Indeterminate (no value) while checking or unpacking, or while the size is unknown. */}
        <progress
          className="download-progress-bar"
          aria-label={`Downloading ${name}`}
          aria-valuetext={text}
          {...(determinate ? { max: progress.totalBytes ?? 1, value: progress.receivedBytes } : {})}
        />
        <button type="button" className="button" onClick={onCancel} disabled={progress.phase !== 'downloading'} data-testid="cancel-download">
          Cancel
        </button>
      </div>
      <p className="settings-hint" aria-live="polite" data-testid="download-progress-text">
        {text} {progress.phase === 'downloading' && 'Cancel keeps what was received; downloading again resumes.'}
      </p>
    </div>
  );
}

export function ActionOutcome({ actions }: { actions: ModelActions }): ReactElement | null {
  const { state } = actions;
  switch (state.tag) {
    case 'idle':
      return null;
    case 'busy':
      // A download shows its own progress bar.
      return state.action === 'download' ? null : (
        <p className="settings-hint model-outcome" role="status" data-testid="model-action-status">
          {state.action === 'import' ? 'Importing the model…' : 'Switching the speech model…'}
        </p>
      );
    case 'done':
    case 'cancelled':
      return (
        <p className="settings-hint model-outcome" role="status" data-testid="model-action-status">
          {state.message}
        </p>
      );
    case 'failed':
      return (
        <p className="field-error model-outcome" role="alert" data-testid="model-action-error">
          {state.message}
        </p>
      );
    default:
      return assertNever(state);
  }
}

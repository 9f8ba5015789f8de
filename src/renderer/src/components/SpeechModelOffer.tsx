// The Live view's first-run offer, while no speech model is installed: download the small English
// model or import one, or dismiss it for good. Everything else works without a model, and it says so.

import type { ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { SpeechModelsStatus } from '../../../shared/transcription';
import { smallEnglishModel } from '../lib/speech-model-text';
import { useModelActions } from '../lib/use-model-actions';
import { ActionOutcome, DownloadProgress } from './SpeechModelSettings';

export interface SpeechModelOfferProps {
  bridge: AttuneBridge;
  status: SpeechModelsStatus;
  setStatus: (status: SpeechModelsStatus) => void;
  onDismiss: () => void;
}

export function SpeechModelOffer({ bridge, status, setStatus, onDismiss }: SpeechModelOfferProps): ReactElement {
  const actions = useModelActions(bridge, status, setStatus);
  const model = smallEnglishModel(status.models);
  const busy = actions.state.tag === 'busy' || status.download !== null;
  return (
    <section className="model-offer" aria-labelledby="model-offer-title" data-testid="speech-model-offer">
      <div className="model-offer-text">
        <h2 id="model-offer-title" className="model-offer-title">
          Transcribe your calls too?
        </h2>
        <p>
          With a speech model, Attune also coaches from what is said (empathy, questions, pace), all on this computer.
          Everything else works without it.
        </p>
        {status.download !== null && <DownloadProgress progress={status.download} name={model?.name ?? status.download.modelId} onCancel={actions.cancelDownload} />}
        <ActionOutcome actions={actions} />
      </div>
      <div className="model-offer-actions">
        {model !== null && (
          <button type="button" className="button button-primary" onClick={() => actions.download(model.id)} disabled={busy} data-testid="offer-download-model">
            Download {model.name}
            {model.approxSizeMb !== null && ` (${model.approxSizeMb} MB)`}
          </button>
        )}
        <button type="button" className="button" onClick={() => actions.importFrom('folder')} disabled={busy} data-testid="offer-import-folder">
          Import folder…
        </button>
        <button type="button" className="button" onClick={() => actions.importFrom('archive')} disabled={busy} data-testid="offer-import-archive">
          Import archive…
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss} disabled={status.download !== null} data-testid="offer-dismiss">
          Not now
        </button>
      </div>
    </section>
  );
}

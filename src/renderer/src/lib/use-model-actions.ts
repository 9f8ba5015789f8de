// The things a person does with speech models — download (and cancel), import a folder or archive,
// choose the model or turn transcription off — each ending in one sentence of outcome. Shared by the
// Settings view and the Live view's first-run offer.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { ModelActionResult, SpeechModelsStatus } from '../../../shared/transcription';
import { modelName } from './speech-model-text';
import { messageOf } from './use-call-analysis';

export type ModelAction = 'download' | 'import' | 'select';

export type ModelActionState =
  | { tag: 'idle' }
  | { tag: 'busy'; action: ModelAction; modelId: string | null }
  | { tag: 'done'; message: string }
  /** The person cancelled a download: not an error. */
  | { tag: 'cancelled'; message: string }
  | { tag: 'failed'; message: string };

export const DOWNLOAD_CANCELLED_MESSAGE = 'Download cancelled. What was received is kept: Download resumes it.';

export interface ModelActions {
  state: ModelActionState;
  download: (modelId: string) => void;
  cancelDownload: () => void;
  importFrom: (kind: 'folder' | 'archive') => void;
  select: (modelId: string | null) => void;
}

export function useModelActions(bridge: AttuneBridge, status: SpeechModelsStatus | null, setStatus: (status: SpeechModelsStatus) => void): ModelActions {
  const [state, setState] = useState<ModelActionState>({ tag: 'idle' });
  // The models ready before an import, to name the one it added.
  const latestStatus = useRef(status);
  useEffect(() => {
    latestStatus.current = status;
  }, [status]);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const cancelRequested = useRef(false);

  const finish = useCallback(
    (work: Promise<ModelActionResult>, success: (status: SpeechModelsStatus) => string, onFailure?: (error: string) => ModelActionState) => {
      work.then(
        (result) => {
          if (!mounted.current) return;
          if (result.ok) {
            setStatus(result.status);
            setState({ tag: 'done', message: success(result.status) });
          } else {
            setState(onFailure ? onFailure(result.error) : { tag: 'failed', message: result.error });
          }
        },
        (error: unknown) => {
          if (mounted.current) setState({ tag: 'failed', message: messageOf(error) });
        },
      );
    },
    [setStatus],
  );

  const download = useCallback(
    (modelId: string) => {
      cancelRequested.current = false;
      setState({ tag: 'busy', action: 'download', modelId });
      finish(
        bridge.downloadSpeechModel(modelId),
        (status) =>
          status.selectedModelId === modelId
            ? `${modelName(status.models, modelId)} is installed and chosen for transcription.`
            : `${modelName(status.models, modelId)} is installed. Choose Use to transcribe with it.`,
        (error) => (cancelRequested.current ? { tag: 'cancelled', message: DOWNLOAD_CANCELLED_MESSAGE } : { tag: 'failed', message: error }),
      );
    },
    [bridge, finish],
  );

  const cancelDownload = useCallback(() => {
    cancelRequested.current = true;
    bridge.cancelSpeechModelDownload().catch((error: unknown) => {
      if (mounted.current) setState({ tag: 'failed', message: messageOf(error) });
    });
  }, [bridge]);

  const importFrom = useCallback(
    (kind: 'folder' | 'archive') => {
      bridge.chooseSpeechModelSource(kind).then(
        (path) => {
          if (path === null || !mounted.current) return;
          setState({ tag: 'busy', action: 'import', modelId: null });
          const readyBefore = new Set((latestStatus.current?.models ?? []).filter((model) => model.state === 'ready').map((model) => model.id));
          finish(bridge.importSpeechModel(path), (after) => {
            const added = after.models.find((model) => model.state === 'ready' && !readyBefore.has(model.id));
            if (!added) return 'Imported.';
            return after.selectedModelId === added.id ? `Imported ${added.name} and chose it for transcription.` : `Imported ${added.name}. Choose Use to transcribe with it.`;
          });
        },
        (error: unknown) => {
          if (mounted.current) setState({ tag: 'failed', message: messageOf(error) });
        },
      );
    },
    [bridge, finish],
  );

  const select = useCallback(
    (modelId: string | null) => {
      setState({ tag: 'busy', action: 'select', modelId });
      finish(bridge.selectSpeechModel(modelId), (status) =>
        modelId === null ? 'Transcription is off. Calls are still analysed for timing.' : `Chose ${modelName(status.models, modelId)} for transcription.`,
      );
    },
    [bridge, finish],
  );

  return { state, download, cancelDownload, importFrom, select };
}

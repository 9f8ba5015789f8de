// The one SpeechModelsStatus the windows see: the model service's models, selection and download, the
// live recognizer's state and the background transcriber's progress, assembled on request and pushed
// as { type: 'status' } after every change. Changes come in bursts (download progress many times a
// second, a model switch touching all three parts), so pushes are coalesced: the first change schedules
// one push, later changes before it goes out ride along, and the status is read fresh when it is sent.
// Captions go out at once as { type: 'caption' }. Electron-free: the glue hands it a push function.

import type { TranscriptChannel } from '../../shared/transcript';
import type {
  BackgroundTranscriptionProgress,
  ModelDownloadProgress,
  SpeechModelInfo,
  SpeechModelsStatus,
  TranscriptionState,
  TranscriptionUpdate,
} from '../../shared/transcription';

/** The attune-model URL of the selected model, or why there is none. */
export type SelectedModelUrl = { url: string; modelId: string } | { url: null; reason: string };

/** What the status needs from the speech model service (src/main/models/speech-model-service.ts). */
export interface SpeechModelsSource {
  listModels(): Promise<SpeechModelInfo[]>;
  selectedModelId(): string | null;
  downloadProgress(): ModelDownloadProgress | null;
}

export interface SpeechStatusDeps {
  models: SpeechModelsSource;
  liveState(): TranscriptionState;
  backgroundProgress(): BackgroundTranscriptionProgress;
  push(update: TranscriptionUpdate): void;
  /** Runs `run` after `delayMs`; returns a cancel function. Default: setTimeout. */
  schedule?: (run: () => void, delayMs: number) => () => void;
  /** How long changes are gathered into one push. Default COALESCE_MS. */
  coalesceMs?: number;
  logError?: (message: string, error: unknown) => void;
}

export interface SpeechStatus {
  /** The status now. */
  current(): Promise<SpeechModelsStatus>;
  /** Something in the status changed: a push follows (coalesced). */
  changed(): void;
  /** The live caption line of one channel, pushed at once ('' clears it). */
  caption(channel: TranscriptChannel, text: string, final: boolean): void;
  /** Cancels a pending push and waits for one being read; nothing is pushed afterwards. */
  dispose(): Promise<void>;
}

/** Gathering window for status pushes (ms): download progress is smooth at 4 pushes a second. */
export const COALESCE_MS = 250;

export function createSpeechStatus(deps: SpeechStatusDeps): SpeechStatus {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const schedule =
    deps.schedule ??
    ((run: () => void, delayMs: number) => {
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    });
  const coalesceMs = deps.coalesceMs ?? COALESCE_MS;
  let cancelPending: (() => void) | null = null;
  let disposed = false;
  // Pushes are sent in order: a slow listModels for one push must not let an older status overtake a newer one.
  let sending: Promise<void> = Promise.resolve();

  const current = async (): Promise<SpeechModelsStatus> => ({
    models: await deps.models.listModels(),
    selectedModelId: deps.models.selectedModelId(),
    download: deps.models.downloadProgress(),
    transcription: deps.liveState(),
    background: deps.backgroundProgress(),
  });

  const pushNow = (): void => {
    cancelPending = null;
    sending = sending
      .then(async () => {
        // The library may be closing: a push due after dispose reads nothing.
        if (disposed) return;
        const status = await current();
        if (!disposed) deps.push({ type: 'status', status });
      })
      .catch((error: unknown) => logError('attune: reading the speech model status failed', error));
  };

  return {
    current,
    changed() {
      if (disposed || cancelPending !== null) return;
      cancelPending = schedule(pushNow, coalesceMs);
    },
    caption(channel, text, final) {
      if (!disposed) deps.push({ type: 'caption', channel, text, final });
    },
    async dispose() {
      disposed = true;
      cancelPending?.();
      cancelPending = null;
      await sending;
    },
  };
}

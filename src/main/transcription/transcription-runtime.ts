// Everything transcription needs, put together once for the app (src/main/index.ts) and the e2e
// harness alike: the transcript service, the speech model service, the live recognizer, the background
// transcriber of stored calls, and the status the windows see. It also fans the live call's lifecycle
// out to them: the live recognizer (which tells the transcript service in step with its own flushes, so
// the live words wait for the call's id) and the background transcriber (paused while a call runs).
// Electron-free: recognizer pages are opened by the injected OpenRecognizer, updates go out through
// the injected push function.

import type { TranscriptCue } from '../../shared/transcript';
import type { TranscriptionUpdate } from '../../shared/transcription';
import type { Library } from '../library/library';
import type { ModelManifest } from '../models/model-manifest';
import { createSpeechModelService, type SpeechModelService } from '../models/speech-model-service';
import type { TranscriptionServices } from '../ipc/attune-handlers';
import type { LiveCallLifecycleListener } from '../services/live-call-service';
import { createTranscriptService, type TranscriptService } from '../services/transcript-service';
import { createBackgroundTranscriber, type BackgroundTranscriber } from './background-transcriber';
import { createLiveTranscription, type LiveTranscription } from './live-transcription';
import type { OpenRecognizer } from './recognizer-link';
import { createSpeechStatus, type SelectedModelUrl, type SpeechStatus } from './speech-status';

export interface TranscriptionRuntimeDeps {
  library: Library;
  /** The library folder (models live in <dataDir>/models/). */
  dataDir: string;
  manifest: ModelManifest;
  openRecognizer: OpenRecognizer;
  /** Sends a transcription update to every window. */
  push(update: TranscriptionUpdate): void;
  /** A settled live transcript cue (the live call turns some into cards). */
  onCue(cue: TranscriptCue): void;
  /** For model downloads; default: the global fetch. */
  fetch?: typeof fetch;
  logError?: (message: string, error: unknown) => void;
}

export interface TranscriptionRuntime extends TranscriptionServices {
  transcripts: TranscriptService;
  speechModels: SpeechModelService;
  liveTranscription: LiveTranscription;
  background: BackgroundTranscriber;
  speechStatus: SpeechStatus;
  /** Pass to createLiveCallService as its lifecycle listener. */
  lifecycle: LiveCallLifecycleListener;
  /** Hands a frame-port message to the live recognizer (the live call gets the same message). */
  handleFrames(data: unknown): void;
  /** Loads the selected model, if any. Call once at start. */
  start(): Promise<void>;
  /** Closes the recognizers and stops background work; pending transcript words are written. */
  dispose(): Promise<void>;
}

/** Two model answers mean the same recognizer setup. */
function sameModel(a: SelectedModelUrl | null, b: SelectedModelUrl): boolean {
  if (a === null) return false;
  if (a.url === null || b.url === null) return a.url === b.url;
  return a.url === b.url && a.modelId === b.modelId;
}

export function createTranscriptionRuntime(deps: TranscriptionRuntimeDeps): TranscriptionRuntime {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const { library } = deps;
  let callLive = false;
  let disposed = false;
  /**
   * The model the live recognizer was ready with from the current call's start, or null once it was
   * not (then the stored call's live transcript is partial and background transcription redoes it).
   */
  let liveCoverage: { modelId: string } | null = null;
  const onLiveStateChange = (): void => {
    const state = liveTranscription?.state;
    if (liveCoverage !== null && (state?.state !== 'ready' || state.modelId !== liveCoverage.modelId)) liveCoverage = null;
    speechStatus.changed();
  };

  // The status reads the other parts lazily, so it can be created first and handed to them.
  let liveTranscription: LiveTranscription | null = null;
  let background: BackgroundTranscriber | null = null;
  const speechModels: SpeechModelService = createSpeechModelService({
    dataDir: deps.dataDir,
    manifest: deps.manifest,
    db: library.db,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    onChange: () => speechStatus.changed(),
    logError,
  });
  const speechStatus = createSpeechStatus({
    models: speechModels,
    liveState: () => liveTranscription?.state ?? { state: 'off', reason: 'Transcription is starting.' },
    backgroundProgress: () => background?.progress() ?? { queuedCalls: 0, current: null, paused: true },
    push: (update) => deps.push(update),
    logError,
  });

  const transcripts = createTranscriptService({ library, logError });
  liveTranscription = createLiveTranscription({
    openRecognizer: deps.openRecognizer,
    transcripts,
    onCaption: (channel, text, final) => speechStatus.caption(channel, text, final),
    onCue: (cue) => deps.onCue(cue),
    onStateChange: onLiveStateChange,
    logError,
  });
  background = createBackgroundTranscriber({
    library,
    openRecognizer: deps.openRecognizer,
    transcripts,
    modelUrl: () => speechModels.selectedModelUrl(),
    isLiveCallRunning: () => callLive,
    onProgress: () => speechStatus.changed(),
    logError,
  });
  const live = liveTranscription;
  const queue = background;

  // The model the live recognizer was last given; a change of selection (or a failed load) reloads it.
  let appliedModel: SelectedModelUrl | null = null;
  let applying: Promise<void> = Promise.resolve();
  const applySelectedModel = (): Promise<void> => {
    applying = applying
      .then(async () => {
        if (disposed) return;
        const model = await speechModels.selectedModelUrl();
        const retry = live.state.state === 'failed';
        if (sameModel(appliedModel, model) && !retry) return;
        appliedModel = model;
        queue.modelChanged();
        await live.useModel(model);
      })
      .catch((error: unknown) => logError('attune: loading the speech model failed', error))
      .finally(() => speechStatus.changed());
    return applying;
  };

  const lifecycle: LiveCallLifecycleListener = {
    liveCallStarted() {
      callLive = true;
      liveCoverage = live.state.state === 'ready' ? { modelId: live.state.modelId } : null;
      live.liveCallStarted();
      queue.liveCallStarted();
      speechStatus.changed();
    },
    liveCallStored(callId) {
      callLive = false;
      const coverage = liveCoverage;
      liveCoverage = null;
      live.liveCallStored(callId);
      queue.liveCallStoredWithTranscript(callId, coverage === null ? { complete: false } : { complete: true, modelId: coverage.modelId });
      queue.liveCallEnded();
      speechStatus.changed();
    },
    liveCallDiscarded() {
      callLive = false;
      liveCoverage = null;
      live.liveCallDiscarded();
      queue.liveCallEnded();
      speechStatus.changed();
    },
  };

  return {
    transcripts,
    speechModels,
    liveTranscription: live,
    background: queue,
    speechStatus,
    lifecycle,
    models: speechModels,
    status: () => speechStatus.current(),
    modelChanged: () => {
      void applySelectedModel();
    },
    callState: (callId) => queue.callState(callId),
    handleFrames: (data) => live.handleFrames(data),
    start: () => applySelectedModel(),
    async dispose() {
      if (disposed) return;
      disposed = true;
      await applying;
      await Promise.allSettled([live.dispose(), queue.dispose()]);
      transcripts.dispose();
      // Last: the transcribers' final changes must not start a status read of a closing library.
      await speechStatus.dispose();
    },
  };
}

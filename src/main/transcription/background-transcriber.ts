// Transcribes stored calls in the background (recovered after a crash, imported, or recorded while no
// speech model was ready), one at a time, through a recognizer page of its own. Each call's recording is
// read from disk as 16 kHz frame blocks and fed paced by the page's sync answers, so at most a few
// seconds of audio are ever in flight; the final results go to the transcript service like live ones.
// It waits while a live call runs (the live recognizer needs the processor) and while no model is
// ready, keeping its queue; the queue also lives in the database (call_transcription), so a restart
// finds it again. The page is opened when there is work and closed when the queue is empty.
// Electron-free: the glue hands it a way to open a recognizer page.

import type { BackgroundTranscriptionProgress, CallTranscript } from '../../shared/transcription';
import type { RecognizedResult } from '../../shared/transcript';
import { RECOGNIZER_SAMPLE_RATE_HZ, type VoskFinalResult } from '../../shared/recognizer-protocol';
import { isAudioInputError } from '../audio/audio-input-error';
import type { Library } from '../library/library';
import type { TranscriptService } from '../services/transcript-service';
import {
  getRecordingPath,
  getTranscriptionState,
  listCallsToTranscribe,
  listFailedWithOtherModel,
  setTranscriptionState,
  type TranscriptionStateChange,
} from '../store/transcription-state-repository';
import { deleteTranscript } from '../store/transcripts-repository';
import { createRecognizerLink, type OpenRecognizer, type RecognizerLink, type RecognizerOutput } from './recognizer-link';
import { openRecordingFrameBlocks, type OpenRecordingFrameBlocks, type RecordingFrameBlocks } from './recording-frame-blocks';

/** The attune-model URL of the selected model, or why there is none (SpeechModelService.selectedModelUrl). */
export type ModelUrlAnswer = { url: string; modelId: string } | { url: null; reason: string };

export interface BackgroundTranscriberDeps {
  library: Library;
  openRecognizer: OpenRecognizer;
  transcripts: Pick<TranscriptService, 'handleRecognizedResult' | 'finishTranscript'>;
  modelUrl(): Promise<ModelUrlAnswer>;
  /** A live call is running now (checked before each call and each block). */
  isLiveCallRunning(): boolean;
  /** Progress changed (queue, current call, pause); fraction changes at most every PROGRESS_STEP. */
  onProgress(progress: BackgroundTranscriptionProgress): void;
  logError?: (message: string, error: unknown) => void;
  /** Opens a call's recording as frame blocks. Default: the WAV reader (openRecordingFrameBlocks). */
  openRecording?: OpenRecordingFrameBlocks;
  /** Audio sent between two syncs with the page (ms). Default SYNC_EVERY_MS. */
  syncEveryMs?: number;
  /** How long the page may take to answer a sync before the call fails (ms). Default SYNC_TIMEOUT_MS. */
  syncTimeoutMs?: number;
  /** Model load timeout handed to the page (ms); the link waits 5 s longer. Default: the protocol's. */
  loadTimeoutMs?: number;
}

export interface BackgroundTranscriber {
  /** Queues every stored call with a recording and no finished transcript; returns how many were added. */
  enqueueUntranscribed(): number;
  /** Queues one call (again): its older transcript is replaced when its turn comes. */
  enqueue(callId: number): void;
  /** The selected model changed: a new page with it; calls that failed with another model are retried. */
  modelChanged(): void;
  /** Pause between blocks while a live call runs. */
  liveCallStarted(): void;
  /** Resume after it. */
  liveCallEnded(): void;
  /**
   * A live call was stored. `complete`: the live recognizer was ready with `modelId` from the call's
   * start to its end, so its transcript is whole and the call is marked done. Otherwise the call is
   * queued, and what the live recognizer got of it is replaced.
   */
  liveCallStoredWithTranscript(callId: number, liveTranscript: { complete: true; modelId: string } | { complete: false }): void;
  progress(): BackgroundTranscriptionProgress;
  callState(callId: number): { state: CallTranscript['state']; problem: string | null };
  /** Stops after the block in flight; the call being transcribed stays queued for the next start. */
  dispose(): Promise<void>;
}

/** Audio between syncs: bounds what the page holds, and how late a pause for a live call takes hold. */
export const SYNC_EVERY_MS = 5_000;
/** A page that has not answered a sync by then is taken as stuck (Vosk runs far faster than that). */
export const SYNC_TIMEOUT_MS = 120_000;
/** Fraction changes smaller than this are not reported (a 60-min call: at most 100 reports). */
export const PROGRESS_STEP = 0.01;

export const NO_RECORDING_PROBLEM = 'This call has no recording to transcribe.';
export const RECOGNIZER_STUCK_PROBLEM = 'The speech recognizer stopped answering.';

/** An open page with its model, and how much audio it has been fed since it was created. */
interface OpenRecognizerPage {
  link: RecognizerLink;
  modelId: string;
  /** Samples per channel sent since the page was created (Vosk's word times count from there). */
  samplesFed: number;
}

/** failed: modelId is the model that was used, or null when the recording was the problem. */
type CallOutcome = { tag: 'done' } | { tag: 'failed'; problem: string; modelId: string | null } | { tag: 'stopped' };

/** Feeding stopped because the transcriber is being disposed. */
class Stop extends Error {}

/** The page stopped a call: an error it reported, or it stopped answering. */
class PageProblem extends Error {}

export function createBackgroundTranscriber(deps: BackgroundTranscriberDeps): BackgroundTranscriber {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const openRecording = deps.openRecording ?? openRecordingFrameBlocks;
  const syncEverySamples = ((deps.syncEveryMs ?? SYNC_EVERY_MS) * RECOGNIZER_SAMPLE_RATE_HZ) / 1000;
  const syncTimeoutMs = deps.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
  const { db } = deps.library;

  const queue: number[] = [];
  let current: { callId: number; fraction: number } | null = null;
  let liveRunning = false;
  /** Why the queue waits for a model (none selected, or it would not load); null: try. */
  let waitingForModel: string | null = null;
  let page: OpenRecognizerPage | null = null;
  /** A page being opened or loaded, so dispose can close it. */
  let opening: RecognizerLink | null = null;
  let modelStale = false;
  let running: Promise<void> | null = null;
  let pendingModelCheck: Promise<void> = Promise.resolve();
  let disposed = false;
  const wakeUps = new Set<() => void>();
  let lastReported: BackgroundTranscriptionProgress | null = null;

  const isLive = (): boolean => liveRunning || deps.isLiveCallRunning();

  function progress(): BackgroundTranscriptionProgress {
    const busy = queue.length > 0 || current !== null;
    return {
      queuedCalls: queue.length,
      current: current === null ? null : { ...current },
      paused: busy && (isLive() || waitingForModel !== null),
    };
  }

  function report(): void {
    const now = progress();
    const before = lastReported;
    const same =
      before !== null &&
      before.queuedCalls === now.queuedCalls &&
      before.paused === now.paused &&
      before.current?.callId === now.current?.callId &&
      (now.current === null || (now.current.fraction < 1 && Math.abs(now.current.fraction - (before.current?.fraction ?? 0)) < PROGRESS_STEP));
    if (same) return;
    lastReported = now;
    try {
      deps.onProgress(now);
    } catch (error) {
      logError('attune: reporting background transcription progress failed', error);
    }
  }

  function wake(): void {
    for (const resolve of [...wakeUps]) resolve();
    wakeUps.clear();
  }

  /** Resolves at the next liveCallEnded, modelChanged or dispose. */
  function nextWakeUp(): Promise<void> {
    return new Promise((resolve) => wakeUps.add(resolve));
  }

  /** Records a state; a call deleted meanwhile (its row went with it) is no error. */
  function record(callId: number, change: TranscriptionStateChange): void {
    try {
      setTranscriptionState(db, callId, change);
    } catch (error) {
      if (getRecordingPath(db, callId) !== undefined) logError(`attune: recording the transcription state of call ${callId} failed`, error);
    }
  }

  function closePage(): void {
    page?.link.close();
    page = null;
  }

  /**
   * The page with the selected model, opened and loaded if need be; null when none can be had now
   * (waitingForModel says why), or when the model changed meanwhile (waitingForModel null: try again).
   */
  async function recognizerPage(): Promise<OpenRecognizerPage | null> {
    if (page !== null && !modelStale) return page;
    closePage();
    modelStale = false;
    const unlessChanged = (reason: string): null => {
      waitingForModel = modelStale ? null : reason;
      return null;
    };
    let model: ModelUrlAnswer;
    try {
      model = await deps.modelUrl();
    } catch (error) {
      logError('attune: finding the speech model for background transcription failed', error);
      model = { url: null, reason: 'The speech model could not be found.' };
    }
    if (model.url === null) return unlessChanged(model.reason);
    let link: RecognizerLink;
    try {
      const port = await deps.openRecognizer('background');
      link = createRecognizerLink(port);
    } catch (error) {
      logError('attune: opening a recognizer for background transcription failed', error);
      return unlessChanged('The speech recognizer could not be opened.');
    }
    if (disposed) {
      link.close();
      return null;
    }
    opening = link;
    try {
      await link.load(model.url, deps.loadTimeoutMs);
    } catch (error) {
      link.close();
      if (!disposed) logError(`attune: background transcription cannot load the speech model ${model.modelId}`, error);
      return unlessChanged(error instanceof Error ? error.message : String(error));
    } finally {
      opening = null;
    }
    if (disposed) {
      link.close();
      return null;
    }
    waitingForModel = null;
    page = { link, modelId: model.modelId, samplesFed: 0 };
    return page;
  }

  function enqueueIds(callIds: readonly number[]): number {
    // A set: a library of thousands of untranscribed calls is queued at once.
    const known = new Set(queue);
    if (current !== null) known.add(current.callId);
    let added = 0;
    for (const callId of callIds) {
      if (known.has(callId)) continue;
      known.add(callId);
      queue.push(callId);
      added += 1;
    }
    return added;
  }

  function start(): void {
    if (disposed || running !== null || queue.length === 0 || waitingForModel !== null) return;
    running = work()
      .catch((error: unknown) => logError('attune: background transcription stopped on an unexpected error', error))
      .finally(() => {
        running = null;
        // Calls queued while the loop was closing down.
        start();
      });
  }

  async function work(): Promise<void> {
    while (!disposed && queue.length > 0) {
      if (isLive()) {
        report();
        await nextWakeUp();
        continue;
      }
      const recognizer = await recognizerPage();
      if (recognizer === null) {
        // The model changed while the old one was tried: try the new one.
        if (waitingForModel === null) continue;
        report();
        return;
      }
      const callId = queue.shift();
      if (callId === undefined) break;
      current = { callId, fraction: 0 };
      report();
      await transcribe(callId, recognizer);
      // Closed before the idle report, so whoever waits for it finds the page gone.
      if (queue.length === 0 && !disposed) closePage();
      current = null;
      report();
    }
    if (!disposed) closePage();
    report();
  }

  async function transcribe(callId: number, recognizer: OpenRecognizerPage): Promise<void> {
    const path = getRecordingPath(db, callId);
    if (path === undefined) return; // deleted while it waited
    if (path === null) {
      record(callId, { state: 'failed', modelId: null, problem: NO_RECORDING_PROBLEM });
      return;
    }
    record(callId, { state: 'running', modelId: recognizer.modelId });
    let recording: RecordingFrameBlocks;
    try {
      recording = await openRecording(path);
    } catch (error) {
      record(callId, { state: 'failed', modelId: null, problem: problemOf(error, callId) });
      return;
    }
    let outcome: CallOutcome;
    try {
      outcome = await feed(callId, recognizer, recording);
    } finally {
      await recording.close().catch((error: unknown) => logError(`attune: closing the recording of call ${callId} failed`, error));
    }
    // Words held back (a number that might go on) are written now, also when the call stops half-way.
    deps.transcripts.finishTranscript(callId);
    switch (outcome.tag) {
      case 'done':
        record(callId, { state: 'done', modelId: recognizer.modelId });
        return;
      case 'failed':
        // The page may hold half of this call, which must not run into the next one: a fresh page.
        closePage();
        // Half a transcript would make a misleading scorecard; the call is redone when queued again.
        deleteTranscriptQuietly(callId);
        record(callId, { state: 'failed', modelId: outcome.modelId, problem: outcome.problem });
        return;
      case 'stopped':
        record(callId, { state: 'queued' });
        return;
      default: {
        const unknown: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Feeds one recording through the page and hands its final results to the transcript service. */
  async function feed(callId: number, recognizer: OpenRecognizerPage, recording: RecordingFrameBlocks): Promise<CallOutcome> {
    const { link } = recognizer;
    // Vosk counts word times from the recognizer's creation, across resets: this call starts here.
    const startSeconds = recognizer.samplesFed / RECOGNIZER_SAMPLE_RATE_HZ;
    let pageProblem: string | null = null;
    let failNow: (problem: string) => void = () => undefined;
    const pageFailed = new Promise<never>((_, reject) => {
      failNow = (problem) => reject(new PageProblem(problem));
    });
    pageFailed.catch(() => undefined);
    const offOutput = link.onOutput((output: RecognizerOutput) => {
      if (output.type !== 'final') return;
      deps.transcripts.handleRecognizedResult(callId, toRecognizedResult(output.channel, output.result, startSeconds));
    });
    const offError = link.onError((message) => {
      pageProblem ??= message;
      failNow(message);
    });
    const syncWithPage = async (): Promise<void> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stuck = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PageProblem(RECOGNIZER_STUCK_PROBLEM)), syncTimeoutMs);
      });
      try {
        await Promise.race([link.sync(), pageFailed, stuck]);
      } finally {
        clearTimeout(timer);
      }
    };

    try {
      // A call transcribed before (in part, or with another model) starts afresh.
      deleteTranscript(db, callId);
      let samplesSinceSync = 0;
      for await (const { block, endMs } of recording.blocks()) {
        while (isLive() && !disposed) {
          report();
          await nextWakeUp();
        }
        if (disposed) throw new Stop();
        if (pageProblem !== null) throw new PageProblem(pageProblem);
        const samples = block.byteLength / 4;
        link.sendFrames(block);
        recognizer.samplesFed += samples;
        samplesSinceSync += samples;
        if (samplesSinceSync >= syncEverySamples) {
          await syncWithPage();
          samplesSinceSync = 0;
        }
        if (current !== null) current.fraction = recording.durationMs > 0 ? Math.min(1, endMs / recording.durationMs) : 1;
        report();
      }
      if (disposed) throw new Stop();
      // The last words: flushed by the reset, and out before the sync that follows it is answered.
      link.reset();
      await syncWithPage();
      if (pageProblem !== null) throw new PageProblem(pageProblem);
      if (current !== null) current.fraction = 1;
      return { tag: 'done' };
    } catch (error) {
      if (disposed || error instanceof Stop) return { tag: 'stopped' };
      if (error instanceof PageProblem) return { tag: 'failed', problem: error.message, modelId: recognizer.modelId };
      // The recording broke off half-way (truncated, or gone while read).
      if (isAudioInputError(error)) return { tag: 'failed', problem: error.message, modelId: null };
      // The page was closed under us, or a bug.
      return { tag: 'failed', problem: problemOf(error, callId), modelId: recognizer.modelId };
    } finally {
      offOutput();
      offError();
    }
  }

  function deleteTranscriptQuietly(callId: number): void {
    try {
      deleteTranscript(db, callId);
    } catch (error) {
      logError(`attune: removing the partial transcript of call ${callId} failed`, error);
    }
  }

  function enqueue(callId: number): void {
    if (disposed || queue.includes(callId) || current?.callId === callId) return;
    try {
      setTranscriptionState(db, callId, { state: 'queued' });
    } catch (error) {
      logError(`attune: call ${callId} cannot be queued for transcription`, error);
      return;
    }
    enqueueIds([callId]);
    report();
    start();
  }

  function problemOf(error: unknown, callId: number): string {
    if (isAudioInputError(error)) return error.message;
    logError(`attune: background transcription of call ${callId} failed`, error);
    const message = error instanceof Error ? error.message : String(error);
    return `Transcription failed: ${message}`;
  }

  return {
    enqueueUntranscribed() {
      if (disposed) return 0;
      let callIds: number[];
      try {
        callIds = listCallsToTranscribe(db);
      } catch (error) {
        logError('attune: finding calls to transcribe failed', error);
        return 0;
      }
      const added = enqueueIds(callIds);
      report();
      start();
      return added;
    },

    enqueue,

    modelChanged() {
      if (disposed) return;
      modelStale = true;
      waitingForModel = null;
      wake();
      pendingModelCheck = pendingModelCheck
        .then(async () => {
          const model = await deps.modelUrl();
          if (model.url !== null && !disposed) enqueueIds(listFailedWithOtherModel(db, model.modelId));
        })
        .catch((error: unknown) => logError('attune: finding calls to retry with the new speech model failed', error))
        .finally(() => {
          report();
          start();
        });
    },

    liveCallStarted() {
      liveRunning = true;
      report();
    },

    liveCallEnded() {
      liveRunning = false;
      wake();
      report();
      start();
    },

    liveCallStoredWithTranscript(callId, liveTranscript) {
      if (disposed) return;
      if (liveTranscript.complete) record(callId, { state: 'done', modelId: liveTranscript.modelId });
      else enqueue(callId);
    },

    progress,

    callState(callId) {
      if (current?.callId === callId) return { state: 'running', problem: null };
      if (queue.includes(callId)) return { state: 'queued', problem: null };
      const row = getTranscriptionState(db, callId);
      if (row === null) return { state: 'none', problem: null };
      // 'running' in the table but not here: the app stopped during it; it is redone when queued again.
      return { state: row.state === 'running' ? 'queued' : row.state, problem: row.problem };
    },

    async dispose() {
      if (disposed) return;
      disposed = true;
      wake();
      opening?.close();
      closePage();
      await pendingModelCheck;
      await running;
    },
  };
}

/** A final result for the transcript service, with word times from the call's own start. */
function toRecognizedResult(channel: RecognizedResult['channel'], result: VoskFinalResult, startSeconds: number): RecognizedResult {
  if (result.result === undefined) return { channel, text: result.text };
  return {
    channel,
    text: result.text,
    result: result.result.map((word) => ({
      word: word.word,
      start: Math.max(0, word.start - startSeconds),
      end: Math.max(0, word.end - startSeconds),
      conf: word.conf,
    })),
  };
}

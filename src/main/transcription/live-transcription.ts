// Live transcription: the live call's frame blocks also go to a recognizer page, whose results become
// the live call's transcript (through the transcript service), caption lines and settled transcript
// cues (which the live call turns into cards). Transcription is an extra: a missing model, a failed load,
// a recognizer error, a crashed or hopelessly slow page only change the state and drop frames — the
// live call and its timing metrics go on untouched. Electron-free: the glue hands it an opener for the
// recognizer page and the frame-port messages.
//
// Times: Vosk's word times count from the first sample its recognizer was given, across calls (a reset
// finalizes but does not restart the clock), and a model may become ready part-way through a call. So
// each call records, at the first block it feeds, how far the call and the recognizer each are, and
// shifts every word by the difference into call time (the live session's elapsed audio).
//
// End of a call: the recognizer is reset and synced so the last words are out before the next call's
// first block is sent; the transcript service's lifecycle calls run in the same order, so a late result
// of a stored call goes to that call (the service's 'stored' state) and never to the next one.

import type { TranscriptionState } from '../../shared/transcription';
import type { TranscriptChannel, TranscriptCue, TranscriptWord } from '../../shared/transcript';
import {
  RECOGNIZER_CHANNELS,
  RECOGNIZER_SAMPLE_RATE_HZ,
  frameBlockProblem,
  type VoskFinalResult,
} from '../../shared/recognizer-protocol';
import { decodeFrameBlock } from '../live/frame-block';
import type { LiveCallLifecycleListener } from '../services/live-call-service';
import { recognizedResultSchema, wordsOfResult } from '../services/recognized-result-schema';
import type { TranscriptService } from '../services/transcript-service';
import { createLiveCueTracker, type LiveCueOptions, type LiveCueTracker } from '../transcript/live-cues';
import { createRecognizerLink, type OpenRecognizer, type RecognizerLink, type RecognizerOutput } from './recognizer-link';

export interface LiveTranscriptionDeps {
  openRecognizer: OpenRecognizer;
  transcripts: Pick<TranscriptService, 'handleRecognizedResult' | 'finishTranscript' | 'liveCallStarted' | 'liveCallStored' | 'liveCallDiscarded'>;
  /** The caption line of one channel: words in progress (final false) or just finalized ('' clears it). */
  onCaption(channel: TranscriptChannel, text: string, final: boolean): void;
  /** A transcript cue of the live call, once the words around it are final. */
  onCue(cue: TranscriptCue): void;
  onStateChange(state: TranscriptionState): void;
  logError?: (message: string, error: unknown) => void;
  /** Wall time (ms) the end of a call waits for the recognizer's last words before giving up on it. Default 10 000. */
  flushTimeoutMs?: number;
  /** Audio (ms) fed between two syncs, which release settled cues and show the recognizer keeps up. Default 1 000. */
  syncEveryMs?: number;
  /** The recognizer is given up on when a sync is still unanswered after this much more audio (ms). Default 30 000. */
  maxLagMs?: number;
  /** Options of the live cue tracker (settle time, detector options). */
  cueOptions?: LiveCueOptions;
}

export interface LiveTranscription extends LiveCallLifecycleListener {
  /** (Re)loads the recognizer with this model, or turns transcription off with the reason. */
  useModel(model: { url: string; modelId: string } | { url: null; reason: string }): Promise<void>;
  /** The same frame-port message the live call gets; ignored unless a call is live and the recognizer ready. */
  handleFrames(data: unknown): void;
  readonly state: TranscriptionState;
  /** Waits for a call's last words (bounded by flushTimeoutMs), then closes the recognizer. */
  dispose(): Promise<void>;
}

export const NO_MODEL_YET_REASON = 'No speech model is selected.';
export const RECOGNIZER_SILENT_MESSAGE = 'The speech recognizer stopped answering; the call goes on without transcription.';

const SAMPLES_PER_MS = RECOGNIZER_SAMPLE_RATE_HZ / 1_000;

interface Recognizer {
  modelId: string;
  url: string;
  /** Null while the page is being opened. */
  link: RecognizerLink | null;
  ready: boolean;
  failed: boolean;
  /** Samples per channel sent to this recognizer since it was loaded (Vosk's clock). */
  fedSamples: number;
  fedAtLastSync: number;
  /** Vosk-clock positions of the syncs not yet answered, oldest first. */
  unansweredSyncs: number[];
  /** The call whose blocks this recognizer was given last: its results belong to that call. */
  fedCall: LiveCall | null;
}

interface LiveCall {
  /** Frames go to the recognizer (false until the previous call's last words are out, and after the end). */
  feeding: boolean;
  ended: boolean;
  discarded: boolean;
  /** Samples per channel of every valid block since the call started: the live session's clock. */
  callSamples: number;
  /** Call sample = recognizer sample + shiftSamples, for the recognizer that was fed this call. */
  shift: { recognizer: Recognizer; shiftSamples: number } | null;
  tracker: LiveCueTracker;
  /** The channel's words in progress as last reported ('' when none). */
  partial: Record<TranscriptChannel, string>;
  /** Call time (ms) up to which the channel's words are final. */
  finalUpToMs: Record<TranscriptChannel, number>;
  captionShown: boolean;
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}

export function createLiveTranscription(deps: LiveTranscriptionDeps): LiveTranscription {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const flushTimeoutMs = deps.flushTimeoutMs ?? 10_000;
  const syncEverySamples = (deps.syncEveryMs ?? 1_000) * SAMPLES_PER_MS;
  const maxLagSamples = (deps.maxLagMs ?? 30_000) * SAMPLES_PER_MS;

  let state: TranscriptionState = { state: 'off', reason: NO_MODEL_YET_REASON };
  let recognizer: Recognizer | null = null;
  let call: LiveCall | null = null;
  let disposed = false;
  // Lifecycle steps (the transcript service's calls and end-of-call flushes) run one after another.
  let steps: Promise<void> = Promise.resolve();

  function setState(next: TranscriptionState): void {
    state = next;
    try {
      deps.onStateChange(next);
    } catch (error) {
      logError('attune: reporting the transcription state failed', error);
    }
  }

  function enqueue(what: string, step: () => void | Promise<void>): void {
    steps = steps.then(step).catch((error: unknown) => logError(`attune: live transcription ${what} failed`, error));
  }

  /** A listener of ours that throws must not reach the recognizer link or the frame port. */
  function tell(what: string, listener: () => void): void {
    try {
      listener();
    } catch (error) {
      logError(`attune: live transcription could not deliver a ${what}`, error);
    }
  }

  /** The recognizer is given up on (error, silence, lag): logged once, frames dropped from now on. */
  function fail(target: Recognizer, message: string, error: unknown = null): void {
    if (target !== recognizer || target.failed) return;
    target.failed = true;
    target.ready = false;
    logError(`attune: live transcription stopped: ${message}`, error);
    setState({ state: 'failed', modelId: target.modelId, message });
    target.link?.close();
  }

  function closeRecognizer(): void {
    const closing = recognizer;
    recognizer = null;
    closing?.link?.close();
  }

  function caption(channel: TranscriptChannel, text: string, final: boolean): void {
    if (call === null) return;
    call.captionShown = true;
    tell('caption', () => deps.onCaption(channel, text, final));
  }

  function releaseCues(target: LiveCall, words: TranscriptWord[]): void {
    const finalUpToMs = Math.min(...RECOGNIZER_CHANNELS.map((channel) => target.finalUpToMs[channel]));
    for (const cue of target.tracker.push(words, finalUpToMs)) tell('transcript cue', () => deps.onCue(cue));
  }

  function handleFinal(source: Recognizer, target: LiveCall, channel: TranscriptChannel, result: VoskFinalResult): void {
    const shiftSeconds = target.shift !== null && target.shift.recognizer === source ? target.shift.shiftSamples / RECOGNIZER_SAMPLE_RATE_HZ : 0;
    const shifted = {
      channel,
      text: result.text,
      ...(result.result === undefined
        ? {}
        : { result: result.result.map((w) => ({ word: w.word, start: w.start + shiftSeconds, end: w.end + shiftSeconds, conf: w.conf })) }),
    };
    // A discarded call's last words go nowhere; a stored call's reach it through the service's 'live'
    // target. A final without words (Vosk's answer to silence) is nothing to store.
    if (!target.discarded && (shifted.result?.length ?? 0) > 0) deps.transcripts.handleRecognizedResult('live', shifted);
    if (target.ended) return;
    const hadPartial = target.partial[channel] !== '';
    target.partial[channel] = '';
    if (result.text !== '' || hadPartial) caption(channel, result.text, true);
    const parsed = recognizedResultSchema.safeParse(shifted);
    const words = parsed.success ? wordsOfResult(parsed.data) : [];
    const lastWord = words.at(-1);
    if (lastWord !== undefined) target.finalUpToMs[channel] = Math.max(target.finalUpToMs[channel], lastWord.endMs);
    releaseCues(target, words);
  }

  function handleOutput(source: Recognizer, output: RecognizerOutput): void {
    if (source !== recognizer) return;
    const target = source.fedCall;
    if (target === null) return;
    switch (output.type) {
      case 'final':
        handleFinal(source, target, output.channel, output.result);
        return;
      case 'partial':
        if (target.ended) return;
        target.partial[output.channel] = output.text;
        caption(output.channel, output.text, false);
        return;
      default: {
        const unreachable: never = output;
        throw new Error(`unhandled recognizer output ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** A sync answered: a channel with nothing in progress is final up to the audio sent before it. */
  function syncAnswered(source: Recognizer, target: LiveCall, fedAtSync: number): void {
    source.unansweredSyncs.shift();
    if (target.ended || target.shift === null || target.shift.recognizer !== source) return;
    const callMs = (fedAtSync + target.shift.shiftSamples) / SAMPLES_PER_MS;
    for (const channel of RECOGNIZER_CHANNELS) {
      if (target.partial[channel] === '') target.finalUpToMs[channel] = Math.max(target.finalUpToMs[channel], callMs);
    }
    releaseCues(target, []);
  }

  function requestSync(source: Recognizer, target: LiveCall): void {
    if (source.link === null) return;
    const fedAtSync = source.fedSamples;
    source.fedAtLastSync = fedAtSync;
    source.unansweredSyncs.push(fedAtSync);
    source.link.sync().then(
      () => syncAnswered(source, target, fedAtSync),
      () => undefined, // closed: the recognizer was replaced or given up on
    );
  }

  /** Resets the recognizer after a call it was fed and waits (bounded) for the last words. */
  async function flush(target: LiveCall): Promise<void> {
    const source = recognizer;
    if (source === null || !source.ready || source.link === null || source.fedCall !== target) return;
    source.link.reset();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silent = new Promise<'silent'>((resolve) => {
      timer = setTimeout(() => resolve('silent'), flushTimeoutMs);
    });
    const answered = source.link.sync().then(
      () => 'answered' as const,
      () => 'closed' as const,
    );
    const outcome = await Promise.race([answered, silent]);
    clearTimeout(timer);
    if (outcome === 'silent') fail(source, RECOGNIZER_SILENT_MESSAGE);
  }

  function endCall(outcome: { stored: true; callId: number } | { stored: false }): void {
    const ended = call;
    call = null;
    if (ended !== null) {
      ended.feeding = false;
      ended.ended = true;
      ended.discarded = !outcome.stored;
      if (ended.captionShown) {
        for (const channel of RECOGNIZER_CHANNELS) tell('caption', () => deps.onCaption(channel, '', false));
      }
    }
    enqueue('at the end of a call', async () => {
      if (outcome.stored) deps.transcripts.liveCallStored(outcome.callId);
      else deps.transcripts.liveCallDiscarded();
      if (ended !== null) await flush(ended);
      if (outcome.stored) deps.transcripts.finishTranscript(outcome.callId);
    });
  }

  function forward(target: LiveCall, block: ArrayBuffer, blockStartSample: number, samples: number): void {
    const source = recognizer;
    if (!target.feeding || source === null || !source.ready || source.failed || source.link === null) return;
    const oldestUnanswered = source.unansweredSyncs[0];
    if (oldestUnanswered !== undefined && source.fedSamples - oldestUnanswered > maxLagSamples) {
      fail(source, `The speech recognizer fell more than ${Math.round(maxLagSamples / SAMPLES_PER_MS / 1_000)} s behind the call; the call goes on without transcription.`);
      return;
    }
    if (target.shift === null || target.shift.recognizer !== source) {
      target.shift = { recognizer: source, shiftSamples: blockStartSample - source.fedSamples };
      source.fedCall = target;
      source.fedAtLastSync = source.fedSamples;
    }
    source.link.sendFrames(block);
    source.fedSamples += samples;
    if (source.fedSamples - source.fedAtLastSync >= syncEverySamples) requestSync(source, target);
  }

  return {
    get state() {
      return state;
    },

    async useModel(model) {
      if (disposed) return;
      if (model.url === null) {
        closeRecognizer();
        setState({ state: 'off', reason: model.reason });
        return;
      }
      if (recognizer !== null && recognizer.url === model.url && !recognizer.failed) return;
      closeRecognizer();
      const loading: Recognizer = {
        modelId: model.modelId,
        url: model.url,
        link: null,
        ready: false,
        failed: false,
        fedSamples: 0,
        fedAtLastSync: 0,
        unansweredSyncs: [],
        fedCall: null,
      };
      recognizer = loading;
      setState({ state: 'loading', modelId: model.modelId });
      let link: RecognizerLink;
      try {
        link = createRecognizerLink(await deps.openRecognizer('live'));
      } catch (error) {
        fail(loading, `The speech recognizer could not be started: ${oneLine(error)}`, error);
        return;
      }
      if (recognizer !== loading) {
        link.close();
        return;
      }
      loading.link = link;
      link.onOutput((output) => handleOutput(loading, output));
      link.onError((message) => fail(loading, message));
      try {
        await link.load(model.url);
      } catch (error) {
        fail(loading, oneLine(error), error);
        return;
      }
      if (recognizer !== loading || loading.failed) return;
      loading.ready = true;
      setState({ state: 'ready', modelId: model.modelId });
    },

    handleFrames(data) {
      const target = call;
      if (target === null) return;
      const decoded = decodeFrameBlock(data);
      if (!decoded.ok) return; // the live call service reports malformed messages
      const samples = decoded.agent.length;
      const blockStartSample = target.callSamples;
      target.callSamples += samples;
      // The page takes an ArrayBuffer holding exactly the block; Electron may hand over a view.
      const block = data instanceof ArrayBuffer ? data : new Int16Array(decoded.agent.buffer, decoded.agent.byteOffset, 2 * samples).slice().buffer;
      if (frameBlockProblem(block) !== null) return;
      try {
        forward(target, block, blockStartSample, samples);
      } catch (error) {
        if (recognizer !== null) fail(recognizer, `Sending audio to the speech recognizer failed: ${oneLine(error)}`, error);
      }
    },

    liveCallStarted() {
      if (call !== null) endCall({ stored: false });
      const started: LiveCall = {
        feeding: false,
        ended: false,
        discarded: false,
        callSamples: 0,
        shift: null,
        tracker: createLiveCueTracker(deps.cueOptions),
        partial: { agent: '', customer: '' },
        finalUpToMs: { agent: 0, customer: 0 },
        captionShown: false,
      };
      call = started;
      enqueue('at the start of a call', () => {
        deps.transcripts.liveCallStarted();
        if (!started.ended) started.feeding = true;
      });
    },

    liveCallStored(callId) {
      endCall({ stored: true, callId });
    },

    liveCallDiscarded() {
      endCall({ stored: false });
    },

    async dispose() {
      disposed = true;
      await steps;
      closeRecognizer();
    },
  };
}

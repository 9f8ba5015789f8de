// The recognizer page's state: at most one model, one KaldiRecognizer per channel with word timings on,
// frames in, results out. Everything it says goes through `emit`, so the page's only output is the
// typed RecognizerEvent stream. A sync is answered once each channel's recognizer has answered
// everything sent before it: vosk-browser answers each acceptWaveform and each retrieveFinalResult with
// exactly one message (result or partialresult; error when it failed), so counting those is enough.

import {
  DEFAULT_MODEL_LOAD_TIMEOUT_MS,
  RECOGNIZER_CHANNELS,
  RECOGNIZER_SAMPLE_RATE_HZ,
  parseRecognizerRequest,
  splitFrameBlock,
  type RecognizerChannel,
  type RecognizerEvent,
  type RecognizerRequest,
  type VoskFinalResult,
} from '../../../shared/recognizer-protocol';

/** What a vosk-browser recognizer sends (its ServerMessage shapes, as far as this page reads them). */
export type VoskRecognizerMessage =
  | { event: 'result'; recognizerId: string; result: VoskFinalResult }
  | { event: 'partialresult'; recognizerId: string; result: { partial: string } }
  | { event: 'error'; recognizerId?: string; error: string };

/** The part of a vosk-browser KaldiRecognizer this page uses. */
export interface ChannelRecognizer {
  setWords(words: boolean): void;
  on(event: VoskRecognizerMessage['event'], listener: (message: VoskRecognizerMessage) => void): void;
  acceptWaveformFloat(buffer: Float32Array, sampleRate: number): void;
  retrieveFinalResult(): void;
}

/**
 * The part of vosk-browser's Model this page uses; structural, so this file stays free of the library
 * (and of DOM types) and the session can be driven by a stand-in in a Node test.
 */
export interface LoadedModel {
  KaldiRecognizer: new (sampleRate: number) => ChannelRecognizer;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; model: LoadedModel; recognizers: Record<RecognizerChannel, ChannelRecognizer> }
  | { kind: 'failed' };

export interface RecognizerSessionDeps {
  emit(event: RecognizerEvent): void;
  loadModel(url: string, timeoutMs: number): Promise<LoadedModel>;
}

export function createRecognizerSession(deps: RecognizerSessionDeps): { handle(data: unknown): void } {
  let state: State = { kind: 'idle' };
  // Partials repeat while someone pauses; only a changed line is worth a message.
  const lastPartial: Record<RecognizerChannel, string> = { agent: '', customer: '' };
  // Per channel: requests handed to the recognizer, and answers it gave (a repeated partial that is not
  // emitted still answers its block).
  const requestsSent: Record<RecognizerChannel, number> = { agent: 0, customer: 0 };
  const answersSeen: Record<RecognizerChannel, number> = { agent: 0, customer: 0 };
  // Syncs not yet answered, oldest first, each with the request counts it waits for.
  const pendingSyncs: Array<{ id: number; waitsFor: Record<RecognizerChannel, number> }> = [];

  const answerSettledSyncs = (): void => {
    while (pendingSyncs.length > 0) {
      const oldest = pendingSyncs[0];
      if (!oldest || RECOGNIZER_CHANNELS.some((channel) => answersSeen[channel] < oldest.waitsFor[channel])) return;
      pendingSyncs.shift();
      deps.emit({ type: 'synced', id: oldest.id });
    }
  };

  const countAnswer = (channel: RecognizerChannel): void => {
    // An error not tied to a request must not make the count run ahead of what was sent.
    answersSeen[channel] = Math.min(requestsSent[channel], answersSeen[channel] + 1);
    answerSettledSyncs();
  };

  const startRecognizer = (model: LoadedModel, channel: RecognizerChannel): ChannelRecognizer => {
    const recognizer = new model.KaldiRecognizer(RECOGNIZER_SAMPLE_RATE_HZ);
    recognizer.setWords(true);
    recognizer.on('result', (message) => {
      if (message.event !== 'result') return;
      lastPartial[channel] = '';
      deps.emit({ type: 'final', channel, result: message.result });
      countAnswer(channel);
    });
    recognizer.on('partialresult', (message) => {
      if (message.event !== 'partialresult') return;
      const text = message.result.partial;
      if (text !== lastPartial[channel]) {
        lastPartial[channel] = text;
        deps.emit({ type: 'partial', channel, text });
      }
      countAnswer(channel);
    });
    recognizer.on('error', (message) => {
      if (message.event !== 'error') return;
      deps.emit({ type: 'error', message: `Speech recognition failed on the ${channel} channel: ${message.error}` });
      countAnswer(channel);
    });
    return recognizer;
  };

  const handleRequest = (request: RecognizerRequest): void => {
    switch (request.type) {
      case 'load-model': {
        if (state.kind !== 'idle') {
          deps.emit({ type: 'error', message: 'A speech model is already loaded or loading in this recognizer.' });
          return;
        }
        state = { kind: 'loading' };
        deps.loadModel(request.url, request.timeoutMs ?? DEFAULT_MODEL_LOAD_TIMEOUT_MS).then(
          (model) => {
            const recognizers = { agent: startRecognizer(model, 'agent'), customer: startRecognizer(model, 'customer') };
            state = { kind: 'ready', model, recognizers };
            deps.emit({ type: 'ready' });
          },
          (error: unknown) => {
            state = { kind: 'failed' };
            deps.emit({ type: 'error', message: error instanceof Error ? error.message : String(error) });
          },
        );
        return;
      }
      case 'frames': {
        // Frames before the model is ready (or without one) are dropped: the call goes on untranscribed.
        if (state.kind !== 'ready') return;
        const halves = splitFrameBlock(request.block);
        for (const channel of RECOGNIZER_CHANNELS) {
          requestsSent[channel] += 1;
          state.recognizers[channel].acceptWaveformFloat(halves[channel], RECOGNIZER_SAMPLE_RATE_HZ);
        }
        return;
      }
      case 'reset': {
        if (state.kind !== 'ready') return;
        // Vosk's FinalResult both flushes the words in progress and starts the recognizer afresh.
        for (const channel of RECOGNIZER_CHANNELS) {
          requestsSent[channel] += 1;
          state.recognizers[channel].retrieveFinalResult();
        }
        return;
      }
      case 'sync': {
        // Without a ready model nothing is in flight (frames are dropped), so the answer is immediate.
        if (state.kind !== 'ready') {
          deps.emit({ type: 'synced', id: request.id });
          return;
        }
        pendingSyncs.push({ id: request.id, waitsFor: { ...requestsSent } });
        answerSettledSyncs();
        return;
      }
      default: {
        const unreachable: never = request;
        throw new Error(`unhandled recognizer request ${JSON.stringify(unreachable)}`);
      }
    }
  };

  return {
    handle(data: unknown): void {
      const parsed = parseRecognizerRequest(data);
      if (!parsed.ok) {
        deps.emit({ type: 'error', message: `Refused a recognizer request: ${parsed.reason}` });
        return;
      }
      handleRequest(parsed.request);
    },
  };
}

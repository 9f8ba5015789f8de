// A test double of the recognizer page for Node tests: the page's real session code
// (createRecognizerSession, so the real protocol with its sync counting) behind an asynchronous
// in-memory port, with vosk-browser's recognizers replaced by scripted ones. Each channel answers every
// block like vosk-browser does — one partial or final per block, one final per reset — from a script
// the test writes, with times on Vosk's clock (seconds of audio the recognizer was given). It is not
// the page: the real page with vosk-browser in Chromium is covered by the e2e tests.

import type { RecognizerChannel, VoskFinalResult } from '../../../src/shared/recognizer-protocol';
import {
  createRecognizerSession,
  type ChannelRecognizer,
  type LoadedModel,
  type VoskRecognizerMessage,
} from '../../../src/renderer/src/recognizer/recognizer-session';
import type { OpenRecognizer, RecognizerPort } from '../../../src/main/transcription/recognizer-link';

/** How a channel answers one block: given Vosk's clock (s) after the block. */
export type ScriptedAnswer =
  | { partial: string }
  | { final: VoskFinalResult }
  | { error: string }
  /** Never answers (a stuck worker). */
  | 'silence';

export interface ChannelScript {
  /** Answer to the block that brings Vosk's clock to `afterSeconds`; default: an unchanged empty partial. */
  onBlock?(afterSeconds: number, blockIndex: number): ScriptedAnswer | undefined;
  /** Answer to a reset; default: an empty final. */
  onReset?(afterSeconds: number): ScriptedAnswer | undefined;
}

export interface FakePageOptions {
  /** Rejects the model load with this message. */
  loadError?: string;
  /** The model load never finishes. */
  loadHangs?: boolean;
  script?: Partial<Record<RecognizerChannel, ChannelScript>>;
}

export interface FakePage {
  readonly purpose: 'live' | 'background';
  /** Every message the host posted, in order. */
  readonly received: Array<{ type: string; [key: string]: unknown }>;
  readonly closed: boolean;
  /** Samples per channel the recognizers were given. */
  fedSamples(channel: RecognizerChannel): number;
  /** The page stops answering anything (a crashed renderer). */
  crash(): void;
}

/** Whole words spread evenly over [startS, endS] of Vosk's clock, as Vosk reports a final. */
export function finalOf(text: string, startS: number, endS: number): VoskFinalResult {
  const words = text.split(' ');
  const stepS = (endS - startS) / words.length;
  return { text, result: words.map((word, i) => ({ word, start: startS + i * stepS, end: startS + (i + 1) * stepS, conf: 0.95 })) };
}

class ScriptedRecognizer implements ChannelRecognizer {
  private readonly listeners = new Map<string, (message: VoskRecognizerMessage) => void>();
  fedSamples = 0;
  private blocks = 0;
  constructor(
    private readonly script: ChannelScript,
    private readonly alive: () => boolean,
  ) {}
  setWords(): void {}
  on(event: VoskRecognizerMessage['event'], listener: (message: VoskRecognizerMessage) => void): void {
    this.listeners.set(event, listener);
  }
  acceptWaveformFloat(buffer: Float32Array): void {
    this.fedSamples += buffer.length;
    const answer = this.script.onBlock?.(this.fedSamples / 16_000, this.blocks) ?? { partial: '' };
    this.blocks += 1;
    this.answer(answer);
  }
  retrieveFinalResult(): void {
    this.answer(this.script.onReset?.(this.fedSamples / 16_000) ?? { final: { text: '' } });
  }
  private answer(answer: ScriptedAnswer): void {
    if (answer === 'silence') return;
    // vosk-browser answers from its worker, i.e. later.
    setImmediate(() => {
      if (!this.alive()) return;
      if ('partial' in answer) this.listeners.get('partialresult')?.({ event: 'partialresult', recognizerId: 'r', result: { partial: answer.partial } });
      else if ('final' in answer) this.listeners.get('result')?.({ event: 'result', recognizerId: 'r', result: answer.final });
      else this.listeners.get('error')?.({ event: 'error', recognizerId: 'r', error: answer.error });
    });
  }
}

export function fakeRecognizerPage(purpose: 'live' | 'background', options: FakePageOptions = {}): { page: FakePage; port: RecognizerPort } {
  const received: Array<{ type: string; [key: string]: unknown }> = [];
  const listeners = new Set<(data: unknown) => void>();
  let closed = false;
  let crashed = false;
  const alive = (): boolean => !closed && !crashed;
  const recognizers: Partial<Record<RecognizerChannel, ScriptedRecognizer>> = {};
  const channelsInOrder: RecognizerChannel[] = ['agent', 'customer'];
  const model: LoadedModel = {
    KaldiRecognizer: class {
      constructor() {
        const channel = channelsInOrder[Object.keys(recognizers).length] ?? 'customer';
        const recognizer = new ScriptedRecognizer(options.script?.[channel] ?? {}, alive);
        recognizers[channel] = recognizer;
        return recognizer;
      }
    } as unknown as LoadedModel['KaldiRecognizer'],
  };
  const session = createRecognizerSession({
    emit: (event) =>
      setImmediate(() => {
        if (alive()) for (const listener of [...listeners]) listener(event);
      }),
    loadModel: (url) => {
      if (options.loadHangs) return new Promise<LoadedModel>(() => undefined);
      if (options.loadError !== undefined) return Promise.reject(new Error(`The speech model at ${url} could not be loaded: ${options.loadError}`));
      return Promise.resolve(model);
    },
  });
  const port: RecognizerPort = {
    postMessage(message) {
      received.push(message as { type: string });
      setImmediate(() => {
        if (alive()) session.handle(message);
      });
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
    },
  };
  const page: FakePage = {
    purpose,
    received,
    get closed() {
      return closed;
    },
    fedSamples: (channel) => recognizers[channel]?.fedSamples ?? 0,
    crash() {
      crashed = true;
    },
  };
  return { page, port };
}

/** An OpenRecognizer that opens fake pages with the given options (one set per open, the last repeats). */
export function fakeRecognizerOpener(...perOpen: FakePageOptions[]): { open: OpenRecognizer; pages: FakePage[] } {
  const pages: FakePage[] = [];
  const open: OpenRecognizer = (purpose) => {
    const options = perOpen[Math.min(pages.length, perOpen.length - 1)] ?? {};
    const { page, port } = fakeRecognizerPage(purpose, options);
    pages.push(page);
    return Promise.resolve(port);
  };
  return { open, pages };
}

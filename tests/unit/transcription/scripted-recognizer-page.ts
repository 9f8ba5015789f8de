// A TEST DOUBLE of the recognizer page, for the background transcriber's tests: the page's real session
// code (createRecognizerSession: the protocol, sync counting, reset) behind an asynchronous in-memory
// port, with a scripted stand-in for vosk-browser's KaldiRecognizer instead of the WASM. The real page
// in Chromium is covered by tests/e2e/recognizer.spec.ts.
// The stand-in "recognizes" each burst of sound on its channel (10 ms frames above a level, ended by
// 200 ms of quiet) as the next word of a script, and answers like Vosk: one message per
// acceptWaveform (a final result at an endpoint, 500 ms of quiet after words, else a partial), a final
// result per retrieveFinalResult, and word times in seconds since the recognizer was created — Vosk's
// times keep counting across FinalResult (samples_round_start_), which the transcriber must undo.

import {
  createRecognizerSession,
  type ChannelRecognizer,
  type LoadedModel,
  type VoskRecognizerMessage,
} from '../../../src/renderer/src/recognizer/recognizer-session';
import type { OpenRecognizer, RecognizerPort } from '../../../src/main/transcription/recognizer-link';
import { RECOGNIZER_CHANNELS, modelLoadErrorMessage, type RecognizerChannel, type VoskWord } from '../../../src/shared/recognizer-protocol';

const FRAME_SAMPLES = 160;
/** RMS a 10 ms frame needs to count as sound (the test calls are far above; their noise far below). */
const SOUND_RMS = 0.01;
const WORD_END_QUIET_FRAMES = 20;
const ENDPOINT_QUIET_FRAMES = 50;

export interface PageScript {
  /** The words each channel's bursts are heard as, in order, across calls and pages. */
  words: Record<RecognizerChannel, string[]>;
  /** Model URLs that fail to load, with the loader's reason. */
  brokenModels?: Map<string, string>;
  /**
   * The agent recognizer's acceptWaveform number `block` (counted per page, from 1) answers with a Vosk
   * error, on the first `pages` pages (default 1); after it, that recognizer hears nothing more.
   */
  failAtBlock?: { block: number; error: string; pages?: number };
}

/** What the tests look at: every page opened, what each was sent, and the largest run of blocks between syncs. */
export interface PageLog {
  opened: number;
  closed: number;
  framesReceived: number;
  maxBlocksBetweenSyncs: number;
  requests: string[];
  /** Called with the running count each time a frames request reaches a page. */
  onFrames?: (framesReceived: number) => void;
}

class ScriptedRecognizer implements ChannelRecognizer {
  private readonly listeners = new Map<string, (message: VoskRecognizerMessage) => void>();
  private samplesSeen = 0;
  private burstStart: number | null = null;
  private lastSoundEnd = 0;
  private quietFrames = 0;
  private words: VoskWord[] = [];
  private pending = new Float32Array(0);
  private blocks = 0;
  private failed = false;

  constructor(
    private readonly script: string[],
    private readonly failAt: { block: number; error: string } | null,
  ) {}

  setWords(): void {}

  on(event: VoskRecognizerMessage['event'], listener: (message: VoskRecognizerMessage) => void): void {
    this.listeners.set(event, listener);
  }

  acceptWaveformFloat(buffer: Float32Array, sampleRate: number): void {
    this.blocks += 1;
    if (sampleRate !== 16_000) throw new Error(`the stand-in expects 16 kHz, got ${sampleRate}`);
    if (this.failAt !== null && this.blocks === this.failAt.block) {
      this.failed = true;
      this.send({ event: 'error', recognizerId: 'r', error: this.failAt.error });
      return;
    }
    if (this.failed) {
      this.send({ event: 'partialresult', recognizerId: 'r', result: { partial: '' } });
      return;
    }
    const joined = new Float32Array(this.pending.length + buffer.length);
    joined.set(this.pending);
    joined.set(buffer, this.pending.length);
    let at = 0;
    for (; at + FRAME_SAMPLES <= joined.length; at += FRAME_SAMPLES) this.frame(joined.subarray(at, at + FRAME_SAMPLES));
    this.pending = joined.slice(at);
    if (this.words.length > 0 && this.burstStart === null && this.quietFrames >= ENDPOINT_QUIET_FRAMES) this.final();
    else this.send({ event: 'partialresult', recognizerId: 'r', result: { partial: this.words.map((w) => w.word).join(' ') } });
  }

  retrieveFinalResult(): void {
    if (this.burstStart !== null) this.endWord();
    this.final();
  }

  private frame(samples: Float32Array): void {
    let energy = 0;
    for (const sample of samples) energy += sample * sample;
    const loud = Math.sqrt(energy / samples.length) >= SOUND_RMS;
    if (loud) {
      this.burstStart ??= this.samplesSeen;
      this.lastSoundEnd = this.samplesSeen + samples.length;
      this.quietFrames = 0;
    } else {
      this.quietFrames += 1;
      if (this.burstStart !== null && this.quietFrames >= WORD_END_QUIET_FRAMES) this.endWord();
    }
    this.samplesSeen += samples.length;
  }

  private endWord(): void {
    const word = this.script.shift() ?? 'unscripted';
    this.words.push({ word, start: (this.burstStart ?? 0) / 16_000, end: this.lastSoundEnd / 16_000, conf: 0.93 });
    this.burstStart = null;
  }

  private final(): void {
    const words = this.words;
    this.words = [];
    this.send({
      event: 'result',
      recognizerId: 'r',
      result: words.length === 0 ? { text: '' } : { text: words.map((w) => w.word).join(' '), result: words },
    });
  }

  private send(message: VoskRecognizerMessage): void {
    this.listeners.get(message.event)?.(message);
  }
}

/** An OpenRecognizer whose pages are the real session with the scripted stand-in, and their log. */
export function scriptedRecognizerPages(script: PageScript): { open: OpenRecognizer; log: PageLog } {
  const log: PageLog = { opened: 0, closed: 0, framesReceived: 0, maxBlocksBetweenSyncs: 0, requests: [] };
  const open: OpenRecognizer = (purpose) => {
    if (purpose !== 'background') return Promise.reject(new Error(`the background transcriber opened a "${purpose}" recognizer`));
    log.opened += 1;
    const pageNumber = log.opened;
    const failAt = script.failAtBlock !== undefined && (script.failAtBlock.pages ?? 1) >= pageNumber ? script.failAtBlock : null;
    let createdOnPage = 0;
    const model: LoadedModel = {
      KaldiRecognizer: class extends ScriptedRecognizer {
        constructor() {
          // The session makes the agent's recognizer first, then the customer's.
          const channel: RecognizerChannel = RECOGNIZER_CHANNELS[createdOnPage++ % 2] ?? 'agent';
          super(script.words[channel], channel === 'agent' ? failAt : null);
        }
      },
    };
    const listeners = new Set<(data: unknown) => void>();
    let closed = false;
    let blocksSinceSync = 0;
    const session = createRecognizerSession({
      emit: (event) =>
        setImmediate(() => {
          if (!closed) for (const listener of [...listeners]) listener(event);
        }),
      loadModel: (url) => {
        const reason = script.brokenModels?.get(url);
        return reason === undefined ? Promise.resolve(model) : Promise.reject(new Error(modelLoadErrorMessage(url, reason)));
      },
    });
    const port: RecognizerPort = {
      postMessage(message) {
        const type = (message as { type?: unknown }).type;
        log.requests.push(String(type));
        setImmediate(() => {
          if (closed) return;
          if (type === 'frames') {
            blocksSinceSync += 1;
            log.maxBlocksBetweenSyncs = Math.max(log.maxBlocksBetweenSyncs, blocksSinceSync);
            log.framesReceived += 1;
            log.onFrames?.(log.framesReceived);
          } else if (type === 'sync') {
            blocksSinceSync = 0;
          }
          session.handle(message);
        });
      },
      onMessage(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        if (closed) return;
        closed = true;
        log.closed += 1;
      },
    };
    return Promise.resolve(port);
  };
  return { open, log };
}

// Transcribes call recordings with a real Vosk model in the real recognizer page, for the word-error-rate
// test and `npm run bench`: the built recognizer.html, served with its own CSP by the renderer server,
// in Chromium; the model folder packed as the tar.gz vosk-browser loads (packModelFolder, as the app's
// attune-model: protocol serves it); the call fed through the recognizer protocol exactly as a host
// does: 20 ms planar Int16 blocks at 16 kHz (the live path's blocks), a `sync` after each second of
// audio with a few seconds in flight, then `reset` and a last `sync` for the final words.
//
// The feeding runs inside the page, with the whole call handed over once, so the figures are the
// recognizer's own cost and not this harness's message passing. Measured:
// - elapsedMs: first block posted → `synced` for the last block, both channels (one vosk-browser worker
//   serves both recognizers, one message at a time, as in the app);
// - busyMs per channel: the worker's own time on that channel's blocks, measured inside the worker. An
//   init script prepends a few lines to vosk-browser's worker script (it is built from a Blob in the
//   page) that time each audio chunk's message handler there (Kaldi's AcceptWaveform runs synchronously
//   in it) per recognizer, and answer a timing query the page sends after the last block. The page's
//   Worker is wrapped only to learn which recognizer is which (the page creates the agent's first) and
//   to send that query. Bench instrumentation only: the recognizer page's own code is unchanged. (The
//   clock there is coarsened to 0.1 ms without cross-origin isolation; over thousands of chunks a call
//   that evens out.)

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createChannelPairFramer } from '../../../src/main/analysis/analyze-channels';
import { openWavFile } from '../../../src/main/audio/wav-file-reader';
import { packModelFolder } from '../../../src/main/models/model-archive';
import { checkModelFolder } from '../../../src/main/models/model-store';
import {
  RECOGNIZER_PORT_HANDSHAKE,
  RECOGNIZER_SAMPLE_RATE_HZ,
  type RecognizerChannel,
  type VoskFinalResult,
} from '../../../src/shared/recognizer-protocol';
import { chromiumLaunchOptions } from './chromium-launch';
import { RENDERER_DIR, startRendererServer, type RendererServer } from './renderer-server';

/** The environment variable naming a Vosk model folder. */
export const VOSK_MODEL_VARIABLE = 'ATTUNE_VOSK_MODEL';

/** The model folder ATTUNE_VOSK_MODEL names, or null when it is unset or empty. */
export function voskModelFromEnv(): string | null {
  const value = process.env[VOSK_MODEL_VARIABLE];
  return value === undefined || value.trim() === '' ? null : value;
}

/** Samples per channel per frame block: 20 ms at 16 kHz, as the live capture sends them. */
const BLOCK_SAMPLES = 320;
/** A sync after this many blocks (1 s of audio)... */
const SYNC_EVERY_BLOCKS = 50;
/** ...with at most this many unanswered (the recognizer is never more than 4 s behind the feeder). */
const MAX_SYNCS_AHEAD = 4;
/** A large model (the 128 MB lgraph one) takes a while to unpack into the page's IndexedDB. */
const MODEL_LOAD_TIMEOUT_MS = 300_000;

export interface ChannelResult {
  /** The final results' texts, joined. */
  text: string;
  /** Words in the final results. */
  words: number;
  /** The worker's time on this channel's blocks (see the file comment). */
  busyMs: number;
}

export interface CallTranscription {
  /** Audio per channel, in ms (whole 20 ms blocks). */
  audioMs: number;
  /** First block posted → synced after the last block, both channels. */
  elapsedMs: number;
  channels: Record<RecognizerChannel, ChannelResult>;
}

export interface VoskTranscriber {
  transcribe(wavPath: string): Promise<CallTranscription>;
  close(): Promise<void>;
}

/** A call as one planar Int16 buffer at 16 kHz: the whole agent channel, then the whole customer channel. */
async function loadPlanarPcm(wavPath: string): Promise<{ pcm: Int16Array; samplesPerChannel: number }> {
  const reader = await openWavFile(wavPath);
  const agent: Int16Array[] = [];
  const customer: Int16Array[] = [];
  const toInt16 = (frame: Float32Array): Int16Array => Int16Array.from(frame, (sample) => Math.max(-32_768, Math.min(32_767, Math.round(sample * 32_767))));
  const framer = createChannelPairFramer(reader.layout.sampleRateHz, (a, c) => {
    agent.push(toInt16(a));
    customer.push(toInt16(c));
  });
  try {
    for await (const [a, c] of reader.readChannels([0, 1])) {
      if (a === undefined || c === undefined) throw new Error(`${wavPath} is not a two-channel call`);
      framer.push(a, c);
    }
    framer.finish();
  } finally {
    await reader.close();
  }
  const samplesPerChannel = agent.reduce((sum, frame) => sum + frame.length, 0);
  const pcm = new Int16Array(2 * samplesPerChannel);
  let at = 0;
  for (const frame of agent) pcm.set(frame, (at += frame.length) - frame.length);
  for (const frame of customer) pcm.set(frame, (at += frame.length) - frame.length);
  return { pcm, samplesPerChannel };
}

// ---------------------------------------------------------------------------------------------
// Page-side code (serialized by Playwright; the test project has no DOM lib, so globals are typed here).

interface PageWorker {
  addEventListener(type: 'message', listener: (event: { data: unknown; stopImmediatePropagation(): void }) => void): void;
  postMessage(message: unknown, options?: unknown): void;
}
interface WorkerTiming {
  /** Recognizer ids in creation order: the page creates the agent's first. */
  created: string[];
  /** The vosk-browser worker, for the timing query. */
  worker: PageWorker | null;
  /** Called with the worker's answer to a timing query: ms per recognizer id since the last query. */
  onTimes: ((busyMs: Record<string, number>) => void) | null;
}
interface HostPort {
  onmessage: ((message: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: unknown[]): void;
}
interface BenchHost {
  port: HostPort;
  listener: ((event: unknown) => void) | null;
  nextSyncId: number;
}
interface PageGlobals {
  Worker: new (url: unknown, options?: unknown) => PageWorker;
  Blob: new (parts: unknown[], options?: { type?: string }) => object;
  MessageChannel: new () => { port1: HostPort; port2: unknown };
  location: { origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
  atob(base64: string): string;
  __attuneWorkerTiming?: WorkerTiming;
  __attuneBenchHost?: BenchHost;
}

/** The key of the timing query and of its answer (never a vosk-browser message field). */
const TIMING_KEY = '__attuneRecognizerTimes';

/**
 * Runs first in vosk-browser's worker (as source text, prepended to its script): wraps the worker's
 * message listeners so each audio chunk's handling is timed per recognizer, and answers a timing query
 * with the times since the last one (then starts again from zero).
 */
const WORKER_TIMING_SHIM = `(() => {
  const key = ${JSON.stringify(TIMING_KEY)};
  let busyMs = {};
  const addEventListener = self.addEventListener.bind(self);
  self.addEventListener = (type, listener, options) => {
    if (type !== 'message') return addEventListener(type, listener, options);
    return addEventListener('message', (event) => {
      const data = event.data;
      if (data && data[key] === true) {
        self.postMessage({ [key]: busyMs });
        busyMs = {};
        return;
      }
      if (!data || data.action !== 'audioChunk') return listener.call(self, event);
      const startedMs = performance.now();
      try {
        return listener.call(self, event);
      } finally {
        busyMs[data.recognizerId] = (busyMs[data.recognizerId] || 0) + performance.now() - startedMs;
      }
    }, options);
  };
})();
`;

/** Init script: the worker timing shim goes into vosk-browser's worker script; Worker is wrapped to see ids and query times. */
function instrumentWorkers({ shim, key }: { shim: string; key: string }): void {
  const page = globalThis as unknown as PageGlobals;
  const timing: WorkerTiming = { created: [], worker: null, onTimes: null };
  page.__attuneWorkerTiming = timing;
  const NativeBlob = page.Blob;
  page.Blob = class extends NativeBlob {
    constructor(parts: unknown[], options?: { type?: string }) {
      // vosk-browser builds its worker from one string of source whose main class is RecognizerWorker.
      const isVoskWorker = options?.type === 'application/javascript' && typeof parts[0] === 'string' && parts[0].includes('class RecognizerWorker');
      super(isVoskWorker ? [shim, ...parts] : parts, options);
    }
  };
  const NativeWorker = page.Worker;
  page.Worker = class extends NativeWorker {
    constructor(url: unknown, options?: unknown) {
      super(url, options);
      timing.worker = this;
      // Registered before vosk-browser's own listener, so the timing answer never reaches it.
      this.addEventListener('message', (event) => {
        const data = event.data as Record<string, unknown> | null;
        if (data === null || typeof data !== 'object' || !(key in data)) return;
        event.stopImmediatePropagation();
        timing.onTimes?.(data[key] as Record<string, number>);
      });
    }
    override postMessage(message: unknown, options?: unknown): void {
      const request = message as { action?: unknown; recognizerId?: unknown } | null;
      if (request !== null && typeof request === 'object' && request.action === 'create' && typeof request.recognizerId === 'string') {
        timing.created.push(request.recognizerId);
      }
      super.postMessage(message, options);
    }
  };
}

type LoadAnswer = { ok: true } | { ok: false; message: string };

async function connectAndLoad(page: Page, modelUrl: string): Promise<LoadAnswer> {
  return page.evaluate(
    ({ handshake, url, timeoutMs }) =>
      new Promise<LoadAnswer>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        const channel = new g.MessageChannel();
        const host: BenchHost = { port: channel.port1, listener: null, nextSyncId: 1 };
        g.__attuneBenchHost = host;
        channel.port1.onmessage = (message) => host.listener?.(message.data);
        host.listener = (event) => {
          const answer = event as { type: string; message?: string };
          if (answer.type === 'ready') resolve({ ok: true });
          if (answer.type === 'error') resolve({ ok: false, message: answer.message ?? 'unknown error' });
        };
        g.postMessage(handshake, g.location.origin, [channel.port2]);
        channel.port1.postMessage({ type: 'load-model', url, timeoutMs });
      }),
    { handshake: RECOGNIZER_PORT_HANDSHAKE, url: modelUrl, timeoutMs: MODEL_LOAD_TIMEOUT_MS },
  );
}

type PageRun =
  | { ok: true; finals: Record<RecognizerChannel, VoskFinalResult[]>; elapsedMs: number; busyMs: Record<RecognizerChannel, number> }
  | { ok: false; message: string };

async function feedCallOnPage(page: Page, pcmBase64: string, blocks: number): Promise<PageRun> {
  return page.evaluate(
    ({ base64, blockCount, blockSamples, syncEvery, maxAhead, timingKey }) =>
      new Promise<PageRun>((resolve) => {
        const g = globalThis as unknown as PageGlobals;
        const host = g.__attuneBenchHost;
        const timing = g.__attuneWorkerTiming;
        if (host === undefined || timing === undefined) {
          resolve({ ok: false, message: 'the recognizer page is not connected' });
          return;
        }
        const binary = g.atob(base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
        const samples = new Int16Array(bytes.buffer);
        const half = samples.length / 2;
        const finals: Record<RecognizerChannel, VoskFinalResult[]> = { agent: [], customer: [] };
        let posted = 0;
        let outstanding = 0;
        let endSyncId = -1;
        let flushSyncId = -1;
        let busyMs: Record<RecognizerChannel, number> | null = null;
        let flushed = false;
        const finish = (): void => {
          if (busyMs !== null && flushed) resolve({ ok: true, finals, elapsedMs, busyMs });
        };
        // The worker's times for this call's blocks: asked for after the last block, before the reset.
        timing.onTimes = (times) => {
          const [agentId = '', customerId = ''] = timing.created;
          busyMs = { agent: times[agentId] ?? 0, customer: times[customerId] ?? 0 };
          finish();
        };
        const startedAtMs = performance.now();
        let elapsedMs = 0;
        const postBlock = (index: number): void => {
          const block = new Int16Array(2 * blockSamples);
          block.set(samples.subarray(index * blockSamples, (index + 1) * blockSamples), 0);
          block.set(samples.subarray(half + index * blockSamples, half + (index + 1) * blockSamples), blockSamples);
          host.port.postMessage({ type: 'frames', block: block.buffer }, [block.buffer]);
        };
        const sync = (): number => {
          const id = host.nextSyncId++;
          host.port.postMessage({ type: 'sync', id });
          return id;
        };
        const pump = (): void => {
          while (posted < blockCount && outstanding < maxAhead) {
            const until = Math.min(blockCount, posted + syncEvery);
            for (; posted < until; posted += 1) postBlock(posted);
            outstanding += 1;
            const id = sync();
            if (posted === blockCount) endSyncId = id;
          }
        };
        host.listener = (data) => {
          const event = data as { type: string; channel?: RecognizerChannel; result?: VoskFinalResult; message?: string; id?: number };
          if (event.type === 'final' && event.channel !== undefined && event.result !== undefined) finals[event.channel].push(event.result);
          else if (event.type === 'error') resolve({ ok: false, message: event.message ?? 'unknown error' });
          else if (event.type === 'synced') {
            outstanding -= 1;
            if (event.id === endSyncId) {
              elapsedMs = performance.now() - startedAtMs;
              timing.worker?.postMessage({ [timingKey]: true });
              host.port.postMessage({ type: 'reset' });
              flushSyncId = sync();
            } else if (event.id === flushSyncId) {
              // The worker answers in order, so its times came before the reset's final results.
              if (busyMs === null) resolve({ ok: false, message: "vosk-browser's worker did not answer the timing query (its worker script changed?)" });
              flushed = true;
              finish();
            } else {
              pump();
            }
          }
        };
        pump();
      }),
    { base64: pcmBase64, blockCount: blocks, blockSamples: BLOCK_SAMPLES, syncEvery: SYNC_EVERY_BLOCKS, maxAhead: MAX_SYNCS_AHEAD, timingKey: TIMING_KEY },
  );
}

// ---------------------------------------------------------------------------------------------

function channelResult(finals: readonly VoskFinalResult[], busyMs: number): ChannelResult {
  return {
    text: finals.map((final) => final.text).filter((text) => text.length > 0).join(' '),
    words: finals.reduce((sum, final) => sum + (final.result?.length ?? 0), 0),
    busyMs,
  };
}

export interface VoskTranscriberOptions {
  /** A browser to open the page in (a Playwright test's); otherwise one is launched and closed here. */
  browser?: Browser;
}

/**
 * Opens the recognizer page with the model in `modelFolder` loaded. Throws a one-line Error when the
 * folder is no Vosk model, the page is not built, or the model does not load.
 */
export async function startVoskTranscriber(modelFolder: string, options: VoskTranscriberOptions = {}): Promise<VoskTranscriber> {
  const check = await checkModelFolder(modelFolder);
  if (!check.ok) throw new Error(`${VOSK_MODEL_VARIABLE}: ${check.reason}`);
  if (!existsSync(join(RENDERER_DIR, 'recognizer.html'))) throw new Error(`the recognizer page is not built (${RENDERER_DIR}/recognizer.html is missing): run npm run build`);

  const modelsDir = await mkdtemp(join(tmpdir(), 'attune-vosk-model-'));
  let server: RendererServer | null = null;
  let ownBrowser: Browser | null = null;
  let context: BrowserContext | null = null;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await ownBrowser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await rm(modelsDir, { recursive: true, force: true });
  };
  try {
    await pipeline(packModelFolder(modelFolder), createWriteStream(join(modelsDir, 'model.tar.gz')));
    server = await startRendererServer(RENDERER_DIR, { modelsDir });
    const browser = options.browser ?? (ownBrowser = await chromium.launch(chromiumLaunchOptions([])));
    context = await browser.newContext();
    const page = await context.newPage();
    // Run through tsx (the bench), esbuild wraps named functions in a `__name(fn, "name")` helper that
    // exists only in Node; the page-side functions below would fail on it, so the page gets a no-op one.
    await page.addInitScript('globalThis.__name ??= (target) => target;');
    await page.addInitScript(instrumentWorkers, { shim: WORKER_TIMING_SHIM, key: TIMING_KEY });
    await page.goto(`${server.url}recognizer.html`);
    const loaded = await connectAndLoad(page, `${server.url}models/model.tar.gz`);
    if (!loaded.ok) throw new Error(loaded.message);

    return {
      async transcribe(wavPath) {
        const { pcm, samplesPerChannel } = await loadPlanarPcm(wavPath);
        const blocks = Math.floor(samplesPerChannel / BLOCK_SAMPLES);
        if (blocks === 0) throw new Error(`${wavPath} is shorter than one 20 ms block`);
        // Whole blocks only: the protocol takes whole 10 ms frames, and the tail is under 20 ms.
        const agent = pcm.subarray(0, blocks * BLOCK_SAMPLES);
        const customer = pcm.subarray(samplesPerChannel, samplesPerChannel + blocks * BLOCK_SAMPLES);
        const planar = new Int16Array(2 * blocks * BLOCK_SAMPLES);
        planar.set(agent, 0);
        planar.set(customer, agent.length);
        const run = await feedCallOnPage(page, Buffer.from(planar.buffer).toString('base64'), blocks);
        if (!run.ok) throw new Error(run.message);
        return {
          audioMs: (blocks * BLOCK_SAMPLES * 1000) / RECOGNIZER_SAMPLE_RATE_HZ,
          elapsedMs: run.elapsedMs,
          channels: { agent: channelResult(run.finals.agent, run.busyMs.agent), customer: channelResult(run.finals.customer, run.busyMs.customer) },
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

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
// - busyMs per channel: the worker's time on that channel's blocks. An init script wraps the page's
//   Worker and timestamps each audio chunk vosk-browser posts and each answer it gets (one per chunk);
//   a chunk's time is answer − max(previous answer, its send). Bench instrumentation only.

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
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown, options?: unknown): void;
}
interface WorkerTiming {
  /** Recognizer ids in creation order: the page creates the agent's first. */
  created: string[];
  pending: Array<{ sentAtMs: number; recognizerId: string }>;
  lastAnswerAtMs: number;
  busyMs: Record<string, number>;
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
  MessageChannel: new () => { port1: HostPort; port2: unknown };
  location: { origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
  atob(base64: string): string;
  __attuneWorkerTiming?: WorkerTiming;
  __attuneBenchHost?: BenchHost;
}

/** Init script: wraps Worker so each recognizer's chunks and answers are timestamped. */
function instrumentWorkers(): void {
  const page = globalThis as unknown as PageGlobals;
  const timing: WorkerTiming = { created: [], pending: [], lastAnswerAtMs: 0, busyMs: {} };
  page.__attuneWorkerTiming = timing;
  const NativeWorker = page.Worker;
  page.Worker = class extends NativeWorker {
    constructor(url: unknown, options?: unknown) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const data = event.data as { event?: unknown; recognizerId?: unknown } | null;
        if (data === null || typeof data !== 'object' || typeof data.recognizerId !== 'string') return;
        const nowMs = performance.now();
        const chunk = timing.pending.shift();
        if (chunk !== undefined) {
          timing.busyMs[chunk.recognizerId] = (timing.busyMs[chunk.recognizerId] ?? 0) + nowMs - Math.max(timing.lastAnswerAtMs, chunk.sentAtMs);
        }
        timing.lastAnswerAtMs = nowMs;
      });
    }
    override postMessage(message: unknown, options?: unknown): void {
      const request = message as { action?: unknown; recognizerId?: unknown } | null;
      if (request !== null && typeof request === 'object' && typeof request.recognizerId === 'string') {
        if (request.action === 'create') timing.created.push(request.recognizerId);
        if (request.action === 'audioChunk' || request.action === 'retrieveFinalResult') {
          timing.pending.push({ sentAtMs: performance.now(), recognizerId: request.recognizerId });
        }
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
    ({ base64, blockCount, blockSamples, syncEvery, maxAhead }) =>
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
        timing.busyMs = {};
        timing.lastAnswerAtMs = 0;
        let posted = 0;
        let outstanding = 0;
        let endSyncId = -1;
        let flushSyncId = -1;
        let busyAtEnd: Record<RecognizerChannel, number> = { agent: 0, customer: 0 };
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
              const [agentId = '', customerId = ''] = timing.created;
              busyAtEnd = { agent: timing.busyMs[agentId] ?? 0, customer: timing.busyMs[customerId] ?? 0 };
              host.port.postMessage({ type: 'reset' });
              flushSyncId = sync();
            } else if (event.id === flushSyncId) {
              resolve({ ok: true, finals, elapsedMs, busyMs: busyAtEnd });
            } else {
              pump();
            }
          }
        };
        pump();
      }),
    { base64: pcmBase64, blockCount: blocks, blockSamples: BLOCK_SAMPLES, syncEvery: SYNC_EVERY_BLOCKS, maxAhead: MAX_SYNCS_AHEAD },
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
    await page.addInitScript(instrumentWorkers);
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

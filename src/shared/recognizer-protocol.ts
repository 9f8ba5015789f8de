// The recognizer page's whole interface: the messages it accepts (a model URL, frame blocks, reset, sync)
// and the only messages it sends back (ready, error, partial and final results, synced). It runs
// vosk-browser under a CSP the main UI never gets, so nothing else crosses this boundary. Pure and
// Electron-free.

import { FRAME_BLOCK_MAX_FRAMES, FRAME_BLOCK_SAMPLES_PER_FRAME } from './live';

/** The two channels the recognizer transcribes, in frame-block order (agent half first). */
export type RecognizerChannel = 'agent' | 'customer';
export const RECOGNIZER_CHANNELS: readonly RecognizerChannel[] = ['agent', 'customer'];

/** The sample rate of every frame block (same as the analyzer's). */
export const RECOGNIZER_SAMPLE_RATE_HZ = 16_000;

/** How long a model may take to load before the page gives up with an error. */
export const DEFAULT_MODEL_LOAD_TIMEOUT_MS = 30_000;

/** The string the host posts with the MessagePort the protocol then runs on. */
export const RECOGNIZER_PORT_HANDSHAKE = 'attune-recognizer-port';

export type RecognizerRequest =
  /** Load the model archive at `url` (e.g. attune-model://small-en/model.tar.gz). Once per page. */
  | { type: 'load-model'; url: string; timeoutMs?: number }
  /** One frame block exactly as on the live frame port: planar Int16 at 16 kHz, agent then customer. */
  | { type: 'frames'; block: ArrayBuffer }
  /** End of call: flush each channel's final result, then start afresh for the next call. */
  | { type: 'reset' }
  /**
   * Answered with `synced` (same id) once both channels have answered every block (and reset) sent
   * before it, so the host can pace its feeding and knows when a call's last words are out.
   */
  | { type: 'sync'; id: number };

/** One word of a Vosk final result (times in seconds, as Vosk gives them). */
export interface VoskWord {
  word: string;
  start: number;
  end: number;
  conf: number;
}

/** Vosk's own final-result object; `result` is absent when nothing was recognized. */
export interface VoskFinalResult {
  text: string;
  result?: VoskWord[];
}

export type RecognizerEvent =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'partial'; channel: RecognizerChannel; text: string }
  | { type: 'final'; channel: RecognizerChannel; result: VoskFinalResult }
  | { type: 'synced'; id: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Why a frame block is unusable, or null when it is a valid planar block. */
export function frameBlockProblem(block: ArrayBuffer): string | null {
  if (block.byteLength % 4 !== 0) return `a frame block must hold two equal Int16 halves, got ${block.byteLength} bytes`;
  const samplesPerChannel = block.byteLength / 4;
  if (samplesPerChannel === 0 || samplesPerChannel % FRAME_BLOCK_SAMPLES_PER_FRAME !== 0) {
    return `a frame block must hold whole 10 ms frames, got ${samplesPerChannel} samples per channel`;
  }
  if (samplesPerChannel / FRAME_BLOCK_SAMPLES_PER_FRAME > FRAME_BLOCK_MAX_FRAMES) {
    return `a frame block holds at most ${FRAME_BLOCK_MAX_FRAMES} frames`;
  }
  return null;
}

/**
 * Checks a message from the host. Returns the request, or a one-line reason it was refused (the page
 * answers that with an `error` event and keeps going).
 */
export function parseRecognizerRequest(data: unknown): { ok: true; request: RecognizerRequest } | { ok: false; reason: string } {
  if (!isRecord(data) || typeof data['type'] !== 'string') return { ok: false, reason: 'a recognizer request must be an object with a type' };
  switch (data['type']) {
    case 'load-model': {
      const url = data['url'];
      const timeoutMs = data['timeoutMs'];
      if (typeof url !== 'string' || url.length === 0) return { ok: false, reason: 'load-model needs a url' };
      if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
        return { ok: false, reason: 'load-model timeoutMs must be a positive number' };
      }
      return { ok: true, request: timeoutMs === undefined ? { type: 'load-model', url } : { type: 'load-model', url, timeoutMs } };
    }
    case 'frames': {
      const block = data['block'];
      if (!(block instanceof ArrayBuffer)) return { ok: false, reason: 'frames needs an ArrayBuffer block' };
      const problem = frameBlockProblem(block);
      return problem === null ? { ok: true, request: { type: 'frames', block } } : { ok: false, reason: problem };
    }
    case 'reset':
      return { ok: true, request: { type: 'reset' } };
    case 'sync': {
      const id = data['id'];
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return { ok: false, reason: 'sync needs a non-negative integer id' };
      return { ok: true, request: { type: 'sync', id } };
    }
    default:
      return { ok: false, reason: `unknown recognizer request type ${JSON.stringify(data['type'])}` };
  }
}

/**
 * Splits a planar block into one Float32 array per channel in [-1, 1), the form vosk-browser's
 * acceptWaveformFloat takes (it scales back by 32768 itself).
 */
export function splitFrameBlock(block: ArrayBuffer): Record<RecognizerChannel, Float32Array> {
  const samples = new Int16Array(block);
  const half = samples.length / 2;
  const toFloat = (from: number): Float32Array => {
    const out = new Float32Array(half);
    for (let i = 0; i < half; i += 1) out[i] = (samples[from + i] ?? 0) / 32_768;
    return out;
  };
  return { agent: toFloat(0), customer: toFloat(half) };
}

/** The message the page sends when a model cannot be loaded (kept in one place so tests match it). */
export function modelLoadErrorMessage(url: string, reason: string): string {
  return `The speech model at ${url} could not be loaded: ${reason}`;
}

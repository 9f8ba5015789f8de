// The main process's side of one recognizer page: typed calls over the page's message port (load a model,
// send frame blocks, sync, reset) and its answers as promises and events. The page may crash or fall
// silent, so a load gives up after its own timeout plus a grace period, and close() settles everything
// still waiting. Electron-free: the port is whatever the opener hands over (a MessagePortMain in the app,
// a Playwright bridge in e2e, a scripted double in unit tests).

import {
  DEFAULT_MODEL_LOAD_TIMEOUT_MS,
  RECOGNIZER_CHANNELS,
  type RecognizerChannel,
  type RecognizerEvent,
  type RecognizerRequest,
  type VoskFinalResult,
} from '../../shared/recognizer-protocol';

export interface RecognizerPort {
  postMessage(message: unknown): void;
  onMessage(listener: (data: unknown) => void): () => void;
  close(): void;
}

/** Opens a recognizer page (hidden window in the app; a Chromium page in e2e) and returns its port. */
export type OpenRecognizer = (purpose: 'live' | 'background') => Promise<RecognizerPort>;

export type RecognizerOutput =
  | { type: 'final'; channel: RecognizerChannel; result: VoskFinalResult }
  | { type: 'partial'; channel: RecognizerChannel; text: string };

export interface RecognizerLink {
  /** Resolves when the page says ready; rejects (Error with the page's one-line message) on error or
   *  when nothing comes within timeoutMs + 5 s. */
  load(url: string, timeoutMs?: number): Promise<void>;
  /** Planar Int16 16 kHz block, agent half then customer half. */
  sendFrames(block: ArrayBuffer): void;
  /** Resolves once both channels have processed every block sent before it (protocol 'sync'/'synced'). */
  sync(): Promise<void>;
  /** End of a call: flush final results, start afresh. */
  reset(): void;
  onOutput(listener: (output: RecognizerOutput) => void): () => void;
  /** Errors after load. */
  onError(listener: (message: string) => void): () => void;
  close(): void;
}

/** How much longer than the page's own load timeout the host waits before it gives up on the page. */
export const LOAD_ANSWER_GRACE_MS = 5_000;

export const RECOGNIZER_CLOSED_MESSAGE = 'The speech recognizer was closed.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isChannel(value: unknown): value is RecognizerChannel {
  return RECOGNIZER_CHANNELS.includes(value as RecognizerChannel);
}

/** The page's message as a RecognizerEvent, or null for anything else (ignored, never trusted). */
function readRecognizerEvent(data: unknown): RecognizerEvent | null {
  if (!isRecord(data)) return null;
  switch (data['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'error':
      return typeof data['message'] === 'string' ? { type: 'error', message: data['message'] } : null;
    case 'partial':
      return isChannel(data['channel']) && typeof data['text'] === 'string'
        ? { type: 'partial', channel: data['channel'], text: data['text'] }
        : null;
    case 'final': {
      const result = data['result'];
      if (!isChannel(data['channel']) || !isRecord(result) || typeof result['text'] !== 'string') return null;
      if (result['result'] !== undefined && !Array.isArray(result['result'])) return null;
      return { type: 'final', channel: data['channel'], result: result as unknown as VoskFinalResult };
    }
    case 'synced':
      return typeof data['id'] === 'number' ? { type: 'synced', id: data['id'] } : null;
    default:
      return null;
  }
}

type LoadState =
  | { tag: 'none' }
  | { tag: 'loading'; resolve: () => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }
  | { tag: 'settled' };

export function createRecognizerLink(port: RecognizerPort): RecognizerLink {
  const outputListeners = new Set<(output: RecognizerOutput) => void>();
  const errorListeners = new Set<(message: string) => void>();
  const pendingSyncs = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextSyncId = 1;
  let load: LoadState = { tag: 'none' };
  let closed = false;

  const post = (request: RecognizerRequest): void => {
    if (closed) return;
    port.postMessage(request);
  };

  const settleLoad = (outcome: { ok: true } | { ok: false; error: Error }): void => {
    if (load.tag !== 'loading') return;
    const { resolve, reject, timer } = load;
    clearTimeout(timer);
    load = { tag: 'settled' };
    if (outcome.ok) resolve();
    else reject(outcome.error);
  };

  const handleEvent = (event: RecognizerEvent): void => {
    switch (event.type) {
      case 'ready':
        settleLoad({ ok: true });
        return;
      case 'error':
        if (load.tag === 'loading') settleLoad({ ok: false, error: new Error(event.message) });
        else for (const listener of [...errorListeners]) listener(event.message);
        return;
      case 'partial':
        for (const listener of [...outputListeners]) listener({ type: 'partial', channel: event.channel, text: event.text });
        return;
      case 'final':
        for (const listener of [...outputListeners]) listener({ type: 'final', channel: event.channel, result: event.result });
        return;
      case 'synced': {
        const waiting = pendingSyncs.get(event.id);
        if (!waiting) return;
        pendingSyncs.delete(event.id);
        waiting.resolve();
        return;
      }
      default: {
        const unreachable: never = event;
        throw new Error(`unhandled recognizer event ${JSON.stringify(unreachable)}`);
      }
    }
  };

  const unsubscribe = port.onMessage((data) => {
    if (closed) return;
    const event = readRecognizerEvent(data);
    if (event) handleEvent(event);
  });

  return {
    load(url: string, timeoutMs: number = DEFAULT_MODEL_LOAD_TIMEOUT_MS): Promise<void> {
      if (closed) return Promise.reject(new Error(RECOGNIZER_CLOSED_MESSAGE));
      if (load.tag !== 'none') return Promise.reject(new Error('This speech recognizer has already been given a model.'));
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          settleLoad({ ok: false, error: new Error(`The speech recognizer did not answer within ${Math.round((timeoutMs + LOAD_ANSWER_GRACE_MS) / 1_000)} s while loading the model.`) });
        }, timeoutMs + LOAD_ANSWER_GRACE_MS);
        load = { tag: 'loading', resolve, reject, timer };
        post({ type: 'load-model', url, timeoutMs });
      });
    },
    sendFrames(block: ArrayBuffer): void {
      post({ type: 'frames', block });
    },
    sync(): Promise<void> {
      if (closed) return Promise.reject(new Error(RECOGNIZER_CLOSED_MESSAGE));
      const id = nextSyncId;
      nextSyncId += 1;
      return new Promise<void>((resolve, reject) => {
        pendingSyncs.set(id, { resolve, reject });
        post({ type: 'sync', id });
      });
    },
    reset(): void {
      post({ type: 'reset' });
    },
    onOutput(listener) {
      outputListeners.add(listener);
      return () => outputListeners.delete(listener);
    },
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    close(): void {
      if (closed) return;
      settleLoad({ ok: false, error: new Error(RECOGNIZER_CLOSED_MESSAGE) });
      closed = true;
      unsubscribe();
      const waiting = [...pendingSyncs.values()];
      pendingSyncs.clear();
      for (const { reject } of waiting) reject(new Error(RECOGNIZER_CLOSED_MESSAGE));
      outputListeners.clear();
      errorListeners.clear();
      port.close();
    },
  };
}

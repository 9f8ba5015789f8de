// The e2e stand-in for the app's hidden recognizer windows: OpenRecognizer opens the built recognizer
// page (served by the renderer server, under its own CSP) in a browser context of its own (the app gives
// recognizers their own session partition), creates a MessageChannel in that page, hands it one end
// with RECOGNIZER_PORT_HANDSHAKE exactly as the recognizer preload does, and bridges the other end to
// Node: page → Node through a binding, Node → page through page.evaluate, in order. Frame blocks cross
// as base64 (bindings and evaluate carry JSON) and are ArrayBuffers again in the page.
//
// Chromium here cannot serve the app's attune-model: scheme, so a load-model URL
// attune-model://library/<id>/model.tar.gz is rewritten to <renderer>/attune-model/library/<id>/...,
// and that path is answered by the app's own handleModelRequest on the test's library folder.

import type { Browser, BrowserContext, Page } from '@playwright/test';
import { handleModelRequest, MODEL_SCHEME } from '../../../src/main/models/model-protocol';
import type { OpenRecognizer, RecognizerPort } from '../../../src/main/transcription/recognizer-link';
import { RECOGNIZER_PORT_HANDSHAKE } from '../../../src/shared/recognizer-protocol';

const EVENT_BINDING = '__attuneRecognizerEvent';
const HOST_PORT = '__attuneRecognizerHostPort';
const MODEL_PATH_PREFIX = 'attune-model/';
/** What the bridge reports when the page crashes, as the app reports a crashed recognizer window. */
export const RECOGNIZER_CRASHED_MESSAGE = 'The speech recognizer stopped unexpectedly.';

export interface RecognizerBridgeOptions {
  browser: Browser;
  rendererUrl: string;
  /** The library folder whose models handleModelRequest serves. */
  dataDir: () => string;
  /** Each recognizer page opened, for tests that look at it. */
  onPage?: (page: Page, purpose: 'live' | 'background') => void;
  logProblem?: (message: string) => void;
}

export interface RecognizerBridge {
  openRecognizer: OpenRecognizer;
  /** Recognizer pages open now. */
  readonly openCount: number;
  /** Closes every recognizer page still open. */
  closeAll(): Promise<void>;
}

/** Page-side objects the evaluate callbacks use (the test project has no DOM lib). */
interface RecognizerPageGlobals {
  MessageChannel: new () => { port1: HostPort; port2: unknown };
  location: { origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void;
  atob(base64: string): string;
}
interface HostPort {
  onmessage: ((message: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: unknown[]): void;
  close(): void;
}

/** A request as it crosses to the page: frame blocks as base64. */
type WireRequest = { kind: 'json'; message: unknown } | { kind: 'frames'; base64: string };

function toWire(message: unknown, rendererUrl: string): WireRequest {
  if (typeof message === 'object' && message !== null) {
    const record = message as Record<string, unknown>;
    if (record['type'] === 'frames' && record['block'] instanceof ArrayBuffer) {
      return { kind: 'frames', base64: Buffer.from(record['block']).toString('base64') };
    }
    if (record['type'] === 'load-model' && typeof record['url'] === 'string' && record['url'].startsWith(`${MODEL_SCHEME}://`)) {
      const rewritten = new URL(MODEL_PATH_PREFIX + record['url'].slice(`${MODEL_SCHEME}://`.length), rendererUrl).href;
      return { kind: 'json', message: { ...record, url: rewritten } };
    }
  }
  return { kind: 'json', message };
}

/** The page names the model by the URL it was given; the app's page names it attune-model://…, so this does too. */
function withAppModelUrls(data: unknown, modelRoute: string): unknown {
  if (typeof data !== 'object' || data === null) return data;
  const record = data as Record<string, unknown>;
  if (record['type'] !== 'error' || typeof record['message'] !== 'string') return data;
  return { ...record, message: record['message'].replaceAll(modelRoute, `${MODEL_SCHEME}://`) };
}

export function createRecognizerBridge(options: RecognizerBridgeOptions): RecognizerBridge {
  const open = new Set<BrowserContext>();
  const modelRoute = new URL(MODEL_PATH_PREFIX, options.rendererUrl).href;

  const openRecognizer: OpenRecognizer = async (purpose) => {
    const context = await options.browser.newContext();
    open.add(context);
    const listeners = new Set<(data: unknown) => void>();
    const emit = (data: unknown): void => {
      for (const listener of [...listeners]) listener(data);
    };
    let closed = false;
    try {
      // The app's attune-model: protocol handler, reached over the rewritten http path.
      await context.route(`${modelRoute}**`, async (route) => {
        const request = route.request();
        const modelUrl = `${MODEL_SCHEME}://${request.url().slice(modelRoute.length)}`;
        const response = await handleModelRequest(options.dataDir(), modelUrl, request.method());
        await route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers.entries()),
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      await context.exposeBinding(EVENT_BINDING, (_source, data: unknown) => {
        if (!closed) emit(withAppModelUrls(data, modelRoute));
      });
      const page = await context.newPage();
      page.on('crash', () => emit({ type: 'error', message: RECOGNIZER_CRASHED_MESSAGE }));
      page.on('pageerror', (error) => options.logProblem?.(`recognizer page error: ${error.message}`));
      page.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) options.logProblem?.(`recognizer CSP: ${message.text()}`);
      });
      await page.goto(new URL('recognizer.html', options.rendererUrl).href);
      await page.evaluate(
        ({ handshake, binding, hostPort }) => {
          const page = globalThis as unknown as RecognizerPageGlobals & Record<string, unknown>;
          const channel = new page.MessageChannel();
          channel.port1.onmessage = (message) => {
            void (page[binding] as (data: unknown) => Promise<void>)(message.data);
          };
          page[hostPort] = channel.port1;
          page.postMessage(handshake, page.location.origin, [channel.port2]);
        },
        { handshake: RECOGNIZER_PORT_HANDSHAKE, binding: EVENT_BINDING, hostPort: HOST_PORT },
      );
      options.onPage?.(page, purpose);

      // evaluate calls are chained so the page receives requests in the order they were posted.
      let sending: Promise<void> = Promise.resolve();
      const port: RecognizerPort = {
        postMessage(message) {
          if (closed) return;
          const wire = toWire(message, options.rendererUrl);
          sending = sending
            .then(() =>
              page.evaluate(
                ({ request, hostPort }) => {
                  const page = globalThis as unknown as RecognizerPageGlobals & Record<string, unknown>;
                  const host = page[hostPort] as HostPort;
                  if (request.kind === 'json') {
                    host.postMessage(request.message);
                    return;
                  }
                  const binary = page.atob(request.base64);
                  const bytes = new Uint8Array(binary.length);
                  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
                  host.postMessage({ type: 'frames', block: bytes.buffer }, [bytes.buffer]);
                },
                { request: wire, hostPort: HOST_PORT },
              ),
            )
            .catch((error: unknown) => {
              // A page closed meanwhile is the port being closed, not a problem.
              if (!closed) options.logProblem?.(`recognizer bridge: posting to the page failed: ${String(error)}`);
            });
        },
        onMessage(listener) {
          listeners.add(listener);
          return () => {
            listeners.delete(listener);
          };
        },
        close() {
          if (closed) return;
          closed = true;
          listeners.clear();
          open.delete(context);
          void context.close().catch(() => undefined);
        },
      };
      return port;
    } catch (error) {
      closed = true;
      open.delete(context);
      await context.close().catch(() => undefined);
      throw error;
    }
  };

  return {
    openRecognizer,
    get openCount() {
      return open.size;
    },
    async closeAll() {
      const contexts = [...open];
      open.clear();
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    },
  };
}

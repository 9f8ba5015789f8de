// Electron glue for the hidden speech recognizer windows. Each recognizer (one for the live call, one
// for background transcription) is a hidden, sandboxed BrowserWindow in a session partition of its own:
// only that session answers the attune-model: scheme (the model archives) and sends the recognizer's
// CSP (vosk-browser needs 'unsafe-eval' and a blob: worker, which the main UI never gets), and it
// grants no permissions. Main talks to the page over a MessageChannelMain whose far end the recognizer
// preload hands to the page. A page that crashes is reported on its port as an error (the link and the
// transcribers treat it like any recognizer error); it never takes the call or the app down.

import { BrowserWindow, MessageChannelMain, protocol, session, type Session } from 'electron';
import { RECOGNIZER_PORT_CHANNEL } from '../../shared/recognizer-window';
import { handleModelRequest, MODEL_SCHEME } from '../models/model-protocol';
import type { OpenRecognizer, RecognizerPort } from '../transcription/recognizer-link';
import { isRecognizerPageUrl, type AppPages } from './app-pages';
import { lockedDownWebPreferences, loadAppPage } from './app-window';
import { buildRecognizerContentSecurityPolicy } from './content-security-policy';

/** In memory only: vosk-browser's IndexedDB copy of the model never outlives the app. */
export const RECOGNIZER_PARTITION = 'recognizer';

export const RECOGNIZER_CRASHED_MESSAGE = 'The speech recognizer stopped unexpectedly.';

const recognizerWindows = new WeakSet<BrowserWindow>();

/** Recognizer windows get no app pushes (live updates, commands): they only talk over their port. */
export function isRecognizerWindow(window: BrowserWindow): boolean {
  return recognizerWindows.has(window);
}

/**
 * Makes attune-model: a standard, secure scheme that fetch (in the recognizer's worker) may read,
 * streamed, with CORS. Must run before the app is ready.
 */
export function registerModelScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MODEL_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
  ]);
}

export interface RecognizerWindowsOptions {
  pages: AppPages;
  /** The built recognizer preload (out/preload/recognizer.js). */
  preloadPath: string;
  /** The library folder, whose models/ the attune-model: scheme serves. */
  dataDir: string;
  logError(message: string, error: unknown): void;
}

export interface RecognizerWindows {
  openRecognizer: OpenRecognizer;
  /** Destroys every recognizer window still open. */
  closeAll(): void;
}

function installRecognizerSession(recognizerSession: Session, options: RecognizerWindowsOptions): void {
  const policy = buildRecognizerContentSecurityPolicy(options.pages.tag === 'devServer' ? { devServerOrigin: options.pages.origin } : {});
  recognizerSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isRecognizerPageUrl(details.url, options.pages)) {
      callback({});
      return;
    }
    const otherHeaders = Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
    callback({ responseHeaders: { ...Object.fromEntries(otherHeaders), 'Content-Security-Policy': [policy] } });
  });
  recognizerSession.protocol.handle(MODEL_SCHEME, (request) => handleModelRequest(options.dataDir, request.url, request.method));
  // The recognizer needs no microphone, camera, notifications or anything else.
  recognizerSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  recognizerSession.setPermissionCheckHandler(() => false);
}

export function createRecognizerWindows(options: RecognizerWindowsOptions): RecognizerWindows {
  const recognizerSession = session.fromPartition(RECOGNIZER_PARTITION);
  installRecognizerSession(recognizerSession, options);
  /** Each open recognizer window with the function that closes it (port and window). */
  const open = new Map<BrowserWindow, () => void>();

  const openRecognizer: OpenRecognizer = async (purpose) => {
    const window = new BrowserWindow({
      show: false,
      title: `Attune recognizer (${purpose})`,
      webPreferences: { ...lockedDownWebPreferences(options.preloadPath), partition: RECOGNIZER_PARTITION },
    });
    recognizerWindows.add(window);
    const { port1: hostPort, port2: pagePort } = new MessageChannelMain();
    const listeners = new Set<(data: unknown) => void>();
    const emit = (data: unknown): void => {
      for (const listener of [...listeners]) listener(data);
    };
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      listeners.clear();
      hostPort.close();
      open.delete(window);
      if (!window.isDestroyed()) window.destroy();
    };

    window.webContents.on('render-process-gone', (_event, details) => {
      options.logError(`attune: the ${purpose} recognizer page is gone (${details.reason})`, null);
      emit({ type: 'error', message: RECOGNIZER_CRASHED_MESSAGE });
    });
    window.on('closed', () => {
      if (!closed) emit({ type: 'error', message: RECOGNIZER_CRASHED_MESSAGE });
      close();
    });
    open.set(window, close);
    hostPort.on('message', (message) => emit(message.data));
    hostPort.start();

    try {
      await loadAppPage(window, options.pages, 'recognizer');
    } catch (error) {
      close();
      throw error;
    }
    if (window.isDestroyed()) throw new Error(RECOGNIZER_CRASHED_MESSAGE);
    window.webContents.postMessage(RECOGNIZER_PORT_CHANNEL, null, [pagePort]);

    const port: RecognizerPort = {
      postMessage(message) {
        if (!closed) hostPort.postMessage(message);
      },
      onMessage(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      close,
    };
    return port;
  };

  return {
    openRecognizer,
    closeAll() {
      for (const close of [...open.values()]) close();
    },
  };
}

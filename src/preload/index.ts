// Preload: builds the narrow, typed `window.attune` bridge from the IPC contract. Runs sandboxed
// (CommonJS, only `electron` is requirable), so everything else it imports is bundled into it.
// ipcRenderer and IPC event objects never cross into the page: it gets one function per contract
// method, subscriptions that hand over only the payload, and `openFramePort` (see main-world-bridge.ts).

import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  APP_COMMAND_CHANNEL,
  createIpcClient,
  FRAME_PORT_CHANNEL,
  LIVE_UPDATE_CHANNEL,
  TRANSCRIPTION_UPDATE_CHANNEL,
  type AppCommand,
  type AttuneBridge,
} from '../shared/ipc-contract';
import { IMPORT_PROGRESS_CHANNEL, type ImportProgress } from '../shared/call-import';
import type { LiveUpdate } from '../shared/live';
import type { TranscriptionUpdate } from '../shared/transcription';
import { installAttuneBridge, type IsolatedBridge } from './main-world-bridge';

/** The `type` of the window message that carries the frame port from this world to the page's. */
const FRAME_PORT_MESSAGE_TYPE = 'attune:frame-port';
const BRIDGE_KEY = 'attune';

/** `window` as the preload uses it (this file is type-checked without the DOM library). */
const preloadWindow = globalThis as unknown as {
  postMessage(message: unknown, targetOrigin: string, transfer: readonly unknown[]): void;
};

/** Subscribes `listener` to a push channel; the page gets the payload only, never the IPC event. */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

type IsolatedHalf = Omit<AttuneBridge, 'openFramePort'> & IsolatedBridge;

const isolated: IsolatedHalf = {
  ...createIpcClient((channel, args) => ipcRenderer.invoke(channel, ...args)),
  pathForDroppedFile: (file) => webUtils.getPathForFile(file),
  onLiveUpdate: (listener) => subscribe<LiveUpdate>(LIVE_UPDATE_CHANNEL, listener),
  onAppCommand: (listener) => subscribe<AppCommand>(APP_COMMAND_CHANNEL, listener),
  onTranscriptionUpdate: (listener) => subscribe<TranscriptionUpdate>(TRANSCRIPTION_UPDATE_CHANNEL, listener),
  onImportProgress: (listener) => subscribe<ImportProgress>(IMPORT_PROGRESS_CHANNEL, listener),
  requestFramePort: (requestId: string) => {
    // One end goes to main (it becomes a MessagePortMain there), the other to the page. Frames then
    // flow page → main directly, with their buffers transferred, without passing through this world.
    const channel = new MessageChannel();
    ipcRenderer.postMessage(FRAME_PORT_CHANNEL, null, [channel.port1]);
    preloadWindow.postMessage({ type: FRAME_PORT_MESSAGE_TYPE, requestId }, '*', [channel.port2]);
  },
};

try {
  contextBridge.executeInMainWorld({ func: installAttuneBridge, args: [isolated, FRAME_PORT_MESSAGE_TYPE, BRIDGE_KEY] });
} catch (error) {
  // Should never happen; if it does, the rest of the app keeps working and live capture says why not.
  console.error('attune: could not install the bridge in the page world; live capture is unavailable', error);
  const { requestFramePort: _unused, ...rest } = isolated;
  const fallback: AttuneBridge = {
    ...rest,
    openFramePort: () => Promise.reject(new Error('Attune could not open the audio channel to the main process.')),
  };
  contextBridge.exposeInMainWorld(BRIDGE_KEY, fallback);
}

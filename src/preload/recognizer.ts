// Preload of the hidden recognizer windows, and all it does: main posts one MessagePort on
// RECOGNIZER_PORT_CHANNEL, and this hands it to the page with window.postMessage(RECOGNIZER_PORT_HANDSHAKE)
// (a port cannot cross contextBridge; it can be transferred to the page's world this way). The page
// gets no `window.attune` and no IPC: it only ever talks over that port. Runs sandboxed (CommonJS,
// only `electron` is requirable); the rest is bundled in.

import { ipcRenderer, type IpcRendererEvent } from 'electron';
import { RECOGNIZER_PORT_HANDSHAKE } from '../shared/recognizer-protocol';
import { RECOGNIZER_PORT_CHANNEL } from '../shared/recognizer-window';

/** `window` as this preload uses it (type-checked without the DOM library). */
const recognizerWindow = globalThis as unknown as {
  location: { protocol: string; origin: string };
  postMessage(message: unknown, targetOrigin: string, transfer: readonly unknown[]): void;
};

ipcRenderer.on(RECOGNIZER_PORT_CHANNEL, (event: IpcRendererEvent) => {
  const [port, ...extra] = event.ports;
  for (const surplus of extra) surplus.close();
  if (port === undefined) return;
  // The message goes to this very window. A file: page has an opaque origin no targetOrigin can name,
  // so '*' there; navigation away is blocked for every window, so the receiver is always this page.
  const targetOrigin = recognizerWindow.location.protocol === 'file:' ? '*' : recognizerWindow.location.origin;
  recognizerWindow.postMessage(RECOGNIZER_PORT_HANDSHAKE, targetOrigin, [port]);
});

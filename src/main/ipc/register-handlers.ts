// Electron glue: one `ipcMain.handle` per contract method, each routed through the validated dispatcher,
// and main's end of the frame port that carries the live audio.

import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type MessagePortMain } from 'electron';
import { ATTUNE_IPC_METHODS, channelForMethod, FRAME_PORT_CHANNEL, type AttuneIpcApi } from '../../shared/ipc-contract';
import type { FramePortRegistry } from '../app/frame-port-registry';
import { createValidatedDispatcher } from './validated-dispatch';

export interface RegisterHandlersOptions {
  /** Only frames showing the app's own pages may call main; see `isAppPageUrl`. */
  isTrustedSenderUrl(url: string): boolean;
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpcHandlers(handlers: AttuneIpcApi, options: RegisterHandlersOptions): () => void {
  const dispatch = createValidatedDispatcher(handlers);
  for (const method of ATTUNE_IPC_METHODS) {
    const channel = channelForMethod(method);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...rawArgs: unknown[]) => {
      // Defence in depth: navigation is blocked anyway, but a frame with foreign content must never reach main.
      const senderUrl = event.senderFrame?.url ?? '';
      if (!options.isTrustedSenderUrl(senderUrl)) {
        throw new Error(`Refused ${channel}: the request did not come from an Attune page.`);
      }
      return dispatch(method, rawArgs);
    });
  }
  return () => {
    for (const method of ATTUNE_IPC_METHODS) ipcMain.removeHandler(channelForMethod(method));
  };
}

export interface FramePortOptions {
  /** Only the app's own pages may open a frame port. */
  isTrustedSenderUrl(url: string): boolean;
  /** One message from the port: an ArrayBuffer frame block, validated by the live call service. */
  onFrameMessage(data: unknown): void;
  /** Holds the current port; a new one closes the previous. */
  registry: FramePortRegistry<MessagePortMain>;
  logError(message: string, error: unknown): void;
}

/**
 * Main's end of the frame port: the preload posts one MessagePort on FRAME_PORT_CHANNEL for each call
 * (ipcRenderer.postMessage); main listens on it and hands every message to the live call service.
 * Returns a function that stops listening and closes the current port.
 */
export function registerFramePortChannel(options: FramePortOptions): () => void {
  const onPort = (event: IpcMainEvent): void => {
    const senderUrl = event.senderFrame?.url ?? '';
    const [port, ...extra] = event.ports;
    if (!options.isTrustedSenderUrl(senderUrl)) {
      for (const refused of event.ports) refused.close();
      options.logError(`attune: refused a frame port from ${senderUrl || 'an unknown frame'}`, null);
      return;
    }
    for (const surplus of extra) surplus.close();
    if (port === undefined) {
      options.logError('attune: a frame-port message carried no port', null);
      return;
    }
    port.on('message', (message) => options.onFrameMessage(message.data));
    // The page closed its end (window closed or reloaded): forget the port if it is still current.
    port.on('close', () => options.registry.closeIfCurrent(port));
    options.registry.accept(port);
    // MessagePortMain queues messages until started.
    port.start();
  };
  ipcMain.on(FRAME_PORT_CHANNEL, onPort);
  return () => {
    ipcMain.removeListener(FRAME_PORT_CHANNEL, onPort);
    options.registry.closeCurrent();
  };
}

// Electron glue: one `ipcMain.handle` per contract method, each routed through the validated dispatcher.

import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ATTUNE_IPC_METHODS, channelForMethod, type AttuneIpcApi } from '../../shared/ipc-contract';
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

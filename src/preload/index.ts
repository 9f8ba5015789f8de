// Preload: exposes the narrow, typed `window.attune` bridge generated from the IPC contract.
// Runs sandboxed (CommonJS, only `electron` is requirable), so it imports nothing but the contract.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createIpcClient, type AttuneBridge } from '../shared/ipc-contract';

const bridge: AttuneBridge = {
  // ipcRenderer itself never crosses the bridge: the renderer gets one function per contract method.
  ...createIpcClient((channel, args) => ipcRenderer.invoke(channel, ...args)),
  pathForDroppedFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('attune', bridge);

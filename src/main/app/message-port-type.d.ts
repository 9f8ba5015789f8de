// The Node-side type-check (main, preload, tests) has no DOM library, and @types/node declares the
// global `MessagePort` only as a value. The IPC contract's `openFramePort(): Promise<MessagePort>` and
// Electron's `ipcRenderer.postMessage(…, transfer: MessagePort[])` need it as a type too: on this side
// it is Node's MessagePort, which has the same postMessage/start/close shape as the DOM one the
// renderer's own type-check (tsconfig.web.json, with the DOM library) sees.

declare global {
  type MessagePort = import('node:worker_threads').MessagePort;
}

export {};

// The one IPC contract between renderer and main: method names, payload/result types and channel names.
// Preload, main-side registration and the e2e harness are all derived from this file, so a method
// added here shows up everywhere (or fails to type-check) instead of drifting between processes.

import type { CallAnalysis } from './call-analysis';

export type AgentChannel = 'left' | 'right';

export interface AnalyzeCallFileRequest {
  /** Absolute path of a two-channel WAV file on this machine. */
  path: string;
  /** Which stereo channel carries the agent's microphone. Default 'left'. */
  agentChannel?: AgentChannel;
}

/** `error` is a single user-facing sentence, never a stack trace. */
export type AnalyzeCallFileResult = { ok: true; analysis: CallAnalysis } | { ok: false; error: string };

/**
 * Invoke-style methods the renderer may call in main. Every method returns a Promise because each
 * one crosses a process boundary (`ipcRenderer.invoke` / `ipcMain.handle`).
 */
export interface AttuneIpcApi {
  /** Decodes and analyses a call recording. Bad files resolve `{ ok: false }`; malformed requests reject. */
  analyzeCallFile(request: AnalyzeCallFileRequest): Promise<AnalyzeCallFileResult>;
  /** Shows the native open dialog filtered to WAV files; null when the user cancels. */
  chooseCallFile(): Promise<string | null>;
}

export type AttuneIpcMethod = keyof AttuneIpcApi;
export type AttuneIpcArgs<M extends AttuneIpcMethod> = Parameters<AttuneIpcApi[M]>;
export type AttuneIpcResult<M extends AttuneIpcMethod> = Awaited<ReturnType<AttuneIpcApi[M]>>;

/**
 * The single list of IPC method names. The object-keyed form makes the compiler reject a list that
 * misses or invents a method, which a plain array literal would not.
 */
const METHOD_PRESENCE: { readonly [M in AttuneIpcMethod]: true } = {
  analyzeCallFile: true,
  chooseCallFile: true,
};
export const ATTUNE_IPC_METHODS: readonly AttuneIpcMethod[] = Object.freeze(
  Object.keys(METHOD_PRESENCE) as AttuneIpcMethod[],
);

export const ATTUNE_CHANNEL_PREFIX = 'attune:';
export type AttuneIpcChannel<M extends AttuneIpcMethod = AttuneIpcMethod> = `${typeof ATTUNE_CHANNEL_PREFIX}${M}`;

export function channelForMethod<M extends AttuneIpcMethod>(method: M): AttuneIpcChannel<M> {
  return `${ATTUNE_CHANNEL_PREFIX}${method}`;
}

export function isAttuneIpcMethod(name: string): name is AttuneIpcMethod {
  return Object.prototype.hasOwnProperty.call(METHOD_PRESENCE, name);
}

/** Helpers that run in the preload itself (no IPC round trip). */
export interface AttuneLocalHelpers {
  /**
   * Absolute path of a file dropped onto the window. Electron ≥ 32 removed `File.path`;
   * the preload answers this with `webUtils.getPathForFile`.
   */
  pathForDroppedFile(file: File): string;
}

/** What the renderer sees as `window.attune`. */
export type AttuneBridge = AttuneIpcApi & AttuneLocalHelpers;

/** Sends one IPC call; the preload backs it with `ipcRenderer.invoke`, the e2e harness with Playwright bindings. */
export type InvokeChannel = (channel: AttuneIpcChannel, args: readonly unknown[]) => Promise<unknown>;

/**
 * Builds the IPC half of `window.attune` from the method list: each method forwards its arguments
 * unchanged to `attune:<method>`. Main validates them, so nothing here trusts the caller.
 */
export function createIpcClient(invoke: InvokeChannel): AttuneIpcApi {
  const client: Partial<Record<AttuneIpcMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of ATTUNE_IPC_METHODS) {
    client[method] = (...args: unknown[]) => invoke(channelForMethod(method), args);
  }
  // The loop above filled every key of the contract; the result types are enforced by main's handlers.
  return client as AttuneIpcApi;
}

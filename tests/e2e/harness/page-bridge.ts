// The page half of the harness's `window.attune`, installed as an init script: what the preload does
// in the app (contract methods forwarded to main, the frame port, live updates and app commands),
// here backed by Playwright bindings and by `page.evaluate` pushes from the test's Node process.
// This function is serialised into the page, so it may use nothing from its module scope.

/** Page-global binding names and hooks shared by both halves of the bridge. */
export const BINDING_PREFIX = '__attuneIpc_';
export const FRAME_BINDING = '__attuneFrameBlock';
/** Page-global hook Node calls (via page.evaluate) to deliver a live update, an app command, a transcription update or import progress. */
export const PUSH_HOOK = '__attuneE2ePush';

export interface PageBridgeOptions {
  methods: string[];
  bindingPrefix: string;
  channelPrefix: string;
  frameBinding: string;
  pushHook: string;
  dropDirectory: string;
  separator: string;
}

export function installPageBridge({ methods, bindingPrefix, channelPrefix, frameBinding, pushHook, dropDirectory, separator }: PageBridgeOptions): void {
  type Binding = (...args: unknown[]) => Promise<unknown>;
  // `globalThis` is the page's window; the test project has no DOM lib to name it.
  const bindings = globalThis as unknown as Record<string, Binding | undefined>;
  // Same shape as createIpcClient in the contract: one forwarding function per method, sent to
  // `attune:<method>` (here: the binding of that name) with the arguments untouched.
  const invoke = (channel: string, args: unknown[]): Promise<unknown> => {
    const binding = bindings[bindingPrefix + channel.slice(channelPrefix.length)];
    if (!binding) return Promise.reject(new Error(`no handler for ${channel}`));
    return binding(...args);
  };
  const bridge: Record<string, unknown> = {};
  for (const method of methods) bridge[method] = (...args: unknown[]) => invoke(channelPrefix + method, args);
  bridge['pathForDroppedFile'] = (file: File) => `${dropDirectory}${separator}${file.name}`;

  type PushKind = 'live' | 'command' | 'transcription' | 'import';
  const listeners: Record<PushKind, Set<(value: unknown) => void>> = { live: new Set(), command: new Set(), transcription: new Set(), import: new Set() };
  const subscribe = (kind: PushKind) => (listener: (value: unknown) => void) => {
    listeners[kind].add(listener);
    return () => {
      listeners[kind].delete(listener);
    };
  };
  bridge['onLiveUpdate'] = subscribe('live');
  bridge['onAppCommand'] = subscribe('command');
  bridge['onTranscriptionUpdate'] = subscribe('transcription');
  bridge['onImportProgress'] = subscribe('import');
  // Node delivers main's pushes here, as ipcRenderer.on would in the preload.
  Object.defineProperty(globalThis, pushHook, {
    value: (kind: PushKind, value: unknown) => {
      for (const listener of [...listeners[kind]]) listener(value);
    },
  });

  // The preload hands main the other end of a MessageChannel; here that end forwards every message
  // to Node as base64 (bindings carry JSON only), where it becomes an ArrayBuffer again.
  bridge['openFramePort'] = () => {
    const channel = new MessageChannel();
    channel.port2.addEventListener('message', (event) => {
      // Typed as Node's MessagePort here (no DOM lib); in the page it is the DOM one, whose event has `data`.
      const { data } = event as unknown as { data: unknown };
      if (!(data instanceof ArrayBuffer)) {
        void bindings[frameBinding]?.({ malformed: Object.prototype.toString.call(data) });
        return;
      }
      const bytes = new Uint8Array(data);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      void bindings[frameBinding]?.(btoa(binary));
    });
    channel.port2.start();
    return Promise.resolve(channel.port1);
  };

  // contextBridge exposes a frozen, non-writable object; so does this.
  Object.defineProperty(globalThis, 'attune', { value: Object.freeze(bridge), writable: false, configurable: false });
}

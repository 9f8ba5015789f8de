// The part of `window.attune` that must live in the page's own JavaScript world: `openFramePort`.
//
// contextBridge copies values between the preload's isolated world and the page's main world, and a
// MessagePort cannot be copied (it can only be transferred), so the preload cannot simply return the
// port. Electron's documented pattern for context-isolated pages is to transfer it with
// `window.postMessage` and pick it up from the page's 'message' event. For `openFramePort()` to return
// a promise of that port, the promise and its listener must be created in the main world too: the
// preload runs `installAttuneBridge` there with `contextBridge.executeInMainWorld`.
//
// `installAttuneBridge` is serialised to source and compiled in the main world, so it must not use
// anything from its module scope (no imports, no helpers, no constants): everything it needs arrives
// as an argument. The unit test runs it from its source text in a separate context to hold it to that.

/** The preload's side of the bridge as the main world receives it (functions are proxied). */
export interface IsolatedBridge {
  /**
   * Creates a channel, sends one end to main and posts the other to this window as
   * `{ type: portMessageType, requestId }` with the port transferred. Throws if it cannot.
   */
  requestFramePort: (requestId: string) => void;
  [method: string]: unknown;
}

/** A message event as the main world sees it (structural, so this file needs no DOM types). */
interface PortMessageEvent {
  readonly source: unknown;
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}

interface MainWorldWindow {
  addEventListener(type: 'message', listener: (event: PortMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: PortMessageEvent) => void): void;
}

/** Runs in the page's main world: defines the read-only `window.attune`. */
export function installAttuneBridge(isolated: IsolatedBridge, portMessageType: string, bridgeKey: string): void {
  const page = globalThis as unknown as MainWorldWindow;
  let requestCount = 0;

  const openFramePort = (): Promise<MessagePort> =>
    new Promise<MessagePort>((resolve, reject) => {
      requestCount += 1;
      const requestId = `${requestCount}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      // Listening before asking means the port cannot arrive before anyone waits for it. Only a
      // message from this very window carrying this request's id and a port is accepted.
      const onMessage = (event: PortMessageEvent): void => {
        const data = event.data as { type?: unknown; requestId?: unknown } | null;
        if (event.source !== page || typeof data !== 'object' || data === null) return;
        if (data.type !== portMessageType || data.requestId !== requestId) return;
        page.removeEventListener('message', onMessage);
        const port = event.ports[0];
        if (port) resolve(port);
        else reject(new Error('Attune could not open the audio channel to the main process (no port arrived).'));
      };
      page.addEventListener('message', onMessage);
      try {
        isolated.requestFramePort(requestId);
      } catch (error) {
        page.removeEventListener('message', onMessage);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  const bridge: Record<string, unknown> = {};
  for (const key of Object.keys(isolated)) {
    if (key !== 'requestFramePort') bridge[key] = isolated[key];
  }
  bridge['openFramePort'] = openFramePort;
  Object.defineProperty(globalThis, bridgeKey, { value: Object.freeze(bridge), writable: false, configurable: false, enumerable: true });
}

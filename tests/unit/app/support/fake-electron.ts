// A stand-in for the parts of the `electron` module the main process uses, for running the real
// composition root (src/main/index.ts) under Node where Electron's binary does not exist. It records
// what main asks of Electron and lets a test play the renderer and the OS: invoke an IPC channel,
// post a frame port, press a shortcut, quit. Shapes follow electron.d.ts for the members used.

import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; payload: unknown }>;
  url: string;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  isLoading(): boolean;
  getURL(): string;
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return null;
  }

  readonly webContents: FakeWebContents;
  visible = false;
  focusable: boolean;
  destroyed = false;
  ignoreMouseEvents: { ignore: boolean; options: unknown } | null = null;
  alwaysOnTopLevel: string | undefined;
  bounds: { x: number; y: number; width: number; height: number };
  readonly log: string[] = [];

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.focusable = options['focusable'] !== false;
    this.bounds = {
      x: Number(options['x'] ?? 0),
      y: Number(options['y'] ?? 0),
      width: Number(options['width'] ?? 800),
      height: Number(options['height'] ?? 600),
    };
    const contents = Object.assign(new EventEmitter(), {
      sent: [] as Array<{ channel: string; payload: unknown }>,
      url: '',
      send(channel: string, payload: unknown) {
        contents.sent.push({ channel, payload });
      },
      isDestroyed: () => this.destroyed,
      isLoading: () => false,
      getURL: () => contents.url,
    });
    this.webContents = contents;
    FakeBrowserWindow.all.push(this);
  }

  loadFile(path: string): Promise<void> {
    this.webContents.url = `file://${path}`;
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.log.push('show');
  }
  showInactive(): void {
    this.visible = true;
    this.log.push('showInactive');
  }
  hide(): void {
    this.visible = false;
    this.log.push('hide');
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.log.push('focus');
  }
  blur(): void {
    this.log.push('blur');
  }
  setFocusable(focusable: boolean): void {
    this.focusable = focusable;
    this.log.push(`focusable:${focusable}`);
  }
  setAlwaysOnTop(_flag: boolean, level?: string): void {
    this.alwaysOnTopLevel = level;
  }
  setVisibleOnAllWorkspaces(): void {}
  setIgnoreMouseEvents(ignore: boolean, options?: unknown): void {
    this.ignoreMouseEvents = { ignore, options };
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return this.bounds;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  /** What the OS does when the user closes the window: 'close' (preventable), then 'closed'. */
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
}

export class FakeMessagePortMain extends EventEmitter {
  started = false;
  closed = false;
  start(): void {
    this.started = true;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close');
  }
}

export function createFakeElectron(appPath: string) {
  const appEvents = new EventEmitter();
  const paths: Record<string, string> = {};
  const ipcHandlers = new Map<string, Listener>();
  const ipcListeners = new EventEmitter();
  const shortcuts = new Map<string, () => void>();
  const errorBoxes: Array<{ title: string; content: string }> = [];
  const trays: Array<{ destroyed: boolean; menu: unknown }> = [];
  const sessionHandlers: Record<string, Listener> = {};
  const state = { quitRequests: 0, quitted: false, exitCode: null as number | null };

  const app = {
    isPackaged: false,
    setPath: (name: string, value: string) => {
      paths[name] = value;
    },
    getPath: (name: string) => paths[name] ?? '',
    getAppPath: () => appPath,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: (event: string, listener: Listener) => appEvents.on(event, listener),
    once: (event: string, listener: Listener) => appEvents.once(event, listener),
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    quit: () => {
      state.quitRequests += 1;
      let prevented = false;
      appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      for (const window of FakeBrowserWindow.getAllWindows()) window.close();
      state.quitted = true;
    },
    exit: (code: number) => {
      state.exitCode = code;
    },
  };

  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };

  /** A session whose handlers land in `handlers` (the default session's in sessionHandlers). */
  const fakeSession = (handlers: Record<string, Listener>) => ({
    webRequest: { onHeadersReceived: (listener: Listener) => (handlers['headers'] = listener) },
    setPermissionRequestHandler: (listener: Listener) => (handlers['permissionRequest'] = listener),
    setPermissionCheckHandler: (listener: Listener) => (handlers['permissionCheck'] = listener),
    setDisplayMediaRequestHandler: (listener: Listener) => (handlers['displayMedia'] = listener),
    protocol: { handle: (scheme: string, listener: Listener) => (handlers[`protocol:${scheme}`] = listener) },
  });
  /** Handlers installed on each named partition's session (e.g. the recognizer's). */
  const partitionHandlers = new Map<string, Record<string, Listener>>();
  const privilegedSchemes: string[] = [];

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    MessageChannelMain: class {
      readonly port1 = new FakeMessagePortMain();
      readonly port2 = new FakeMessagePortMain();
    },
    session: {
      defaultSession: fakeSession(sessionHandlers),
      fromPartition: (partition: string) => {
        const handlers = partitionHandlers.get(partition) ?? {};
        partitionHandlers.set(partition, handlers);
        return fakeSession(handlers);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: Array<{ scheme: string }>) => privilegedSchemes.push(...schemes.map((entry) => entry.scheme)),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
      on: (channel: string, listener: Listener) => ipcListeners.on(channel, listener),
      removeListener: (channel: string, listener: Listener) => ipcListeners.removeListener(channel, listener),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => errorBoxes.push({ title, content }),
      showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    },
    Notification: class {
      static isSupported(): boolean {
        return false;
      }
      show(): void {}
    },
    globalShortcut: {
      register: (accelerator: string, callback: () => void) => {
        shortcuts.set(accelerator, callback);
        return true;
      },
      unregister: (accelerator: string) => shortcuts.delete(accelerator),
    },
    Tray: class {
      readonly record = { destroyed: false, menu: null as unknown };
      constructor() {
        trays.push(this.record);
      }
      setToolTip(): void {}
      setContextMenu(menu: unknown): void {
        this.record.menu = menu;
      }
      destroy(): void {
        this.record.destroyed = true;
      }
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: { createFromPath: (path: string) => ({ isEmpty: () => !existsSync(path) }) },
    screen: {
      getAllDisplays: () => [display],
      getPrimaryDisplay: () => display,
      getDisplayMatching: () => display,
    },
  };

  return { electron, paths, ipcHandlers, ipcListeners, shortcuts, errorBoxes, trays, sessionHandlers, partitionHandlers, privilegedSchemes, state, appEvents };
}

// Keeps the one frame port of the current call: a new port (a new call, or the renderer reloaded)
// closes the old one, so two captures can never feed the same live session, and a stopped call's
// port is closed so a renderer that keeps posting wastes nothing. Electron-free (any closable port).

export interface ClosablePort {
  close(): void;
}

export interface FramePortRegistry<P extends ClosablePort> {
  /** Makes `port` the current one, closing the previous port. */
  accept(port: P): void;
  /** Closes the current port, if any (the call stopped, the window went away, the app quits). */
  closeCurrent(): void;
  /** Closes `port` only if it is still the current one (its window closed after a newer port came). */
  closeIfCurrent(port: P): void;
  readonly current: P | null;
}

export function createFramePortRegistry<P extends ClosablePort>(): FramePortRegistry<P> {
  let current: P | null = null;
  const closeCurrent = (): void => {
    const port = current;
    current = null;
    port?.close();
  };
  return {
    accept(port) {
      if (port === current) return;
      closeCurrent();
      current = port;
    },
    closeCurrent,
    closeIfCurrent(port) {
      if (port === current) closeCurrent();
    },
    get current() {
      return current;
    },
  };
}

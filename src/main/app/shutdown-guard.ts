// Runs the asynchronous clean-up (stop the live call so it is stored, finish the recording, close the
// database) before the app really quits. Electron's 'before-quit' cannot wait for a promise, so the
// first quit is held back, the clean-up runs once, and then the app is quit again for real.
// Electron-free: the event is anything with preventDefault.

export interface ShutdownGuard {
  /** Call from 'before-quit'. */
  onBeforeQuit(event: { preventDefault(): void }): void;
}

export function createShutdownGuard(cleanUp: () => Promise<void>, quit: () => void, logError: (message: string, error: unknown) => void): ShutdownGuard {
  let state: 'running' | 'cleaning' | 'done' = 'running';
  return {
    onBeforeQuit(event) {
      if (state === 'done') return;
      event.preventDefault();
      if (state === 'cleaning') return;
      state = 'cleaning';
      cleanUp()
        .catch((error: unknown) => logError('attune: clean-up before quitting failed', error))
        .finally(() => {
          state = 'done';
          quit();
        });
    },
  };
}

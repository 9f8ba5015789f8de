// Creates the main application window with the locked-down webPreferences. It owns the audio capture,
// so it keeps running (no background throttling) when hidden or minimised during a call.

import { BrowserWindow } from 'electron';
import type { AppPages } from './app-pages';
import { loadAppPage, lockedDownWebPreferences } from './app-window';

export interface MainWindowOptions {
  pages: AppPages;
  /** Absolute path of the built preload bundle (CommonJS, required by `sandbox: true`). */
  preloadPath: string;
  logError(message: string, error: unknown): void;
}

/** Matches `--color-bg` in the renderer so the window does not flash white before the first paint. */
const BACKGROUND_COLOR = '#f5f6f8';

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { pages, preloadPath } = options;
  const window = new BrowserWindow({
    width: 1240,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    title: 'Attune',
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences: lockedDownWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  loadAppPage(window, pages, 'index').catch((error: unknown) => options.logError('attune: loading the main window failed', error));
  return window;
}

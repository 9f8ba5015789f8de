// Creates the single application window with the locked-down webPreferences.

import { BrowserWindow } from 'electron';
import type { AppPages } from './app-pages';

export interface MainWindowOptions {
  pages: AppPages;
  /** Absolute path of the built preload bundle (CommonJS, required by `sandbox: true`). */
  preloadPath: string;
}

/** Matches `--color-bg` in the renderer so the window does not flash white before the first paint. */
const BACKGROUND_COLOR = '#f5f6f8';

export function createMainWindow({ pages, preloadPath }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1240,
    height: 820,
    minWidth: 880,
    minHeight: 600,
    title: 'Attune',
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());

  switch (pages.tag) {
    case 'devServer':
      void window.loadURL(pages.url);
      break;
    case 'builtFiles':
      void window.loadFile(pages.indexHtmlPath);
      break;
    default: {
      const unreachable: never = pages;
      throw new Error(`unknown app pages ${JSON.stringify(unreachable)}`);
    }
  }
  return window;
}

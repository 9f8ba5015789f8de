// What every Attune window shares: the locked-down webPreferences and loading one of the app's pages.

import type { BrowserWindow, WebPreferences } from 'electron';
import { pageLocation, type AppPageName, type AppPages } from './app-pages';

/**
 * Sandboxed, context-isolated, no Node, no webviews. `backgroundThrottling: false` because the main
 * window runs the audio capture and the overlay shows the live cues: neither may slow down when
 * hidden, minimised or covered by the softphone.
 */
export function lockedDownWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    backgroundThrottling: false,
  };
}

export function loadAppPage(window: BrowserWindow, pages: AppPages, page: AppPageName): Promise<void> {
  const location = pageLocation(pages, page);
  switch (location.tag) {
    case 'file':
      return window.loadFile(location.path);
    case 'url':
      return window.loadURL(location.url);
    default: {
      const unreachable: never = location;
      throw new Error(`unknown page location ${JSON.stringify(unreachable)}`);
    }
  }
}

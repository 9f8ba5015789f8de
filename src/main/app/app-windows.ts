// The app's two windows and how commands reach them: the main window (which owns the audio capture,
// so closing it ends the call) and the overlay. Commands to a window that is still loading wait for it.

import { BrowserWindow } from 'electron';
import type { AppCommand } from '../../shared/ipc-contract';
import type { AppPages } from './app-pages';
import { createMainWindow } from './main-window';
import type { SavedOverlayPosition } from './overlay-placement';
import { createOverlayWindow, type OverlayWindow } from './overlay-window';
import { sendAppCommand } from './window-messages';

export interface AppWindowsOptions {
  pages: AppPages;
  preloadPath: string;
  platform: NodeJS.Platform;
  loadOverlayPosition(): SavedOverlayPosition | undefined;
  saveOverlayPosition(position: SavedOverlayPosition): void;
  /** The main window is gone (the user closed it): the capture went with it. */
  onMainWindowClosed(): void;
  logError(message: string, error: unknown): void;
}

export interface AppWindows {
  readonly overlay: OverlayWindow;
  /** Shows the main window, creating it if it was closed. */
  openMainWindow(): BrowserWindow;
  hasMainWindow(): boolean;
  sendToMainWindow(command: AppCommand): void;
  sendToOverlay(command: AppCommand): void;
  sendToAllWindows(command: AppCommand): void;
}

export function createAppWindows(options: AppWindowsOptions): AppWindows {
  const logError = (message: string, error: unknown): void => options.logError(message, error);
  let mainWindow: BrowserWindow | null = null;
  const overlay = createOverlayWindow({
    pages: options.pages,
    preloadPath: options.preloadPath,
    platform: options.platform,
    loadSavedPosition: () => options.loadOverlayPosition(),
    savePosition: (position) => options.saveOverlayPosition(position),
    logError,
  });

  const liveMainWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  const openMainWindow = (): BrowserWindow => {
    const existing = liveMainWindow();
    if (existing !== null) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const created = createMainWindow({ pages: options.pages, preloadPath: options.preloadPath, logError });
    mainWindow = created;
    created.on('closed', () => {
      if (mainWindow === created) mainWindow = null;
      options.onMainWindowClosed();
    });
    return created;
  };

  return {
    overlay,
    openMainWindow,
    hasMainWindow: () => liveMainWindow() !== null,
    sendToMainWindow(command) {
      const existing = liveMainWindow();
      if (existing !== null && !existing.webContents.isLoading()) {
        sendAppCommand(existing, command);
        return;
      }
      // Closed (macOS keeps running without windows) or still loading: deliver once its page is up.
      const target = existing ?? openMainWindow();
      target.webContents.once('did-finish-load', () => sendAppCommand(target, command));
    },
    sendToOverlay(command) {
      overlay
        .whenLoaded()
        .then(() => {
          const window = overlay.window;
          if (window !== null) sendAppCommand(window, command);
        })
        .catch((error: unknown) => logError(`attune: sending ${command} to the overlay failed`, error));
    },
    sendToAllWindows(command) {
      for (const window of BrowserWindow.getAllWindows()) sendAppCommand(window, command);
    },
  };
}

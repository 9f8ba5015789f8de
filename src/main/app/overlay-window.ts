// The heads-up overlay window: small, frameless, transparent, always on top, out of the taskbar, with
// the same locked-down webPreferences and preload as the main window. It comes back where the agent
// left it (same display if still connected, else the primary one; always inside the work area), can
// let clicks pass through to the softphone below, and takes the keyboard only for a note.
// The decisions live in overlay-placement.ts and overlay-platform.ts; this file is the Electron glue.

import { BrowserWindow, screen, type Display } from 'electron';
import type { AppPages } from './app-pages';
import { loadAppPage, lockedDownWebPreferences } from './app-window';
import { placeOverlay, rememberOverlayPosition, type DisplayArea, type SavedOverlayPosition } from './overlay-placement';
import { overlayPlatformBehaviour } from './overlay-platform';

export const OVERLAY_SIZE = { width: 340, height: 250 } as const;
/** Window moves are saved once the agent has stopped dragging for this long. */
const SAVE_POSITION_AFTER_MS = 500;

export interface OverlayWindowOptions {
  pages: AppPages;
  preloadPath: string;
  platform: NodeJS.Platform;
  loadSavedPosition(): SavedOverlayPosition | undefined;
  savePosition(position: SavedOverlayPosition): void;
  logError(message: string, error: unknown): void;
}

export interface OverlayWindow {
  /** The window, or null before it is created / after it is destroyed. */
  readonly window: BrowserWindow | null;
  isVisible(): boolean;
  /** Shows (without taking the keyboard) or hides the overlay; creates it on first use. */
  setVisible(visible: boolean): void;
  /** True: mouse events go to whatever is below; moves over the overlay are still forwarded to the page. */
  setClickThrough(enabled: boolean): void;
  /** Shows the overlay and gives it the keyboard for the one-line note; resolves once its page has loaded. */
  focusForNote(): Promise<void>;
  /** Gives the keyboard back after a note (see overlay-platform.ts for what each OS allows). */
  returnFocus(): void;
  /** Resolves once the page has loaded (so a command sent after it is not lost). */
  whenLoaded(): Promise<void>;
  destroy(): void;
}

function toDisplayArea(display: Display): DisplayArea {
  return { id: display.id, workArea: display.workArea };
}

export function createOverlayWindow(options: OverlayWindowOptions): OverlayWindow {
  const behaviour = overlayPlatformBehaviour(options.platform);
  let window: BrowserWindow | null = null;
  let loaded: Promise<void> = Promise.resolve();
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Set by destroy(): from then on a close really closes. */
  let quitting = false;

  const savePositionNow = (): void => {
    saveTimer = null;
    if (window === null || window.isDestroyed()) return;
    const bounds = window.getBounds();
    try {
      options.savePosition(rememberOverlayPosition(bounds, toDisplayArea(screen.getDisplayMatching(bounds))));
    } catch (error) {
      options.logError('attune: saving the overlay position failed', error);
    }
  };

  const create = (): BrowserWindow => {
    if (window !== null && !window.isDestroyed()) return window;
    let saved: SavedOverlayPosition | undefined;
    try {
      saved = options.loadSavedPosition();
    } catch (error) {
      options.logError('attune: reading the overlay position failed', error);
    }
    const place = placeOverlay(saved, screen.getAllDisplays().map(toDisplayArea), toDisplayArea(screen.getPrimaryDisplay()), OVERLAY_SIZE);
    const created = new BrowserWindow({
      ...OVERLAY_SIZE,
      x: place.x,
      y: place.y,
      title: 'Attune overlay',
      show: false,
      frame: false,
      transparent: true,
      backgroundColor: '#00000000',
      hasShadow: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: behaviour.focusableWhenIdle,
      acceptFirstMouse: behaviour.acceptFirstMouse,
      ...(behaviour.windowType === undefined ? {} : { type: behaviour.windowType }),
      webPreferences: lockedDownWebPreferences(options.preloadPath),
    });
    created.setAlwaysOnTop(true, behaviour.alwaysOnTopLevel);
    if (options.platform === 'darwin') created.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    // The overlay is moved by dragging its top strip; remember where it ends up.
    created.on('move', () => {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = setTimeout(savePositionNow, SAVE_POSITION_AFTER_MS);
    });
    created.on('closed', () => {
      if (saveTimer !== null) clearTimeout(saveTimer);
      saveTimer = null;
      if (window === created) window = null;
    });
    // Closing the overlay (Alt+F4, a window manager's close) only hides it: it is shown again by the
    // shortcut or the tray, and it must keep its live state.
    created.on('close', (event) => {
      if (quitting) return;
      event.preventDefault();
      created.hide();
    });
    loaded = loadAppPage(created, options.pages, 'overlay').catch((error: unknown) => options.logError('attune: loading the overlay failed', error));
    window = created;
    return created;
  };

  return {
    get window() {
      return window;
    },
    isVisible: () => window !== null && !window.isDestroyed() && window.isVisible(),
    setVisible(visible) {
      if (visible) {
        // Never steal the keyboard from the softphone just to show the cues.
        create().showInactive();
      } else if (window !== null && !window.isDestroyed()) {
        window.hide();
      }
    },
    setClickThrough(enabled) {
      // `forward` keeps mouse-move events flowing to the page, so it can still show hover states.
      create().setIgnoreMouseEvents(enabled, { forward: true });
    },
    async focusForNote() {
      const target = create();
      target.setFocusable(true);
      target.show();
      target.focus();
      await loaded;
    },
    returnFocus() {
      if (window === null || window.isDestroyed()) return;
      window.blur();
      if (!behaviour.focusableWhenIdle) window.setFocusable(false);
    },
    whenLoaded: () => {
      create();
      return loaded;
    },
    destroy() {
      quitting = true;
      if (saveTimer !== null) savePositionNow();
      if (window !== null && !window.isDestroyed()) window.destroy();
      window = null;
    },
  };
}

// The actions behind the global shortcuts and the tray menu, in one table, and what each one does,
// against injected window controls. Electron-free so the behaviour is unit-tested; the Electron glue
// (global-shortcuts.ts, tray.ts) only registers the table.

import type { AppCommand } from '../../shared/ipc-contract';

export type AppAction =
  | 'toggle-overlay'
  | 'toggle-call'
  | 'note'
  | 'dismiss-card'
  | 'toggle-click-through'
  | 'open-main-window'
  | 'quit';

export interface GlobalShortcut {
  action: AppAction;
  /** Electron accelerator syntax. */
  accelerator: string;
  /** For the tray menu and the README. */
  label: string;
}

/** The global shortcuts. Ctrl+Alt (Cmd+Alt on macOS) plus a letter: rarely taken by softphones. */
export const GLOBAL_SHORTCUTS: readonly GlobalShortcut[] = [
  { action: 'toggle-overlay', accelerator: 'CommandOrControl+Alt+O', label: 'Show/hide overlay' },
  { action: 'toggle-call', accelerator: 'CommandOrControl+Alt+L', label: 'Start/stop call' },
  { action: 'note', accelerator: 'CommandOrControl+Alt+N', label: 'Mark moment and add note' },
  { action: 'dismiss-card', accelerator: 'CommandOrControl+Alt+D', label: 'Dismiss card' },
];

export interface TrayItem {
  action: AppAction;
  label: string;
  accelerator?: string;
}

/** The tray menu, top to bottom; `null` is a separator. */
export const TRAY_MENU: ReadonlyArray<TrayItem | null> = [
  { action: 'open-main-window', label: 'Open Attune' },
  null,
  ...GLOBAL_SHORTCUTS.map(({ action, label, accelerator }) => ({ action, label, accelerator })),
  { action: 'toggle-click-through', label: 'Toggle overlay click-through' },
  null,
  { action: 'quit', label: 'Quit Attune' },
];

/** What the actions act on; main provides the real windows, the unit test records the calls. */
export interface AppActionTargets {
  /** True while a call is live (then the call shortcut stops it). */
  isCallLive(): boolean;
  /** Sends a command to the main window, which owns the capture; opens the window first if needed. */
  sendToMainWindow(command: AppCommand): void;
  /** Sends a command to the overlay window (created if needed). */
  sendToOverlay(command: AppCommand): void;
  /** Sends a command to every open window (both show the current card). */
  sendToAllWindows(command: AppCommand): void;
  /** Tells the live session the card on screen was dismissed (no-op when no call is live). */
  dismissCardInSession(): void;
  isOverlayVisible(): boolean;
  setOverlayVisible(visible: boolean): void;
  /** Shows the overlay and gives it the keyboard for the note line. */
  focusOverlayForNote(): void;
  showMainWindow(): void;
  quit(): void;
}

export function runAppAction(action: AppAction, targets: AppActionTargets): void {
  switch (action) {
    case 'toggle-overlay':
      targets.setOverlayVisible(!targets.isOverlayVisible());
      return;
    case 'toggle-call':
      // The main window starts and stops the capture, so it must hear the command even when hidden.
      targets.sendToMainWindow(targets.isCallLive() ? 'stop-call' : 'start-call');
      return;
    case 'note':
      targets.focusOverlayForNote();
      targets.sendToOverlay('open-note');
      return;
    case 'dismiss-card':
      targets.dismissCardInSession();
      targets.sendToAllWindows('dismiss-card');
      return;
    case 'toggle-click-through':
      // The overlay page owns the click-through state (it shows it) and answers with setOverlayClickThrough.
      targets.sendToOverlay('toggle-click-through');
      return;
    case 'open-main-window':
      targets.showMainWindow();
      return;
    case 'quit':
      targets.quit();
      return;
    default: {
      const unreachable: never = action;
      throw new Error(`unknown app action ${JSON.stringify(unreachable)}`);
    }
  }
}

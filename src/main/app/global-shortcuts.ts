// Registers the global shortcuts of app-actions.ts. A shortcut another app already holds (or one the
// desktop does not allow, e.g. under some Wayland compositors) is logged and skipped, never fatal:
// the tray offers every action too.

import { globalShortcut } from 'electron';
import { GLOBAL_SHORTCUTS, type AppAction } from './app-actions';

export interface ShortcutRegistration {
  /** Accelerators that could not be registered. */
  failed: string[];
  unregisterAll(): void;
}

export function registerGlobalShortcuts(run: (action: AppAction) => void, logError: (message: string, error: unknown) => void): ShortcutRegistration {
  const failed: string[] = [];
  const registered: string[] = [];
  for (const { accelerator, action, label } of GLOBAL_SHORTCUTS) {
    let ok = false;
    try {
      ok = globalShortcut.register(accelerator, () => run(action));
    } catch (error) {
      logError(`attune: the shortcut ${accelerator} (${label}) is not valid here`, error);
    }
    if (ok) {
      registered.push(accelerator);
    } else {
      failed.push(accelerator);
      logError(`attune: could not register the global shortcut ${accelerator} (${label}); another app may hold it. Use the tray menu instead.`, null);
    }
  }
  return {
    failed,
    unregisterAll() {
      for (const accelerator of registered) globalShortcut.unregister(accelerator);
      registered.length = 0;
    },
  };
}

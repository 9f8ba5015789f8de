// The tray (menu bar on macOS) icon with the menu of app-actions.ts: the overlay, the call, notes,
// cards, the main window and quit — reachable even when a global shortcut could not be registered.

import { join } from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { TRAY_MENU, type AppAction } from './app-actions';

/**
 * resources/ holds tray.png (+ @2x) for Windows and Linux and trayTemplate.png (+ @2x) for macOS,
 * where a black-and-alpha "Template" image follows the menu bar's light or dark appearance.
 */
export function trayIconPath(appRoot: string, platform: NodeJS.Platform): string {
  return join(appRoot, 'resources', platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
}

export function createAppTray(iconPath: string, run: (action: AppAction) => void, logError: (message: string, error: unknown) => void): Tray | null {
  const icon = nativeImage.createFromPath(iconPath);
  if (icon.isEmpty()) {
    logError(`attune: the tray icon ${iconPath} is missing or unreadable; no tray icon`, null);
    return null;
  }
  try {
    const tray = new Tray(icon);
    tray.setToolTip('Attune');
    const template: MenuItemConstructorOptions[] = TRAY_MENU.map((item) =>
      item === null
        ? { type: 'separator' }
        : {
            label: item.label,
            click: () => run(item.action),
            // Shown as a hint next to the label; the global shortcut does the work.
            ...(item.accelerator === undefined ? {} : { accelerator: item.accelerator, registerAccelerator: false }),
          },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
    return tray;
  } catch (error) {
    // Some Linux desktops have no status area at all.
    logError('attune: could not create the tray icon', error);
    return null;
  }
}

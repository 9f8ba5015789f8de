// Where the call library lives: the folder Electron uses as `userData` for the app name "Attune" on
// each OS, computed here without importing Electron so the CLI finds the same library as the app.
// ATTUNE_DATA_DIR overrides it for both (tests, portable installs, a second library).

import { posix, win32 } from 'node:path';
import { homedir } from 'node:os';

/** The app name Electron's userData folder is named after. */
export const APP_FOLDER_NAME = 'Attune';

/**
 * The library folder for this user. Pure apart from its defaults: pass `env`, `platform`, `home` and
 * `cwd` to compute it for any OS. A relative ATTUNE_DATA_DIR is taken from `cwd`, as a shell would.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
  cwd: string = process.cwd(),
): string {
  // Build paths with the target OS's rules, so a Windows path is computed right on any OS (and in tests).
  const path = platform === 'win32' ? win32 : posix;
  const override = env['ATTUNE_DATA_DIR'];
  if (override !== undefined && override.trim() !== '') return path.resolve(cwd, override);

  switch (platform) {
    case 'win32':
      // Electron's appData on Windows is %APPDATA% (Roaming), which defaults to this when unset.
      return path.join(nonEmpty(env['APPDATA']) ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default: {
      // Linux and the other Unixes: $XDG_CONFIG_HOME, else ~/.config, exactly as Chromium picks
      // Electron's appData (it takes a set value as is, so a relative one is relative to the cwd).
      const xdgConfigHome = nonEmpty(env['XDG_CONFIG_HOME']);
      return path.join(xdgConfigHome === undefined ? path.join(home, '.config') : path.resolve(cwd, xdgConfigHome), APP_FOLDER_NAME);
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

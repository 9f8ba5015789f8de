// Where the Electron app finds better-sqlite3's native module built for Electron's ABI. node_modules
// keeps the Node build (the tests and the CLI use it); `npm start` first runs
// scripts/electron-native.mjs, which puts an Electron build in <repo>/.electron-native/<version>/.
// A packaged app needs none of this: electron-builder rebuilds better-sqlite3 for Electron itself.
// Node-only on purpose (no electron import), so it is testable and the caller passes in what Electron knows.

import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_NATIVE_FOLDER = '.electron-native';
export const BETTER_SQLITE3_BINARY = 'better_sqlite3.node';

/** <appRoot>/.electron-native/<electronVersion>/better_sqlite3.node; keep in step with scripts/electron-native.mjs. */
export function electronNativeBindingFile(appRoot: string, electronVersion: string): string {
  return join(appRoot, ELECTRON_NATIVE_FOLDER, electronVersion, BETTER_SQLITE3_BINARY);
}

/**
 * The binding to pass as openLibrary's `nativeBinding`: the Electron build when running from the
 * repository (`app.getAppPath()`, `process.versions.electron`), undefined when packaged or when it is
 * missing (better-sqlite3 then loads its own, which in a packaged app is the Electron build).
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string, isPackaged = false): string | undefined {
  if (isPackaged) return undefined;
  const file = electronNativeBindingFile(appRoot, electronVersion);
  return existsSync(file) ? file : undefined;
}

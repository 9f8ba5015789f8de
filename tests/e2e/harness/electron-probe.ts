// Whether the real Electron app can run here, for the Electron-binary specs: an installed binary that
// runs, a display, and a better-sqlite3 build for Electron's ABI. Each spec skips with the reason when
// one is missing (the binary is downloaded on first `npm start`, which needs the internet).

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { electronNativeBindingFile } from '../../../src/main/library/electron-native-binding';

export const PROJECT_ROOT = join(__dirname, '../../..');
const electronDir = join(PROJECT_ROOT, 'node_modules/electron');

export type ElectronProbe = { ok: true; executable: string; version: string } | { ok: false; reason: string };

/**
 * The Electron binary, if one is installed AND runs here: node_modules/electron's own lookup
 * (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) without its download fallback, then a real run of
 * the binary as Node, which fails fast if it is missing, for another platform, or lacks libraries.
 */
export function probeElectron(): ElectronProbe {
  const pathFile = join(electronDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const overrideDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = overrideDir ? join(overrideDir, relativePath ?? 'electron') : relativePath ? join(electronDir, 'dist', relativePath) : undefined;
  if (executable === undefined || !existsSync(executable)) return { ok: false, reason: 'skipped: no Electron binary (it is downloaded on first `npm start`, which needs the internet)' };
  const run = spawnSync(executable, ['-e', 'process.stdout.write(process.versions.electron)'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (run.status !== 0 || !run.stdout) return { ok: false, reason: `skipped: no Electron binary that runs here (${run.error?.message ?? (run.stderr.trim() || `exit ${run.status}`)})` };
  return { ok: true, executable, version: run.stdout.trim() };
}

/** Why the real app cannot run here, or null when it can. */
export function electronSkipReason(probe: ElectronProbe): string | null {
  if (!probe.ok) return probe.reason;
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
  if (!hasDisplay) return 'skipped: no display (run under xvfb-run to open real windows)';
  if (!existsSync(electronNativeBindingFile(PROJECT_ROOT, probe.version))) {
    return `skipped: no better-sqlite3 build for Electron ${probe.version} (run \`npm start\` once to make it)`;
  }
  return null;
}

// The real Electron app, where an Electron binary is installed and runs: the main window opens with
// the app shell, sandboxed and with the narrow bridge; the overlay window exists hidden and shows on
// request; a call started through the real preload, fed audio over the real frame port and stopped
// is stored in a library in a temp folder (ATTUNE_DATA_DIR). Skipped, with the reason, where there
// is no Electron binary (it is downloaded on first use, which needs the internet), no display, or no
// better-sqlite3 build for Electron's ABI yet (`npm start` makes it).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ATTUNE_IPC_METHODS } from '../../src/shared/ipc-contract';
import { electronSkipReason, probeElectron, PROJECT_ROOT } from './harness/electron-probe';

const root = PROJECT_ROOT;
const probe = probeElectron();
const skipReason = electronSkipReason(probe);
test.skip(skipReason !== null, skipReason ?? '');

let app: ElectronApplication;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'attune-electron-'));
  // The project folder as the app (package.json's "main" is the built main process, its productName
  // the app name), as `npm start` runs it.
  app = await electron.launch({
    ...(probe.ok ? { executablePath: probe.executable } : {}),
    args: [root],
    cwd: root,
    env: { ...process.env, ATTUNE_DATA_DIR: dataDir },
  });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function mainWindow(): Promise<Page> {
  const window = await app.firstWindow();
  await expect(window.getByRole('button', { name: 'Open recording…' })).toBeVisible();
  return window;
}

async function windowsByPage(): Promise<Record<string, { visible: boolean; alwaysOnTop: boolean }>> {
  return app.evaluate(({ BrowserWindow }) =>
    Object.fromEntries(
      BrowserWindow.getAllWindows().map((w) => [
        new URL(w.webContents.getURL()).pathname.split('/').pop() ?? '',
        { visible: w.isVisible(), alwaysOnTop: w.isAlwaysOnTop() },
      ]),
    ),
  );
}

test('the main window is sandboxed and exposes exactly the contract', async () => {
  const window = await mainWindow();
  const exposed = await window.evaluate(() => ({
    bridge: Object.keys((window as unknown as { attune: object }).attune).sort(),
    hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
    hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
  }));
  expect(exposed).toEqual({
    bridge: [...ATTUNE_IPC_METHODS, 'pathForDroppedFile', 'openFramePort', 'onLiveUpdate', 'onAppCommand', 'onTranscriptionUpdate', 'onImportProgress'].sort(),
    hasRequire: false,
    hasProcess: false,
  });
});

test('the overlay opens on request, and a call started, fed over the frame port and stopped is stored', async () => {
  const window = await mainWindow();
  await expect.poll(async () => (await windowsByPage())['overlay.html']).toEqual({ visible: false, alwaysOnTop: true });

  await window.evaluate(() => (window as unknown as { attune: { setOverlayVisible(v: boolean): Promise<void> } }).attune.setOverlayVisible(true));
  await expect.poll(async () => (await windowsByPage())['overlay.html']?.visible).toBe(true);

  const result = await window.evaluate(async () => {
    const attune = (window as unknown as { attune: import('../../src/shared/ipc-contract').AttuneBridge }).attune;
    const started = await attune.startLiveCall({ agentName: 'Smoke test' });
    if (!started.ok) return { started, stopped: null, listed: [] };
    const port = await attune.openFramePort();
    // 3 s of two-channel audio in 100 ms blocks: a quiet tone on each side (agent first, then customer).
    for (let block = 0; block < 30; block += 1) {
      const samples = new Int16Array(2 * 1600);
      for (let i = 0; i < 1600; i += 1) {
        samples[i] = Math.round(800 * Math.sin((2 * Math.PI * 220 * (block * 1600 + i)) / 16_000));
        samples[1600 + i] = Math.round(800 * Math.sin((2 * Math.PI * 330 * (block * 1600 + i)) / 16_000));
      }
      port.postMessage(samples.buffer, [samples.buffer]);
    }
    // Give main the queued frames before stopping (frames after a stop belong to no call).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = await attune.stopLiveCall();
    const listed = await attune.listCalls();
    return { started, stopped, listed };
  });

  expect(result.started.ok).toBe(true);
  expect(result.stopped?.ok).toBe(true);
  const callId = result.stopped?.ok ? result.stopped.callId : -1;
  expect(result.listed.map((call) => call.id)).toContain(callId);
  expect(existsSync(join(dataDir, 'attune.sqlite3'))).toBe(true);
});

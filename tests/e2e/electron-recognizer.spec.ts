// The hidden recognizer window in the real Electron app: with a speech model selected, main opens it
// hidden, in its own 'recognizer' session partition, without `window.attune` or Node, under the
// recognizer's CSP (eval allowed there for vosk-browser's WASM, still refused in the main window); the
// model arrives over attune-model: and, being junk, ends in transcription 'failed' with the designed
// message while the main window goes on. Skipped, with the reason, where the real app cannot run
// (see harness/electron-probe.ts).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { modelUrl } from '../../src/main/models/model-protocol';
import type { AttuneBridge } from '../../src/shared/ipc-contract';
import { modelLoadErrorMessage } from '../../src/shared/recognizer-protocol';
import { electronSkipReason, probeElectron, PROJECT_ROOT } from './harness/electron-probe';

const probe = probeElectron();
const skipReason = electronSkipReason(probe);
test.skip(skipReason !== null, skipReason ?? '');

const JUNK_MODEL_ID = 'vosk-model-junk';
const UNREADABLE = 'Vosk could not unpack or read it (a partial or corrupt archive, or not a Vosk model)';

let app: ElectronApplication;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'attune-electron-recognizer-'));
  const junk = Buffer.alloc(4096, 7);
  for (const name of ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf', 'graph/HCLr.fst', 'graph/Gr.fst']) {
    const file = join(dataDir, 'models', JUNK_MODEL_ID, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, junk);
  }
  app = await electron.launch({
    ...(probe.ok ? { executablePath: probe.executable } : {}),
    args: [PROJECT_ROOT],
    cwd: PROJECT_ROOT,
    env: { ...process.env, ATTUNE_DATA_DIR: dataDir },
  });
});

test.afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a selected model opens a hidden, isolated recognizer window under its own CSP; a junk model ends in the designed failure', async () => {
  test.setTimeout(120_000);
  const window = await app.firstWindow();
  await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
  // The recognizer window is closed again once its model fails, so its facts are taken as it loads.
  await app.evaluate(({ app: electronApp, session }) => {
    const facts = globalThis as unknown as { __recognizerFacts: unknown };
    facts.__recognizerFacts = null;
    electronApp.on('browser-window-created', (_event, created) => {
      created.webContents.once('did-finish-load', () => {
        const contents = created.webContents;
        if (!contents.getURL().endsWith('/recognizer.html')) return;
        void contents
          .executeJavaScript(
            `new Promise((resolve) => setTimeout(() => {
              let evalAllowed;
              try { evalAllowed = new Function('return 1')() === 1; } catch { evalAllowed = false; }
              resolve({ evalAllowed, hasBridge: typeof window.attune !== 'undefined', hasRequire: typeof require !== 'undefined' });
            }, 0))`,
          )
          .then((inPage: object) => {
            facts.__recognizerFacts = {
              visible: created.isVisible(),
              ownSession: contents.session === session.fromPartition('recognizer') && contents.session !== session.defaultSession,
              ...inPage,
            };
          });
      });
    });
  });
  const selected = await window.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.selectSpeechModel(id), JUNK_MODEL_ID);
  expect(selected.ok).toBe(true);
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { __recognizerFacts: unknown }).__recognizerFacts), { timeout: 30_000 })
    .toEqual({ visible: false, ownSession: true, evalAllowed: true, hasBridge: false, hasRequire: false });

  // The main window's policy still refuses eval.
  const mainEval = await window.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        setTimeout(() => {
          try {
            // eslint-disable-next-line @typescript-eslint/no-implied-eval -- eval being refused is what is tested.
            resolve((new Function('return 1') as () => number)() === 1);
          } catch {
            resolve(false);
          }
        }, 0);
      }),
  );
  expect(mainEval).toBe(false);

  await expect
    .poll(async () => (await window.evaluate(() => (globalThis as unknown as { attune: AttuneBridge }).attune.getSpeechModels())).transcription, { timeout: 60_000 })
    .toEqual({ state: 'failed', modelId: JUNK_MODEL_ID, message: modelLoadErrorMessage(modelUrl(JUNK_MODEL_ID), UNREADABLE) });
  await expect(window.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

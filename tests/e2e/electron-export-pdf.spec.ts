// The PDF half of exporting a call report, in the real Electron app: exportCallReport(id, 'pdf')
// through the real preload and handler, the save dialog answered with a temp path, and Electron's
// printToPDF in the hidden report window. Skipped, with the reason, where there is no Electron
// binary, no display, or no better-sqlite3 build for Electron's ABI (as electron-app.spec.ts).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { AttuneBridge } from '../../src/shared/ipc-contract';
import { openLibrary } from '../../src/main/library/library';
import { insertAnnotation } from '../../src/main/store/annotations-repository';
import { insertCall } from '../../src/main/store/calls-repository';
import { sampleCall } from '../db/store-fixtures';
import { electronSkipReason, probeElectron, PROJECT_ROOT } from './harness/electron-probe';

const probe = probeElectron();
const skipReason = electronSkipReason(probe);
test.skip(skipReason !== null, skipReason ?? '');

test('a call report exported as PDF is a PDF written where the save dialog said', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-electron-pdf-'));
  const pdfPath = join(dataDir, 'report.pdf');
  // The library is made before the app starts (same schema, same file the app then opens).
  const library = openLibrary(dataDir);
  const callId = insertCall(library.db, sampleCall({ recordingPath: null }));
  insertAnnotation(library.db, { callId, startMs: 40_500, endMs: null, text: 'Talked over the refund request', tags: ['interrupted'], author: 'Sam', createdAt: '2026-12-01T14:00:00.000Z' });
  library.close();
  const app = await electron.launch({
    ...(probe.ok ? { executablePath: probe.executable } : {}),
    args: [PROJECT_ROOT],
    cwd: PROJECT_ROOT,
    env: { ...process.env, ATTUNE_DATA_DIR: dataDir },
  });
  try {
    // The "user" picks pdfPath in the save dialog.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath: path });
    }, pdfPath);
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'Open recording…' })).toBeVisible();
    const result = await window.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.exportCallReport(id, 'pdf'), callId);
    expect(result).toEqual({ outcome: 'written', path: pdfPath });
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

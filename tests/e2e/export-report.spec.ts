// Exporting a stored call's report through the real renderer bridge and the real handler: a call
// imported from a generated recording, an annotation added, the report written where the "user"
// chose in the save dialog, with the annotation in it. The PDF half needs Electron's printer (see
// electron-export-pdf.spec.ts); here the harness has none and says so in one sentence.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttuneBridge } from '../../src/shared/ipc-contract';
import { formatClock } from '../../src/shared/time-format';
import { test, expect } from './harness/attune-fixture';
import { writeSyntheticCall } from './harness/synthetic-call';

test('export writes a self-contained report holding the annotation; a cancelled dialog writes nothing', async ({ attune }) => {
  const { page } = attune;
  const recording = join(attune.dropDir, 'to-export.wav');
  await writeSyntheticCall(recording);
  const imported = await page.evaluate((path) => (globalThis as unknown as { attune: AttuneBridge }).attune.importCalls({ paths: [path] }), recording);
  expect(imported.ok).toBe(true);
  const outcome = imported.ok ? imported.outcomes[0] : undefined;
  if (outcome?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(imported)}`);
  const callId = outcome.callId;

  const added = await page.evaluate(
    (id) => (globalThis as unknown as { attune: AttuneBridge }).attune.addAnnotation({ callId: id, startMs: 2_000, endMs: 4_500, text: 'Let the customer <finish> here', tags: ['interrupted'] }),
    callId,
  );
  expect(added.ok).toBe(true);

  const target = join(attune.dataDir, 'exported report.html');
  attune.setChosenReportPath(target);
  const result = await page.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.exportCallReport(id, 'html'), callId);
  expect(result).toEqual({ outcome: 'written', path: target });
  expect(attune.proposedReportNames).toEqual([expect.stringMatching(new RegExp(`^attune-call-${callId}-\\d{4}-\\d{2}-\\d{2}\\.html$`))]);
  const html = await readFile(target, 'utf8');
  expect(html).toContain('Let the customer &lt;finish&gt; here');
  expect(html).toContain('<span class="time">0:02–0:04</span>');
  expect(html).toContain('<span class="tag">interrupted</span>');
  expect(html).toContain(`<strong data-field="call-length">${formatClock(outcome.durationMs)}</strong>`);
  expect(html).not.toMatch(/<script|\bsrc=|\bhref=/i);

  // The report opens on its own in a browser: shown with its sections, and the page loads nothing else.
  const requests: string[] = [];
  const viewer = await page.context().newPage();
  viewer.on('request', (request) => requests.push(request.url()));
  await viewer.goto(`file://${target}`);
  await expect(viewer.getByRole('heading', { name: 'Annotations (1)' })).toBeVisible();
  await expect(viewer.getByRole('img', { name: /^Timeline of a / })).toBeVisible();
  expect(requests).toEqual([`file://${target.split('/').map(encodeURIComponent).join('/')}`]);
  await viewer.close();

  attune.setChosenReportPath(null);
  expect(await page.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.exportCallReport(id, 'html'), callId)).toEqual({ outcome: 'cancelled' });
});

test('a PDF export without Electron’s printer, and an unknown call, fail in one sentence', async ({ attune }) => {
  const { page } = attune;
  attune.setChosenReportPath(join(attune.dataDir, 'r.pdf'));
  const recording = join(attune.dropDir, 'pdf.wav');
  await writeSyntheticCall(recording);
  const imported = await page.evaluate((path) => (globalThis as unknown as { attune: AttuneBridge }).attune.importCalls({ paths: [path] }), recording);
  const callId = imported.ok && imported.outcomes[0]?.status === 'imported' ? imported.outcomes[0].callId : 0;
  const pdf = await page.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.exportCallReport(id, 'pdf'), callId);
  expect(pdf).toEqual({ outcome: 'failed', error: 'PDF reports are made by the Attune app; from the command line, export HTML (--html) and print it to PDF.' });
  const gone = await page.evaluate(() => (globalThis as unknown as { attune: AttuneBridge }).attune.exportCallReport(9999, 'html'));
  expect(gone).toEqual({ outcome: 'failed', error: 'There is no call 9999 in the library (it may have been deleted).' });
});

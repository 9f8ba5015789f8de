// Dropping a recording onto the window analyses it; dropping anything else explains why not.

import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import { test, expect } from './harness/attune-fixture';
import { dragFileOver, dropFile } from './harness/drop-file';
import { expectReportToShow } from './harness/expected-report';
import { writeSyntheticCall } from './harness/synthetic-call';

test('dropping a WAV analyses it, from another view', async ({ attune }) => {
  const { page } = attune;
  const callPath = join(attune.dropDir, 'dropped-call.wav');
  await writeSyntheticCall(callPath);
  const expected = await analyzeCallFile(callPath);

  // Start somewhere else: a drop means "analyse this" in every view but the Library (which imports it).
  await page.getByRole('button', { name: 'Settings' }).click();
  const transfer = await dragFileOver(page, 'dropped-call.wav');
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);

  await expectReportToShow(page, expected);
  expect(attune.serviceCalls).toEqual([{ path: callPath, agentChannel: 'left' }]);
});

test('dropping a file that is not a WAV shows an error and analyses nothing', async ({ attune }) => {
  const { page } = attune;
  await writeFile(join(attune.dropDir, 'notes.txt'), 'not audio');
  await dropFile(page, 'notes.txt');

  await expect(page.getByRole('alert')).toContainText('Attune can only analyse WAV recordings');
  await expect(page.getByRole('alert')).toContainText('notes.txt');
  expect(attune.serviceCalls).toEqual([]);
});

// Design-review screenshots of the main states, written only when ATTUNE_E2E_SCREENSHOTS_DIR is set:
//   ATTUNE_E2E_SCREENSHOTS_DIR=/tmp/attune-shots npx playwright test screenshots

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { realisticCallPath } from './harness/fixture-calls';

const screenshotsDir = process.env['ATTUNE_E2E_SCREENSHOTS_DIR'];

test.skip(!screenshotsDir, 'set ATTUNE_E2E_SCREENSHOTS_DIR to write design-review screenshots');

test('screenshots of the empty, report, error and placeholder states', async ({ attune }) => {
  const { page } = attune;
  const dir = screenshotsDir ?? '';
  await page.screenshot({ path: join(dir, 'analyse-empty.png') });

  attune.setChosenFile(realisticCallPath());
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expect(page.getByTestId('call-report')).toBeVisible();
  await page.screenshot({ path: join(dir, 'analyse-report.png'), fullPage: true });

  const badPath = join(attune.dropDir, 'meeting-notes.wav');
  await writeFile(badPath, 'not audio');
  attune.setChosenFile(badPath);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.screenshot({ path: join(dir, 'analyse-error.png') });

  await page.getByRole('button', { name: 'Live' }).click();
  await page.screenshot({ path: join(dir, 'live-placeholder.png') });
});

// Recordings Attune cannot analyse produce a visible error in the alert region, never silence.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AudioInputError } from '../../src/main/audio/audio-input-error';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import { test, expect } from './harness/attune-fixture';
import { writeMonoWav } from './harness/synthetic-call';

/** The user-facing message the service gives for `path`. */
async function serviceErrorFor(path: string): Promise<string> {
  const error: unknown = await analyzeCallFile(path).then(
    () => new Error(`expected ${path} to be rejected`),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof AudioInputError)) throw error;
  return error.message;
}

const BAD_FILES: ReadonlyArray<{ name: string; write(path: string): Promise<void> }> = [
  { name: 'text-renamed.wav', write: (path) => writeFile(path, 'This is a text file, not audio.\n') },
  { name: 'mono.wav', write: (path) => writeMonoWav(path) },
];

for (const badFile of BAD_FILES) {
  test(`${badFile.name} shows the service's message in the alert region`, async ({ attune }) => {
    const { page } = attune;
    const path = join(attune.dropDir, badFile.name);
    await badFile.write(path);
    const message = await serviceErrorFor(path);

    attune.setChosenFile(path);
    await page.getByRole('button', { name: 'Open recording…' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert.getByTestId('analysis-error-message')).toHaveText(message);
    await expect(alert).toContainText(`Could not analyse ${badFile.name}`);
    await expect(page.getByTestId('call-report')).toHaveCount(0);

    // Dismissing clears it and the view is ready for the next file.
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('drop-prompt')).toBeVisible();
  });
}

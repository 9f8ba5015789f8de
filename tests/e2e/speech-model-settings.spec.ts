// Settings → Speech model against the real model service: the manifest's models (the one without a
// checksum says its download cannot be verified), a download whose progress shows in MB and percent and
// that is cancelled and resumed (the model host is a test fetch: there is no network), a folder that
// is no Vosk model (one-line error, nothing installed) and one with Vosk's layout (imported, chosen,
// and — since its files are junk — the real recognizer page reports it failed), then transcription
// turned off.

import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { reviewScreenshot } from './harness/ui-screenshots';
import type { Page } from '@playwright/test';

const SMALL_ID = 'vosk-model-small-en-us-0.15';
const SMALL_SIZE_BYTES = 41_205_931;
const LARGE_ID = 'vosk-model-en-us-0.22-lgraph';
const FIRST_CHUNK_BYTES = 4_000_000;

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('speech-models')).toBeVisible();
}

/** A model folder with Vosk's layout whose files are junk: the store accepts it, Vosk cannot read it. */
async function writeJunkVoskFolder(folder: string): Promise<void> {
  const junk = Buffer.alloc(4096, 7);
  for (const name of ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf', 'graph/HCLG.fst']) {
    await mkdir(dirname(join(folder, name)), { recursive: true });
    await writeFile(join(folder, name), name.endsWith('.conf') ? '--sample-frequency=16000\n' : junk);
  }
}

/**
 * The model host: answers with the archive's announced size, sends the first chunk, then holds the
 * connection open until the download is cancelled (its signal aborts). Records each request's Range.
 */
function stallingModelHost(ranges: Array<string | null>): typeof globalThis.fetch {
  return (_input, init) => {
    const signal = init?.signal ?? undefined;
    ranges.push(new Headers(init?.headers).get('range'));
    const resuming = ranges.length > 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(FIRST_CHUNK_BYTES).fill(1));
        signal?.addEventListener('abort', () => controller.error(new DOMException('The download was aborted.', 'AbortError')));
      },
    });
    const headers: Record<string, string> = resuming
      ? { 'content-range': `bytes ${FIRST_CHUNK_BYTES}-${SMALL_SIZE_BYTES - 1}/${SMALL_SIZE_BYTES}`, 'content-length': String(SMALL_SIZE_BYTES - FIRST_CHUNK_BYTES) }
      : { 'content-length': String(SMALL_SIZE_BYTES) };
    return Promise.resolve(new Response(body, { status: resuming ? 206 : 200, headers }));
  };
}

test('models listed; a download shows its progress, is cancelled and resumes from what it kept', async ({ attune }) => {
  const { page } = attune;
  const ranges: Array<string | null> = [];
  attune.setModelFetch(stallingModelHost(ranges));
  await openSettings(page);

  const small = page.locator(`[data-testid="speech-model"][data-model-id="${SMALL_ID}"]`);
  const large = page.locator(`[data-testid="speech-model"][data-model-id="${LARGE_ID}"]`);
  await expect(small).toContainText('English (small, fast)');
  await expect(small).toContainText('en-US · about 40 MB · verified download');
  await expect(small).toContainText('Not installed');
  await expect(small.getByTestId('model-unverified')).toHaveCount(0);
  await expect(large.getByTestId('model-unverified')).toHaveText('No checksum is published for this model, so its download cannot be verified.');
  await expect(page.getByTestId('recognizer-status')).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('recognizer-status')).toContainText('Transcription is off. No speech model is chosen');
  await expect(page.getByTestId('turn-off-transcription')).toBeDisabled();

  await small.getByRole('button', { name: 'Download (40 MB)' }).click();
  const progress = small.getByTestId('download-progress');
  await expect(progress.getByTestId('download-progress-text')).toContainText('Downloading: 4.0 of 41.2 MB (9%)');
  await expect(progress.getByRole('progressbar', { name: 'Downloading English (small, fast)' })).toHaveAttribute('value', String(FIRST_CHUNK_BYTES));
  // One download at a time: the other model and the imports wait.
  await expect(large.getByTestId('download-model')).toBeDisabled();
  await expect(page.getByTestId('import-model-folder')).toBeDisabled();
  await reviewScreenshot(page, 'settings-downloading', page.getByTestId('speech-model-settings'));

  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('model-action-status')).toHaveText('Download cancelled. What was received is kept: Download resumes it.');
  await expect(small.getByTestId('download-progress')).toHaveCount(0);
  await expect(small).toContainText('Not installed');

  // Again: the request asks for the rest only, and the bar starts from what was kept.
  await small.getByTestId('download-model').click();
  await expect(small.getByTestId('download-progress-text')).toContainText('Downloading: 8.0 of 41.2 MB (19%)');
  expect(ranges).toEqual([null, `bytes=${FIRST_CHUNK_BYTES}-`]);
  await small.getByTestId('cancel-download').click();
  await expect(page.getByTestId('model-action-status')).toHaveText(/^Download cancelled/);
});

test('importing a folder: not a Vosk model is refused in one line; a Vosk-layout folder is imported and chosen; then turned off', async ({ attune }) => {
  test.setTimeout(90_000);
  const { page } = attune;
  const sources = await mkdtemp(join(attune.dropDir, 'models-'));
  // The junk model is chosen, so both recognizers try it and log that they could not.
  attune.allowMainLog(/vosk-model-mine/);
  await openSettings(page);

  const notAModel = join(sources, 'holiday-photos');
  await mkdir(notAModel);
  await writeFile(join(notAModel, 'beach.jpg'), 'jpeg');
  attune.setChosenModelSource(notAModel);
  await page.getByRole('button', { name: 'Import folder…' }).click();
  const error = page.getByTestId('model-action-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('does not look like a Vosk model');
  expect((await error.innerText()).includes('\n'), 'one line').toBe(false);
  await expect(page.getByTestId('speech-model')).toHaveCount(2);

  // Cancelling the dialog changes nothing.
  attune.setChosenModelSource(null);
  await page.getByRole('button', { name: 'Import archive…' }).click();
  await expect(page.getByTestId('model-action-error')).toBeVisible();

  const mine = join(sources, 'vosk-model-mine');
  await writeJunkVoskFolder(mine);
  attune.setChosenModelSource(mine);
  await page.getByRole('button', { name: 'Import folder…' }).click();
  await expect(page.getByTestId('model-action-status')).toHaveText('Imported vosk-model-mine and chose it for transcription.');
  const row = page.locator('[data-testid="speech-model"][data-model-id="vosk-model-mine"]');
  await expect(row).toContainText('In use');
  await expect(row).toContainText('imported');

  // Its files are junk: the real recognizer page cannot load it, and Settings says so in one line.
  const status = page.getByTestId('recognizer-status');
  await expect(status).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(status).toContainText('Not transcribing. The speech model at attune-model://library/vosk-model-mine/model.tar.gz could not be loaded');
  await reviewScreenshot(page, 'settings-model-failed', page.getByTestId('speech-model-settings'));

  await page.getByTestId('turn-off-transcription').click();
  await expect(page.getByTestId('model-action-status')).toHaveText('Transcription is off. Calls are still analysed for timing.');
  await expect(status).toHaveAttribute('data-state', 'off');
  await expect(row).toContainText('Installed');
  await expect(row.getByRole('button', { name: 'Use' })).toBeVisible();
});

// Design-review screenshots of the main states, written only when ATTUNE_E2E_SCREENSHOTS_DIR is set:
//   ATTUNE_E2E_SCREENSHOTS_DIR=/tmp/attune-shots npx playwright test screenshots
// Chromium's fake microphone plays the scripted live call, so the Live view and overlay show a real call.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { chromiumLaunchOptions, fakeMicrophoneArgs } from './harness/chromium-launch';
import { realisticCallPath } from './harness/fixture-calls';
import { LIVE_CALL_WAV_PATH } from './harness/live-call-audio';
import { openLiveView, waitForQuietAfterCustomer } from './harness/live-page';

const screenshotsDir = process.env['ATTUNE_E2E_SCREENSHOTS_DIR'];

test.skip(!screenshotsDir, 'set ATTUNE_E2E_SCREENSHOTS_DIR to write design-review screenshots');
test.use({ launchOptions: chromiumLaunchOptions(fakeMicrophoneArgs(LIVE_CALL_WAV_PATH, true)) });

/** The overlay window's size in the app (src/main/app/overlay-window.ts). */
const OVERLAY_VIEWPORT = { width: 340, height: 250 };
const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '800x600', width: 800, height: 600 },
] as const;

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

  await page.getByRole('button', { name: 'Library' }).click();
  await page.screenshot({ path: join(dir, 'library-placeholder.png') });
});

test('screenshots of Settings, the Live view before and during a call, the overlay with a card, and the stored call', async ({ attune }) => {
  test.setTimeout(120_000);
  const { page } = attune;
  const dir = screenshotsDir ?? '';

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('save-settings')).toBeEnabled();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(dir, `settings-${size.name}.png`) });
  }
  await page.setViewportSize(SIZES[0]);

  const overlay = await attune.openOverlay();
  await overlay.setViewportSize(OVERLAY_VIEWPORT);
  await overlay.screenshot({ path: join(dir, 'overlay-idle.png'), omitBackground: true });

  await openLiveView(page);
  await page.getByTestId('source-stereo-input').check();
  await expect(page.getByTestId('consent-reminder')).toBeVisible();
  await waitForQuietAfterCustomer(page);
  await page.screenshot({ path: join(dir, 'live-before-call-1280x800.png') });
  await page.getByTestId('consent-acknowledge').click();
  await page.getByTestId('agent-name').fill('Dana Whitfield');
  await page.getByTestId('start-call').click();

  await expect(page.getByTestId('coach-card')).toBeVisible({ timeout: 40_000 });
  await expect(overlay.getByTestId('overlay-card')).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(dir, `live-call-${size.name}.png`) });
  }
  await overlay.screenshot({ path: join(dir, 'overlay-card.png'), omitBackground: true });
  await attune.sendAppCommand('open-note');
  await overlay.getByTestId('overlay-note').fill('Customer asked about the refund date');
  await overlay.screenshot({ path: join(dir, 'overlay-note.png'), omitBackground: true });
  // Saved, so the stored call's timeline has a note to show.
  await overlay.getByTestId('overlay-note').press('Enter');
  await expect(overlay.getByTestId('overlay-note')).toBeHidden();

  await page.setViewportSize(SIZES[0]);
  await page.getByTestId('stop-call').click();
  await expect(page.getByTestId('recent-call')).toHaveCount(1);
  await page.screenshot({ path: join(dir, 'live-after-call-1280x800.png'), fullPage: true });

  // The stored call: its top (facts, figures), then its timeline with the note's text showing as on focus.
  // The content pane scrolls, not the page, so each part gets its own viewport shot.
  await page.getByTestId('open-call').click();
  await expect(page.getByTestId('stored-call-report')).toBeVisible();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `stored-call-top-${size.name}.png`) });
    await page.getByTestId('timeline-note').focus();
    await expect(page.getByTestId('timeline-moment-tip').filter({ hasText: 'refund' })).toBeVisible();
    await page.getByTestId('call-moments').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `stored-call-timeline-${size.name}.png`) });
  }
});

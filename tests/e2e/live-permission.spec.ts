// Permission denied: without the fake-UI flag and with no permission granted, Chromium refuses the
// microphone; the Live view must say so (an alert) and main must hear of it (reportCaptureProblem).

import { test, expect } from './harness/attune-fixture';
import { chromiumLaunchOptions, fakeMicrophoneArgs } from './harness/chromium-launch';
import { LIVE_CALL_WAV_PATH } from './harness/live-call-audio';
import { openLiveView } from './harness/live-page';

test.use({ launchOptions: chromiumLaunchOptions(fakeMicrophoneArgs(LIVE_CALL_WAV_PATH, false)), permissions: [] });

test('a refused microphone shows an alert, is reported to main, and no call can start', async ({ attune }) => {
  const { page } = attune;
  await attune.context.clearPermissions();
  await openLiveView(page);
  await page.getByTestId('source-stereo-input').check();

  const alert = page.getByRole('alert').filter({ hasText: 'No permission to listen' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('not allowed');
  await expect
    .poll(() => attune.updates.map((u) => u.update).filter((u) => u.type === 'captureProblem' && u.problem === 'permission-denied').length)
    .toBeGreaterThan(0);
  await expect(page.getByTestId('start-call')).toBeDisabled();
});

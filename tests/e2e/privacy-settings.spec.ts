// Settings → Privacy against the real handlers: the defaults (redaction on, keep every call), a bad
// number of days refused before saving, turning retention on asks first (and "Keep them" saves
// nothing), confirming deletes the calls older than that at once, and the settings survive a restart.

import { test, expect } from './harness/attune-fixture';
import { reviewScreenshot } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { loadPrivacySettings } from '../../src/main/privacy/privacy-settings';
import { insertCall, listCalls } from '../../src/main/store/calls-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { NewCall } from '../../src/shared/calls';
import type { Page } from '@playwright/test';

const METRICS: CallMetrics = {
  durationMs: 30_000,
  talkRatio: 0.5,
  agent: { talkMs: 10_000, longestMonologueMs: 5_000, interruptions: 0, segments: [[0, 10_000]] },
  customer: { talkMs: 10_000, longestMonologueMs: 5_000, interruptions: 0, segments: [[12_000, 22_000]] },
  interruptions: [],
  backchannels: [],
  overlapMs: 0,
  silenceMs: 10_000,
  deadAir: [],
  responseGapMs: { median: null, p90: null },
};

function storedCall(recordingKey: string, startedAt: string): NewCall {
  return { recordingKey, agentName: 'Robin', startedAt, durationMs: 30_000, recordingPath: null, metrics: METRICS, cards: [], notes: [], recovered: false, source: 'live' };
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('save-privacy')).toBeEnabled();
}

test('privacy: validated, confirmed before calls are deleted, applied at once and kept across a restart', async ({ attune }) => {
  test.setTimeout(60_000);
  const { page } = attune;
  const library = openLibrary(attune.dataDir);
  try {
    insertCall(library.db, storedCall('old-call', '2020-01-15T09:00:00.000Z'));
    insertCall(library.db, storedCall('new-call', new Date().toISOString()));
  } finally {
    library.close();
  }
  await openSettings(page);
  const redact = page.getByRole('checkbox', { name: /Redact numbers and e-mail addresses in transcripts/ });
  const retentionOn = page.getByRole('checkbox', { name: 'Delete calls older than' });
  const days = page.getByRole('spinbutton', { name: 'Days to keep calls' });
  await expect(redact).toBeChecked();
  await expect(retentionOn).not.toBeChecked();
  await expect(days).toBeDisabled();
  await expect(page.getByTestId('privacy-retention-hint')).toHaveText('Off: every call is kept until you delete it.');

  await retentionOn.check();
  await days.fill('0');
  await expect(page.getByTestId('privacy-retention-hint')).toHaveText('Between 1 and 36500 days.');
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('save-privacy')).toBeDisabled();
  await days.fill('30');
  await redact.uncheck();

  // Turning retention on deletes calls: it asks, and "Keep them" saves nothing.
  await page.getByTestId('save-privacy').click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Calls older than 30 days, with their recordings and transcripts, will be deleted now.');
  await expect(page.getByRole('button', { name: 'Keep them' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep them' }).click();
  await expect(confirm).toBeHidden();
  expect(await page.evaluate(() => (globalThis as unknown as { attune: { getPrivacySettings(): Promise<unknown> } }).attune.getPrivacySettings())).toEqual({
    redactTranscripts: true,
    retentionDays: null,
  });

  await page.getByTestId('save-privacy').click();
  await reviewScreenshot(page, 'settings-privacy-confirm', page.getByTestId('speech-model-settings'));
  await page.getByRole('button', { name: 'Delete older calls and save' }).click();
  await expect(page.getByTestId('privacy-status')).toHaveText('Saved.');
  // Applied at once: the 2020 call is gone, today's is kept.
  await expect
    .poll(() => {
      const reopened = openLibrary(attune.dataDir);
      try {
        return listCalls(reopened.db).map((call) => call.agentName + ' ' + call.startedAt.slice(0, 4));
      } finally {
        reopened.close();
      }
    })
    .toEqual([`Robin ${new Date().getFullYear()}`]);

  // Lengthening it deletes nothing more, so it does not ask.
  await days.fill('60');
  await page.getByTestId('save-privacy').click();
  await expect(page.getByTestId('privacy-status')).toHaveText('Saved.');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);

  await attune.restartServices();
  await page.reload();
  await openSettings(page);
  await expect(redact).not.toBeChecked();
  await expect(retentionOn).toBeChecked();
  await expect(days).toHaveValue('60');
  const stored = openLibrary(attune.dataDir);
  try {
    expect(loadPrivacySettings(stored.db)).toEqual({ redactTranscripts: false, retentionDays: 60 });
  } finally {
    stored.close();
  }
});

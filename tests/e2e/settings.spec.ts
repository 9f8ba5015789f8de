// Settings: coaching settings load from the library, invalid values are refused before saving, and
// saved ones are validated and persisted by main (still there after a restart of main and the window).

import { test, expect } from './harness/attune-fixture';
import { DEFAULT_COACHING_SETTINGS } from '../../src/shared/live';
import { loadCoachingSettings } from '../../src/main/store/coaching-settings';
import { openLibrary } from '../../src/main/library/library';

test('coaching settings are edited, validated, saved and kept across a restart', async ({ attune }) => {
  const { page } = attune;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('setting-minCardGapMs')).toHaveValue(String(DEFAULT_COACHING_SETTINGS.minCardGapMs / 1000));
  await expect(page.getByTestId('setting-targetAgentShareMax')).toHaveValue('50');

  // Out of range: the field says why and nothing can be saved.
  await page.getByTestId('setting-targetAgentShareMax').fill('120');
  await expect(page.getByText('Between 10 and 90 %.')).toBeVisible();
  await expect(page.getByTestId('save-settings')).toBeDisabled();

  await page.getByTestId('setting-targetAgentShareMax').fill('40');
  await page.getByTestId('setting-minCardGapMs').fill('30');
  await page.getByTestId('card-enabled-monologue').uncheck();
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('settings-status')).toHaveText(/^Saved/);

  await attune.restartServices();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('setting-targetAgentShareMax')).toHaveValue('40');
  await expect(page.getByTestId('setting-minCardGapMs')).toHaveValue('30');
  await expect(page.getByTestId('card-enabled-monologue')).not.toBeChecked();

  // What main stored, read straight from the library file.
  const library = openLibrary(attune.dataDir);
  try {
    expect(loadCoachingSettings(library.db)).toEqual({
      ...DEFAULT_COACHING_SETTINGS,
      minCardGapMs: 30_000,
      targetAgentShareMax: 0.4,
      enabledCards: { ...DEFAULT_COACHING_SETTINGS.enabledCards, monologue: false },
    });
  } finally {
    library.close();
  }
});

// The Live view's transcription parts. The first-run offer while no speech model is installed: it
// comes after the consent reminder, names the small English model and its size, says everything else
// works without it, and once dismissed stays dismissed (also after a restart; the consent reminder,
// stored in the same preferences, stays acknowledged). The caption line: main's caption pushes per
// speaker, finals marked to fade, an empty partial retracting words in progress. The new transcript
// cards in the overlay.

import { join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { openLiveView } from './harness/live-page';
import { PUSH_HOOK } from './harness/page-bridge';
import { reviewScreenshot, UI_SCREENSHOTS_DIR } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { UI_PREFERENCES_KEY } from '../../src/main/ipc/attune-handlers';
import { readPreference } from '../../src/main/store/preferences';
import { uiPreferencesSchema } from '../../src/main/ipc/schemas';

test('the speech-model offer: shown without a model, dismissed for good', async ({ attune }) => {
  test.setTimeout(60_000);
  const { page } = attune;
  await openLiveView(page);
  const offer = page.getByTestId('speech-model-offer');
  // One first-run question at a time: the consent reminder first.
  await expect(page.getByTestId('consent-reminder')).toBeVisible();
  await expect(offer).toHaveCount(0);
  await page.getByTestId('consent-acknowledge').click();
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('Everything else works without it.');
  await expect(offer.getByRole('button', { name: 'Download English (small, fast) (40 MB)' })).toBeEnabled();
  await expect(offer.getByRole('button', { name: 'Import folder…' })).toBeEnabled();
  await expect(page.getByTestId('transcription-indicator')).toHaveText('No speech model — timing only');

  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toBeHidden();

  await attune.restartServices();
  await page.reload();
  await openLiveView(page);
  await expect(page.getByTestId('transcription-indicator')).toBeVisible();
  await expect(page.getByTestId('speech-model-offer')).toHaveCount(0);
  await expect(page.getByTestId('consent-reminder')).toHaveCount(0);
  const library = openLibrary(attune.dataDir);
  try {
    expect(readPreference(library.db, UI_PREFERENCES_KEY, uiPreferencesSchema)).toEqual({ consentReminderAcknowledged: true, speechModelOfferDismissed: true });
  } finally {
    library.close();
  }
});

test('the caption line shows what main pushes, per speaker; finals fade, an empty partial clears words in progress', async ({ attune }) => {
  const { page } = attune;
  await openLiveView(page);
  await page.getByTestId('consent-acknowledge').click();
  await expect(page.getByTestId('speech-model-offer')).toBeVisible();
  await expect(page.getByTestId('live-captions')).toHaveCount(0);

  await attune.pushTranscriptionUpdate({ type: 'caption', channel: 'customer', text: 'my card was charged', final: false });
  const customer = page.getByTestId('caption-customer');
  const agent = page.getByTestId('caption-agent');
  await expect(customer).toHaveText('Customermy card was charged');
  await expect(agent).toHaveText('You…');
  await expect(customer.locator('.caption-text')).toHaveAttribute('data-final', 'false');

  await attune.pushTranscriptionUpdate({ type: 'caption', channel: 'customer', text: 'my card was charged twice', final: true });
  await attune.pushTranscriptionUpdate({ type: 'caption', channel: 'customer', text: '', final: false });
  await expect(customer.locator('.caption-text')).toHaveText('my card was charged twice');
  await expect(customer.locator('.caption-text')).toHaveAttribute('data-final', 'true');

  await attune.pushTranscriptionUpdate({ type: 'caption', channel: 'agent', text: 'i am so', final: false });
  await expect(agent.locator('.caption-text')).toHaveText('i am so');
  await reviewScreenshot(page, 'live-offer-and-captions');
  await attune.pushTranscriptionUpdate({ type: 'caption', channel: 'agent', text: '', final: false });
  await expect(agent.locator('.caption-text')).toHaveText('…');
});

test('the cards made from what is said show in the overlay and the Live view like the others', async ({ attune }) => {
  const { page } = attune;
  await openLiveView(page);
  const overlay = await attune.openOverlay();
  await overlay.setViewportSize({ width: 340, height: 250 });
  // Main's pushes, delivered to every page as the harness delivers the live call service's.
  const push = async (update: unknown): Promise<void> => {
    for (const target of [page, overlay]) {
      await target.evaluate(([hook, value]) => (globalThis as unknown as Record<string, (kind: string, v: unknown) => void>)[hook]?.('live', value), [PUSH_HOOK, update] as const);
    }
  };
  await push({ type: 'started', startedAt: '2026-12-01T10:00:00.000Z', agentName: 'Dana' });
  for (const [atMs, card] of [
    [4_000, { kind: 'acknowledge-first', title: 'Acknowledge, then explain', detail: 'Policy talk can sound defensive: name the customer’s concern before the rule.' }],
    [30_000, { kind: 'slow-down', title: 'Slow down', detail: 'You have been speaking fast for a while; pause so the customer can follow.' }],
  ] as const) {
    await push({ type: 'card', card, atMs, emittedAtMs: atMs });
    const shown = overlay.getByTestId('overlay-card');
    await expect(shown).toHaveAttribute('data-kind', card.kind);
    await expect(shown).toContainText(card.title);
    await expect(page.getByTestId('coach-card')).toContainText(card.detail);
    // Nothing of the card is cut off in the overlay's 340 × 250 window.
    const box = await shown.boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= 340 && box.y + box.height <= 250, JSON.stringify(box)).toBe(true);
    await overlay.screenshot({ path: join(UI_SCREENSHOTS_DIR, `overlay-card-${card.kind}.png`) });
  }
});

// Stored calls opened from the Live view's recent calls, for the cases a live call in a test does not
// produce: a call recovered after a crash, a call that could not be recorded with a bare mark, and a
// call deleted after the list was shown. The calls are written straight into the library file.

import { test, expect } from './harness/attune-fixture';
import { openLiveView } from './harness/live-page';
import { openLibrary } from '../../src/main/library/library';
import { deleteCall, insertCall } from '../../src/main/store/calls-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { NewCall } from '../../src/shared/calls';

const METRICS: CallMetrics = {
  durationMs: 60_000,
  talkRatio: 0.4,
  agent: { talkMs: 16_000, longestMonologueMs: 9_000, interruptions: 0, segments: [[0, 9_000], [30_000, 37_000]] },
  customer: { talkMs: 24_000, longestMonologueMs: 14_000, interruptions: 1, segments: [[8_000, 22_000], [40_000, 50_000]] },
  interruptions: [{ atMs: 8_000, by: 'customer', overlapMs: 1_000 }],
  backchannels: [],
  overlapMs: 1_000,
  silenceMs: 21_000,
  deadAir: [{ atMs: 22_000, durationMs: 8_000 }],
  responseGapMs: { median: 8_000, p90: 8_000 },
};

function call(overrides: Partial<NewCall>): NewCall {
  return {
    recordingKey: 'call-a',
    agentName: 'Robin',
    startedAt: '2026-11-30T09:15:00.000Z',
    durationMs: 60_000,
    recordingPath: '/home/robin/.config/Attune/recordings/call-a.wav',
    metrics: METRICS,
    cards: [],
    notes: [],
    recovered: false,
    source: 'live',
    ...overrides,
  };
}

test('stored calls: recovered, not recorded with a bare mark, and one deleted meanwhile', async ({ attune }) => {
  const { page } = attune;
  const library = openLibrary(attune.dataDir);
  let recoveredId: number;
  let unrecordedId: number;
  let deletedId: number;
  try {
    recoveredId = insertCall(
      library.db,
      call({
        recovered: true,
        cards: [{ atMs: 9_000, card: { kind: 'customer-cut-in', title: 'Customer cut in — acknowledge and let them speak', detail: 'They started talking over you.' } }],
      }),
    );
    unrecordedId = insertCall(
      library.db,
      call({ recordingKey: 'call-b', startedAt: '2026-11-30T10:00:00.000Z', recordingPath: null, notes: [{ atMs: 40_000, text: '', createdAt: '2026-11-30T10:00:40.000Z' }] }),
    );
    deletedId = insertCall(library.db, call({ recordingKey: 'call-c', startedAt: '2026-11-30T11:00:00.000Z' }));
  } finally {
    library.close();
  }

  await page.reload();
  await openLiveView(page);
  await expect(page.getByTestId('recent-call')).toHaveCount(3);
  const openButton = (id: number) => page.locator(`[data-testid="open-call"][data-call-id="${id}"]`);

  // Recovered: the badge and why, its recording, the customer's cue on the timeline and in the list.
  await openButton(recoveredId).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByTestId('stored-call-recovered')).toHaveText('Recovered');
  await expect(page.getByTestId('stored-call-report')).toContainText('Attune stopped before this call was saved');
  await expect(page.getByTestId('stored-call-recording')).toHaveText('/home/robin/.config/Attune/recordings/call-a.wav');
  await expect(page.getByTestId('stored-call-agent')).toHaveText('Robin');
  await expect(page.getByTestId('stored-call-duration')).toHaveText('1:00');
  await expect(page.getByTestId('interruptions-customer')).toHaveText('1');
  await expect(page.getByTestId('timeline-dead-air')).toHaveCount(1);
  await expect(page.getByTestId('timeline-note')).toHaveCount(0);
  const cue = page.getByRole('button', { name: 'Cue shown at 0:09: Customer cut in — acknowledge and let them speak' });
  await expect(cue).toHaveAttribute('data-kind', 'customer-cut-in');
  // Reached from the keyboard: from the title, Tab goes to Back, then on through the replay (annotations,
  // outcome) to the first marker of the figures' timeline.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('close-stored-call')).toBeFocused();
  for (let presses = 0; presses < 40 && !(await cue.evaluate((element) => element === (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(cue).toBeFocused();
  await expect(page.getByTestId('timeline-moment-tip')).toContainText('They started talking over you.');
  await expect(page.getByTestId('call-moment')).toHaveText(['0:09CueCustomer cut in — acknowledge and let them speak They started talking over you.']);
  await page.getByTestId('close-stored-call').click();
  await expect(openButton(recoveredId)).toBeFocused();

  // Not recorded, with a mark that has no note: both said plainly.
  await openButton(unrecordedId).click();
  await expect(page.getByTestId('stored-call-recording')).toHaveText(/^Not recorded/);
  await expect(page.getByTestId('stored-call-recovered')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Note at 0:40: Marked moment (no note)' })).toBeVisible();
  await expect(page.getByTestId('timeline-cue')).toHaveCount(0);
  await expect(page.getByTestId('call-moment')).toHaveText(['0:40MarkMarked moment (no note)']);
  await page.keyboard.press('Escape');
  await expect(openButton(unrecordedId)).toBeFocused();

  // Deleted after the list was shown: one clear message, and the way back.
  const again = openLibrary(attune.dataDir);
  try {
    expect(deleteCall(again.db, deletedId)).toBe(true);
  } finally {
    again.close();
  }
  await openButton(deletedId).click();
  await expect(page.getByRole('alert')).toContainText('This call is not stored any more');
  await page.getByTestId('close-stored-call').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Live' })).toBeVisible();
});

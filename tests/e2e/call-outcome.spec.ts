// A call's outcome and the customer's other calls, in the replay (issue 9 §4): a supervisor enters
// CSAT, first-contact resolution, the customer's name and account; main stores them in the real SQLite
// library (kept across a restart of the services); the customer's earlier calls, matched by name or by
// account without regard to case, are listed beside the replay with their outcomes and notes, and one
// click opens one of them.

import { test, expect } from './harness/attune-fixture';
import { reviewScreenshot } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { insertCall } from '../../src/main/store/calls-repository';
import { setCallOutcome } from '../../src/main/store/outcomes-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { NewCall } from '../../src/shared/calls';
import type { Page } from '@playwright/test';

const METRICS: CallMetrics = {
  durationMs: 90_000,
  talkRatio: 0.55,
  agent: { talkMs: 33_000, longestMonologueMs: 12_000, interruptions: 1, segments: [[0, 20_000], [45_000, 58_000]] },
  customer: { talkMs: 27_000, longestMonologueMs: 15_000, interruptions: 0, segments: [[19_000, 34_000], [60_000, 72_000]] },
  interruptions: [{ atMs: 19_000, by: 'customer', overlapMs: 1_000 }],
  backchannels: [],
  overlapMs: 1_000,
  silenceMs: 31_000,
  deadAir: [],
  responseGapMs: { median: 600, p90: 900 },
};

function call(recordingKey: string, agentName: string, startedAt: string, notes: NewCall['notes'] = []): NewCall {
  return { recordingKey, agentName, startedAt, durationMs: 90_000, recordingPath: null, metrics: METRICS, cards: [], notes, recovered: false, source: 'import' };
}

async function openCall(page: Page, callId: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.locator(`[data-testid="library-row"][data-call-id="${callId}"] [data-testid="open-call"]`).click();
  await expect(page.getByTestId('call-outcome-form')).toBeVisible();
}

test('outcome: entered in the replay, kept across a restart, and the customer’s other calls one click away', async ({ attune }) => {
  test.setTimeout(90_000);
  const { page } = attune;
  const library = openLibrary(attune.dataDir);
  let firstId = 0;
  let secondId = 0;
  let currentId = 0;
  try {
    firstId = insertCall(library.db, call('first', 'Dana', '2026-11-10T09:30:00.000Z', [{ atMs: 20_000, text: 'customer repeated the order number', createdAt: '2026-11-10T09:30:20.000Z' }]));
    secondId = insertCall(library.db, call('second', 'Lee', '2026-11-20T14:00:00.000Z'));
    insertCall(library.db, call('someone-else', 'Lee', '2026-11-25T14:00:00.000Z'));
    currentId = insertCall(library.db, call('current', 'Sam', '2026-12-01T10:15:00.000Z'));
    setCallOutcome(library.db, firstId, { csat: 2, resolvedFirstContact: false, customerName: 'Ana Ruiz', customerAccount: null }, '2026-11-10T10:00:00.000Z');
    setCallOutcome(library.db, secondId, { csat: null, resolvedFirstContact: true, customerName: null, customerAccount: 'acc-7' }, '2026-11-20T15:00:00.000Z');
  } finally {
    library.close();
  }

  await openCall(page, currentId);
  const form = page.getByTestId('call-outcome-form');
  const history = page.getByTestId('customer-history');
  await expect(history).toContainText('Enter the customer’s name or account in the outcome to see their other calls.');
  await expect(form.getByTestId('outcome-save')).toBeDisabled();

  await form.getByTestId('outcome-csat').selectOption('4');
  await form.getByTestId('outcome-resolved').selectOption('yes');
  await form.getByTestId('outcome-customer').fill('  ana ruiz ');
  await form.getByTestId('outcome-account').fill('ACC-7');
  await form.getByTestId('outcome-save').click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(form.getByTestId('outcome-customer')).toHaveValue('ana ruiz');

  const earlier = history.getByTestId('customer-call');
  await expect(history).toContainText('2 other calls from ana ruiz · ACC-7:');
  await expect(earlier).toHaveCount(2);
  await expect(earlier.nth(0)).toContainText('Lee');
  await expect(earlier.nth(0)).toContainText('resolved first time · same account');
  await expect(earlier.nth(1)).toContainText('Dana');
  await expect(earlier.nth(1)).toContainText('CSAT 2 · not resolved first time · 1 note · same name');
  await reviewScreenshot(page, 'replay-outcome', form);

  await attune.restartServices();
  await page.reload();
  await openCall(page, currentId);
  await expect(form.getByTestId('outcome-csat')).toHaveValue('4');
  await expect(form.getByTestId('outcome-resolved')).toHaveValue('yes');
  await expect(form.getByTestId('outcome-account')).toHaveValue('ACC-7');

  await history.getByTestId('customer-call').nth(1).click();
  await expect(form.getByTestId('outcome-csat')).toHaveValue('2');
  await expect(form.getByTestId('outcome-customer')).toHaveValue('Ana Ruiz');
  await expect(history.getByTestId('customer-call')).toHaveCount(1);
  await expect(history.getByTestId('customer-call')).toContainText('Sam');
});

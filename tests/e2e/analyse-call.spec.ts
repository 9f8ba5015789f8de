// Opening a recording through the UI shows exactly what the analysis service computes.

import { basename, join } from 'node:path';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import { test, expect } from './harness/attune-fixture';
import { expectReportToShow } from './harness/expected-report';
import { realisticCallPath } from './harness/fixture-calls';
import { writeSyntheticCall } from './harness/synthetic-call';


test('Open recording… analyses the chosen file and shows the service’s numbers', async ({ attune }, testInfo) => {
  const { page } = attune;
  const callPath = realisticCallPath();
  const expected = await analyzeCallFile(callPath, { agentChannel: 'left' });
  // The call must exercise the report, not just render zeros.
  expect(expected.agent.talkMs).toBeGreaterThan(0);
  expect(expected.customer.talkMs).toBeGreaterThan(0);
  expect(expected.interruptions.length + expected.backchannels.length).toBeGreaterThan(0);

  attune.setChosenFile(callPath);
  const release = attune.holdAnalyses();
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expect(page.getByRole('status')).toContainText(`Analysing ${basename(callPath)}`);
  await expect(page.getByRole('button', { name: 'Open recording…' })).toBeDisabled();
  release();

  await expectReportToShow(page, expected);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(attune.serviceCalls).toEqual([{ path: callPath, agentChannel: 'left' }]);

  await testInfo.attach('report', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('cancelling the open dialog leaves the view as it was', async ({ attune }) => {
  const { page } = attune;
  attune.setChosenFile(null);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expect(page.getByTestId('drop-prompt')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(attune.serviceCalls).toEqual([]);
});

test('the agent-channel choice reaches the service', async ({ attune }) => {
  const { page } = attune;
  const callPath = join(attune.dropDir, 'swapped.wav');
  await writeSyntheticCall(callPath);
  const expected = await analyzeCallFile(callPath, { agentChannel: 'right' });

  await page.getByTestId('agent-channel').selectOption('right');
  attune.setChosenFile(callPath);
  await page.getByRole('button', { name: 'Open recording…' }).click();

  await expectReportToShow(page, expected);
  expect(attune.serviceCalls).toEqual([{ path: callPath, agentChannel: 'right' }]);
});

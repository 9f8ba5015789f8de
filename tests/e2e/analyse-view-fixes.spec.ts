// The Analyse view as issue 9 §5's new user found it, fixed: a bad file keeps the report with the
// error beside it and Escape dismisses the error; the agent-channel picker re-runs the analysis so
// picker and report agree; focus lands on the result after "Open recording…" and the report scrolls
// with the keyboard at 800×600; the primary button's focus ring is clear; targets with good /
// needs-work signals; "Add to library" stores the call through the import service.

import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import type { AttuneBridge } from '../../src/shared/ipc-contract';
import { checkTargets, nextFocus } from '../../src/shared/listening-targets';
import { test, expect } from './harness/attune-fixture';
import { expectReportToShow } from './harness/expected-report';
import { writeSyntheticCall } from './harness/synthetic-call';
import { realisticCallPath } from './harness/fixture-calls';
import { reviewScreenshot } from './harness/ui-screenshots';

// Several analyses and whole-report checks per test, on a machine shared with other runs.
test.setTimeout(120_000);

test('a bad file keeps the report on screen with the error beside it; Escape dismisses the error', async ({ attune }) => {
  const { page } = attune;
  const good = join(attune.dropDir, 'good.wav');
  await writeSyntheticCall(good);
  const expected = await analyzeCallFile(good, { agentChannel: 'left' });
  attune.setChosenFile(good);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expectReportToShow(page, expected);

  const bad = join(attune.dropDir, 'notes.wav');
  await writeFile(bad, 'This is a text file, not audio.\n');
  attune.setChosenFile(bad);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Could not analyse notes.wav');
  // Plain words, not "RIFF/WAVE header": what the file is, what Attune needs, how to get it.
  await expect(alert).toContainText('is not an audio recording Attune can read');
  await expect(alert).toContainText('stereo WAV recording of the call');
  await expect(alert).not.toContainText('RIFF');
  await expect(page.getByTestId('kept-report-note')).toHaveText('Still showing the report of good.wav. Press Escape or Dismiss to close this message.');
  await expect(page.getByTestId('call-report')).toHaveAttribute('data-stale', 'true');
  await expectReportToShow(page, expected);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('call-report')).toHaveAttribute('data-stale', 'false');
  await expectReportToShow(page, expected);
});

test('changing the agent channel re-runs the analysis, so the picker and the report agree', async ({ attune }) => {
  const { page } = attune;
  const callPath = join(attune.dropDir, 'call.wav');
  await writeSyntheticCall(callPath);
  const left = await analyzeCallFile(callPath, { agentChannel: 'left' });
  const right = await analyzeCallFile(callPath, { agentChannel: 'right' });
  attune.setChosenFile(callPath);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expectReportToShow(page, left);
  await expect(page.getByTestId('call-report')).toContainText('Agent on the left channel');

  await page.getByTestId('agent-channel').selectOption('right');
  await expect(page.getByTestId('call-report')).toContainText('Agent on the right channel');
  await expectReportToShow(page, right);
  expect(attune.serviceCalls).toEqual([
    { path: callPath, agentChannel: 'left' },
    { path: callPath, agentChannel: 'right' },
  ]);
});

test('focus lands on the report after Open recording…, and the report scrolls with the keyboard at 800×600', async ({ attune }) => {
  const { page } = attune;
  await page.setViewportSize({ width: 800, height: 600 });
  const callPath = join(attune.dropDir, 'call.wav');
  await writeSyntheticCall(callPath);
  attune.setChosenFile(callPath);
  await page.getByRole('button', { name: 'Open recording…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report-heading')).toBeFocused();

  // The content pane scrolls, not the page. (The test project has no DOM types: the fields are named here.)
  const scroller = page.locator('main.content');
  const scroll = (): Promise<{ top: number; height: number; visible: number }> =>
    scroller.evaluate((element) => {
      const pane = element as unknown as { scrollTop: number; scrollHeight: number; clientHeight: number };
      return { top: pane.scrollTop, height: pane.scrollHeight, visible: pane.clientHeight };
    });
  const before = await scroll();
  expect(before.height).toBeGreaterThan(before.visible);
  expect(before.top).toBe(0);
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await scroll()).top).toBeGreaterThan(100);
  await page.keyboard.press('End');
  await expect.poll(async () => { const now = await scroll(); return Math.abs(now.top + now.visible - now.height); }).toBeLessThan(2);
});

test('the primary button shows a clear focus ring for keyboard users', async ({ attune }) => {
  const { page } = attune;
  const button = page.getByRole('button', { name: 'Open recording…' });
  await page.getByTestId('agent-channel').focus();
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const ring = await button.evaluate((element) => {
    type Style = { outlineWidth: string; outlineStyle: string; outlineColor: string; backgroundColor: string };
    const style = (globalThis as unknown as { getComputedStyle(target: typeof element): Style }).getComputedStyle(element);
    return { width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor, background: style.backgroundColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBe('3px');
  // Dark on light, never the button's own accent colour.
  expect(ring.color).toBe('rgb(27, 34, 48)');
  expect(ring.color).not.toBe(ring.background);
});

test('the report coaches: targets with signals and the one thing to work on next', async ({ attune }) => {
  const { page } = attune;
  const callPath = join(attune.dropDir, 'call.wav');
  await writeSyntheticCall(callPath);
  const expected = await analyzeCallFile(callPath, { agentChannel: 'left' });
  attune.setChosenFile(callPath);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  const checks = checkTargets(expected);
  for (const check of checks) {
    const row = page.getByTestId(`target-${check.key}`);
    await expect(row).toHaveAttribute('data-signal', check.signal);
    await expect(row).toContainText(check.measured);
    await expect(row).toContainText(check.target);
  }
  const focus = nextFocus(checks);
  await expect(page.getByTestId('work-on-next')).toHaveText(
    focus === null ? 'Work on next: every timing target was met in this call.' : `Work on next: ${focus.label} — ${focus.advice}`,
  );
});

test('Add to library stores the analysed call through the import service, once', async ({ attune }) => {
  const { page } = attune;
  const callPath = join(attune.dropDir, 'keep-me.wav');
  await writeSyntheticCall(callPath);
  const expected = await analyzeCallFile(callPath, { agentChannel: 'left' });
  attune.setChosenFile(callPath);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await page.getByTestId('add-to-library-button').click();
  const status = page.getByTestId('add-to-library-status');
  await expect(status).toContainText(/^Added to the library as call \d+\./);
  const calls = await page.evaluate(() => (globalThis as unknown as { attune: AttuneBridge }).attune.listCalls());
  expect(calls).toHaveLength(1);
  expect(calls[0]?.durationMs).toBe(expected.durationMs);
  expect(calls[0]?.talkRatio).toBe(expected.talkRatio);
  expect(calls[0]?.interruptions).toEqual({ agent: expected.agent.interruptions, customer: expected.customer.interruptions });

  // Analysed again with the other channel, the same file is found in the library, not stored twice.
  await page.getByTestId('agent-channel').selectOption('right');
  await expect(page.getByTestId('call-report')).toContainText('Agent on the right channel');
  await page.getByTestId('add-to-library-button').click();
  await expect(page.getByTestId('add-to-library-status')).toContainText(`Already in the library as call ${calls[0]?.id ?? 0}.`);
  expect(await page.evaluate(() => (globalThis as unknown as { attune: AttuneBridge }).attune.listCalls())).toHaveLength(1);
});

test('review screenshots: a realistic call’s report, targets and timeline, and a bad file beside it (1280×800)', async ({ attune }) => {
  const { page } = attune;
  attune.setChosenFile(realisticCallPath());
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expect(page.getByTestId('listening-targets')).toBeVisible();
  await reviewScreenshot(page, 'analyse-report-targets', page.getByTestId('call-report'));
  await reviewScreenshot(page, 'analyse-report-timeline', page.locator('.timeline-card'));
  const bad = join(attune.dropDir, 'notes.wav');
  await writeFile(bad, 'This is a text file, not audio.\n');
  attune.setChosenFile(bad);
  await page.getByRole('button', { name: 'Open recording…' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await reviewScreenshot(page, 'analyse-bad-file-kept-report', page.locator('.analyse-view'));
});

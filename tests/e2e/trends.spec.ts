// Trends end to end (issue 9 §4): six weeks of calls by three agents in the real SQLite library; the
// Trends view charts them per agent and week (Chart.js under the app's CSP: the fixture fails the test
// on any CSP violation), an outcomes CSV chosen in the dialog is matched to the calls (a row for no
// call is listed with its line and reason), the relations then show CSAT per talk-ratio band and
// first-contact resolution with and without interruptions, each with its count; the agent filter
// narrows everything. A 1280×800 review screenshot is written to test-results/ui-screenshots/.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { reviewScreenshot } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { insertCall } from '../../src/main/store/calls-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';

const AGENTS = ['Dana', 'Lee', 'Sam'] as const;
const WEEKS = 6;
const CALLS_PER_WEEK = 4;
/** Monday 2026-10-19, 09:00 UTC: six full ISO weeks up to the end of November. */
const FIRST_MONDAY_MS = Date.UTC(2026, 9, 19, 9);
const DAY_MS = 86_400_000;

interface SeededCall {
  agentName: string;
  startedAt: string;
  talkRatio: number;
  agentInterruptions: number;
}

/** Dana improves week by week (talks less, interrupts less); Lee stays high; Sam stays balanced. */
function seededCalls(): SeededCall[] {
  const calls: SeededCall[] = [];
  for (let week = 0; week < WEEKS; week += 1) {
    for (const [agentIndex, agentName] of AGENTS.entries()) {
      for (let call = 0; call < CALLS_PER_WEEK; call += 1) {
        const startMs = FIRST_MONDAY_MS + week * 7 * DAY_MS + call * DAY_MS + agentIndex * 3_600_000;
        const talkRatio = agentName === 'Dana' ? 0.8 - week * 0.09 + call * 0.01 : agentName === 'Lee' ? 0.72 + call * 0.02 : 0.48 + (call % 2) * 0.06;
        const agentInterruptions = agentName === 'Dana' ? Math.max(0, 4 - week) : agentName === 'Lee' ? 3 + (call % 2) : call % 2;
        calls.push({ agentName, startedAt: new Date(startMs).toISOString(), talkRatio, agentInterruptions });
      }
    }
  }
  return calls;
}

function metricsOf(call: SeededCall): CallMetrics {
  const durationMs = 240_000;
  const talkMs = 200_000;
  const agentTalkMs = Math.round(talkMs * call.talkRatio);
  const interruptions = Array.from({ length: call.agentInterruptions }, (_, index) => ({ atMs: 20_000 + index * 30_000, by: 'agent' as const, overlapMs: 900 }));
  return {
    durationMs,
    talkRatio: agentTalkMs / talkMs,
    agent: { talkMs: agentTalkMs, longestMonologueMs: Math.round(agentTalkMs / 4), interruptions: call.agentInterruptions, segments: [[0, agentTalkMs]] },
    customer: { talkMs: talkMs - agentTalkMs, longestMonologueMs: Math.round((talkMs - agentTalkMs) / 4), interruptions: 0, segments: [[agentTalkMs, talkMs]] },
    interruptions,
    backchannels: [],
    overlapMs: call.agentInterruptions * 900,
    silenceMs: durationMs - talkMs,
    deadAir: [],
    responseGapMs: { median: 400 + call.agentInterruptions * 150, p90: 1_500 },
  };
}

/** CSAT falls as the agent talks more; first contact fails more often after interruptions. */
function outcomesCsv(calls: readonly SeededCall[]): string {
  const rows = calls.map((call, index) => {
    const csat = call.talkRatio < 0.4 ? 5 : call.talkRatio < 0.6 ? 4 : call.talkRatio < 0.75 ? 3 : 2;
    const resolved = call.agentInterruptions === 0 || index % 3 === 0 ? 'yes' : 'no';
    // The export's clock is 40 s after the recording's start: within the default tolerance.
    const start = new Date(Date.parse(call.startedAt) + 40_000).toISOString();
    return `${start},${call.agentName},${csat},${resolved},Customer ${index % 20}`;
  });
  rows.push('2026-11-02T03:00:00.000Z,Robin,5,yes,Nobody');
  return ['Start time,Agent,CSAT,Resolved,Customer', ...rows].join('\n');
}

test('trends: weekly per-agent charts, an outcomes CSV matched to the calls, relations with their counts, the agent filter', async ({ attune }) => {
  test.setTimeout(90_000);
  const { page } = attune;
  const calls = seededCalls();
  const library = openLibrary(attune.dataDir);
  try {
    calls.forEach((call, index) =>
      insertCall(library.db, {
        recordingKey: `trend-${index}`,
        agentName: call.agentName,
        startedAt: call.startedAt,
        durationMs: 240_000,
        recordingPath: null,
        metrics: metricsOf(call),
        cards: [],
        notes: [],
        recovered: false,
        source: 'import',
      }),
    );
  } finally {
    library.close();
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trends' }).click();
  const view = page.getByTestId('trends-view');
  await expect(view.getByTestId('trends-count')).toHaveText(`${calls.length} calls, 0 with an outcome.`);
  for (const metric of ['listeningScore', 'talkRatio', 'agentInterruptionsPerCall', 'responseGapMs']) {
    const canvas = view.getByTestId(`trend-${metric}`).locator('canvas');
    await expect(canvas).toBeVisible();
    // Chart.js sized the canvas to its box (it draws nothing on a 0×0 canvas).
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThan(150);
  }
  await expect(view.getByTestId('trend-talkRatio').locator('canvas')).toHaveAttribute('aria-label', /Agent talk ratio \(% of talk time\) per agent over 6 weeks; latest Dana: .*; Lee: .*; Sam: /);
  await expect(view.getByText('No call has an outcome yet')).toBeVisible();

  const csvPath = join(attune.dropDir, 'outcomes.csv');
  await writeFile(csvPath, outcomesCsv(calls));
  attune.setChosenOutcomesCsv(csvPath);
  await view.getByRole('button', { name: 'Import outcomes CSV…' }).click();
  const result = view.getByTestId('outcomes-import-result');
  await expect(result).toContainText(`Outcomes stored for ${calls.length} of ${calls.length + 1} rows; 1 row not used:`);
  await expect(result).toContainText(`Line ${calls.length + 2}: no call by Robin started within 2 min of 2026-11-02T03:00:00.000Z`);
  await expect(view.getByTestId('trends-count')).toHaveText(`${calls.length} calls, ${calls.length} with an outcome.`);

  // Expected relations, from the seeded figures.
  const inBand = (min: number, max: number): number => calls.filter((call) => metricsOf(call).talkRatio >= min && metricsOf(call).talkRatio < max).length;
  const csat = view.getByTestId('relation-csat');
  await expect(csat.locator('tr', { hasText: 'Agent talk under 40 %' })).toContainText(`5 (n = ${inBand(0, 0.4)}`);
  await expect(csat.locator('tr', { hasText: 'Agent talk 40–60 %' })).toContainText(`4 (n = ${inBand(0.4, 0.6)})`);
  await expect(csat.locator('tr', { hasText: 'Agent talk 75 % and over' })).toContainText(`2 (n = ${inBand(0.75, 2)}`);
  const withoutInterruptions = calls.filter((call) => call.agentInterruptions === 0).length;
  const fcr = view.getByTestId('relation-fcr');
  await expect(fcr.locator('tr', { hasText: 'Agent did not interrupt' })).toContainText(`100 % (n = ${withoutInterruptions})`);
  await expect(fcr.locator('tr', { hasText: 'Agent interrupted at least once' })).toContainText(`(n = ${calls.length - withoutInterruptions})`);

  await reviewScreenshot(page, 'trends', view);
  await reviewScreenshot(page, 'trends-relations', view.getByRole('heading', { name: 'Listening and outcomes' }));

  await view.getByTestId('trends-agent').selectOption('Lee');
  const leeCalls = calls.filter((call) => call.agentName === 'Lee').length;
  await expect(view.getByTestId('trends-count')).toHaveText(`${leeCalls} calls, ${leeCalls} with an outcome.`);
  await expect(view.getByTestId('trend-talkRatio').locator('canvas')).toHaveAttribute('aria-label', /latest Lee: [\d.]+\.$/);

  await view.getByTestId('trends-from').fill('2030-01-01');
  await expect(view.getByTestId('trends-empty')).toHaveText('No calls match these filters.');
});

test('trends: an outcomes file that cannot be used is refused in one line and nothing changes', async ({ attune }) => {
  const { page } = attune;
  const library = openLibrary(attune.dataDir);
  try {
    insertCall(library.db, {
      recordingKey: 'only-call',
      agentName: 'Dana',
      startedAt: '2026-11-30T10:00:00.000Z',
      durationMs: 240_000,
      recordingPath: null,
      metrics: metricsOf({ agentName: 'Dana', startedAt: '2026-11-30T10:00:00.000Z', talkRatio: 0.5, agentInterruptions: 1 }),
      cards: [],
      notes: [],
      recovered: false,
      source: 'import',
    });
  } finally {
    library.close();
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trends' }).click();
  const view = page.getByTestId('trends-view');
  await expect(view.getByTestId('trends-count')).toHaveText('1 call, 0 with an outcome.');
  const csvPath = join(attune.dropDir, 'survey.csv');
  await writeFile(csvPath, 'when,score\n2026-11-30 10:00,5\n');
  attune.setChosenOutcomesCsv(csvPath);
  await view.getByRole('button', { name: 'Import outcomes CSV…' }).click();
  await expect(view.getByTestId('outcomes-import-error')).toHaveText(
    'The CSV has no start time or agent column (found "when", "score"); columns: start time and agent (required), then any of csat (1–5), resolved (yes/no), customer, account.',
  );
  await expect(view.getByTestId('trends-count')).toHaveText('1 call, 0 with an outcome.');

  // Cancelling the dialog does nothing.
  attune.setChosenOutcomesCsv(null);
  await view.getByRole('button', { name: 'Import outcomes CSV…' }).click();
  await expect(view.getByTestId('outcomes-import-error')).toBeVisible();
});

// The Library view on the real renderer and the real main-process services (SQLite in a temp folder):
// importing a folder from the app (progress, summary, every unusable file listed with its reason, the
// rest imported), each imported call's row showing the talk ratio and interruption counts that
// `attune analyze` reports for the same file, sorting, filtering, search hits that open the call at
// their moment, the library as CSV, and deleting a call (after a confirmation) with its recording. 1280×800 screenshots in
// test-results/ui-screenshots for a person to look at.

import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect } from './harness/attune-fixture';
import { dragFileOver, dropFile } from './harness/drop-file';
import { realisticCallPath } from './harness/fixture-calls';
import { writeMonoWav, writeSyntheticCall } from './harness/synthetic-call';
import { reviewScreenshot } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { createTranscriptService } from '../../src/main/services/transcript-service';
import { getCall } from '../../src/main/store/calls-repository';
import { talkShares } from '../../src/renderer/src/lib/format';
import type { CallAnalysis } from '../../src/shared/call-analysis';
import type { ImportFileOutcome } from '../../src/shared/call-import';

const REPO_ROOT = join(__dirname, '../..');

/** What `attune analyze --json` reports for a file: the CLI itself, as a person would run it. */
async function analyzeWithCli(path: string): Promise<CallAnalysis> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'attune.cjs'), 'analyze', path, '--json'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout) as CallAnalysis;
}

/** A folder as a supervisor might have it: two usable calls and three files Attune cannot use. */
async function writeImportFolder(root: string): Promise<{ folder: string; good: string[] }> {
  const folder = join(root, 'calls-to-import');
  await mkdir(folder);
  const demo = join(folder, 'demo-call.wav');
  await writeSyntheticCall(demo);
  const realistic = join(folder, 'billing-estimate.wav');
  await copyFile(realisticCallPath(), realistic);
  await writeMonoWav(join(folder, 'mono-recorder.wav'), 3_000);
  await writeFile(join(folder, 'empty.wav'), '');
  await writeFile(join(folder, 'notes.mp3'), 'call notes, saved with the wrong extension\n');
  return { folder, good: [realistic, demo] };
}

async function openLibraryView(page: Page): Promise<void> {
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-view')).toBeVisible();
}

function importedOutcomes(outcomes: readonly ImportFileOutcome[]): Map<string, Extract<ImportFileOutcome, { status: 'imported' }>> {
  const byPath = new Map<string, Extract<ImportFileOutcome, { status: 'imported' }>>();
  for (const outcome of outcomes) if (outcome.status === 'imported') byPath.set(outcome.path, outcome);
  return byPath;
}

test('import a folder: progress, unusable files listed with reasons, rows show what attune analyze reports; sort, filter, delete', async ({ attune }) => {
  test.setTimeout(180_000);
  const { page } = attune;
  const { folder, good } = await writeImportFolder(attune.dropDir);
  // Started at once, so the CLI's answer is ready when the app's import is.
  const cliReports = Promise.all(good.map((path) => analyzeWithCli(path)));

  await openLibraryView(page);
  await expect(page.getByTestId('library-empty')).toHaveText('No calls yet. Record one in the Live view, or import recordings above.');

  attune.setChosenImportSources([folder]);
  await page.getByTestId('import-agent-name').fill('Robin');
  await page.getByTestId('import-folder').click();
  // The progress bar while it runs (the 95 s realistic call alone takes far longer to import than a poll).
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-progress')).toContainText(/Looking for audio files…|\d of 5 files done/);
  await expect(page.getByTestId('import-folder')).toBeDisabled();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('2 imported, 3 could not be imported.', { timeout: 120_000 });

  // Every file was announced before and after it was imported, in order, then the summary.
  const pushed = attune.importProgress;
  expect(pushed[0]).toMatchObject({ type: 'started', total: 5 });
  expect(pushed.filter((progress) => progress.type === 'file-done')).toHaveLength(5);
  expect(pushed.at(-1)).toMatchObject({ type: 'finished', summary: { imported: 2, duplicates: 0, failed: 3 } });

  const problems = page.getByTestId('import-problem');
  await expect(problems).toHaveCount(3);
  await expect(problems.filter({ hasText: 'empty.wav' })).toContainText('is empty (0 bytes)');
  await expect(problems.filter({ hasText: 'mono-recorder.wav' })).toContainText('has 1 channel; Attune needs a stereo recording');
  await expect(problems.filter({ hasText: 'notes.mp3' })).toContainText('is not an audio file Attune can read');

  // Each imported call's row shows the ratio and counts the CLI reports for the same file.
  const outcomes = importedOutcomes(pushed.flatMap((progress) => (progress.type === 'file-done' ? [progress.outcome] : [])));
  const reports = await cliReports;
  await expect(page.getByTestId('library-row')).toHaveCount(2);
  for (const [index, path] of good.entries()) {
    const outcome = outcomes.get(path);
    const report = reports[index];
    if (outcome === undefined || report === undefined) throw new Error(`${path} was not imported`);
    const row = page.locator(`[data-testid="library-row"][data-call-id="${outcome.callId}"]`);
    await expect(row.getByTestId('cell-talk-ratio')).toHaveText(talkShares(report.talkRatio).agentPercent);
    await expect(row.getByTestId('cell-agent-interruptions')).toHaveText(String(report.agent.interruptions));
    await expect(row.getByTestId('cell-customer-interruptions')).toHaveText(String(report.customer.interruptions));
    await expect(row.getByTestId('cell-listening-score')).toHaveText(/^\d{1,3}$/);
    await expect(row).toContainText('Robin');
    await expect(row).toContainText('imported');
    // Queued for transcription (no model here, so it waits for one).
    expect(attune.transcription().background.callState(outcome.callId).state).not.toBe('none');
  }
  await expect(page.getByTestId('library-count')).toHaveText('2 stored calls');
  await reviewScreenshot(page, 'library-after-import');

  // Sort by the agent's share of the talk, largest first, then smallest first.
  const ratios = good.map((_, index) => reports[index]?.talkRatio ?? 0);
  const idsByRatio = good.map((path, index) => ({ id: outcomes.get(path)?.callId, ratio: ratios[index] ?? 0 })).sort((a, b) => b.ratio - a.ratio);
  await page.getByTestId('sort-talkRatio').click();
  await expect(page.locator('th', { has: page.getByTestId('sort-talkRatio') })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('library-row').first()).toHaveAttribute('data-call-id', String(idsByRatio[0]?.id));
  await page.getByTestId('sort-talkRatio').click();
  await expect(page.locator('th', { has: page.getByTestId('sort-talkRatio') })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('library-row').first()).toHaveAttribute('data-call-id', String(idsByRatio[1]?.id));

  // A talk-ratio threshold between the two calls leaves the one above it; a bad value says why and keeps the table.
  const between = Math.round(((idsByRatio[0]?.ratio ?? 0) + (idsByRatio[1]?.ratio ?? 0)) * 50);
  await page.getByTestId('filter-talkRatioMinPercent').fill(String(between));
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row').first()).toHaveAttribute('data-call-id', String(idsByRatio[0]?.id));
  await expect(page.getByTestId('library-count')).toHaveText('1 of the stored calls match the filters');
  await page.getByTestId('filter-listeningScoreMin').fill('120');
  await expect(page.getByTestId('library-filters')).toContainText('A score from 0 to 100.');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await page.getByTestId('filter-clear').click();
  await expect(page.getByTestId('library-row')).toHaveCount(2);

  // Delete the demo call: a confirmation that says what goes, "Keep it" keeps it, "Delete call" deletes call and recording.
  const demo = outcomes.get(good[1] ?? '');
  if (demo === undefined) throw new Error('the demo call was not imported');
  const library = openLibrary(attune.dataDir);
  const recordingPath = getCall(library.db, demo.callId)?.recordingPath ?? '';
  library.close();
  await stat(recordingPath);
  const demoRow = page.locator(`[data-testid="library-row"][data-call-id="${demo.callId}"]`);
  await demoRow.getByTestId('delete-call').click();
  const confirm = page.getByTestId('delete-confirm');
  await expect(confirm).toContainText('Its recording, transcript and annotations are deleted too. This cannot be undone.');
  await expect(page.getByTestId('delete-cancel')).toBeFocused();
  await reviewScreenshot(page, 'library-delete-confirm', page.getByTestId('library-table'));
  await page.getByTestId('delete-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(demoRow).toHaveCount(1);
  await demoRow.getByTestId('delete-call').click();
  await page.getByTestId('delete-confirm-button').click();
  await expect(demoRow).toHaveCount(0);
  await expect(page.getByTestId('library-count')).toHaveText('1 stored call');
  await expect(stat(recordingPath)).rejects.toThrow(/ENOENT/);
});

test('search finds a transcript word and opens the call at that moment', async ({ attune }) => {
  test.setTimeout(90_000);
  const { page } = attune;
  const path = join(attune.dropDir, 'searchable.wav');
  await writeSyntheticCall(path);
  attune.setChosenImportSources([path]);
  await openLibraryView(page);
  await page.getByTestId('import-files').click();
  await expect(page.getByTestId('import-summary')).toContainText('1 imported.');

  // The library as CSV, where the (test-chosen) save dialog says.
  const csvPath = join(attune.dropDir, 'library.csv');
  attune.setChosenLibraryCsvPath(csvPath);
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('export-outcome')).toHaveText(`Saved 1 call to ${csvPath}Dismiss`);
  const csv = await readFile(csvPath, 'utf8');
  expect(csv.split(/\r?\n/).filter((line) => line !== '')).toHaveLength(2);
  expect(csv).toContain('Agent');

  const outcome = attune.importProgress.flatMap((progress) => (progress.type === 'file-done' ? [progress.outcome] : []))[0];
  if (outcome?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);

  // The words go in as the recognizer's final results would (no model here), through the real transcript service.
  const library = openLibrary(attune.dataDir);
  try {
    const transcripts = createTranscriptService({ library, logError: (message, error) => { throw new Error(`${message}: ${String(error)}`); } });
    const words = (text: string, startS: number) => text.split(' ').map((word, index) => ({ word, start: startS + index * 0.4, end: startS + index * 0.4 + 0.3, conf: 0.9 }));
    transcripts.handleRecognizedResult(outcome.callId, { channel: 'customer', text: 'my parcel never arrived', result: words('my parcel never arrived', 4.6) });
    transcripts.handleRecognizedResult(outcome.callId, { channel: 'agent', text: 'i am sorry about the parcel', result: words('i am sorry about the parcel', 20.5) });
    transcripts.finishTranscript(outcome.callId);
  } finally {
    library.close();
  }

  await page.getByTestId('library-search').fill('parcel');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(2);
  await expect(hits.first()).toContainText('Customer said');
  await expect(hits.first().locator('mark')).toHaveText('parcel');
  await expect(hits.nth(1)).toContainText('Agent said');
  // The moment of the agent's line (20.5 s in), not the start of the call.
  await expect(hits.nth(1)).toContainText(/at 0:2[0-2]/);
  await reviewScreenshot(page, 'library-search', page.getByTestId('library-search'));

  await page.getByTestId('library-search').fill('refund');
  await expect(page.getByTestId('search-empty')).toHaveText('No transcript or annotation mentions “refund”.');
  await page.getByTestId('library-search').fill('sorry parcel');
  await expect(hits).toHaveCount(1);
  await hits.first().click();
  await expect(page.getByTestId('stored-call-report')).toBeVisible();
  await expect(page.getByTestId('stored-call-agent')).toHaveText('Agent');
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('library-view')).toBeVisible();
});

test('a cancelled import dialog changes nothing', async ({ attune }) => {
  const { page } = attune;
  await openLibraryView(page);
  attune.setChosenImportSources(null);
  await page.getByTestId('import-files').click();
  await expect(page.getByTestId('import-files')).toBeEnabled();
  await expect(page.getByTestId('import-summary')).toHaveCount(0);
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  expect(attune.importProgress).toEqual([]);
});

test('a recording dropped on the Library is imported, not analysed', async ({ attune }) => {
  const { page } = attune;
  await writeSyntheticCall(join(attune.dropDir, 'dropped-call.wav'));
  await openLibraryView(page);
  await page.getByTestId('import-agent-name').fill('Kim');
  const transfer = await dragFileOver(page, 'dropped-call.wav');
  await expect(page.getByTestId('drop-overlay')).toHaveText('Drop recordings or folders to import them into the library');
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByTestId('import-summary')).toContainText('1 imported.');
  await expect(page.getByTestId('library-view')).toBeVisible();
  await expect(page.getByTestId('library-row')).toHaveCount(1);
  await expect(page.getByTestId('library-row')).toContainText('Kim');
  expect(attune.serviceCalls).toEqual([]);

  // Dropped again: the same bytes are a duplicate, said as such, not a failure.
  await dropFile(page, 'dropped-call.wav');
  await expect(page.getByTestId('import-summary')).toContainText('0 imported, 1 already in the library.');
  await expect(page.getByTestId('library-row')).toHaveCount(1);
});

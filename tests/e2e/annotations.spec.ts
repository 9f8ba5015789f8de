// Annotations end to end (issue 9 §3 and §6): in a stored call's replay a supervisor adds a note at
// the playhead (moved there by clicking a transcript word) with a tag, edits and deletes notes; main
// stores them in the real SQLite library, so after the services restart the note is still there,
// signed with the author set in Settings; the library search finds it (and a transcript word) and its
// hit opens the call at the note. Settings › Notes on calls keeps the author and the offered tags.

import { test, expect } from './harness/attune-fixture';
import { reviewScreenshot } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { createTranscriptService } from '../../src/main/services/transcript-service';
import { insertCall } from '../../src/main/store/calls-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { TranscriptChannel } from '../../src/shared/transcript';
import type { Page } from '@playwright/test';

/** The call as said, turn by turn; each word takes 0.4 s, turns 1.2 s apart (as in stored-call-transcript.spec). */
const SCRIPT: ReadonlyArray<[TranscriptChannel, string]> = [
  ['customer', 'hi my card was charged twice for the same lamp'],
  ['agent', 'i am sorry to hear that can you tell me more'],
  ['customer', 'i want a refund for the second charge'],
  ['agent', 'our policy is to wait five days'],
  ['customer', 'but i asked about the refund'],
  ['agent', 'i will refund it today'],
];

function metricsFor(durationMs: number): CallMetrics {
  return {
    durationMs,
    talkRatio: 0.5,
    agent: { talkMs: 12_000, longestMonologueMs: 4_000, interruptions: 0, segments: [[5_000, 9_000], [14_000, 17_000]] },
    customer: { talkMs: 12_000, longestMonologueMs: 4_000, interruptions: 0, segments: [[1_000, 5_000], [9_500, 13_500]] },
    interruptions: [],
    backchannels: [],
    overlapMs: 0,
    silenceMs: 4_000,
    deadAir: [],
    responseGapMs: { median: 800, p90: 1_200 },
  };
}

/** Stores a call with its transcript through a second connection, as another process would; its id and where the first "refund" is. */
function storeTranscribedCall(dataDir: string): { callId: number; refundAtMs: number } {
  let atS = 1;
  const results = SCRIPT.map(([channel, text]) => {
    const result = text.split(' ').map((word, index) => ({ word, start: atS + index * 0.4, end: atS + index * 0.4 + 0.3, conf: 0.93 }));
    atS = (result[result.length - 1]?.end ?? atS) + 1.2;
    return { channel, text, result };
  });
  const durationMs = Math.ceil(atS) * 1000;
  // The customer's first "refund" (turn 3, word 4).
  const refundAtMs = Math.round((results[2]?.result[3]?.start ?? 0) * 1000);
  const library = openLibrary(dataDir);
  try {
    const callId = insertCall(library.db, {
      recordingKey: 'call-refund',
      agentName: 'Dana',
      startedAt: '2026-11-30T10:00:00.000Z',
      durationMs,
      recordingPath: null,
      metrics: metricsFor(durationMs),
      cards: [],
      notes: [],
      recovered: false,
      source: 'live',
    });
    const transcripts = createTranscriptService({
      library,
      logError: (message, error) => {
        throw new Error(`${message}: ${String(error)}`);
      },
    });
    for (const result of results) transcripts.handleRecognizedResult(callId, result);
    transcripts.finishTranscript(callId);
    return { callId, refundAtMs };
  } finally {
    library.close();
  }
}

async function openCallFromLibrary(page: Page, callId: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await page.locator(`[data-testid="library-row"][data-call-id="${callId}"]`).getByTestId('open-call').click();
  await expect(page.getByTestId('annotations-panel')).toBeVisible();
}

test('a note added in the replay is kept across a restart, signed by the author, and found by the library search', async ({ attune }) => {
  test.setTimeout(90_000);
  const { page } = attune;
  const { callId, refundAtMs } = storeTranscribedCall(attune.dataDir);

  // The supervisor signs notes with their own name (Settings), not the computer's user name.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByTestId('annotation-settings');
  await settings.getByTestId('annotation-author').fill('Sam Lee');
  await settings.getByTestId('save-annotation-settings').click();
  await expect(settings.getByTestId('annotation-settings-status')).toHaveText('Saved.');

  await openCallFromLibrary(page, callId);
  const panel = page.getByTestId('annotations-panel');
  await expect(panel.getByTestId('annotations-empty')).toBeVisible();

  // Clicking the transcript word moves the playhead there; the note goes at the playhead.
  await page.getByTestId('replay-transcript').getByRole('button', { name: 'refund', exact: true }).first().click();
  const refundClock = `0:${String(Math.floor(refundAtMs / 1000)).padStart(2, '0')}`;
  await expect(panel.getByTestId('annotation-add')).toHaveText(`Add note at ${refundClock}`);
  await panel.getByTestId('annotation-add').click();
  const editor = panel.getByTestId('annotation-editor');
  await expect(editor.getByTestId('annotation-textarea')).toBeFocused();
  // Saving an empty note is refused in one line, and nothing is stored.
  await editor.getByTestId('annotation-save').click();
  await expect(editor.getByTestId('annotation-problem')).toHaveText('Write a note or choose a tag.');
  await editor.getByTestId('annotation-textarea').fill('She asked for the refund and heard policy first.\nAcknowledge, then explain.');
  await editor.getByRole('button', { name: 'missed question' }).click();
  await expect(editor.getByRole('button', { name: 'missed question' })).toHaveAttribute('aria-pressed', 'true');
  await editor.getByTestId('annotation-new-tag').fill('policy first');
  await editor.getByTestId('annotation-new-tag').press('Enter');
  await expect(editor.getByRole('button', { name: 'policy first' })).toHaveAttribute('aria-pressed', 'true');
  await editor.getByTestId('annotation-textarea').press('Control+Enter');

  const note = panel.getByTestId('annotation');
  await expect(note).toHaveCount(1);
  await expect(note.getByTestId('annotation-time')).toHaveText(refundClock);
  await expect(note.getByTestId('annotation-text')).toHaveText('She asked for the refund and heard policy first.\nAcknowledge, then explain.');
  await expect(note.locator('.tag-chip')).toHaveText(['missed question', 'policy first']);
  await expect(note).toContainText('Sam Lee');
  await expect(panel.getByTestId('annotation-add')).toBeFocused();
  await reviewScreenshot(page, 'replay-annotations', panel);

  // "Quit and start again": the note comes back from the library file.
  await attune.restartServices();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await openCallFromLibrary(page, callId);
  await expect(panel.getByTestId('annotation')).toHaveCount(1);
  await expect(panel.getByTestId('annotation-text')).toContainText('heard policy first');
  await expect(panel.getByTestId('annotation')).toContainText('Sam Lee');

  // The library search finds the note by its text and by its tag, and a word of the transcript.
  await page.getByTestId('back-to-library').click();
  const search = page.getByTestId('library-search');
  await search.fill('acknowledge');
  const hits = page.getByTestId('search-hit');
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toHaveAttribute('data-kind', 'annotation');
  await search.fill('policy first');
  await expect(page.locator('[data-testid="search-hit"][data-kind="annotation"]')).toHaveCount(1);
  await search.fill('lamp');
  await expect(page.locator('[data-testid="search-hit"][data-kind="transcript"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="search-hit"][data-kind="annotation"]')).toHaveCount(0);

  // The annotation's hit opens the call at the note: it is the one under the playhead.
  await search.fill('acknowledge');
  await page.getByTestId('search-hit').first().click();
  await expect(panel.getByTestId('annotation')).toHaveAttribute('aria-current', 'true');
});

test('notes are edited (moved to the playhead, retagged) and deleted after a confirmation', async ({ attune }) => {
  test.setTimeout(60_000);
  const { page } = attune;
  const { callId } = storeTranscribedCall(attune.dataDir);
  // Two notes stored as main would store them, through the bridge.
  const added = await page.evaluate(async (id) => {
    const bridge = (globalThis as unknown as { attune: import('../../src/shared/ipc-contract').AttuneBridge }).attune;
    const first = await bridge.addAnnotation({ callId: id, startMs: 2_000, text: 'Warm greeting.', tags: ['great empathy'] });
    const second = await bridge.addAnnotation({ callId: id, startMs: 9_000, endMs: 12_000, text: '', tags: ['interrupted'] });
    return [first.ok, second.ok];
  }, callId);
  expect(added).toEqual([true, true]);

  await openCallFromLibrary(page, callId);
  const panel = page.getByTestId('annotations-panel');
  const notes = panel.getByTestId('annotation');
  await expect(notes).toHaveCount(2);
  await expect(notes.getByTestId('annotation-time')).toHaveText(['0:02', '0:09–0:12']);

  // Edit the first: move it to the playhead (a transcript word), change text and tags.
  await page.getByTestId('replay-transcript').getByRole('button', { name: 'lamp', exact: true }).click();
  await notes.first().getByTestId('annotation-edit').click();
  const editor = panel.getByTestId('annotation-editor');
  await editor.getByTestId('annotation-move-here').click();
  await editor.getByTestId('annotation-textarea').fill('Greeting fine; the lamp detail was not confirmed back.');
  await editor.getByRole('button', { name: 'great empathy' }).click();
  await editor.getByRole('button', { name: 'good paraphrase' }).click();
  await editor.getByTestId('annotation-save').click();
  await expect(panel.getByTestId('annotation-editor')).toHaveCount(0);
  // Moved to "lamp" (4.6 s), still in time order before the range.
  await expect(notes.getByTestId('annotation-time')).toHaveText(['0:04', '0:09–0:12']);
  await expect(notes.first().locator('.tag-chip')).toHaveText(['good paraphrase']);
  await expect(notes.first()).toContainText('edited');

  // Escape cancels an edit without saving.
  await notes.nth(1).getByTestId('annotation-edit').click();
  await editor.getByTestId('annotation-textarea').fill('not kept');
  await editor.getByTestId('annotation-textarea').press('Escape');
  await expect(panel.getByTestId('annotation-editor')).toHaveCount(0);
  await expect(panel).not.toContainText('not kept');

  // Delete asks first; "Keep" keeps it, "Delete" removes it, in the library too.
  await notes.nth(1).getByTestId('annotation-delete').click();
  await panel.getByTestId('annotation-delete-keep').click();
  await expect(notes).toHaveCount(2);
  await notes.nth(1).getByTestId('annotation-delete').click();
  await expect(panel.getByTestId('annotation-confirm-delete')).toContainText('Delete this note?');
  await panel.getByTestId('annotation-delete-confirm').click();
  await expect(notes).toHaveCount(1);
  const stored = await page.evaluate(
    (id) => (globalThis as unknown as { attune: import('../../src/shared/ipc-contract').AttuneBridge }).attune.listAnnotations(id),
    callId,
  );
  expect(stored.map((a) => [a.startMs, a.text, a.tags])).toEqual([[4_600, 'Greeting fine; the lamp detail was not confirmed back.', ['good paraphrase']]]);
});

test('Settings › Notes on calls: the author and the offered tags are kept; the form offers the edited tags', async ({ attune }) => {
  const { page } = attune;
  const { callId } = storeTranscribedCall(attune.dataDir);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByTestId('annotation-settings');
  await expect(settings.getByTestId('annotation-tag-list').locator('.tag-chip')).toHaveText(['great empathy×', 'interrupted×', 'missed question×', 'good paraphrase×']);
  // The author field is empty while it is the default, and says what the default is.
  await expect(settings.getByTestId('annotation-author')).toHaveValue('');
  await settings.getByRole('button', { name: 'Remove tag interrupted' }).click();
  await settings.getByTestId('annotation-tag-input').fill('rapport, Great empathy');
  await settings.getByTestId('annotation-tag-input').press('Enter');
  await settings.getByTestId('save-annotation-settings').click();
  await expect(settings.getByTestId('annotation-settings-status')).toHaveText('Saved.');
  await reviewScreenshot(page, 'settings-notes-on-calls', settings);

  await attune.restartServices();
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(settings.getByTestId('annotation-tag-list').locator('.tag-chip')).toHaveText(['great empathy×', 'missed question×', 'good paraphrase×', 'rapport×']);

  await openCallFromLibrary(page, callId);
  await page.getByTestId('annotation-add').click();
  await expect(page.getByTestId('annotation-editor').getByTestId('annotation-tag')).toHaveText(['great empathy', 'missed question', 'good paraphrase', 'rapport']);
});

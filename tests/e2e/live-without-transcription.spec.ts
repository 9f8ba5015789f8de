// A live call goes on without transcription. The selected speech model is installed with Vosk's layout
// but holds junk (what a corrupt unpack or a wrong download leaves): the real recognizer page (real
// vosk-browser, opened by the harness like the app's hidden recognizer window, the model served by the
// app's attune-model handler) cannot read it, so transcription shows 'failed' with the designed message.
// Meanwhile a live call on the fake microphone runs as always: metrics, the "Let them finish" card, the
// call stored; the call waits for background transcription (paused: no usable model).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test, expect } from './harness/attune-fixture';
import { chromiumLaunchOptions, fakeMicrophoneArgs } from './harness/chromium-launch';
import { LIVE_CALL_WAV_PATH } from './harness/live-call-audio';
import { openLiveView, waitForQuietAfterCustomer } from './harness/live-page';
import { modelUrl } from '../../src/main/models/model-protocol';
import { modelLoadErrorMessage } from '../../src/shared/recognizer-protocol';
import type { AttuneBridge } from '../../src/shared/ipc-contract';
import type { CallTranscript, SpeechModelsStatus } from '../../src/shared/transcription';
import type { Page } from '@playwright/test';

test.use({ launchOptions: chromiumLaunchOptions(fakeMicrophoneArgs(LIVE_CALL_WAV_PATH, true)) });

const JUNK_MODEL_ID = 'vosk-model-junk';
/** vosk-browser's answer to a model archive it cannot read (the recognizer page's wording). */
const UNREADABLE = 'Vosk could not unpack or read it (a partial or corrupt archive, or not a Vosk model)';

/** A model folder with every file Vosk's loader needs, each holding junk: the store calls it ready. */
async function writeJunkModel(dataDir: string): Promise<void> {
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i += 1) junk[i] = (i * 7919 + 13) % 251;
  const folder = join(dataDir, 'models', JUNK_MODEL_ID);
  for (const [name, body] of [
    ['am/final.mdl', junk],
    ['conf/model.conf', Buffer.from('--sample-frequency=16000\n')],
    ['conf/mfcc.conf', Buffer.from('--use-energy=false\n')],
    ['graph/HCLr.fst', junk],
    ['graph/Gr.fst', junk],
  ] as const) {
    await mkdir(dirname(join(folder, name)), { recursive: true });
    await writeFile(join(folder, name), body);
  }
}

const bridge = (page: Page) => ({
  status: () => page.evaluate(() => (globalThis as unknown as { attune: AttuneBridge }).attune.getSpeechModels()),
  select: (id: string) => page.evaluate((modelId) => (globalThis as unknown as { attune: AttuneBridge }).attune.selectSpeechModel(modelId), id),
  transcript: (callId: number) => page.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.getCallTranscript(id), callId),
});

test('a corrupt speech model: transcription shows failed with the reason, and the live call runs, coaches and is stored', async ({ attune }) => {
  test.setTimeout(240_000);
  const { page } = attune;
  const ipc = bridge(page);
  const designedMessage = modelLoadErrorMessage(modelUrl(JUNK_MODEL_ID), UNREADABLE);
  // Both recognizers (live and background) log that the model would not load: expected here.
  attune.allowMainLog(/live transcription stopped: The speech model at attune-model:\/\/library\/vosk-model-junk\/model\.tar\.gz could not be loaded/);
  attune.allowMainLog(/background transcription cannot load the speech model vosk-model-junk/);

  // No model at first: transcription is off and the app says so.
  expect((await ipc.status()).transcription.state).toBe('off');

  await writeJunkModel(attune.dataDir);
  const selected = await ipc.select(JUNK_MODEL_ID);
  expect(selected.ok, JSON.stringify(selected)).toBe(true);

  // The recognizer loads it in the real vosk-browser, which cannot read it: 'failed', with the page's message.
  await expect
    .poll(async () => (await ipc.status()).transcription, { timeout: 60_000 })
    .toEqual({ state: 'failed', modelId: JUNK_MODEL_ID, message: designedMessage });
  // Pushed to the windows too (status pushes are coalesced, so it may follow a moment later).
  await expect
    .poll(() =>
      attune.transcriptionUpdates.some(
        (update) => update.type === 'status' && update.status.transcription.state === 'failed' && update.status.transcription.message === designedMessage,
      ),
    )
    .toBe(true);

  await openLiveView(page);
  const indicator = page.getByTestId('transcription-indicator');
  await expect(indicator).toHaveAttribute('data-state', 'failed');

  // The live call, exactly as without any model.
  await page.getByTestId('consent-acknowledge').click();
  await page.getByTestId('source-stereo-input').check();
  await waitForQuietAfterCustomer(page);
  await page.getByTestId('agent-name').fill('Dana');
  await page.getByTestId('start-call').click();
  await expect(page.getByTestId('recording-indicator')).toBeVisible();
  await expect(page.getByTestId('coach-card')).toHaveText(/Let them finish/, { timeout: 40_000 });
  await expect(indicator).toHaveAttribute('data-state', 'failed');
  expect(attune.updates.some((u) => u.update.type === 'metrics'), 'metrics flowed during the call').toBe(true);
  expect(attune.updates.some((u) => u.update.type === 'interruption' && u.update.by === 'agent')).toBe(true);

  await page.getByTestId('stop-call').click();
  await expect(page.getByTestId('recording-indicator')).toBeHidden();
  const saved = attune.updates.map((u) => u.update).find((u) => u.type === 'saved');
  expect(saved, 'main stored the call').toBeDefined();
  const callId = saved?.type === 'saved' ? saved.callId : -1;
  await expect(page.locator(`[data-testid="recent-call"][data-call-id="${callId}"]`)).toContainText('Dana');
  const stored = await page.evaluate((id) => (globalThis as unknown as { attune: AttuneBridge }).attune.getCall(id), callId);
  expect(stored?.recordingPath).toMatch(/\.wav$/);
  expect(stored?.cards.some((shown) => shown.card.kind === 'let-them-finish')).toBe(true);

  // No words from the failed recognizer; the call waits for background transcription, which waits
  // for a usable model.
  await expect
    .poll(async (): Promise<Pick<CallTranscript, 'state' | 'words'> | null> => {
      const transcript = await ipc.transcript(callId);
      return transcript === null ? null : { state: transcript.state, words: transcript.words };
    })
    .toEqual({ state: 'queued', words: [] });
  await expect
    .poll(async (): Promise<SpeechModelsStatus['background']> => (await ipc.status()).background, { timeout: 60_000 })
    .toEqual({ queuedCalls: 1, current: null, paused: true });
  expect((await ipc.status()).transcription).toEqual({ state: 'failed', modelId: JUNK_MODEL_ID, message: designedMessage });
  expect(attune.frameStats.blocks).toBeGreaterThan(0);
  expect(attune.frameStats.malformed).toBe(0);
});

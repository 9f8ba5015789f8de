// A stored call's listening scorecard and transcript. The words go in through the real transcript
// service (as the recognizer's final results would, Vosk's own objects), and main's getCallTranscript
// finds the cues and builds the scorecard: the report shows each point with its verdict, the turns per
// speaker with the cue words marked, and a scorecard moment brings its turn up and focuses it. A call
// with no words says why in one line; one waiting for background transcription says that, and
// Settings shows the queue.

import { test, expect } from './harness/attune-fixture';
import { realisticCallPath } from './harness/fixture-calls';
import { openLiveView } from './harness/live-page';
import { reviewScreenshot } from './harness/ui-screenshots';
import { openLibrary } from '../../src/main/library/library';
import { createTranscriptService } from '../../src/main/services/transcript-service';
import { insertCall } from '../../src/main/store/calls-repository';
import type { CallMetrics } from '../../src/shared/call-analysis';
import type { NewCall } from '../../src/shared/calls';
import type { TranscriptChannel, VoskWord } from '../../src/shared/transcript';

/** The call as said, turn by turn; each word takes 0.4 s, turns are 1.2 s apart. */
const SCRIPT: ReadonlyArray<[TranscriptChannel, string]> = [
  ['customer', 'hi my name is maria and my card was charged twice for the same order'],
  ['agent', 'thank you for telling me maria i understand how frustrating that is'],
  ['agent', 'can you tell me what happened with the charge'],
  ['customer', 'um i bought a lamp and the shop took the money two times'],
  ['agent', 'so what i am hearing is you paid twice for one lamp'],
  ['customer', 'yes exactly'],
  ['agent', 'uh that is our policy for pending charges but i will help you'],
  ['agent', 'you can either wait two days or we refund it now'],
  ['customer', 'refund it now please'],
  ['agent', 'here is what happens next i refund it today and you get an email'],
];

/** Vosk final results (times in seconds), one per turn, and the call's length. */
function recognizedTurns(): { results: Array<{ channel: TranscriptChannel; text: string; result: VoskWord[] }>; durationMs: number } {
  let atS = 1;
  const results = SCRIPT.map(([channel, text]) => {
    const result = text.split(' ').map((word, index) => ({ word, start: atS + index * 0.4, end: atS + index * 0.4 + 0.3, conf: 0.93 }));
    atS = (result[result.length - 1]?.end ?? atS) + 1.2;
    return { channel, text, result };
  });
  return { results, durationMs: Math.ceil(atS) * 1000 };
}

function metricsFor(durationMs: number): CallMetrics {
  return {
    durationMs,
    talkRatio: 0.58,
    agent: { talkMs: 30_000, longestMonologueMs: 9_000, interruptions: 1, segments: [[5_000, 14_000], [30_000, 40_000]] },
    customer: { talkMs: 22_000, longestMonologueMs: 8_000, interruptions: 0, segments: [[1_000, 5_000], [14_000, 30_000]] },
    interruptions: [{ atMs: 29_500, by: 'agent', overlapMs: 1_200 }],
    backchannels: [],
    overlapMs: 1_200,
    silenceMs: 6_000,
    deadAir: [],
    responseGapMs: { median: 900, p90: 1_400 },
  };
}

function call(recordingKey: string, startedAt: string, durationMs: number): NewCall {
  return { recordingKey, agentName: 'Dana', startedAt, durationMs, recordingPath: null, metrics: metricsFor(durationMs), cards: [], notes: [], recovered: false, source: 'live' };
}

test('a stored call with a transcript: the scorecard beside the transcript, cue words marked, moments linked', async ({ attune }) => {
  const { page } = attune;
  const { results, durationMs } = recognizedTurns();
  const library = openLibrary(attune.dataDir);
  let transcribedId: number;
  let untranscribedId: number;
  try {
    untranscribedId = insertCall(library.db, call('call-silent', '2026-11-30T09:00:00.000Z', durationMs));
    transcribedId = insertCall(library.db, call('call-maria', '2026-11-30T10:00:00.000Z', durationMs));
    const transcripts = createTranscriptService({ library, logError: (message, error) => { throw new Error(`${message}: ${String(error)}`); } });
    for (const result of results) transcripts.handleRecognizedResult(transcribedId, result);
    transcripts.finishTranscript(transcribedId);
  } finally {
    library.close();
  }

  await page.reload();
  await openLiveView(page);
  const openButton = (id: number) => page.locator(`[data-testid="open-call"][data-call-id="${id}"]`);

  await openButton(untranscribedId).click();
  await expect(page.getByTestId('transcript-state')).toHaveText('No transcript: this call was recorded without a speech model.');
  await expect(page.getByTestId('scorecard')).toHaveCount(0);
  await expect(page.getByTestId('transcript')).toHaveCount(0);
  await page.getByTestId('close-stored-call').click();

  await openButton(transcribedId).click();
  const scorecard = page.getByTestId('scorecard');
  await expect(scorecard).toBeVisible();
  await expect(page.getByTestId('transcript-state')).toHaveCount(0);
  const point = (key: string) => scorecard.locator(`[data-testid="scorecard-point"][data-key="${key}"]`);
  await expect(point('empathy')).toHaveAttribute('data-verdict', 'good');
  await expect(point('empathy')).toContainText('Good');
  await expect(point('empathy')).toContainText('Showed empathy (1)');
  await expect(point('defensive')).toHaveAttribute('data-verdict', 'improve');
  await expect(point('defensive')).toContainText('To improve');
  await expect(point('name')).toContainText("Used the customer's name 1 time(s)");
  await expect(point('interruptions')).toContainText('The agent interrupted 1 time(s)');

  // The transcript, per speaker, in order, with the cue words marked and named.
  const turns = page.getByTestId('transcript-turn');
  await expect(turns).toHaveCount(SCRIPT.length);
  await expect(turns.first()).toHaveAttribute('data-speaker', 'customer');
  await expect(turns.nth(1)).toContainText('Agent');
  await expect(page.locator('[data-testid="cue-mark"][data-cues="empathy"]')).toHaveText('i understand how');
  await expect(turns.nth(1)).toContainText('i understand howEmpathy');
  await expect(page.locator('[data-testid="cue-mark"][data-cues="defensive"]')).toHaveText('that is our policy');
  await expect(page.locator('[data-testid="cue-mark"][data-cues~="open-question"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="cue-mark"][data-cues~="next-step"]')).toHaveText('here is what happens');

  // A moment of a point: its turn comes into view, takes focus and is highlighted.
  const empathyMoment = point('empathy').getByTestId('scorecard-moment');
  await expect(empathyMoment).toHaveAccessibleName(/^0:\d\d: i understand how \(show in the transcript\)$/);
  await empathyMoment.click();
  await expect(turns.nth(1)).toBeFocused();
  await expect(turns.nth(1)).toHaveClass(/transcript-turn-target/);
  await expect(turns.nth(1)).toBeInViewport();
  // By keyboard, a later moment: the next-step turn at the end of the call.
  await point('next-step').getByTestId('scorecard-moment').focus();
  await page.keyboard.press('Enter');
  await expect(turns.last()).toBeFocused();
  await expect(turns.last()).toBeInViewport();

  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await reviewScreenshot(page, 'stored-call-top');
  await reviewScreenshot(page, 'stored-call-scorecard', scorecard);
});

test('a recorded call waiting for background transcription: its report and Settings say so', async ({ attune }) => {
  test.setTimeout(60_000);
  const { page } = attune;
  const library = openLibrary(attune.dataDir);
  let waitingId: number;
  try {
    waitingId = insertCall(library.db, { ...call('call-waiting', '2026-11-30T11:00:00.000Z', 60_000), recordingPath: realisticCallPath() });
  } finally {
    library.close();
  }
  // As after a start of the app: stored calls with a recording and no transcript are queued; with no
  // model they wait.
  await attune.restartServices();
  await page.reload();
  await openLiveView(page);
  await page.locator(`[data-testid="open-call"][data-call-id="${waitingId}"]`).click();
  await expect(page.getByTestId('transcript-state')).toHaveText('No transcript yet: this call is waiting to be transcribed in the background.');
  await page.getByTestId('close-stored-call').click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('background-transcription')).toHaveText('1 stored call to transcribe once a speech model is ready.');
});

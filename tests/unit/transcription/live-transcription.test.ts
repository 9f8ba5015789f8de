// Live transcription against a test double of the recognizer page (the page's own session code with
// scripted Vosk recognizers, see fake-recognizer-page.ts): model states, which blocks reach the
// recognizer, word times in call time, captions, settled cues, the end of a call (last words to the
// stored call, the next call held back until they are out), and every way the recognizer can fail
// without the live call noticing. The real page runs in the e2e tests.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it, mock } from 'node:test';
import type { TranscriptCue } from '../../../src/shared/transcript';
import type { TranscriptionState } from '../../../src/shared/transcription';
import { openLibrary } from '../../../src/main/library/library';
import { encodeFrameBlock } from '../../../src/main/live/frame-block';
import { createLiveCallService } from '../../../src/main/services/live-call-service';
import { createTranscriptService } from '../../../src/main/services/transcript-service';
import { getTranscript } from '../../../src/main/store/transcripts-repository';
import {
  RECOGNIZER_SILENT_MESSAGE,
  createLiveTranscription,
  type LiveTranscriptionDeps,
} from '../../../src/main/transcription/live-transcription';
import type { OpenRecognizer } from '../../../src/main/transcription/recognizer-link';
import { fakeRecognizerOpener, finalOf, type FakePageOptions } from './fake-recognizer-page';

const MODEL = { url: 'attune-model://library/small-en/model.tar.gz', modelId: 'small-en' };
const SECOND_MODEL = { url: 'attune-model://library/big-en/model.tar.gz', modelId: 'big-en' };

/** 100 ms of silence on both channels (10 frames per channel). */
const block = (): ArrayBuffer => new Int16Array(2 * 1_600).buffer;

/** Lets the in-memory ports and the fake recognizers answer: event-loop turns, no wall time. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let turn = 0; turn < 2_000; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

type Logged = string | { result: unknown };

function setUp(pages: FakePageOptions[] = [{}], overrides: Partial<LiveTranscriptionDeps> = {}) {
  const opener = fakeRecognizerOpener(...pages);
  const log: Logged[] = [];
  const states: TranscriptionState[] = [];
  const captions: string[] = [];
  const cues: TranscriptCue[] = [];
  const errors: string[] = [];
  const live = createLiveTranscription({
    openRecognizer: opener.open,
    transcripts: {
      handleRecognizedResult: (target, data) => log.push({ result: { target, data } }),
      finishTranscript: (callId) => log.push(`finish ${callId}`),
      liveCallStarted: () => log.push('started'),
      liveCallStored: (callId) => log.push(`stored ${callId}`),
      liveCallDiscarded: () => log.push('discarded'),
    },
    onCaption: (channel, text, final) => captions.push(`${channel}${final ? ' final' : ''}: ${text}`),
    onCue: (cue) => cues.push(cue),
    onStateChange: (state) => states.push(state),
    logError: (message) => errors.push(message),
    ...overrides,
  });
  const framesSent = (page = 0): number => opener.pages[page]?.received.filter((m) => m.type === 'frames').length ?? 0;
  const results = (): unknown[] => log.flatMap((entry) => (typeof entry === 'string' ? [] : [entry.result]));
  return { live, opener, log, states, captions, cues, errors, framesSent, results };
}

type Setup = ReturnType<typeof setUp>;

async function readyWith(pages: FakePageOptions[] = [{}], overrides: Partial<LiveTranscriptionDeps> = {}): Promise<Setup> {
  const setup = setUp(pages, overrides);
  await setup.live.useModel(MODEL);
  assert.deepEqual(setup.live.state, { state: 'ready', modelId: 'small-en' });
  return setup;
}

/** Starts a call and waits until its blocks go to the recognizer. */
async function startCall(setup: Setup): Promise<void> {
  const before = setup.log.filter((entry) => entry === 'started').length;
  setup.live.liveCallStarted();
  await until(() => setup.log.filter((entry) => entry === 'started').length > before, 'the call started');
}

function feed(setup: Setup, blocks: number): void {
  for (let i = 0; i < blocks; i++) setup.live.handleFrames(block());
}

describe('live transcription: the model', () => {
  afterEach(() => mock.timers.reset());

  it('stays off without a model, opens no page, and still tells the transcript service about calls', async () => {
    const setup = setUp();
    await setup.live.useModel({ url: null, reason: 'No speech model is installed.' });
    assert.deepEqual(setup.states, [{ state: 'off', reason: 'No speech model is installed.' }]);
    setup.live.liveCallStarted();
    feed(setup, 5);
    setup.live.liveCallStored(5);
    await until(() => setup.log.includes('finish 5'), 'the call was finished');
    assert.deepEqual(setup.log, ['started', 'stored 5', 'finish 5']);
    assert.equal(setup.opener.pages.length, 0);
  });

  it('opens a live page and loads the model: loading, then ready', async () => {
    const setup = await readyWith();
    assert.deepEqual(setup.states, [{ state: 'loading', modelId: 'small-en' }, { state: 'ready', modelId: 'small-en' }]);
    const page = setup.opener.pages[0];
    assert.equal(page?.purpose, 'live');
    assert.deepEqual(page?.received, [{ type: 'load-model', url: MODEL.url, timeoutMs: 30_000 }]);
    assert.deepEqual(setup.errors, []);
  });

  it('reports a model that cannot be loaded with the page’s one line, logs it once and feeds nothing', async () => {
    const setup = setUp([{ loadError: 'HTTP error! status: 404' }]);
    await setup.live.useModel(MODEL);
    const message = `The speech model at ${MODEL.url} could not be loaded: HTTP error! status: 404`;
    assert.deepEqual(setup.states, [{ state: 'loading', modelId: 'small-en' }, { state: 'failed', modelId: 'small-en', message }]);
    await startCall(setup);
    feed(setup, 10);
    setup.live.liveCallStored(2);
    await until(() => setup.log.includes('finish 2'), 'the call was finished');
    assert.deepEqual(setup.opener.pages[0]?.received.map((m) => m.type), ['load-model']);
    assert.equal(setup.errors.length, 1);
    assert.match(setup.errors[0] ?? '', /could not be loaded: HTTP error! status: 404/);
  });

  it('reports a recognizer page that cannot be opened, in one line', async () => {
    const setup = setUp([], { openRecognizer: () => Promise.reject(new Error('the window could not be created\n    at stack')) });
    await setup.live.useModel(MODEL);
    assert.deepEqual(setup.live.state, { state: 'failed', modelId: 'small-en', message: 'The speech recognizer could not be started: the window could not be created' });
  });

  it('gives up on a page that never answers the load', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const setup = setUp([{ loadHangs: true }]);
    const loading = setup.live.useModel(MODEL);
    await until(() => (setup.opener.pages[0]?.received.length ?? 0) > 0, 'the load was asked for');
    mock.timers.tick(35_000);
    await loading;
    assert.deepEqual(setup.live.state, { state: 'failed', modelId: 'small-en', message: 'The speech recognizer did not answer within 35 s while loading the model.' });
  });

  it('replaces the page for another model, keeps it for the same one, and retries a failed one', async () => {
    const setup = await readyWith([{}, { loadError: 'corrupt' }, {}]);
    await setup.live.useModel(MODEL);
    assert.equal(setup.opener.pages.length, 1, 'the same model is not loaded again');
    await setup.live.useModel(SECOND_MODEL);
    assert.equal(setup.opener.pages[0]?.closed, true);
    assert.equal(setup.live.state.state, 'failed');
    await setup.live.useModel(SECOND_MODEL);
    assert.deepEqual(setup.live.state, { state: 'ready', modelId: 'big-en' });
    assert.equal(setup.opener.pages[1]?.closed, true);
    await setup.live.useModel({ url: null, reason: 'The model was removed.' });
    assert.equal(setup.opener.pages[2]?.closed, true);
    assert.deepEqual(setup.live.state, { state: 'off', reason: 'The model was removed.' });
  });
});

describe('live transcription: during a call', () => {
  afterEach(() => mock.timers.reset());

  it('feeds only the blocks of a live call, as ArrayBuffers, and drops malformed ones', async () => {
    const setup = await readyWith();
    feed(setup, 3);
    await startCall(setup);
    feed(setup, 4);
    setup.live.handleFrames(new ArrayBuffer(10));
    setup.live.handleFrames('junk');
    // Electron may hand over a view into a larger buffer: the page gets exactly the block.
    const wide = new Int16Array(3_200 + 8);
    setup.live.handleFrames(wide.subarray(4, 4 + 3_200));
    setup.live.handleFrames(encodeFrameBlock(new Int16Array(160), new Int16Array(160)));
    setup.live.liveCallStored(1);
    feed(setup, 3);
    await until(() => setup.log.includes('finish 1'), 'the call was finished');
    const page = setup.opener.pages[0];
    const frames = page?.received.filter((m) => m.type === 'frames') ?? [];
    assert.equal(frames.length, 6);
    assert.deepEqual(frames.map((m) => (m['block'] as ArrayBuffer).byteLength), [6_400, 6_400, 6_400, 6_400, 6_400, 640]);
    assert.ok(frames.every((m) => m['block'] instanceof ArrayBuffer));
    await until(() => page?.fedSamples('agent') === 5 * 1_600 + 160, 'the page took every block');
  });

  it('hands finals to the transcript service in call time, and shows partials and finals as captions', async () => {
    const setup = await readyWith([
      {
        script: {
          agent: {
            // Vosk repeats a partial while nothing changes; the page passes on only changes.
            onBlock: (s, index) => (index === 2 || index === 3 ? { partial: 'thank' } : index === 4 ? { final: finalOf('thank you', s - 0.4, s - 0.1) } : undefined),
          },
        },
      },
    ]);
    await startCall(setup);
    feed(setup, 6);
    await until(() => setup.results().length === 1, 'the final arrived');
    const toMs = (seconds: number): number => Math.round(seconds * 1_000);
    const results = setup.results() as Array<{ target: unknown; data: { channel: string; text: string; result: Array<{ word: string; start: number; end: number; conf: number }> } }>;
    assert.deepEqual(
      results.map(({ target, data }) => ({ target, channel: data.channel, text: data.text, words: data.result.map((w) => [w.word, toMs(w.start), toMs(w.end), w.conf]) })),
      [{ target: 'live', channel: 'agent', text: 'thank you', words: [['thank', 100, 250, 0.95], ['you', 250, 400, 0.95]] }],
    );
    assert.deepEqual(setup.captions, ['agent: thank', 'agent final: thank you']);
    setup.live.liveCallStored(4);
    assert.deepEqual(setup.captions.slice(2), ['agent: ', 'customer: '], 'the end of the call clears the captions');
  });

  it('puts words in call time when the model became ready part-way through the call, and in later calls', async () => {
    const setup = setUp([
      {
        script: {
          customer: {
            // Vosk's clock counts every sample this recognizer was given, across calls.
            onBlock: (s, index) => (index === 2 || index === 12 ? { final: finalOf('hello', s - 0.2, s - 0.1) } : undefined),
          },
        },
      },
    ]);
    const states: string[] = [];
    setup.live.liveCallStarted();
    feed(setup, 5); // 0.5 s of the call before a model is ready: not transcribed
    await setup.live.useModel(MODEL);
    states.push(setup.live.state.state);
    feed(setup, 3); // the recognizer's 0–0.3 s is call time 0.5–0.8 s
    await until(() => setup.results().length === 1, 'the first final arrived');
    setup.live.liveCallStored(1);
    await until(() => setup.log.includes('finish 1'), 'the first call was finished');
    await startCall(setup);
    feed(setup, 10); // the recognizer's 0.3–1.3 s is call time 0–1 s
    await until(() => setup.results().length === 2, 'the second final arrived');
    const starts = setup.results().map((r) => (r as { data: { result: Array<{ start: number }> } }).data.result[0]?.start);
    assert.deepEqual(states, ['ready']);
    assert.ok(Math.abs((starts[0] ?? NaN) - 0.6) < 1e-9, `first call: ${starts[0]}`);
    assert.ok(Math.abs((starts[1] ?? NaN) - 0.8) < 1e-9, `second call: ${starts[1]}`);
  });

  it('hands out a settled cue once the words after it are final', async () => {
    const setup = await readyWith(
      [
        {
          script: {
            agent: { onBlock: (s, index) => (index === 9 ? { final: finalOf('that is our policy', s - 0.9, s - 0.1) } : undefined) },
          },
        },
      ],
      { syncEveryMs: 500 },
    );
    await startCall(setup);
    feed(setup, 20);
    await until(() => setup.framesSent() === 20 && setup.results().length === 1, 'the final arrived');
    await until(() => setup.opener.pages[0]?.received.filter((m) => m.type === 'sync').length === 4, 'the syncs were sent');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(setup.cues, [], 'not settled 2 s after the words yet');
    feed(setup, 20);
    await until(() => setup.cues.length === 1, 'the cue settled');
    assert.deepEqual(setup.cues, [{ type: 'defensive', by: 'agent', atMs: 100, text: 'that is our policy' }]);
  });
});

describe('live transcription: the end of a call', () => {
  afterEach(() => mock.timers.reset());

  it('resets and syncs; the last words go to the stored call before it is finished, and the next call waits for them', async () => {
    const setup = await readyWith([{ script: { agent: { onReset: (s) => ({ final: finalOf('goodbye', s - 0.3, s) }) } } }]);
    await startCall(setup);
    feed(setup, 10);
    await until(() => setup.opener.pages[0]?.fedSamples('agent') === 16_000, 'the call was fed');
    setup.live.liveCallStored(7);
    setup.live.liveCallStarted();
    feed(setup, 2); // the next call's first 0.2 s arrive while the last words are on their way: not fed
    await until(() => setup.log.filter((e) => e === 'started').length === 2, 'the next call started');
    feed(setup, 1);
    await until(() => setup.framesSent() === 11, 'the next call was fed');
    assert.deepEqual(setup.log.map((e) => (typeof e === 'string' ? e : `result ${(e.result as { data: { text: string } }).data.text}`)), [
      'started',
      'stored 7',
      'result goodbye',
      'finish 7',
      'started',
    ]);
    // load-model, the first call's 10 blocks with its periodic sync, the flush, the next call's one block.
    assert.deepEqual(setup.opener.pages[0]?.received.slice(10).map((m) => m.type), ['frames', 'sync', 'reset', 'sync', 'frames']);
  });

  it('drops the last words of a discarded call', async () => {
    const setup = await readyWith([{ script: { customer: { onReset: (s) => ({ final: finalOf('my card number', s - 1, s) }) } } }]);
    await startCall(setup);
    feed(setup, 10);
    setup.live.liveCallDiscarded();
    setup.live.liveCallStarted();
    await until(() => setup.log.filter((e) => e === 'started').length === 2, 'the next call started');
    assert.deepEqual(setup.log, ['started', 'discarded', 'started']);
    assert.deepEqual(setup.cues, []);
  });

  it('writes a live call’s words, the last ones included, under the id the live call service stored it with', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'attune-live-transcription-'));
    const library = openLibrary(dir);
    try {
      const logged: string[] = [];
      const transcripts = createTranscriptService({ library, logError: (message) => logged.push(message) });
      const opener = fakeRecognizerOpener({
        script: {
          agent: { onBlock: (s, index) => (index === 30 ? { final: finalOf('good morning', s - 0.5, s - 0.1) } : undefined), onReset: (s) => ({ final: finalOf('bye now', s - 0.4, s) }) },
        },
      });
      const transcription = createLiveTranscription({
        openRecognizer: opener.open,
        transcripts,
        onCaption: () => undefined,
        onCue: () => undefined,
        onStateChange: () => undefined,
        logError: (message) => logged.push(message),
      });
      await transcription.useModel(MODEL);
      const calls = createLiveCallService({ library, broadcast: () => undefined, lifecycle: transcription, logError: (message) => logged.push(message) });
      assert.ok((await calls.startLiveCall({ agentName: 'Dana' })).ok);
      await until(() => transcripts.pendingLiveWords === 0 && opener.pages[0] !== undefined, 'the call started');
      for (let i = 0; i < 50; i++) {
        const frames = encodeFrameBlock(new Int16Array(320), new Int16Array(320));
        calls.handleFrameMessage(frames);
        transcription.handleFrames(frames);
      }
      await until(() => transcripts.pendingLiveWords === 2, 'the first words arrived');
      const stopped = await calls.stopLiveCall();
      assert.ok(stopped.ok);
      await transcription.dispose();
      assert.deepEqual(getTranscript(library.db, stopped.callId).map((w) => [w.word, w.startMs, w.endMs]), [
        ['good', 120, 320],
        ['morning', 320, 520],
        ['bye', 600, 800],
        ['now', 800, 1_000],
      ]);
      assert.deepEqual(logged, []);
      assert.equal(opener.pages[0]?.closed, true);
    } finally {
      library.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('live transcription: failures never stop the call', () => {
  afterEach(() => mock.timers.reset());

  it('a recognizer error after load: failed, logged once, no more frames, calls still reach the transcript service', async () => {
    const setup = await readyWith([{ script: { agent: { onBlock: (_s, index) => (index >= 3 ? { error: 'out of memory' } : undefined) } } }]);
    await startCall(setup);
    feed(setup, 6);
    await until(() => setup.live.state.state === 'failed', 'the error arrived');
    feed(setup, 6);
    setup.live.liveCallStored(3);
    await until(() => setup.log.includes('finish 3'), 'the call was finished');
    assert.deepEqual(setup.live.state, { state: 'failed', modelId: 'small-en', message: 'Speech recognition failed on the agent channel: out of memory' });
    assert.equal(setup.errors.length, 1);
    assert.equal(setup.opener.pages[0]?.closed, true);
    assert.ok(setup.framesSent() <= 6);
    assert.ok(!setup.opener.pages[0]?.received.some((m) => m.type === 'reset'));
    assert.deepEqual(setup.log, ['started', 'stored 3', 'finish 3']);
  });

  it('a page that crashed: the end of the call gives up after the flush timeout and the next call goes on', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const setup = await readyWith();
    await startCall(setup);
    feed(setup, 5);
    setup.opener.pages[0]?.crash();
    setup.live.liveCallStored(9);
    await until(() => setup.opener.pages[0]?.received.at(-1)?.type === 'sync', 'the flush was asked for');
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(!setup.log.includes('finish 9'));
    mock.timers.tick(10_000);
    await until(() => setup.log.includes('finish 9'), 'the call was finished');
    assert.deepEqual(setup.live.state, { state: 'failed', modelId: 'small-en', message: RECOGNIZER_SILENT_MESSAGE });
    await startCall(setup);
    assert.deepEqual(setup.log, ['started', 'stored 9', 'finish 9', 'started']);
    assert.equal(setup.errors.length, 1);
  });

  it('a page that stops answering during the call is given up on once it is too far behind', async () => {
    const setup = await readyWith([{ script: { customer: { onBlock: (_s, index) => (index >= 5 ? 'silence' : undefined) } } }], { syncEveryMs: 500, maxLagMs: 2_000 });
    await startCall(setup);
    for (let i = 0; i < 50; i++) {
      setup.live.handleFrames(block());
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(setup.live.state, { state: 'failed', modelId: 'small-en', message: 'The speech recognizer fell more than 2 s behind the call; the call goes on without transcription.' });
    // The sync after block 10 waits for customer answers that never come; 2 s (20 blocks) later, no more.
    assert.equal(setup.framesSent(), 31);
  });

  it('a caption or cue listener that throws is logged, and the transcript still gets the words', async () => {
    const setup = await readyWith([{ script: { agent: { onBlock: (s, index) => (index === 1 ? { final: finalOf('hello', s - 0.1, s) } : undefined) } } }], {
      onCaption: () => {
        throw new Error('window gone');
      },
    });
    await startCall(setup);
    feed(setup, 2);
    await until(() => setup.results().length === 1, 'the final arrived');
    assert.equal(setup.live.state.state, 'ready');
    assert.ok(setup.errors.some((message) => /could not deliver a caption/.test(message)));
  });

  it('opens no page once disposed, and dispose closes the page', async () => {
    const setup = await readyWith();
    await setup.live.dispose();
    assert.equal(setup.opener.pages[0]?.closed, true);
    await setup.live.useModel(SECOND_MODEL);
    assert.equal(setup.opener.pages.length, 1);
  });
});

// Keeps the type import used when the opener is swapped in a test.
export type { OpenRecognizer };

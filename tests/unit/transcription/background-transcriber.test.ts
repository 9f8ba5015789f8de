// The background transcriber on a real library (SQLite file in a temp dir), real WAV recordings written
// here, and the real transcript service. The recognizer page is a TEST DOUBLE (scripted-recognizer-page:
// the page's real session code with a scripted stand-in for vosk-browser); the real page runs in e2e.
// Stored calls are transcribed with their words at the right moments; a live call pauses it; a missing
// recording or a recognizer error fails one call and the next goes on; without a model it waits with its
// queue; a restart finds the queue again; calls transcribed live are not redone.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openLibrary } from '../../../src/main/library/library';
import { interleaveStereo, recordingHeader } from '../../../src/main/recording/wav-header';
import { createTranscriptService } from '../../../src/main/services/transcript-service';
import { insertCall } from '../../../src/main/store/calls-repository';
import { getTranscriptionState, setTranscriptionState } from '../../../src/main/store/transcription-state-repository';
import { appendTranscriptWords, getTranscript } from '../../../src/main/store/transcripts-repository';
import {
  createBackgroundTranscriber,
  NO_RECORDING_PROBLEM,
  SYNC_EVERY_MS,
  type ModelUrlAnswer,
} from '../../../src/main/transcription/background-transcriber';
import { BLOCK_DURATION_MS } from '../../../src/main/transcription/recording-frame-blocks';
import type { SegmentSpan } from '../../../src/shared/call-analysis';
import type { TranscriptChannel, TranscriptWord } from '../../../src/shared/transcript';
import type { BackgroundTranscriptionProgress } from '../../../src/shared/transcription';
import { sampleCall } from '../../db/store-fixtures';
import { DEFAULT_SCRIPT, encodeWav, renderSyntheticCall, type SyntheticCall } from '../cli/synthetic-call';
import { scriptedRecognizerPages, type PageScript } from './scripted-recognizer-page';

const root = mkdtempSync(join(tmpdir(), 'attune-background-test-'));
after(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

const SMALL_MODEL: ModelUrlAnswer = { url: 'attune-model://library/small-en/model.tar.gz', modelId: 'small-en' };
/** A short second call: one turn each. */
const SHORT_SCRIPT = { agent: [[1_000, 2_000]] as SegmentSpan[], customer: [[2_600, 4_100]] as SegmentSpan[], durationMs: 5_000 };
/** Where the stand-in may put a burst's edges: its 10 ms frames, and the 20 ms fades of the test voice. */
const EDGE_TOLERANCE_MS = 25;

/** The recorder's own format: 16 kHz stereo 16-bit, agent left. */
function writeLiveRecording(path: string, call: SyntheticCall): void {
  const toInt16 = (channel: Float32Array): Int16Array => Int16Array.from(channel, (s) => Math.max(-32_768, Math.min(32_767, Math.round(s * 32_767))));
  const data = interleaveStereo(toInt16(call.agent), toInt16(call.customer));
  writeFileSync(path, Buffer.concat([recordingHeader(data.length), data]));
}

function setup(options: { script?: Partial<PageScript>; model?: ModelUrlAnswer; dataDir?: string; onOpen?: () => void } = {}) {
  folders += 1;
  const dataDir = options.dataDir ?? join(root, `library-${folders}`);
  const library = openLibrary(dataDir);
  const errors: string[] = [];
  const logError = (message: string): void => {
    errors.push(message);
  };
  const transcripts = createTranscriptService({ library, logError });
  const pages = scriptedRecognizerPages({ words: { agent: [], customer: [] }, ...options.script });
  const state = { model: options.model ?? SMALL_MODEL, modelUrlCalls: 0 };
  const reports: BackgroundTranscriptionProgress[] = [];
  const waiting = new Set<() => void>();
  const transcriber = createBackgroundTranscriber({
    library,
    openRecognizer: (purpose) => {
      options.onOpen?.();
      return pages.open(purpose);
    },
    transcripts,
    modelUrl: () => {
      state.modelUrlCalls += 1;
      return Promise.resolve(state.model);
    },
    isLiveCallRunning: () => false,
    onProgress: (progress) => {
      reports.push(progress);
      for (const check of [...waiting]) check();
    },
    logError,
  });

  /** Resolves at the first progress report from now on that `matches`. */
  const reported = (matches: (progress: BackgroundTranscriptionProgress) => boolean): Promise<BackgroundTranscriptionProgress> => {
    const from = reports.length;
    return new Promise((resolve) => {
      const check = (): void => {
        const found = reports.slice(from).find(matches);
        if (found === undefined) return;
        waiting.delete(check);
        resolve(found);
      };
      waiting.add(check);
    });
  };
  const idle = (): Promise<BackgroundTranscriptionProgress> =>
    reported((p) => p.queuedCalls === 0 && p.current === null && !p.paused);

  let calls = 0;
  /** Stores a call whose recording is `call` written as WAV (live format, or `rateHz` for an import). */
  const storeCall = (call: SyntheticCall | null, format: { rateHz?: number; startedAt?: string } = {}): number => {
    calls += 1;
    const path = join(library.recordingsDir, `call-${calls}.wav`);
    if (call !== null && format.rateHz === undefined) writeLiveRecording(path, call);
    if (call !== null && format.rateHz !== undefined) writeFileSync(path, encodeWav([call.agent, call.customer], format.rateHz, '16'));
    return insertCall(
      library.db,
      sampleCall({
        recordingKey: `call-${calls}`,
        recordingPath: path,
        startedAt: format.startedAt ?? `2026-12-01T10:${String(calls).padStart(2, '0')}:00.000Z`,
        source: format.rateHz === undefined ? 'live' : 'import',
      }),
    );
  };

  const close = async (): Promise<void> => {
    await transcriber.dispose();
    library.close();
  };
  return { library, transcriber, pages, state, reports, reported, idle, storeCall, errors, close, dataDir };
}

/** Each scripted burst heard as the next word, with its times. */
function expectedWords(channel: TranscriptChannel, bursts: readonly SegmentSpan[], words: readonly string[]): Array<{ channel: TranscriptChannel; word: string; startMs: number; endMs: number }> {
  return bursts.map(([startMs, endMs], i) => ({ channel, word: words[i] ?? '?', startMs, endMs }));
}

function assertWordsAt(actual: TranscriptWord[], expected: ReturnType<typeof expectedWords>): void {
  const sorted = [...expected].sort((a, b) => a.startMs - b.startMs);
  assert.deepEqual(actual.map((w) => `${w.channel}:${w.word}`), sorted.map((w) => `${w.channel}:${w.word}`));
  actual.forEach((word, i) => {
    const want = sorted[i];
    assert.ok(want !== undefined);
    assert.ok(Math.abs(word.startMs - want.startMs) <= EDGE_TOLERANCE_MS, `${word.word} starts at ${word.startMs} ms, expected ${want.startMs}`);
    assert.ok(Math.abs(word.endMs - want.endMs) <= EDGE_TOLERANCE_MS, `${word.word} ends at ${word.endMs} ms, expected ${want.endMs}`);
    assert.equal(word.conf, 0.93);
  });
}

describe('background transcriber', () => {
  it('transcribes stored calls (live 16 kHz and imported 44.1 kHz) through one page: words at their moments, progress, done', async () => {
    const live = renderSyntheticCall(16_000);
    const imported = renderSyntheticCall(44_100, SHORT_SCRIPT);
    const t = setup({
      script: { words: { agent: ['hello', 'anything', 'thanks'], customer: ['my', 'order', 'sure'] } },
    });
    try {
      const liveId = t.storeCall(live);
      const importedId = t.storeCall(imported, { rateHz: 44_100 });
      const done = t.idle();
      t.transcriber.enqueue(liveId);
      t.transcriber.enqueue(importedId);
      assert.deepEqual(t.transcriber.callState(importedId), { state: 'queued', problem: null });
      await done;

      assertWordsAt(getTranscript(t.library.db, liveId), [
        ...expectedWords('agent', DEFAULT_SCRIPT.agent, ['hello', 'anything']),
        ...expectedWords('customer', DEFAULT_SCRIPT.customer, ['my', 'order']),
      ]);
      // The second call went through the same page, whose Vosk times ran on from the first call.
      assertWordsAt(getTranscript(t.library.db, importedId), [
        ...expectedWords('agent', SHORT_SCRIPT.agent, ['thanks']),
        ...expectedWords('customer', SHORT_SCRIPT.customer, ['sure']),
      ]);
      for (const id of [liveId, importedId]) {
        assert.deepEqual(t.transcriber.callState(id), { state: 'done', problem: null });
        assert.equal(getTranscriptionState(t.library.db, id)?.modelId, 'small-en');
      }
      assert.deepEqual({ opened: t.pages.log.opened, closed: t.pages.log.closed }, { opened: 1, closed: 1 });
      // 12 s + 5 s in 1 s blocks, synced every 5 s of audio: never more than that in flight.
      assert.equal(t.pages.log.framesReceived, 17);
      assert.equal(t.pages.log.maxBlocksBetweenSyncs, SYNC_EVERY_MS / BLOCK_DURATION_MS);
      assert.deepEqual(t.pages.log.requests.filter((r) => r !== 'frames' && r !== 'sync'), ['load-model', 'reset', 'reset']);

      // Progress: each call from 0 to 1, never backwards, a report per block at most, then idle.
      for (const id of [liveId, importedId]) {
        const fractions = t.reports.filter((p) => p.current?.callId === id).map((p) => p.current?.fraction ?? -1);
        assert.equal(fractions[0], 0);
        assert.equal(fractions.at(-1), 1);
        assert.deepEqual([...fractions].sort((a, b) => a - b), fractions);
      }
      assert.ok(t.reports.length <= 17 + 8, `${t.reports.length} progress reports`);
      assert.deepEqual(t.reports.find((p) => p.current?.callId === liveId), { queuedCalls: 1, current: { callId: liveId, fraction: 0 }, paused: false });
      assert.deepEqual(t.reports.at(-1), { queuedCalls: 0, current: null, paused: false });
      assert.ok(t.reports.every((p) => !p.paused));
      assert.deepEqual(t.errors, []);
    } finally {
      await t.close();
    }
  });

  it('pauses between blocks while a live call runs, and resumes after it', async () => {
    const t = setup({ script: { words: { agent: ['hello', 'anything'], customer: ['my', 'order'] } } });
    try {
      const id = t.storeCall(renderSyntheticCall(16_000));
      t.pages.log.onFrames = (received) => {
        if (received === 3) t.transcriber.liveCallStarted();
      };
      const paused = t.reported((p) => p.paused);
      t.transcriber.enqueue(id);
      const report = await paused;
      assert.equal(report.current?.callId, id);
      // Let the blocks already posted arrive: then nothing more reaches the page while the live call runs.
      for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      const framesAtPause = t.pages.log.framesReceived;
      for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
      assert.equal(t.pages.log.framesReceived, framesAtPause);
      // Blocks posted before the live call began still arrive (at most one sync's worth), no more.
      assert.ok(framesAtPause >= 3 && framesAtPause <= 3 + SYNC_EVERY_MS / BLOCK_DURATION_MS, `${framesAtPause} blocks before the pause`);
      assert.deepEqual(t.transcriber.callState(id), { state: 'running', problem: null });
      assert.deepEqual(t.transcriber.progress(), { queuedCalls: 0, current: { callId: id, fraction: framesAtPause / 12 }, paused: true });

      const done = t.idle();
      t.transcriber.liveCallEnded();
      await done;
      assert.equal(t.pages.log.framesReceived, 12);
      assertWordsAt(getTranscript(t.library.db, id), [
        ...expectedWords('agent', DEFAULT_SCRIPT.agent, ['hello', 'anything']),
        ...expectedWords('customer', DEFAULT_SCRIPT.customer, ['my', 'order']),
      ]);
      assert.deepEqual(t.transcriber.callState(id), { state: 'done', problem: null });
    } finally {
      await t.close();
    }
  });

  it('waits to start while a live call runs', async () => {
    const t = setup({ script: { words: { agent: ['hello', 'anything'], customer: ['my', 'order'] } } });
    try {
      const id = t.storeCall(renderSyntheticCall(16_000));
      t.transcriber.liveCallStarted();
      const paused = t.reported((p) => p.paused);
      t.transcriber.enqueue(id);
      assert.deepEqual(await paused, { queuedCalls: 1, current: null, paused: true });
      assert.equal(t.pages.log.opened, 0);
      const done = t.idle();
      t.transcriber.liveCallEnded();
      await done;
      assert.deepEqual(t.transcriber.callState(id), { state: 'done', problem: null });
    } finally {
      await t.close();
    }
  });

  it('a missing recording fails its call with one line; the next call goes on', async () => {
    const t = setup({ script: { words: { agent: ['thanks'], customer: ['sure'] } } });
    try {
      const gone = t.storeCall(null);
      const noRecording = insertCall(t.library.db, sampleCall({ recordingKey: 'no-recording', recordingPath: null }));
      const fine = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const done = t.idle();
      for (const id of [gone, noRecording, fine]) t.transcriber.enqueue(id);
      await done;
      const goneState = t.transcriber.callState(gone);
      assert.equal(goneState.state, 'failed');
      assert.match(goneState.problem ?? '', /^\/.*call-1\.wav: no such file$/);
      assert.deepEqual(t.transcriber.callState(noRecording), { state: 'failed', problem: NO_RECORDING_PROBLEM });
      // Nothing was fed for them, so no model is blamed (another model would not help).
      assert.equal(getTranscriptionState(t.library.db, gone)?.modelId, null);
      assert.deepEqual(t.transcriber.callState(fine), { state: 'done', problem: null });
      assertWordsAt(getTranscript(t.library.db, fine), [
        ...expectedWords('agent', SHORT_SCRIPT.agent, ['thanks']),
        ...expectedWords('customer', SHORT_SCRIPT.customer, ['sure']),
      ]);
      assert.equal(t.pages.log.opened, 1);
      assert.deepEqual(t.errors, []);
    } finally {
      await t.close();
    }
  });

  it('without a model nothing runs and the queue waits (paused); a model chosen later starts it', async () => {
    const t = setup({
      model: { url: null, reason: 'No speech model is chosen.' },
      script: { words: { agent: ['thanks'], customer: ['sure'] } },
    });
    try {
      const id = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const paused = t.reported((p) => p.paused);
      assert.equal(t.transcriber.enqueueUntranscribed(), 1);
      assert.deepEqual(await paused, { queuedCalls: 1, current: null, paused: true });
      assert.equal(t.pages.log.opened, 0);
      assert.deepEqual(t.transcriber.callState(id), { state: 'queued', problem: null });
      // More work does not retry the missing model; only modelChanged does.
      const calls = t.state.modelUrlCalls;
      t.transcriber.enqueue(t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT)));
      assert.equal(t.state.modelUrlCalls, calls);
      assert.deepEqual(t.transcriber.progress(), { queuedCalls: 2, current: null, paused: true });

      t.state.model = SMALL_MODEL;
      t.pages.log.requests.length = 0;
      const done = t.idle();
      t.transcriber.modelChanged();
      await done;
      assert.deepEqual(t.transcriber.callState(id), { state: 'done', problem: null });
      assert.equal(getTranscript(t.library.db, id).length, 2);
    } finally {
      await t.close();
    }
  });

  it('a model that will not load leaves the queue waiting, with nothing failed', async () => {
    const broken = 'attune-model://library/broken/model.tar.gz';
    const t = setup({
      model: { url: broken, modelId: 'broken' },
      script: { brokenModels: new Map([[broken, 'am/final.mdl is missing']]) },
    });
    try {
      const id = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const paused = t.reported((p) => p.paused);
      t.transcriber.enqueue(id);
      assert.deepEqual(await paused, { queuedCalls: 1, current: null, paused: true });
      assert.deepEqual(t.transcriber.callState(id), { state: 'queued', problem: null });
      assert.deepEqual({ opened: t.pages.log.opened, closed: t.pages.log.closed }, { opened: 1, closed: 1 });
      assert.deepEqual(t.errors, ['attune: background transcription cannot load the speech model broken']);
    } finally {
      await t.close();
    }
  });

  it('a model chosen while the old one was loading is the one used', async () => {
    const broken = 'attune-model://library/broken/model.tar.gz';
    let switchModel = (): void => undefined;
    const t = setup({
      model: { url: broken, modelId: 'broken' },
      script: { brokenModels: new Map([[broken, 'am/final.mdl is missing']]), words: { agent: ['thanks'], customer: ['sure'] } },
      onOpen: () => switchModel(),
    });
    try {
      switchModel = () => {
        switchModel = () => undefined;
        t.state.model = SMALL_MODEL;
        t.transcriber.modelChanged();
      };
      const id = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const done = t.idle();
      t.transcriber.enqueue(id);
      await done;
      assert.deepEqual(t.transcriber.callState(id), { state: 'done', problem: null });
      assert.equal(getTranscriptionState(t.library.db, id)?.modelId, 'small-en');
      assert.ok(t.reports.every((p) => !p.paused));
    } finally {
      await t.close();
    }
  });

  it('a recognizer error mid-call fails that call with the page’s message; the next call goes on with a fresh page', async () => {
    const t = setup({
      script: {
        words: { agent: ['hello', 'anything'], customer: ['my', 'order'] },
        failAtBlock: { block: 2, error: 'memory access out of bounds' },
      },
    });
    try {
      const broken = t.storeCall(renderSyntheticCall(16_000));
      const next = t.storeCall(renderSyntheticCall(16_000));
      const done = t.idle();
      t.transcriber.enqueue(broken);
      t.transcriber.enqueue(next);
      await done;
      assert.deepEqual(t.transcriber.callState(broken), {
        state: 'failed',
        problem: 'Speech recognition failed on the agent channel: memory access out of bounds',
      });
      assert.equal(getTranscriptionState(t.library.db, broken)?.modelId, 'small-en');
      assert.deepEqual(getTranscript(t.library.db, broken), []);
      assert.deepEqual(t.transcriber.callState(next), { state: 'done', problem: null });
      // Fresh page: the failed call's audio did not run into the next call's words or times.
      assertWordsAt(getTranscript(t.library.db, next), [
        ...expectedWords('agent', DEFAULT_SCRIPT.agent, ['hello', 'anything']),
        ...expectedWords('customer', DEFAULT_SCRIPT.customer, ['my', 'order']),
      ]);
      assert.deepEqual({ opened: t.pages.log.opened, closed: t.pages.log.closed }, { opened: 2, closed: 2 });
    } finally {
      await t.close();
    }
  });

  it('after a restart the queue is found again (queued, and running when the app stopped); done and failed calls are not', async () => {
    const first = setup({ model: { url: null, reason: 'No speech model is chosen.' } });
    const queued = first.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
    const wasRunning = first.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
    const done = first.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
    const failed = first.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
    const never = first.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
    first.transcriber.enqueue(queued);
    setTranscriptionState(first.library.db, wasRunning, { state: 'running', modelId: 'small-en' });
    setTranscriptionState(first.library.db, done, { state: 'done', modelId: 'small-en' });
    setTranscriptionState(first.library.db, failed, { state: 'failed', modelId: null, problem: 'gone' });
    await first.close();

    const second = setup({ dataDir: first.dataDir, script: { words: { agent: ['a', 'b', 'c'], customer: ['x', 'y', 'z'] } } });
    try {
      assert.deepEqual(second.transcriber.callState(wasRunning), { state: 'queued', problem: null });
      const idle = second.idle();
      assert.equal(second.transcriber.enqueueUntranscribed(), 3);
      assert.equal(second.transcriber.enqueueUntranscribed(), 0);
      await idle;
      for (const id of [queued, wasRunning, never]) {
        assert.deepEqual(second.transcriber.callState(id), { state: 'done', problem: null });
        assert.equal(getTranscript(second.library.db, id).length, 2);
      }
      assert.deepEqual(getTranscript(second.library.db, done), []);
      assert.deepEqual(second.transcriber.callState(failed), { state: 'failed', problem: 'gone' });
    } finally {
      await second.close();
    }
  });

  it('a live call transcribed whole is not redone; one transcribed in part is queued and its words replaced', async () => {
    const t = setup({ model: { url: null, reason: 'No speech model is chosen.' } });
    try {
      const whole = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const partial = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const liveWord = (word: string): TranscriptWord => ({ channel: 'agent', word, startMs: 1_000, endMs: 1_400, conf: 0.8 });
      appendTranscriptWords(t.library.db, whole, [liveWord('live')]);
      appendTranscriptWords(t.library.db, partial, [liveWord('half')]);
      t.transcriber.liveCallStoredWithTranscript(whole, { complete: true, modelId: 'small-en' });
      t.transcriber.liveCallStoredWithTranscript(partial, { complete: false });
      assert.deepEqual(t.transcriber.callState(whole), { state: 'done', problem: null });
      assert.equal(getTranscriptionState(t.library.db, whole)?.modelId, 'small-en');
      assert.deepEqual(t.transcriber.callState(partial), { state: 'queued', problem: null });
      assert.equal(t.transcriber.enqueueUntranscribed(), 0);
      await t.transcriber.dispose();
    } finally {
      t.library.close();
    }

    const again = setup({ dataDir: t.dataDir, script: { words: { agent: ['thanks'], customer: ['sure'] } } });
    try {
      const idle = again.idle();
      assert.equal(again.transcriber.enqueueUntranscribed(), 1);
      await idle;
      const words = getTranscript(again.library.db, 2);
      assert.deepEqual(words.map((w) => w.word), ['thanks', 'sure']);
      assert.deepEqual(getTranscript(again.library.db, 1).map((w) => w.word), ['live']);
    } finally {
      await again.close();
    }
  });

  it('a new model retries calls that failed with another model, not those whose recording failed', async () => {
    const t = setup({ script: { words: { agent: ['thanks'], customer: ['sure'] } } });
    try {
      const withOldModel = t.storeCall(renderSyntheticCall(16_000, SHORT_SCRIPT));
      const unreadable = t.storeCall(null);
      setTranscriptionState(t.library.db, withOldModel, { state: 'failed', modelId: 'old-model', problem: 'Speech recognition failed.' });
      setTranscriptionState(t.library.db, unreadable, { state: 'failed', modelId: null, problem: 'gone' });
      const idle = t.idle();
      t.transcriber.modelChanged();
      await idle;
      assert.deepEqual(t.transcriber.callState(withOldModel), { state: 'done', problem: null });
      assert.deepEqual(t.transcriber.callState(unreadable), { state: 'failed', problem: 'gone' });
    } finally {
      await t.close();
    }
  });

  it('dispose stops after the block in flight and leaves the call queued', async () => {
    const t = setup({ script: { words: { agent: ['hello', 'anything'], customer: ['my', 'order'] } } });
    const id = t.storeCall(renderSyntheticCall(16_000));
    const disposed = new Promise<void>((resolve, reject) => {
      t.pages.log.onFrames = (received) => {
        if (received === 2) t.transcriber.dispose().then(resolve, reject);
      };
    });
    t.transcriber.enqueue(id);
    await disposed;
    assert.ok(t.pages.log.framesReceived < 12);
    assert.equal(getTranscriptionState(t.library.db, id)?.state, 'queued');
    assert.equal(t.pages.log.closed, 1);
    t.library.close();
  });
});

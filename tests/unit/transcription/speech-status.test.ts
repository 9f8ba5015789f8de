// The speech status the windows see: assembled from the model service, the live recognizer and the
// background transcriber; changes coalesced into one push read fresh when it goes out; captions at once.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSpeechStatus, type SpeechModelsSource } from '../../../src/main/transcription/speech-status';
import type { BackgroundTranscriptionProgress, ModelDownloadProgress, SpeechModelInfo, TranscriptionState, TranscriptionUpdate } from '../../../src/shared/transcription';

const SMALL: SpeechModelInfo = {
  id: 'vosk-model-small-en-us-0.15',
  name: 'English (small, fast)',
  language: 'en-US',
  downloadable: true,
  approxSizeMb: 40,
  checksumKnown: true,
  state: 'not-installed',
  problem: null,
};

/** A hand-driven timer: `fire()` runs what is scheduled, as the coalescing window ending would. */
function manualTimer() {
  const pending: Array<{ run: () => void; delayMs: number; cancelled: boolean }> = [];
  return {
    schedule(run: () => void, delayMs: number) {
      const entry = { run, delayMs, cancelled: false };
      pending.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    fire() {
      for (const entry of pending.splice(0)) if (!entry.cancelled) entry.run();
    },
    get scheduled() {
      return pending.filter((entry) => !entry.cancelled).length;
    },
  };
}

function world() {
  const facts = {
    models: [SMALL],
    selected: null as string | null,
    download: null as ModelDownloadProgress | null,
    live: { state: 'off', reason: 'No speech model is selected.' } as TranscriptionState,
    background: { queuedCalls: 0, current: null, paused: true } as BackgroundTranscriptionProgress,
  };
  const models: SpeechModelsSource = {
    listModels: () => Promise.resolve(facts.models),
    selectedModelId: () => facts.selected,
    downloadProgress: () => facts.download,
  };
  const pushed: TranscriptionUpdate[] = [];
  const timer = manualTimer();
  const status = createSpeechStatus({
    models,
    liveState: () => facts.live,
    backgroundProgress: () => facts.background,
    push: (update) => pushed.push(update),
    schedule: (run, delayMs) => timer.schedule(run, delayMs),
  });
  return { facts, pushed, timer, status };
}

/** Lets the push's async status read finish. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('speech status', () => {
  it('assembles models, selection, download, recognizer state and background progress', async () => {
    const { facts, status } = world();
    facts.selected = SMALL.id;
    facts.download = { modelId: SMALL.id, phase: 'downloading', receivedBytes: 1_000, totalBytes: 40_000 };
    facts.live = { state: 'loading', modelId: SMALL.id };
    facts.background = { queuedCalls: 2, current: { callId: 7, fraction: 0.25 }, paused: false };
    assert.deepEqual(await status.current(), {
      models: [SMALL],
      selectedModelId: SMALL.id,
      download: facts.download,
      transcription: facts.live,
      background: facts.background,
    });
  });

  it('coalesces a burst of changes into one push that carries the newest status', async () => {
    const { facts, pushed, timer, status } = world();
    for (let received = 1; received <= 5; received += 1) {
      facts.download = { modelId: SMALL.id, phase: 'downloading', receivedBytes: received * 1_000, totalBytes: 40_000 };
      status.changed();
    }
    assert.equal(timer.scheduled, 1, 'one push scheduled for the whole burst');
    assert.equal(pushed.length, 0, 'nothing before the window ends');
    timer.fire();
    await settle();
    assert.equal(pushed.length, 1);
    const [update] = pushed;
    assert.ok(update?.type === 'status');
    assert.equal(update.status.download?.receivedBytes, 5_000);

    facts.live = { state: 'failed', modelId: SMALL.id, message: 'The speech model could not be loaded.' };
    status.changed();
    timer.fire();
    await settle();
    assert.equal(pushed.length, 2, 'a later change pushes again');
    assert.deepEqual(pushed[1]?.type === 'status' && pushed[1].status.transcription, facts.live);
  });

  it('pushes captions at once, and nothing after dispose', async () => {
    const { pushed, timer, status } = world();
    status.caption('customer', 'my card was charged twice', false);
    assert.deepEqual(pushed, [{ type: 'caption', channel: 'customer', text: 'my card was charged twice', final: false }]);
    status.changed();
    await status.dispose();
    timer.fire();
    status.caption('agent', 'hello', true);
    await settle();
    assert.equal(pushed.length, 1);
  });

  it('a status that cannot be read is logged, and the next change pushes again', async () => {
    const logged: string[] = [];
    const pushed: TranscriptionUpdate[] = [];
    const timer = manualTimer();
    let fail = true;
    const status = createSpeechStatus({
      models: {
        listModels: () => (fail ? Promise.reject(new Error('EACCES: models folder')) : Promise.resolve([])),
        selectedModelId: () => null,
        downloadProgress: () => null,
      },
      liveState: () => ({ state: 'off', reason: 'No speech model is selected.' }),
      backgroundProgress: () => ({ queuedCalls: 0, current: null, paused: true }),
      push: (update) => pushed.push(update),
      schedule: (run, delayMs) => timer.schedule(run, delayMs),
      logError: (message) => logged.push(message),
    });
    status.changed();
    timer.fire();
    await settle();
    assert.equal(pushed.length, 0);
    assert.deepEqual(logged, ['attune: reading the speech model status failed']);
    fail = false;
    status.changed();
    timer.fire();
    await settle();
    assert.equal(pushed.length, 1);
  });
});

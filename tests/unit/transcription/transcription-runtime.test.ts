// The transcription runtime as the app and the e2e harness compose it: a real library, the real speech
// model service and transcribers, recognizer pages from the scripted test double (fake-recognizer-page.ts;
// the real page is covered in e2e). What it adds itself: no model means 'off' and no page; a selection
// (re)loads the live recognizer and is pushed; a failed model is retried on the next change; the live
// call's lifecycle reaches the live recognizer and the background transcriber, and a call the live
// recognizer heard whole is done, while one it did not is queued for background transcription.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openLibrary, type Library } from '../../../src/main/library/library';
import { loadModelManifest, SOURCE_MANIFEST_PATH } from '../../../src/main/models/model-manifest';
import { modelUrl } from '../../../src/main/models/model-protocol';
import { insertCall } from '../../../src/main/store/calls-repository';
import { createTranscriptionRuntime, type TranscriptionRuntime } from '../../../src/main/transcription/transcription-runtime';
import { DEFAULT_MODEL_LOAD_TIMEOUT_MS, modelLoadErrorMessage } from '../../../src/shared/recognizer-protocol';
import type { TranscriptionState, TranscriptionUpdate } from '../../../src/shared/transcription';
import { sampleCall } from '../../db/store-fixtures';
import { fakeRecognizerOpener, type FakePageOptions } from './fake-recognizer-page';

const root = mkdtempSync(join(tmpdir(), 'attune-transcription-runtime-'));
after(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

/** A model folder with Vosk's layout (the store calls it ready; the scripted page never reads it). */
function installModel(dataDir: string, id: string): void {
  for (const name of ['am/final.mdl', 'conf/model.conf', 'conf/mfcc.conf', 'graph/HCLG.fst']) {
    const file = join(dataDir, 'models', id, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'x');
  }
}

function setUp(...pages: FakePageOptions[]) {
  folders += 1;
  const dataDir = join(root, `library-${folders}`);
  const library: Library = openLibrary(dataDir);
  const opener = fakeRecognizerOpener(...(pages.length === 0 ? [{}] : pages));
  const pushed: TranscriptionUpdate[] = [];
  const logged: string[] = [];
  const runtime: TranscriptionRuntime = createTranscriptionRuntime({
    library,
    dataDir,
    manifest: loadModelManifest(SOURCE_MANIFEST_PATH),
    openRecognizer: opener.open,
    push: (update) => pushed.push(update),
    onCue: () => undefined,
    fetch: () => Promise.reject(new Error('no network in unit tests')),
    logError: (message) => logged.push(message),
  });
  const close = async (): Promise<void> => {
    await runtime.dispose();
    library.close();
  };
  return { dataDir, library, opener, pushed, logged, runtime, close };
}

/** Resolves once the live recognizer's state satisfies `done` (the loads are asynchronous). */
async function liveStateUntil(runtime: TranscriptionRuntime, done: (state: TranscriptionState) => boolean): Promise<TranscriptionState> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const state = runtime.liveTranscription.state;
    if (done(state)) return state;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the live state stayed ${JSON.stringify(runtime.liveTranscription.state)}`);
}

describe('transcription runtime', () => {
  it('without a model: transcription is off, no recognizer page is opened, the status says so', async () => {
    const { runtime, opener, logged, close } = setUp();
    try {
      await runtime.start();
      const status = await runtime.status();
      assert.equal(status.transcription.state, 'off');
      assert.equal(status.selectedModelId, null);
      assert.ok(status.models.length > 0, 'the manifest models are offered');
      assert.deepEqual(opener.pages, []);
      assert.deepEqual(logged, []);
    } finally {
      await close();
    }
  });

  it('a selected model is loaded by the live recognizer and the new status is pushed; a failed one is retried on the next change', async () => {
    const { dataDir, runtime, opener, pushed, close } = setUp({ loadError: 'Vosk could not read it' }, {});
    try {
      await runtime.start();
      installModel(dataDir, 'vosk-test');
      assert.deepEqual(await runtime.models.select('vosk-test'), { ok: true });
      runtime.modelChanged();
      const failed = await liveStateUntil(runtime, (state) => state.state === 'failed');
      assert.deepEqual(failed, { state: 'failed', modelId: 'vosk-test', message: modelLoadErrorMessage(modelUrl('vosk-test'), 'Vosk could not read it') });
      assert.equal(opener.pages[0]?.purpose, 'live');
      assert.deepEqual(opener.pages[0]?.received[0], { type: 'load-model', url: modelUrl('vosk-test'), timeoutMs: DEFAULT_MODEL_LOAD_TIMEOUT_MS });

      // The same selection again (e.g. the model was imported once more): a failed recognizer retries.
      runtime.modelChanged();
      assert.deepEqual(await liveStateUntil(runtime, (state) => state.state === 'ready'), { state: 'ready', modelId: 'vosk-test' });
      assert.equal(opener.pages.length, 2);
      assert.equal(opener.pages[0]?.closed, true, 'the failed page was closed');

      // A status push carrying 'ready' follows (coalesced).
      for (let attempt = 0; attempt < 100 && !pushed.some((u) => u.type === 'status' && u.status.transcription.state === 'ready'); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(pushed.some((u) => u.type === 'status' && u.status.transcription.state === 'ready' && u.status.selectedModelId === 'vosk-test'));

      // An unchanged, working selection does not reload.
      runtime.modelChanged();
      await runtime.start();
      assert.equal(opener.pages.length, 2);
    } finally {
      await close();
    }
  });

  it('a call heard whole by a ready recognizer is done; one whose recognizer failed during it waits for background transcription', async () => {
    const { dataDir, library, runtime, close } = setUp({}, { loadError: 'Vosk could not read it' }, {});
    try {
      installModel(dataDir, 'vosk-a');
      installModel(dataDir, 'vosk-b');
      await runtime.models.select('vosk-a');
      await runtime.start();
      await liveStateUntil(runtime, (state) => state.state === 'ready');

      runtime.lifecycle.liveCallStarted();
      const whole = insertCall(library.db, sampleCall({ recordingKey: 'whole', recordingPath: null }));
      runtime.lifecycle.liveCallStored(whole);
      assert.deepEqual(runtime.callState(whole), { state: 'done', problem: null });

      runtime.lifecycle.liveCallStarted();
      // Mid-call the user picks another model, which will not load: the rest of the call is not heard.
      await runtime.models.select('vosk-b');
      runtime.modelChanged();
      await liveStateUntil(runtime, (state) => state.state === 'failed');
      const partial = insertCall(library.db, sampleCall({ recordingKey: 'partial', recordingPath: null }));
      runtime.lifecycle.liveCallStored(partial);
      assert.notEqual(runtime.callState(partial).state, 'done');
      assert.notEqual(runtime.callState(partial).state, 'none');
    } finally {
      await close();
    }
  });
});

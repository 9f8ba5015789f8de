// What the windows say about speech models: download progress in MB and percent, the offer's model,
// the Live view's indicator, background transcription and why a stored call has no transcript.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  backgroundText,
  downloadProgressText,
  formatMegabytes,
  smallEnglishModel,
  transcriptStateLine,
  transcriptionIndicator,
} from '../../../src/renderer/src/lib/speech-model-text';
import type { CallTranscript, SpeechModelInfo } from '../../../src/shared/transcription';

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
const LARGE: SpeechModelInfo = { ...SMALL, id: 'vosk-model-en-us-0.22-lgraph', name: 'English (larger, more accurate)', approxSizeMb: 128, checksumKnown: false };
const IMPORTED: SpeechModelInfo = { ...SMALL, id: 'my-model', name: 'my-model', downloadable: false, approxSizeMb: null, state: 'ready' };

test('download progress in MB and percent, and the phases after it', () => {
  assert.equal(formatMegabytes(12_345_678), '12.3 MB');
  assert.equal(formatMegabytes(128_400_000), '128 MB');
  assert.equal(downloadProgressText({ modelId: SMALL.id, phase: 'downloading', receivedBytes: 12_345_678, totalBytes: 41_205_931 }), 'Downloading: 12.3 of 41.2 MB (29%)');
  assert.equal(downloadProgressText({ modelId: SMALL.id, phase: 'downloading', receivedBytes: 5_000_000, totalBytes: null }), 'Downloading: 5.0 MB so far');
  assert.equal(downloadProgressText({ modelId: SMALL.id, phase: 'verifying', receivedBytes: 1, totalBytes: 1 }), 'Checking the download against its checksum…');
  assert.equal(downloadProgressText({ modelId: SMALL.id, phase: 'unpacking', receivedBytes: 1, totalBytes: 1 }), 'Unpacking the model into the library folder…');
});

test('the first-run offer proposes the smallest downloadable English model', () => {
  assert.equal(smallEnglishModel([LARGE, IMPORTED, SMALL])?.id, SMALL.id);
  assert.equal(smallEnglishModel([IMPORTED]), null);
});

test('the Live view indicator for each recognizer state', () => {
  const models = [SMALL];
  assert.deepEqual(transcriptionIndicator({ state: 'off', reason: 'No speech model is chosen.' }, models, true), { text: 'No speech model — timing only', tone: 'muted' });
  assert.deepEqual(transcriptionIndicator({ state: 'ready', modelId: SMALL.id }, models, true), { text: 'Transcribing', tone: 'ok' });
  assert.equal(transcriptionIndicator({ state: 'ready', modelId: SMALL.id }, models, false).text, 'Speech model ready (English (small, fast))');
  assert.deepEqual(transcriptionIndicator({ state: 'failed', modelId: SMALL.id, message: 'The model archive is corrupt.' }, models, false), {
    text: 'Speech model failed: The model archive is corrupt.',
    tone: 'problem',
  });
});

test('background transcription: nothing to do, running, waiting, paused for either reason', () => {
  assert.equal(backgroundText({ queuedCalls: 0, current: null, paused: false }, true), null);
  assert.equal(backgroundText({ queuedCalls: 2, current: { callId: 12, fraction: 0.405 }, paused: false }, true), 'Transcribing stored call 12 (40%); 2 more waiting.');
  assert.equal(backgroundText({ queuedCalls: 0, current: { callId: 12, fraction: 0.5 }, paused: false }, true), 'Transcribing stored call 12 (50%).');
  assert.equal(backgroundText({ queuedCalls: 1, current: null, paused: false }, true), '1 stored call waiting to be transcribed.');
  assert.equal(backgroundText({ queuedCalls: 3, current: null, paused: true }, true), '3 stored calls to transcribe: paused while a live call runs.');
  assert.equal(backgroundText({ queuedCalls: 3, current: null, paused: true }, false), '3 stored calls to transcribe once a speech model is ready.');
});

test('one line on why a stored call has no transcript (yet), none when its words are there', () => {
  const transcript = (overrides: Partial<CallTranscript>): CallTranscript => ({ callId: 7, state: 'done', problem: null, words: [], cues: [], scorecard: null, ...overrides });
  assert.equal(transcriptStateLine(transcript({ state: 'none' }), null), 'No transcript: this call was recorded without a speech model.');
  assert.equal(transcriptStateLine(transcript({ state: 'queued' }), null), 'No transcript yet: this call is waiting to be transcribed in the background.');
  assert.equal(transcriptStateLine(transcript({ state: 'running' }), { queuedCalls: 0, current: { callId: 7, fraction: 0.25 }, paused: false }), 'Transcribing this call in the background (25%)…');
  assert.equal(transcriptStateLine(transcript({ state: 'failed', problem: 'The recording is missing.' }), null), 'No transcript: transcription failed: The recording is missing.');
  assert.equal(transcriptStateLine(transcript({ state: 'done' }), null), 'The speech model heard no words in this call.');
  assert.equal(transcriptStateLine(transcript({ words: [{ channel: 'agent', word: 'hello', startMs: 0, endMs: 300, conf: 1 }] }), null), null);
});

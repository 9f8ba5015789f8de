// The transcription state per call: each state recorded and read back, one row per call, the calls the
// background transcriber still has to do (and those another model may fix), and cascading deletes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deleteCall, insertCall } from '../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../src/main/store/transcripts-repository';
import {
  getRecordingPath,
  getTranscriptionState,
  listCallsToTranscribe,
  listFailedWithOtherModel,
  setTranscriptionState,
} from '../../src/main/store/transcription-state-repository';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

const AT = '2026-12-01T12:00:00.000Z';

function setup() {
  const db = migratedMemoryDb();
  const call = (key: string, startedAt: string, recordingPath: string | null = `/rec/${key}.wav`) =>
    insertCall(db, sampleCall({ recordingKey: key, startedAt, recordingPath }));
  return { db, call };
}

describe('transcription state repository', () => {
  it('records each state with its model and problem, one row per call, and reads it back', () => {
    const { db, call } = setup();
    const id = call('a', '2026-12-01T10:00:00.000Z');
    assert.equal(getTranscriptionState(db, id), null);

    setTranscriptionState(db, id, { state: 'queued' }, AT);
    assert.deepEqual(getTranscriptionState(db, id), { callId: id, state: 'queued', modelId: null, problem: null, updatedAt: AT });
    setTranscriptionState(db, id, { state: 'running', modelId: 'vosk-small-en' }, AT);
    assert.deepEqual(getTranscriptionState(db, id), { callId: id, state: 'running', modelId: 'vosk-small-en', problem: null, updatedAt: AT });
    setTranscriptionState(db, id, { state: 'failed', modelId: 'vosk-small-en', problem: 'Speech recognition failed.\n    at stack' }, '2026-12-01T12:00:01.000Z');
    assert.deepEqual(getTranscriptionState(db, id), {
      callId: id,
      state: 'failed',
      modelId: 'vosk-small-en',
      problem: 'Speech recognition failed.',
      updatedAt: '2026-12-01T12:00:01.000Z',
    });
    setTranscriptionState(db, id, { state: 'done', modelId: null }, AT);
    assert.deepEqual(getTranscriptionState(db, id), { callId: id, state: 'done', modelId: null, problem: null, updatedAt: AT });
    assert.equal(db.prepare('SELECT count(*) FROM call_transcription').pluck().get(), 1);
  });

  it('stamps the time when none is given, and refuses a call that does not exist', () => {
    const { db, call } = setup();
    const id = call('a', '2026-12-01T10:00:00.000Z');
    setTranscriptionState(db, id, { state: 'failed', modelId: null, problem: '   ' });
    const row = getTranscriptionState(db, id);
    assert.equal(row?.problem, 'Transcription failed for an unknown reason.');
    assert.ok(Math.abs(Date.parse(row?.updatedAt ?? '') - Date.now()) < 60_000);
    assert.throws(() => setTranscriptionState(db, id + 100, { state: 'queued' }), /FOREIGN KEY constraint failed/);
  });

  it('lists calls with a recording and no finished transcript, newest first; done, failed, recording-less and live-transcribed calls are left out', () => {
    const { db, call } = setup();
    const never = call('never', '2026-12-01T09:00:00.000Z');
    const transcribedLive = call('live', '2026-12-01T15:00:00.000Z');
    appendTranscriptWords(db, transcribedLive, [{ channel: 'agent', word: 'hello', startMs: 0, endMs: 300, conf: 0.9 }]);
    const queued = call('queued', '2026-12-01T11:00:00.000Z');
    const running = call('running', '2026-12-01T10:00:00.000Z');
    const done = call('done', '2026-12-01T12:00:00.000Z');
    const failed = call('failed', '2026-12-01T13:00:00.000Z');
    call('no-recording', '2026-12-01T14:00:00.000Z', null);
    setTranscriptionState(db, queued, { state: 'queued' });
    setTranscriptionState(db, running, { state: 'running', modelId: 'm' });
    setTranscriptionState(db, done, { state: 'done', modelId: 'm' });
    setTranscriptionState(db, failed, { state: 'failed', modelId: 'm', problem: 'broke' });
    assert.deepEqual(listCallsToTranscribe(db), [queued, running, never]);
    // Queued again (its live transcript was incomplete): the row decides, not the words.
    setTranscriptionState(db, transcribedLive, { state: 'queued' });
    assert.deepEqual(listCallsToTranscribe(db), [transcribedLive, queued, running, never]);
  });

  it('lists calls that failed with another model, not those that failed before any model was used', () => {
    const { db, call } = setup();
    const withOld = call('old', '2026-12-01T09:00:00.000Z');
    const withNew = call('new', '2026-12-01T10:00:00.000Z');
    const unreadable = call('unreadable', '2026-12-01T11:00:00.000Z');
    setTranscriptionState(db, withOld, { state: 'failed', modelId: 'vosk-small-en', problem: 'broke' });
    setTranscriptionState(db, withNew, { state: 'failed', modelId: 'vosk-large-en', problem: 'broke' });
    setTranscriptionState(db, unreadable, { state: 'failed', modelId: null, problem: '/rec/unreadable.wav: no such file' });
    assert.deepEqual(listFailedWithOtherModel(db, 'vosk-large-en'), [withOld]);
  });

  it('reads the recording path, and the state goes with its call', () => {
    const { db, call } = setup();
    const id = call('a', '2026-12-01T10:00:00.000Z');
    const bare = call('b', '2026-12-01T10:00:00.000Z', null);
    assert.equal(getRecordingPath(db, id), '/rec/a.wav');
    assert.equal(getRecordingPath(db, bare), null);
    assert.equal(getRecordingPath(db, id + 100), undefined);
    setTranscriptionState(db, id, { state: 'done', modelId: 'm' });
    deleteCall(db, id);
    assert.equal(getTranscriptionState(db, id), null);
  });
});

// Retention in a real library folder: calls older than N days go with their recordings and
// transcripts; newer calls, and recordings outside the library, stay; a recording that cannot be
// deleted keeps its call for the next run.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Library } from '../../src/main/library/library';
import { applyRetention } from '../../src/main/privacy/retention';
import { getCall, insertCall, listCalls } from '../../src/main/store/calls-repository';
import { appendTranscriptWords, getTranscript, searchTranscripts } from '../../src/main/store/transcripts-repository';
import { sampleCall, tempLibraries } from './store-fixtures';

const { root, freshLibrary } = tempLibraries('retention');

const NOW = new Date('2026-12-01T12:00:00.000Z');

/** Stores a call started at `startedAt` with a recording file in the library and a transcript. */
function storeCall(library: Library, key: string, startedAt: string, recordingPath: string | null = join(library.recordingsDir, `${key}.wav`)): number {
  if (recordingPath !== null) writeFileSync(recordingPath, 'RIFF');
  const callId = insertCall(library.db, sampleCall({ recordingKey: key, startedAt, recordingPath }));
  appendTranscriptWords(library.db, callId, [{ channel: 'customer', word: `word${key.replace(/\W/g, '')}`, startMs: 0, endMs: 300, conf: 1 }]);
  return callId;
}

describe('applyRetention', () => {
  it('deletes calls older than N days with their recordings, leftover journals and transcripts', () => {
    const library = freshLibrary();
    try {
      const old = storeCall(library, 'call-old', '2026-10-01T09:00:00.000Z');
      writeFileSync(join(library.recordingsDir, 'call-old.journal.jsonl'), '{}\n');
      writeFileSync(join(library.recordingsDir, 'call-old.wav.peaks'), 'peaks');
      const justOld = storeCall(library, 'call-just-old', '2026-11-01T11:59:59.999Z');
      const boundary = storeCall(library, 'call-boundary', '2026-11-01T12:00:00.000Z');
      const recent = storeCall(library, 'call-recent', '2026-11-30T08:00:00.000Z');

      const result = applyRetention(library, 30, NOW);

      assert.equal(result.cutoff, '2026-11-01T12:00:00.000Z');
      assert.deepEqual(result.failed, []);
      assert.deepEqual(result.deleted, [
        {
          callId: old,
          startedAt: '2026-10-01T09:00:00.000Z',
          deletedFiles: [join(library.recordingsDir, 'call-old.wav'), join(library.recordingsDir, 'call-old.journal.jsonl'), join(library.recordingsDir, 'call-old.wav.peaks')],
        },
        { callId: justOld, startedAt: '2026-11-01T11:59:59.999Z', deletedFiles: [join(library.recordingsDir, 'call-just-old.wav')] },
      ]);
      assert.equal(existsSync(join(library.recordingsDir, 'call-old.wav')), false);
      assert.equal(existsSync(join(library.recordingsDir, 'call-old.journal.jsonl')), false);
      assert.equal(existsSync(join(library.recordingsDir, 'call-just-old.wav')), false);
      assert.equal(existsSync(join(library.recordingsDir, 'call-boundary.wav')), true);
      assert.equal(existsSync(join(library.recordingsDir, 'call-recent.wav')), true);
      assert.equal(getCall(library.db, old), null);
      assert.deepEqual(getTranscript(library.db, old), []);
      assert.deepEqual(searchTranscripts(library.db, 'wordcallold'), []);
      assert.deepEqual(listCalls(library.db).map((c) => c.id).sort(), [boundary, recent].sort());
      assert.equal(getTranscript(library.db, recent).length, 1);
      assert.equal(library.db.prepare('SELECT count(*) FROM transcript_words').pluck().get(), 2);

      // A second run has nothing left to do.
      assert.deepEqual(applyRetention(library, 30, NOW).deleted, []);
    } finally {
      library.close();
    }
  });

  it('keeps everything when retention is off', () => {
    const library = freshLibrary();
    try {
      storeCall(library, 'call-ancient', '2001-01-01T00:00:00.000Z');
      assert.deepEqual(applyRetention(library, null, NOW), { cutoff: null, deleted: [], failed: [] });
      assert.equal(listCalls(library.db).length, 1);
      assert.equal(existsSync(join(library.recordingsDir, 'call-ancient.wav')), true);
    } finally {
      library.close();
    }
  });

  it('never deletes a recording outside the library, and handles calls with no recording or a file already gone', () => {
    const library = freshLibrary();
    try {
      const outsideDir = join(root, 'users-own-files');
      mkdirSync(outsideDir, { recursive: true });
      const outside = join(outsideDir, 'imported.wav');
      const imported = storeCall(library, 'imported-key', '2026-01-01T00:00:00.000Z', outside);
      const sneaky = storeCall(library, '../users-own-files/other', '2026-01-01T00:00:00.000Z', null);
      writeFileSync(join(outsideDir, 'other.wav'), 'RIFF');
      const none = storeCall(library, 'call-none', '2026-01-01T00:00:00.000Z', null);
      const gone = storeCall(library, 'call-gone', '2026-01-01T00:00:00.000Z');
      rmSync(join(library.recordingsDir, 'call-gone.wav'));

      const result = applyRetention(library, 1, NOW);

      assert.deepEqual(result.failed, []);
      assert.deepEqual(result.deleted.map((d) => d.callId).sort(), [imported, sneaky, none, gone].sort());
      assert.deepEqual(result.deleted.find((d) => d.callId === imported)?.deletedFiles, []);
      assert.deepEqual(result.deleted.find((d) => d.callId === sneaky)?.deletedFiles, []);
      assert.equal(existsSync(outside), true, 'the user’s own file stays');
      assert.equal(existsSync(join(outsideDir, 'other.wav')), true, 'a key with ../ cannot reach outside');
      assert.deepEqual(listCalls(library.db), []);
    } finally {
      library.close();
    }
  });

  it('keeps a call whose recording cannot be deleted, and says why', () => {
    const library = freshLibrary();
    try {
      const callId = storeCall(library, 'call-stuck', '2026-01-01T00:00:00.000Z', null);
      // A folder where the recording should be: rm without recursive refuses it, as it would a busy file.
      mkdirSync(join(library.recordingsDir, 'call-stuck.wav'));
      const result = applyRetention(library, 1, NOW);
      assert.deepEqual(result.deleted, []);
      assert.equal(result.failed.length, 1);
      assert.equal(result.failed[0]!.callId, callId);
      assert.match(result.failed[0]!.message, new RegExp(`^could not delete the recording of call ${callId}: `));
      assert.notEqual(getCall(library.db, callId), null);
      assert.equal(getTranscript(library.db, callId).length, 1);
    } finally {
      library.close();
    }
  });

  it('refuses a retention that is not a whole number of days ≥ 1, deleting nothing', () => {
    const library = freshLibrary();
    try {
      storeCall(library, 'call-x', '2026-01-01T00:00:00.000Z');
      for (const days of [0, -3, 1.5, Number.NaN]) assert.throws(() => applyRetention(library, days, NOW), RangeError, String(days));
      assert.equal(listCalls(library.db).length, 1);
    } finally {
      library.close();
    }
  });
});

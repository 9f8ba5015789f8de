// Deleting one call on request, in a real library folder: its recording, peaks and leftover journal
// go, and every row that hangs off the call (segments, events, cards, notes, transcript and its index,
// transcription state, import row); other calls stay; a recording outside the library stays; a file
// that cannot be deleted keeps the call; an unknown id is said in one line.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Library } from '../../src/main/library/library';
import { deleteCallWithFiles } from '../../src/main/services/call-deletion';
import { getCall, insertCall } from '../../src/main/store/calls-repository';
import { insertImportedCall } from '../../src/main/store/call-imports-repository';
import { setTranscriptionState } from '../../src/main/store/transcription-state-repository';
import { appendTranscriptWords, searchTranscripts } from '../../src/main/store/transcripts-repository';
import { sampleCall, tempLibraries } from './store-fixtures';

const { root, freshLibrary } = tempLibraries('call-deletion');

function storeCall(library: Library, key: string, recordingPath: string | null = join(library.recordingsDir, `${key}.wav`)): number {
  if (recordingPath !== null) writeFileSync(recordingPath, 'RIFF');
  const callId = insertCall(library.db, sampleCall({ recordingKey: key, recordingPath }));
  appendTranscriptWords(library.db, callId, [{ channel: 'customer', word: `refund${key.replace(/\W/g, '')}`, startMs: 0, endMs: 300, conf: 1 }]);
  setTranscriptionState(library.db, callId, { state: 'done', modelId: 'vosk-test' });
  return callId;
}

const rowsOf = (library: Library, table: string, callId: number): number =>
  library.db.prepare(`SELECT count(*) FROM ${table} WHERE call_id = ?`).pluck().get(callId) as number;

describe('deleteCallWithFiles', () => {
  it('deletes the call, its recording, peaks and journal, and every row hanging off it; other calls stay', () => {
    const library = freshLibrary();
    try {
      const doomed = storeCall(library, 'call-doomed');
      const wav = join(library.recordingsDir, 'call-doomed.wav');
      writeFileSync(`${wav}.peaks`, 'peaks');
      writeFileSync(join(library.recordingsDir, 'call-doomed.journal.jsonl'), '{}\n');
      const kept = storeCall(library, 'call-kept');
      writeFileSync(join(library.recordingsDir, 'call-kept.wav.peaks'), 'peaks');

      const result = deleteCallWithFiles(library, doomed);

      assert.deepEqual(result, { ok: true, callId: doomed, deletedFiles: [`${wav}.peaks`, join(library.recordingsDir, 'call-doomed.journal.jsonl'), wav] });
      assert.equal(getCall(library.db, doomed), null);
      for (const table of ['segments', 'events', 'cards_shown', 'notes', 'transcript_words', 'transcript_segments', 'call_transcription']) {
        assert.equal(rowsOf(library, table, doomed), 0, table);
      }
      assert.deepEqual(searchTranscripts(library.db, 'refundcalldoomed'), [], 'gone from the search index');
      assert.equal(existsSync(wav), false);
      assert.notEqual(getCall(library.db, kept), null);
      assert.equal(existsSync(join(library.recordingsDir, 'call-kept.wav')), true);
      assert.equal(existsSync(join(library.recordingsDir, 'call-kept.wav.peaks')), true);
      assert.equal(searchTranscripts(library.db, 'refundcallkept').length, 1);
    } finally {
      library.close();
    }
  });

  it('deletes an imported call with its import row, so the same file can be imported again', () => {
    const library = freshLibrary();
    try {
      const wav = join(library.recordingsDir, 'import-1.wav');
      writeFileSync(wav, 'RIFF');
      const callId = insertImportedCall(library.db, sampleCall({ recordingKey: 'import-1', recordingPath: wav, source: 'import' }), {
        sourcePath: '/home/dana/calls/monday.mp3',
        sourceFormat: 'mp3',
        agentChannel: 'left',
        contentSha256: 'a'.repeat(64),
        importedAt: '2026-12-01T10:00:00.000Z',
      });
      assert.equal(deleteCallWithFiles(library, callId).ok, true);
      assert.equal(rowsOf(library, 'call_imports', callId), 0);
      assert.equal(existsSync(wav), false);
    } finally {
      library.close();
    }
  });

  it('leaves a recording outside the library alone, and takes a recording already gone in its stride', () => {
    const library = freshLibrary();
    try {
      const outside = join(root, 'users-own.wav');
      const theirs = storeCall(library, 'call-outside', outside);
      assert.deepEqual(deleteCallWithFiles(library, theirs), { ok: true, callId: theirs, deletedFiles: [] });
      assert.equal(existsSync(outside), true);
      const gone = storeCall(library, 'call-gone');
      rmSync(join(library.recordingsDir, 'call-gone.wav'));
      assert.deepEqual(deleteCallWithFiles(library, gone), { ok: true, callId: gone, deletedFiles: [] });
      assert.equal(getCall(library.db, gone), null);
    } finally {
      library.close();
    }
  });

  it('keeps the call when one of its files cannot be deleted, and says so in one line', () => {
    const library = freshLibrary();
    try {
      const callId = storeCall(library, 'call-stuck');
      // A folder where the peaks file would be: rmSync refuses it without `recursive`.
      mkdirSync(join(library.recordingsDir, 'call-stuck.wav.peaks', 'inner'), { recursive: true });
      const result = deleteCallWithFiles(library, callId);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.error, /^Could not delete .*call-stuck\.wav\.peaks \(.+\), so call \d+ was kept; try again\.$/);
      assert.notEqual(getCall(library.db, callId), null);
      assert.equal(existsSync(join(library.recordingsDir, 'call-stuck.wav')), true, 'the kept call keeps its recording');
    } finally {
      library.close();
    }
  });

  it('says when there is no such call', () => {
    const library = freshLibrary();
    try {
      assert.deepEqual(deleteCallWithFiles(library, 999), { ok: false, error: 'There is no call 999 in the library (it may have been deleted already).' });
    } finally {
      library.close();
    }
  });
});

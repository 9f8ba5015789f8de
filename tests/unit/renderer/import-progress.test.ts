// The import panel's state, folded from main's progress pushes.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportFileOutcome, ImportProgress } from '../../../src/shared/call-import';
import { applyImportProgress, IDLE_IMPORT, importCounts, importSummaryText, type ImportState } from '../../../src/renderer/src/lib/import-progress';

const GOOD: ImportFileOutcome = { status: 'imported', path: '/calls/a.wav', callId: 7, durationMs: 12_000, talkRatio: 0.5, interruptions: { agent: 1, customer: 0 }, damagedFrames: 0 };
const BAD: ImportFileOutcome = { status: 'failed', path: '/calls/b.wav', reason: 'b.wav has 1 channel; Attune needs a stereo recording' };

function fold(pushes: ImportProgress[], from: ImportState = { tag: 'starting' }): ImportState {
  return pushes.reduce(applyImportProgress, from);
}

describe('import progress', () => {
  it('counts files as they finish and keeps every outcome for the summary', () => {
    const running = fold([{ type: 'started', total: 2 }, { type: 'file-started', index: 0, total: 2, path: '/calls/a.wav' }]);
    assert.deepEqual(importCounts(running), { done: 0, total: 2 });
    assert.equal(running.tag === 'running' && running.currentPath, '/calls/a.wav');
    const half = fold([{ type: 'file-done', index: 0, total: 2, outcome: GOOD }], running);
    assert.deepEqual(importCounts(half), { done: 1, total: 2 });
    const finished = fold(
      [
        { type: 'file-started', index: 1, total: 2, path: '/calls/b.wav' },
        { type: 'file-done', index: 1, total: 2, outcome: BAD },
        { type: 'finished', summary: { imported: 1, duplicates: 0, failed: 1 } },
      ],
      half,
    );
    assert.deepEqual(finished, { tag: 'finished', summary: { imported: 1, duplicates: 0, failed: 1 }, outcomes: [GOOD, BAD] });
    assert.equal(importCounts(finished), null);
  });

  it('shows an import another window started, from whatever push comes first', () => {
    const state = fold([{ type: 'file-done', index: 3, total: 9, outcome: GOOD }], IDLE_IMPORT);
    assert.deepEqual(importCounts(state), { done: 1, total: 9 });
  });

  it('sums up in one sentence', () => {
    assert.equal(importSummaryText({ imported: 3, duplicates: 0, failed: 0 }), '3 imported.');
    assert.equal(importSummaryText({ imported: 1, duplicates: 2, failed: 1 }), '1 imported, 2 already in the library, 1 could not be imported.');
    assert.equal(importSummaryText({ imported: 0, duplicates: 0, failed: 0 }), 'Nothing to import: no audio files were found.');
  });
});

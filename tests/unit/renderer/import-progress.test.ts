// The import panel's state, folded from main's progress pushes, which may arrive out of order and
// after the importCalls answer.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportFileOutcome, ImportProgress } from '../../../src/shared/call-import';
import { applyImportProgress, IDLE_IMPORT, importCounts, importSummaryText, type ImportState } from '../../../src/renderer/src/lib/import-progress';

const GOOD: ImportFileOutcome = { status: 'imported', path: '/calls/a.wav', callId: 7, durationMs: 12_000, talkRatio: 0.5, interruptions: { agent: 1, customer: 0 }, damagedFrames: 0 };
const BAD: ImportFileOutcome = { status: 'failed', path: '/calls/b.wav', reason: 'b.wav has 1 channel; Attune needs a stereo recording' };
const SUMMARY = { imported: 1, duplicates: 0, failed: 1 };

function fold(pushes: ImportProgress[], from: ImportState = { tag: 'starting', lastImportId: 0 }): ImportState {
  return pushes.reduce(applyImportProgress, from);
}

const IN_ORDER: ImportProgress[] = [
  { type: 'started', importId: 1, total: 2 },
  { type: 'file-started', importId: 1, index: 0, total: 2, path: '/calls/a.wav' },
  { type: 'file-done', importId: 1, index: 0, total: 2, outcome: GOOD },
  { type: 'file-started', importId: 1, index: 1, total: 2, path: '/calls/b.wav' },
  { type: 'file-done', importId: 1, index: 1, total: 2, outcome: BAD },
  { type: 'finished', importId: 1, summary: SUMMARY },
];

describe('import progress', () => {
  it('counts files as they finish and keeps every outcome, in file order, for the summary', () => {
    const running = fold(IN_ORDER.slice(0, 2));
    assert.deepEqual(importCounts(running), { done: 0, total: 2 });
    assert.equal(running.tag === 'running' && running.currentPath, '/calls/a.wav');
    assert.deepEqual(importCounts(fold(IN_ORDER.slice(0, 3))), { done: 1, total: 2 });
    const finished = fold(IN_ORDER);
    assert.deepEqual(finished, { tag: 'finished', importId: 1, summary: SUMMARY, outcomes: [GOOD, BAD] });
    assert.equal(importCounts(finished), null);
  });

  it('puts outcomes in their slots whatever order the pushes come in', () => {
    const shuffled = [IN_ORDER[4], IN_ORDER[2], IN_ORDER[0], IN_ORDER[3], IN_ORDER[1], IN_ORDER[5]].filter((push) => push !== undefined);
    assert.deepEqual(fold(shuffled), { tag: 'finished', importId: 1, summary: SUMMARY, outcomes: [GOOD, BAD] });
  });

  it('ignores pushes of an import that has ended (the answer came first), and takes the next import', () => {
    const answered: ImportState = { tag: 'finished', importId: 1, summary: SUMMARY, outcomes: [GOOD, BAD] };
    assert.equal(fold(IN_ORDER, answered), answered);
    assert.equal(fold(IN_ORDER, { tag: 'idle', lastImportId: 1 }).tag, 'idle');
    const next = fold([{ type: 'started', importId: 2, total: 4 }], answered);
    assert.deepEqual(importCounts(next), { done: 0, total: 4 });
  });

  it('shows an import another window started, from whatever push comes first', () => {
    const state = fold([{ type: 'file-done', importId: 3, index: 3, total: 9, outcome: GOOD }], IDLE_IMPORT);
    assert.deepEqual(importCounts(state), { done: 1, total: 9 });
  });

  it('sums up in one sentence', () => {
    assert.equal(importSummaryText({ imported: 3, duplicates: 0, failed: 0 }), '3 imported.');
    assert.equal(importSummaryText({ imported: 1, duplicates: 2, failed: 1 }), '1 imported, 2 already in the library, 1 could not be imported.');
    assert.equal(importSummaryText({ imported: 0, duplicates: 0, failed: 0 }), 'Nothing to import: no audio files were found.');
  });
});

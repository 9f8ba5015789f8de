// The stored call's cues and notes as the timeline and the list show them: one time order, and the
// words a screen reader hears for each marker.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callMoments, momentLabel, momentText } from '../../../src/renderer/src/lib/call-moments';
import type { CallNote, ShownCard } from '../../../src/shared/calls';

const LET_THEM_FINISH: ShownCard['card'] = { kind: 'let-them-finish', title: 'Let them finish', detail: 'You started talking while the customer was speaking.' };
const note = (atMs: number, text: string): CallNote => ({ atMs, text, createdAt: '2026-12-01T10:00:00.000Z' });

test('merges cues and notes by time; at the same moment the cue first, notes in the order written', () => {
  const moments = callMoments(
    [
      { atMs: 30_000, card: LET_THEM_FINISH },
      { atMs: 5_000, card: { kind: 'customer-quiet', title: 'Customer has been quiet — check in', detail: 'x' } },
    ],
    [note(30_000, 'first'), note(1_000, 'early'), note(30_000, 'second')],
  );
  assert.deepEqual(
    moments.map((m) => [m.atMs, m.kind === 'cue' ? m.cardKind : m.text]),
    [
      [1_000, 'early'],
      [5_000, 'customer-quiet'],
      [30_000, 'let-them-finish'],
      [30_000, 'first'],
      [30_000, 'second'],
    ],
  );
});

test('names each marker with its kind, its time and its text; an empty note is a marked moment', () => {
  const [cue, asked, mark] = callMoments([{ atMs: 12_400, card: LET_THEM_FINISH }], [note(65_000, 'asked about the refund'), note(3_723_000, '  ')]);
  assert.ok(cue && asked && mark);
  assert.equal(momentLabel(cue), 'Cue shown at 0:12: Let them finish');
  assert.equal(momentLabel(asked), 'Note at 1:05: asked about the refund');
  assert.equal(momentLabel(mark), 'Note at 1:02:03: Marked moment (no note)');
  assert.equal(momentText(asked), 'asked about the refund');
});

test('no cues and no notes: no moments', () => {
  assert.deepEqual(callMoments([], []), []);
});

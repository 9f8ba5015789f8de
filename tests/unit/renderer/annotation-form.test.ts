// The annotation form's rules: a selection wins over the playhead (either way round, a zero-length
// one does not count), the place reads as a clock or a range, chips toggle ignoring case, typed tags
// split on commas, and a draft that says nothing or breaks main's limits gets one message.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  draftOf,
  draftProblem,
  isAtPlayhead,
  offeredTags,
  placeFrom,
  placeLabel,
  tagListProblem,
  toggleTag,
  typedTags,
  withAnnotation,
} from '../../../src/renderer/src/lib/annotation-form';
import type { Annotation } from '../../../src/shared/annotations';

test('a new note goes over the selected range, else at the playhead, in whole ms', () => {
  assert.deepEqual(placeFrom(83_999.6, null), { startMs: 84_000, endMs: null });
  assert.deepEqual(placeFrom(5_000, { startMs: 61_000.2, endMs: 64_500 }), { startMs: 61_000, endMs: 64_500 });
  assert.deepEqual(placeFrom(5_000, { startMs: 64_500, endMs: 61_000 }), { startMs: 61_000, endMs: 64_500 }, 'dragged backwards');
  assert.deepEqual(placeFrom(5_000, { startMs: 61_000, endMs: 61_000 }), { startMs: 5_000, endMs: null }, 'an empty selection is no range');
  assert.deepEqual(placeFrom(-20, null), { startMs: 0, endMs: null });
  assert.deepEqual(placeFrom(Number.NaN, null), { startMs: 0, endMs: null });
});

test('places read as the shared clock (truncated), ranges with a dash', () => {
  assert.equal(placeLabel({ startMs: 83_999, endMs: null }), '1:23');
  assert.equal(placeLabel({ startMs: 61_000, endMs: 3_725_000 }), '1:01–1:02:05');
});

test('the playhead is on a range inside it, on a moment for three seconds after it', () => {
  assert.equal(isAtPlayhead({ startMs: 10_000, endMs: 20_000 }, 15_000), true);
  assert.equal(isAtPlayhead({ startMs: 10_000, endMs: 20_000 }, 20_000), false);
  assert.equal(isAtPlayhead({ startMs: 10_000, endMs: null }, 12_999), true);
  assert.equal(isAtPlayhead({ startMs: 10_000, endMs: null }, 9_999), false);
  assert.equal(isAtPlayhead({ startMs: 10_000, endMs: null }, 13_000), false);
});

test('chips toggle ignoring case; typed tags split on commas; offered chips keep the note’s own tags', () => {
  assert.deepEqual(toggleTag(['great empathy'], 'interrupted'), ['great empathy', 'interrupted']);
  assert.deepEqual(toggleTag(['great empathy', 'interrupted'], 'Great Empathy'), ['interrupted']);
  assert.deepEqual(typedTags(' rapport ,, Missed  question,rapport'), ['rapport', 'Missed question']);
  assert.deepEqual(offeredTags(['great empathy', 'interrupted'], ['Interrupted', 'rapport']), ['great empathy', 'interrupted', 'rapport']);
});

test('a draft that says nothing, or breaks a limit, gets one message', () => {
  const place = { startMs: 0, endMs: null };
  assert.equal(draftProblem({ place, text: '  \n', tags: [' '] }), 'Write a note or choose a tag.');
  assert.equal(draftProblem({ place, text: '', tags: ['interrupted'] }), null);
  assert.equal(draftProblem({ place, text: 'ok', tags: [] }), null);
  assert.match(draftProblem({ place, text: 'x'.repeat(4_001), tags: [] }) ?? '', /under 4000 characters \(it has 4001\)/);
  assert.equal(draftProblem({ place, text: 'ok', tags: Array.from({ length: 13 }, (_, i) => `t${i}`) }), 'Choose at most 12 tags.');
  assert.match(draftProblem({ place, text: 'ok', tags: ['y'.repeat(41)] }) ?? '', /at most 40 characters/);
  assert.equal(tagListProblem(['a', 'b']), null);
  assert.equal(tagListProblem(Array.from({ length: 41 }, (_, i) => `t${i}`)), 'Keep at most 40 tags.');
});

test('an edit starts from the stored note; the list stays in time order as notes are saved', () => {
  const stored = (id: number, startMs: number): Annotation => ({
    id,
    callId: 1,
    startMs,
    endMs: null,
    text: `note ${id}`,
    tags: ['interrupted'],
    author: 'Sam',
    createdAt: '2026-12-01T14:00:00.000Z',
    updatedAt: '2026-12-01T14:00:00.000Z',
  });
  const draft = draftOf(stored(1, 5_000));
  assert.deepEqual(draft, { place: { startMs: 5_000, endMs: null }, text: 'note 1', tags: ['interrupted'] });
  const list = [stored(1, 5_000), stored(2, 9_000)];
  assert.deepEqual(withAnnotation(list, stored(3, 7_000)).map((a) => a.id), [1, 3, 2]);
  assert.deepEqual(withAnnotation(list, stored(1, 12_000)).map((a) => a.id), [2, 1], 'an edited note moves to its new place');
});

// The annotation service on a migrated in-memory library: what the user typed is tidied and stored
// with the author and the (injected) time, a place past the call's end is kept at the end, edits keep
// author and creation time, and the offered tags and the author's name are preferences with defaults.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createAnnotationService,
  EMPTY_ANNOTATION_ERROR,
  FALLBACK_AUTHOR,
  MISSING_ANNOTATION_ERROR,
  MISSING_CALL_ERROR,
} from '../../src/main/services/annotation-service';
import { searchAnnotations } from '../../src/main/store/annotations-repository';
import { deleteCall, insertCall } from '../../src/main/store/calls-repository';
import { DEFAULT_ANNOTATION_TAGS } from '../../src/shared/annotations';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

/** A service whose clock reads `times` in turn, and whose OS user is `dana`. */
function serviceWith(times: string[] = ['2026-12-01T14:00:00.000Z', '2026-12-01T14:05:00.000Z'], osUserName = 'dana') {
  const db = migratedMemoryDb();
  const callId = insertCall(db, sampleCall()); // 95_430 ms long
  let tick = 0;
  const service = createAnnotationService({
    db,
    now: () => new Date(times[Math.min(tick++, times.length - 1)] ?? 0),
    osUserName: () => osUserName,
  });
  return { db, callId, service };
}

describe('annotation service: add, edit, delete', () => {
  it('stores the note tidied: text trimmed, tags normalised, author the OS user, time from the clock', () => {
    const { callId, service } = serviceWith();
    const result = service.add({ callId, startMs: 12_000.4, endMs: null, text: '  Lovely acknowledgement.\n\n', tags: [' great  empathy ', 'Great empathy', '', 'interrupted'] });
    assert.ok(result.ok);
    assert.deepEqual(result.annotation, {
      id: result.annotation.id,
      callId,
      startMs: 12_000,
      endMs: null,
      text: 'Lovely acknowledgement.',
      tags: ['great empathy', 'interrupted'],
      author: 'dana',
      createdAt: '2026-12-01T14:00:00.000Z',
      updatedAt: '2026-12-01T14:00:00.000Z',
    });
    assert.deepEqual(service.list(callId), [result.annotation]);
  });

  it('keeps a note placed past the call’s end at the end, and a range collapsed by that as a moment', () => {
    const { callId, service } = serviceWith();
    const past = service.add({ callId, startMs: 95_500, text: 'last words', tags: [] });
    assert.ok(past.ok);
    assert.equal(past.annotation.startMs, 95_430);
    assert.equal(past.annotation.endMs, null);
    const tail = service.add({ callId, startMs: 90_000, endMs: 99_000, text: 'wrap-up', tags: [] });
    assert.ok(tail.ok);
    assert.deepEqual([tail.annotation.startMs, tail.annotation.endMs], [90_000, 95_430]);
    const backwards = service.add({ callId, startMs: 20_000, endMs: 20_000, text: 'zero-length range', tags: [] });
    assert.ok(backwards.ok);
    assert.equal(backwards.annotation.endMs, null);
  });

  it('refuses, in one sentence and storing nothing, a note that says nothing or belongs to no stored call', () => {
    const { db, callId, service } = serviceWith();
    assert.deepEqual(service.add({ callId, startMs: 0, text: '   ', tags: ['  '] }), { ok: false, error: EMPTY_ANNOTATION_ERROR });
    assert.deepEqual(service.add({ callId: callId + 1, startMs: 0, text: 'hello', tags: [] }), { ok: false, error: MISSING_CALL_ERROR });
    assert.equal(db.prepare('SELECT count(*) FROM annotations').pluck().get(), 0);
  });

  it('edits place, text and tags; the author and creation time stay, the edit time is the clock’s', () => {
    const { callId, service } = serviceWith();
    const added = service.add({ callId, startMs: 1_000, text: 'first take', tags: [] });
    assert.ok(added.ok);
    const edited = service.update({ id: added.annotation.id, startMs: 2_000, endMs: 4_000, text: 'second take', tags: ['good paraphrase'] });
    assert.deepEqual(edited, {
      ok: true,
      annotation: { ...added.annotation, startMs: 2_000, endMs: 4_000, text: 'second take', tags: ['good paraphrase'], updatedAt: '2026-12-01T14:05:00.000Z' },
    });
    assert.deepEqual(service.update({ id: added.annotation.id, startMs: 2_000, text: '', tags: [] }), { ok: false, error: EMPTY_ANNOTATION_ERROR });
    assert.deepEqual(service.list(callId).map((a) => a.text), ['second take'], 'a refused edit changes nothing');
    assert.deepEqual(service.update({ id: 9_999, startMs: 0, text: 'x', tags: [] }), { ok: false, error: MISSING_ANNOTATION_ERROR });
  });

  it('deletes once; a second delete says the note is gone; deleting the call takes its notes and their search entries', () => {
    const { db, callId, service } = serviceWith();
    const a = service.add({ callId, startMs: 1_000, text: 'refund offered', tags: [] });
    const b = service.add({ callId, startMs: 2_000, text: 'refund confirmed', tags: [] });
    assert.ok(a.ok && b.ok);
    assert.deepEqual(service.remove(a.annotation.id), { ok: true });
    assert.deepEqual(service.remove(a.annotation.id), { ok: false, error: MISSING_ANNOTATION_ERROR });
    assert.deepEqual(searchAnnotations(db, 'refund').map((hit) => hit.annotationId), [b.annotation.id]);
    deleteCall(db, callId);
    assert.deepEqual(service.list(callId), []);
    assert.deepEqual(searchAnnotations(db, 'refund'), []);
  });
});

describe('annotation service: offered tags and author', () => {
  it('offers the default tags until edited, then the edited list (normalised), kept in the library', () => {
    const { db, service } = serviceWith();
    assert.deepEqual(service.tags(), [...DEFAULT_ANNOTATION_TAGS]);
    assert.deepEqual(service.setTags(['  rapport ', 'Rapport', 'missed question', '']), ['rapport', 'missed question']);
    assert.deepEqual(createAnnotationService({ db }).tags(), ['rapport', 'missed question'], 'read back by a new service on the same database');
    assert.deepEqual(service.setTags([]), []);
    assert.deepEqual(service.tags(), [], 'an emptied list stays empty');
  });

  it('writes as the OS user until a name is set; a blank name goes back to the OS user', () => {
    const { callId, service } = serviceWith();
    assert.deepEqual(service.author(), { author: 'dana', defaultAuthor: 'dana' });
    assert.deepEqual(service.setAuthor('  Sam   Lee '), { author: 'Sam Lee', defaultAuthor: 'dana' });
    const added = service.add({ callId, startMs: 0, text: 'hi', tags: [] });
    assert.ok(added.ok);
    assert.equal(added.annotation.author, 'Sam Lee');
    assert.deepEqual(service.setAuthor('   '), { author: 'dana', defaultAuthor: 'dana' });
  });

  it('falls back to a generic name when the OS does not say who is logged in', () => {
    const { service } = serviceWith(undefined, '  ');
    assert.deepEqual(service.author(), { author: FALLBACK_AUTHOR, defaultAuthor: FALLBACK_AUTHOR });
  });
});

// Library search: transcript words and annotation text/tags found together, each hit with its call,
// moment, snippet and kind; newest call first and in time order within a call; the limit shared
// fairly between the sources and `truncated` said; deleted calls gone; nothing typed breaks it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchLibrary } from '../../src/main/services/library-search';
import { insertAnnotation } from '../../src/main/store/annotations-repository';
import { deleteCall, insertCall } from '../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../src/main/store/transcripts-repository';
import { migratedMemoryDb, sampleCall } from './store-fixtures';

function library(): { db: ReturnType<typeof migratedMemoryDb>; older: number; newer: number } {
  const db = migratedMemoryDb();
  const older = insertCall(db, sampleCall({ recordingKey: 'older', agentName: 'Dana', startedAt: '2026-11-01T10:00:00.000Z' }));
  const newer = insertCall(db, sampleCall({ recordingKey: 'newer', agentName: 'Eli', startedAt: '2026-11-20T10:00:00.000Z' }));
  appendTranscriptWords(db, older, [
    { channel: 'customer', word: 'i', startMs: 4_000, endMs: 4_100, conf: 1 },
    { channel: 'customer', word: 'want', startMs: 4_100, endMs: 4_300, conf: 1 },
    { channel: 'customer', word: 'a', startMs: 4_300, endMs: 4_400, conf: 1 },
    { channel: 'customer', word: 'refund', startMs: 4_400, endMs: 4_900, conf: 1 },
  ]);
  appendTranscriptWords(db, newer, [{ channel: 'agent', word: 'refund', startMs: 12_000, endMs: 12_500, conf: 1 }]);
  insertAnnotation(db, { callId: older, startMs: 1_000, endMs: 6_000, text: 'Handled the refund request calmly', tags: ['great empathy'], author: 'Sam', createdAt: '2026-11-02T09:00:00.000Z' });
  insertAnnotation(db, { callId: newer, startMs: 30_000, endMs: null, text: 'Talked over the customer', tags: ['interrupted'], author: 'Sam', createdAt: '2026-11-21T09:00:00.000Z' });
  return { db, older, newer };
}

describe('searchLibrary', () => {
  it('finds transcript words and annotations together, newest call first, in time order within a call', () => {
    const { db, older, newer } = library();
    const { hits, truncated } = searchLibrary(db, { text: 'refund' });
    assert.equal(truncated, false);
    assert.deepEqual(
      hits.map((hit) => [hit.callId, hit.kind, hit.atMs]),
      [
        [newer, 'transcript', 12_000],
        [older, 'annotation', 1_000],
        [older, 'transcript', 4_400],
      ],
    );
    const [newest, annotation, spoken] = hits;
    assert.equal(newest?.channel, 'agent');
    assert.deepEqual(newest?.call, { agentName: 'Eli', startedAt: '2026-11-20T10:00:00.000Z', durationMs: 95_430 });
    assert.equal(annotation?.channel, null);
    assert.equal(typeof annotation?.annotationId, 'number');
    assert.match(annotation?.snippet ?? '', /«refund»/);
    assert.equal(spoken?.channel, 'customer');
    assert.match(spoken?.snippet ?? '', /want a «refund»/);
  });

  it('finds annotation tags, and all words of a query in any order', () => {
    const { db, newer } = library();
    assert.deepEqual(searchLibrary(db, { text: 'interrupted' }).hits.map((hit) => [hit.callId, hit.kind]), [[newer, 'annotation']]);
    assert.equal(searchLibrary(db, { text: 'refund want' }).hits.length, 1);
    assert.deepEqual(searchLibrary(db, { text: 'nothing like this' }).hits, []);
  });

  it('shares the limit between the sources and says when hits were left out', () => {
    const { db } = library();
    const one = searchLibrary(db, { text: 'refund', limit: 2 });
    assert.equal(one.truncated, true);
    assert.deepEqual(one.hits.map((hit) => hit.kind).sort(), ['annotation', 'transcript'], 'the best of each source');
    assert.deepEqual(searchLibrary(db, { text: 'refund', limit: 0 }), { hits: [], truncated: true });
  });

  it('forgets a deleted call, and takes any text without failing', () => {
    const { db, older } = library();
    deleteCall(db, older);
    assert.ok(searchLibrary(db, { text: 'refund' }).hits.every((hit) => hit.callId !== older));
    for (const text of ['', '"', 'refund OR', 'NEAR(refund', '*', "') --", 'réfund']) {
      assert.doesNotThrow(() => searchLibrary(db, { text }), text);
    }
  });
});

// The annotation methods' argument schemas: what a well-formed request looks like, and every kind of
// malformed one refused with a one-line reason naming the field (main trusts nothing the renderer sends).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeIssues, ipcArgsSchemas } from '../../../src/main/ipc/schemas';
import { ANNOTATION_TAGS_MAX, ANNOTATION_TEXT_MAX_CHARS } from '../../../src/shared/annotations';
import type { AttuneIpcMethod } from '../../../src/shared/ipc-contract';

function problems(method: AttuneIpcMethod, args: unknown[]): string | null {
  const parsed = ipcArgsSchemas[method].safeParse(args);
  return parsed.success ? null : describeIssues(parsed.error.issues);
}

const note = { callId: 3, startMs: 12_000, endMs: null, text: 'Good question.\nThen a long pause.', tags: ['great empathy'] };

describe('annotation IPC schemas', () => {
  it('accept a note at a moment, over a range, with several lines of text, and an edit', () => {
    assert.equal(problems('addAnnotation', [note]), null);
    assert.equal(problems('addAnnotation', [{ ...note, endMs: 15_500 }]), null);
    assert.equal(problems('addAnnotation', [{ callId: 3, startMs: 0, text: '', tags: ['interrupted'] }]), null, 'endMs may be left out');
    const { callId: _callId, ...place } = note;
    assert.equal(problems('updateAnnotation', [{ ...place, id: 9 }]), null);
    assert.equal(problems('deleteAnnotation', [9]), null);
    assert.equal(problems('listAnnotations', [3]), null);
    assert.equal(problems('setAnnotationTags', [['rapport', 'missed question']]), null);
    assert.equal(problems('setAnnotationAuthor', ['Sam Lee']), null);
    assert.equal(problems('setAnnotationAuthor', ['']), null, 'empty: back to the OS user name');
  });

  it('refuse malformed requests with the field and the reason', () => {
    const refused: Array<[AttuneIpcMethod, unknown[], RegExp]> = [
      ['addAnnotation', [{ ...note, callId: 0 }], /argument 1\.callId: must be a positive call id/],
      ['addAnnotation', [{ ...note, startMs: -5 }], /argument 1\.startMs: must not be negative/],
      ['addAnnotation', [{ ...note, startMs: Number.NaN }], /argument 1\.startMs/],
      ['addAnnotation', [{ ...note, startMs: 9_000, endMs: 8_000 }], /argument 1\.endMs: must not end before it starts/],
      ['addAnnotation', [{ ...note, text: 'x'.repeat(ANNOTATION_TEXT_MAX_CHARS + 1) }], /argument 1\.text: must be at most 4000 characters/],
      ['addAnnotation', [{ ...note, text: 'bell \u0007' }], /argument 1\.text: must not contain control characters/],
      ['addAnnotation', [{ ...note, tags: ['two\nlines'] }], /argument 1\.tags\.0: must be one line/],
      ['addAnnotation', [{ ...note, tags: ['x'.repeat(41)] }], /argument 1\.tags\.0: must be at most 40 characters/],
      ['addAnnotation', [{ ...note, tags: Array.from({ length: ANNOTATION_TAGS_MAX + 1 }, (_, i) => `t${i}`) }], /argument 1\.tags: must be at most 12 tags/],
      ['addAnnotation', [{ ...note, author: 'someone else' }], /Unrecognized key: "author"/],
      ['addAnnotation', [note, note], /expected at most 1 argument/],
      ['updateAnnotation', [{ ...note, id: 1.5 }], /argument 1\.id: must be a whole number/],
      ['deleteAnnotation', ['7'], /argument 1: Invalid input: expected number/],
      ['listAnnotations', [], /expected at least 1 argument/],
      ['setAnnotationTags', [['ok', 42]], /argument 1\.1: Invalid input: expected string/],
      ['setAnnotationAuthor', ['Sam\u0000'], /argument 1: must be one line/],
    ];
    for (const [method, args, reason] of refused) {
      const found = problems(method, args);
      assert.ok(found !== null, `${method} ${JSON.stringify(args).slice(0, 80)} was accepted`);
      assert.match(found, reason);
      assert.ok(!found.includes('\n'), 'one line');
    }
  });
});

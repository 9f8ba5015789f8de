// `attune export <callId> --html FILE`, spawned as a user runs it, on a library with a stored call,
// its transcript words and an annotation.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLibrary } from '../../../src/main/library/library';
import { insertAnnotation } from '../../../src/main/store/annotations-repository';
import { insertCall } from '../../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../../src/main/store/transcripts-repository';
import { formatClock } from '../../../src/shared/time-format';
import { sampleCall } from '../../db/store-fixtures';
import { runAttune } from './run-attune';

const root = mkdtempSync(join(tmpdir(), 'attune-export-cli-'));
const dataDir = join(root, 'library');
let callId = 0;

before(() => {
  const library = openLibrary(dataDir);
  try {
    callId = insertCall(library.db, sampleCall({ recordingPath: null }));
    appendTranscriptWords(library.db, callId, [{ channel: 'customer', word: 'refund', startMs: 22_000, endMs: 22_400, conf: 0.9 }]);
    insertAnnotation(library.db, { callId, startMs: 40_500, endMs: 47_500, text: 'Talked over the refund request', tags: ['interrupted'], author: 'Sam', createdAt: '2026-12-01T14:00:00.000Z' });
  } finally {
    library.close();
  }
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('attune export', () => {
  it('writes the call report as HTML with the annotation, the transcript and the shared time format', async () => {
    const out = join(root, 'call.html');
    const result = await runAttune(['export', String(callId), '--html', out], { dataDir });
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    assert.equal(result.stdout, `Wrote the report of call ${callId} to ${out}\n`);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /Talked over the refund request/);
    assert.match(html, /<span class="time">0:40–0:47<\/span>/);
    assert.match(html, /refund/);
    assert.ok(html.includes(`<strong data-field="call-length">${formatClock(sampleCall().durationMs)}</strong>`));
  });

  it('says in one line when there is no such call or the file cannot be written (exit 1)', async () => {
    const gone = await runAttune(['export', String(callId + 100), '--html', join(root, 'gone.html')], { dataDir });
    assert.equal(gone.code, 1);
    assert.equal(gone.stderr, `attune: There is no call ${callId + 100} in the library (it may have been deleted).\n`);
    assert.equal(existsSync(join(root, 'gone.html')), false);
    const badFolder = join(root, 'missing', 'x.html');
    const unwritable = await runAttune(['export', String(callId), '--html', badFolder], { dataDir });
    assert.equal(unwritable.code, 1);
    assert.equal(unwritable.stderr, `attune: Could not write the report to ${badFolder}: its folder does not exist.\n`);
  });

  it('refuses bad command lines in one line (exit 2), and PDF is the app’s', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['export'], /^attune: export needs a call id \(see `attune calls`\)/],
      [['export', String(callId)], /^attune: export needs --html FILE/],
      [['export', 'abc', '--html', 'x.html'], /^attune: the call id must be a whole number from `attune calls`, not "abc"\n$/],
      [['export', '1', '2', '--html', 'x.html'], /^attune: export takes one call id, got 2\n$/],
      [['export', '1', '--html'], /^attune: --html needs a file/],
      [['export', '1', '--pdf', 'x.pdf'], /^attune: PDF reports are made by the Attune app/],
      [['export', '1', '--csv'], /^attune: unknown option --csv \(try `attune export --help`\)\n$/],
    ];
    for (const [args, stderr] of cases) {
      const result = await runAttune(args, { dataDir });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, stderr, args.join(' '));
    }
    const help = await runAttune(['export', '--help'], { dataDir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: attune export <call id> --html FILE/);
  });
});

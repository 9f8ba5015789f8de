// The library's IPC methods (queryCalls, searchLibrary, deleteCall, exportLibraryCsv): their argument
// schemas (well-formed queries pass, malformed ones are refused in one line naming the field) and the
// handlers over a real library folder, with the save dialog answered by the test.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAttuneHandlers, type AttuneServices } from '../../../src/main/ipc/attune-handlers';
import { describeIssues, ipcArgsSchemas } from '../../../src/main/ipc/schemas';
import { openLibrary } from '../../../src/main/library/library';
import { CALLS_CSV_HEADER } from '../../../src/main/library/calls-csv';
import { insertCall } from '../../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../../src/main/store/transcripts-repository';
import { sampleCall } from '../../db/store-fixtures';

type LibraryMethod = 'queryCalls' | 'searchLibrary' | 'deleteCall' | 'exportLibraryCsv';

function refusal(method: LibraryMethod, args: unknown[]): string | null {
  const parsed = ipcArgsSchemas[method].safeParse(args);
  return parsed.success ? null : describeIssues(parsed.error.issues);
}

describe('library IPC arguments', () => {
  it('takes a full query, an empty one, a search and a call id', () => {
    const query = {
      agentNames: ['Dana'],
      startedFrom: '2026-11-01T00:00:00.000Z',
      startedBefore: '2026-12-01T00:00:00+01:00',
      durationMs: { min: 60_000 },
      talkRatio: { min: 0.2, max: 0.6 },
      agentInterruptions: { max: 3 },
      customerInterruptions: { min: 0 },
      listeningScore: { min: 50, max: 100 },
      sort: { key: 'listeningScore', direction: 'asc' },
      offset: 100,
      limit: 50,
    };
    assert.equal(refusal('queryCalls', [query]), null);
    assert.equal(refusal('queryCalls', [{}]), null);
    assert.equal(refusal('exportLibraryCsv', [query]), null);
    assert.equal(refusal('searchLibrary', [{ text: 'refund', limit: 20 }]), null);
    assert.equal(refusal('deleteCall', [7]), null);
  });

  const malformed: ReadonlyArray<[what: string, method: LibraryMethod, args: unknown[], mentions: RegExp]> = [
    ['an unknown sort column', 'queryCalls', [{ sort: { key: 'recording_path', direction: 'asc' } }], /argument 1\.sort\.key/],
    ['a sort direction in words', 'queryCalls', [{ sort: { key: 'talkRatio', direction: 'up' } }], /argument 1\.sort\.direction/],
    ['a talk ratio over 1', 'queryCalls', [{ talkRatio: { max: 1.5 } }], /argument 1\.talkRatio\.max/],
    ['a negative offset', 'queryCalls', [{ offset: -1 }], /argument 1\.offset: must not be negative/],
    ['a fractional limit', 'queryCalls', [{ limit: 2.5 }], /argument 1\.limit: must be a whole number/],
    ['a date that is not one', 'queryCalls', [{ startedFrom: 'yesterday' }], /argument 1\.startedFrom: must be an ISO 8601 date and time/],
    ['an agent name over two lines', 'queryCalls', [{ agentNames: ['Da\nna'] }], /argument 1\.agentNames\.0: must be one line/],
    ['SQL in a field name', 'queryCalls', [{ 'talk_ratio; DROP TABLE calls': 1 }], /Unrecognized key/],
    ['a search without text', 'searchLibrary', [{}], /argument 1\.text/],
    ['a search limit of 0', 'searchLibrary', [{ text: 'x', limit: 0 }], /argument 1\.limit: must be at least 1/],
    ['a call id of 0', 'deleteCall', [0], /argument 1: must be a positive call id/],
    ['a call id as text', 'deleteCall', ['7'], /argument 1/],
  ];
  for (const [what, method, args, mentions] of malformed) {
    it(`refuses ${what} in one line`, () => {
      const message = refusal(method, args);
      assert.ok(message !== null, 'refused');
      assert.match(message, mentions);
      assert.doesNotMatch(message, /\n/);
    });
  }
});

describe('library IPC handlers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'attune-library-ipc-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const library = openLibrary(join(dir, 'library'));
  after(() => library.close());
  let chosenPath: string | null = null;
  const proposedNames: string[] = [];
  // Only the library and the CSV save dialog are used by these methods; the other services are not reached.
  const handlers = createAttuneHandlers({
    library,
    chooseLibraryCsvPath: (name: string) => {
      proposedNames.push(name);
      return Promise.resolve(chosenPath);
    },
    logError: (message: string) => assert.fail(message),
  } as unknown as AttuneServices);
  const wav = join(library.recordingsDir, 'dana.wav');
  writeFileSync(wav, 'RIFF');
  const dana = insertCall(library.db, sampleCall({ recordingKey: 'dana', agentName: 'Dana', startedAt: '2026-11-02T10:00:00.000Z', recordingPath: wav }));
  const eli = insertCall(library.db, sampleCall({ recordingKey: 'eli', agentName: 'Eli', startedAt: '2026-11-03T10:00:00.000Z', recordingPath: null }));
  appendTranscriptWords(library.db, dana, [{ channel: 'customer', word: 'refund', startMs: 2_000, endMs: 2_400, conf: 1 }]);

  it('queries, searches, exports the filtered calls, and deletes a call with its recording', async () => {
    const page = await handlers.queryCalls({ sort: { key: 'agentName', direction: 'asc' } });
    assert.deepEqual(page.rows.map((row) => row.id), [dana, eli]);
    assert.deepEqual(page.agentNames, ['Dana', 'Eli']);

    const found = await handlers.searchLibrary({ text: 'refund' });
    assert.deepEqual(found.hits.map((hit) => [hit.callId, hit.kind, hit.atMs]), [[dana, 'transcript', 2_000]]);

    chosenPath = null;
    assert.deepEqual(await handlers.exportLibraryCsv({}), { status: 'cancelled' });
    assert.match(proposedNames[0] ?? '', /^attune-calls-\d{4}-\d{2}-\d{2}\.csv$/);
    chosenPath = join(dir, 'eli.csv');
    // Paging is ignored: every matching call is exported.
    assert.deepEqual(await handlers.exportLibraryCsv({ agentNames: ['Eli'], limit: 1, offset: 5 }), { status: 'saved', path: chosenPath, calls: 1 });
    const csv = readFileSync(chosenPath, 'utf8');
    assert.ok(csv.startsWith(`\uFEFF${CALLS_CSV_HEADER.join(',')}\r\n${eli},`), csv);
    chosenPath = join(dir, 'no-such-folder', 'calls.csv');
    const failed = await handlers.exportLibraryCsv({});
    assert.equal(failed.status, 'failed');
    assert.match(failed.status === 'failed' ? failed.error : '', /^Could not save the CSV to .*calls\.csv \(.*\)\.$/);

    assert.deepEqual(await handlers.deleteCall(dana), { ok: true, callId: dana, deletedFiles: [wav] });
    assert.equal(existsSync(wav), false);
    assert.deepEqual((await handlers.queryCalls({})).rows.map((row) => row.id), [eli]);
    assert.deepEqual((await handlers.searchLibrary({ text: 'refund' })).hits, []);
    assert.deepEqual(await handlers.deleteCall(dana), { ok: false, error: `There is no call ${dana} in the library (it may have been deleted already).` });
  });
});

// The import service in-process, on a real library folder: what an imported call is stored as (source
// 'import', its origin, no cards or notes), the kept recording sample for sample (agent moved to the
// left), and that a file failing midway leaves nothing behind, neither a call nor a partial recording.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLibrary, type Library } from '../../src/main/library/library';
import { importCallFile, importCalls, type ImportOutcome } from '../../src/main/services/call-import';
import { getCallImportSource } from '../../src/main/store/call-imports-repository';
import { getCall, listCalls } from '../../src/main/store/calls-repository';
import { encodeWav, renderSyntheticCall } from '../unit/cli/synthetic-call';

let dir = '';
let library: Library;
let callPath = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-import-service-'));
  library = openLibrary(join(dir, 'library'));
  const call = renderSyntheticCall(16_000);
  // The agent on the RIGHT channel of a 16 kHz 16-bit file: the kept copy must have them on the left.
  callPath = join(dir, 'agent-right.wav');
  await writeFile(callPath, encodeWav([call.customer, call.agent], 16_000, '16'));
});

after(async () => {
  library.close();
  await rm(dir, { recursive: true, force: true });
});

function imported(outcome: ImportOutcome): Extract<ImportOutcome, { status: 'imported' }> {
  assert.equal(outcome.status, 'imported', JSON.stringify(outcome));
  return outcome;
}

describe('importCallFile', () => {
  it('stores the call as an import with its origin, and keeps the audio with the agent on the left, sample for sample', async () => {
    const outcome = imported(await importCallFile(library, callPath, { agentChannel: 'right', agentName: 'Sam', now: () => new Date('2026-12-01T14:00:00.000Z') }));
    const stored = getCall(library.db, outcome.callId);
    assert.ok(stored !== null);
    assert.equal(stored.source, 'import');
    assert.equal(stored.agentName, 'Sam');
    assert.equal(stored.recovered, false);
    assert.deepEqual([stored.cards, stored.notes], [[], []]);
    assert.deepEqual(stored.metrics, outcome.metrics);
    assert.equal(stored.durationMs, 12_000);
    assert.equal(stored.recordingPath, join(library.recordingsDir, `${stored.recordingKey}.wav`));
    assert.match(stored.recordingKey, /^import-[0-9a-f]{64}$/);
    const source = getCallImportSource(library.db, outcome.callId);
    assert.deepEqual(source, {
      sourcePath: callPath,
      sourceFormat: 'wav',
      agentChannel: 'right',
      contentSha256: stored.recordingKey.slice('import-'.length),
      importedAt: '2026-12-01T14:00:00.000Z',
    });

    // Same rate and depth, so the kept data is the original's with the two channels swapped.
    const original = await readFile(callPath);
    const kept = await readFile(stored.recordingPath ?? '');
    const originalData = new DataView(original.buffer, original.byteOffset + 44, original.length - 44);
    const keptData = new DataView(kept.buffer, kept.byteOffset + 44, kept.length - 44);
    assert.equal(keptData.byteLength, originalData.byteLength);
    for (let at = 0; at < keptData.byteLength; at += 4) {
      if (keptData.getInt16(at, true) !== originalData.getInt16(at + 2, true) || keptData.getInt16(at + 2, true) !== originalData.getInt16(at, true)) {
        assert.fail(`sample frame ${at / 4} differs`);
      }
    }
  });

  it('refuses the same bytes again, whichever agent channel is asked for this time', async () => {
    const [first] = listCalls(library.db);
    const again = await importCallFile(library, callPath, { agentChannel: 'left' });
    assert.deepEqual(again, { status: 'duplicate', path: callPath, callId: first?.id, reason: `already imported as call ${first?.id} (the same bytes)` });
  });

  it('leaves nothing behind when a file fails once its recording was begun: no call, no partial recording', async () => {
    const call = renderSyntheticCall(16_000);
    const whole = encodeWav([call.agent, call.customer], 16_000, '16');
    const cut = join(dir, 'cut-short.wav');
    // The header promises 12 s; half of it is there.
    await writeFile(cut, whole.subarray(0, whole.length / 2));
    const before = await readdir(library.recordingsDir);
    const outcome = await importCallFile(library, cut);
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.status === 'failed' ? outcome.reason : '', /^cut-short\.wav is truncated/);
    assert.deepEqual(await readdir(library.recordingsDir), before);
    assert.equal(listCalls(library.db).length, 1);
  });

  it('reports each outcome as it is known, with its place in the list', async () => {
    const seen: [string, number, number][] = [];
    const summary = await importCalls(library, [callPath, join(dir, 'missing.wav')], {}, (outcome, index, total) => seen.push([outcome.status, index, total]));
    assert.deepEqual(seen, [
      ['duplicate', 0, 2],
      ['failed', 1, 2],
    ]);
    assert.deepEqual(summary, { imported: 0, duplicates: 1, failed: 1 });
  });
});

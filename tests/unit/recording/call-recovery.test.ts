// Recovery end to end into a temp library: a call killed mid-write (header never fixed, partial
// sample frame, journal with a card and a note, lock naming a dead process) is repaired, analysed and
// stored as recovered; a call another process is still recording is left alone; recovery is idempotent.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLibrary, type Library } from '../../../src/main/library/library';
import { journalLine } from '../../../src/main/recording/call-journal';
import { recordingPaths, type RecordingPaths } from '../../../src/main/recording/recording-files';
import { interleaveStereo, recordingHeader } from '../../../src/main/recording/wav-header';
import { recoverUnfinishedCalls } from '../../../src/main/services/call-recovery';
import { getCall, insertCall, listCalls } from '../../../src/main/store/calls-repository';
import type { SegmentSpan } from '../../../src/shared/call-analysis';
import { renderSyntheticCall } from '../cli/synthetic-call';

const SCRIPT: { agent: SegmentSpan[]; customer: SegmentSpan[]; durationMs: number } = {
  agent: [
    [300, 2_500],
    [4_000, 6_000],
  ],
  customer: [[1_200, 3_800]],
  durationMs: 7_000,
};
const DEAD_PID = 2 ** 22 + 12_345;

function toInt16(samples: Float32Array): Int16Array {
  return Int16Array.from(samples, (s) => Math.max(-32768, Math.min(32767, Math.round(s * 32767))));
}

const CALL = renderSyntheticCall(16_000, SCRIPT);
const DATA = interleaveStereo(toInt16(CALL.agent), toInt16(CALL.customer));

/** The files a recording process leaves when it is killed: WAV with its header never fixed and a cut last frame. */
function leaveKilledCall(library: Library, key: string, pid: number): RecordingPaths {
  const paths = recordingPaths(library.recordingsDir, key);
  writeFileSync(paths.lockPath, `${pid}\n`);
  writeFileSync(
    paths.journalPath,
    [
      journalLine({ type: 'header', agentName: 'Dana', startedAt: '2026-12-01T08:00:00.000Z', pid }),
      journalLine({ type: 'card', atMs: 3_300, card: { kind: 'customer-cut-in', title: 'Customer cut in — acknowledge and let them speak', detail: 'x' } }),
      journalLine({ type: 'note', atMs: 5_000, text: 'wants a refund', createdAt: '2026-12-01T08:00:05.000Z' }),
      // The crash cut the last line short.
      '{"type":"note","atMs":6',
    ].join(''),
  );
  writeFileSync(paths.wavPath, Buffer.concat([recordingHeader(0), DATA, DATA.subarray(0, 2)]));
  return paths;
}

let dir = '';
let library: Library;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-recovery-'));
  library = openLibrary(dir);
});
after(async () => {
  library.close();
  await rm(dir, { recursive: true, force: true });
});

describe('recovery of unfinished calls', () => {
  it('repairs, analyses and stores a killed call as recovered, with its cards and notes, once', async () => {
    const paths = leaveKilledCall(library, 'call-killed', DEAD_PID);
    const recovered = await recoverUnfinishedCalls(library);
    assert.equal(recovered.length, 1);
    assert.equal(recovered[0]?.recordingPath, paths.wavPath);
    const stored = getCall(library.db, recovered[0]?.callId ?? -1)!;
    assert.equal(stored.recovered, true);
    assert.equal(stored.recordingKey, 'call-killed');
    assert.equal(stored.agentName, 'Dana');
    assert.equal(stored.startedAt, '2026-12-01T08:00:00.000Z');
    assert.equal(stored.durationMs, SCRIPT.durationMs);
    assert.equal(stored.metrics.agent.segments.length, 2);
    assert.equal(stored.metrics.customer.segments.length, 1);
    assert.deepEqual(
      stored.cards.map((c) => [c.atMs, c.card.kind]),
      [[3_300, 'customer-cut-in']],
    );
    assert.deepEqual(stored.notes, [{ atMs: 5_000, text: 'wants a refund', createdAt: '2026-12-01T08:00:05.000Z' }]);
    assert.equal(readFileSync(paths.wavPath).readUInt32LE(40), DATA.length, 'the header was repaired');
    assert.equal(existsSync(paths.journalPath), false);
    assert.equal(existsSync(paths.lockPath), false);

    assert.deepEqual(await recoverUnfinishedCalls(library), [], 'nothing left to recover');
    assert.equal(listCalls(library.db).filter((c) => c.recovered).length, 1);
  });

  it('never touches a call whose recording process is still alive', async () => {
    const paths = leaveKilledCall(library, 'call-live', process.pid);
    const before = readFileSync(paths.wavPath);
    assert.deepEqual(await recoverUnfinishedCalls(library), []);
    assert.deepEqual(readFileSync(paths.wavPath), before);
    assert.equal(existsSync(paths.journalPath), true);
    // Once that process is gone, the call is recovered.
    const recovered = await recoverUnfinishedCalls(library, { isProcessAlive: () => false });
    assert.equal(recovered.length, 1);
  });

  it('only cleans up after a call that was stored before the crash', async () => {
    const paths = leaveKilledCall(library, 'call-stored', DEAD_PID);
    const metrics = getCall(library.db, listCalls(library.db)[0]!.id)!.metrics;
    const id = insertCall(library.db, {
      recordingKey: 'call-stored',
      agentName: 'Dana',
      startedAt: '2026-12-01T07:00:00.000Z',
      durationMs: 7_000,
      recordingPath: paths.wavPath,
      metrics,
      cards: [],
      notes: [],
      recovered: false,
      source: 'live',
    });
    const count = listCalls(library.db).length;
    assert.deepEqual(await recoverUnfinishedCalls(library), []);
    assert.equal(listCalls(library.db).length, count);
    assert.equal(getCall(library.db, id)?.recovered, false);
    assert.equal(existsSync(paths.journalPath), false);
    assert.equal(existsSync(paths.wavPath), true, 'the recording itself is kept');
  });

  it('drops a call killed before any audio reached the disk', async () => {
    const paths = recordingPaths(library.recordingsDir, 'call-empty');
    writeFileSync(paths.lockPath, `${DEAD_PID}\n`);
    writeFileSync(paths.journalPath, journalLine({ type: 'header', agentName: 'Dana', startedAt: '2026-12-01T08:00:00.000Z', pid: DEAD_PID }));
    writeFileSync(paths.wavPath, recordingHeader(0));
    const count = listCalls(library.db).length;
    assert.deepEqual(await recoverUnfinishedCalls(library), []);
    assert.equal(listCalls(library.db).length, count);
    assert.equal(existsSync(paths.journalPath), false);
  });
});

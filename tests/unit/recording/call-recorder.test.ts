// The crash-safe recorder and the repair: audio reaches the disk while the call runs, a file killed
// mid-write (header never fixed, a partial sample frame at the end) is repaired from its length, and
// a full disk stops the recording with a clear message while keeping what was written.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openWavFile } from '../../../src/main/audio/wav-file-reader';
import { parseJournal } from '../../../src/main/recording/call-journal';
import { SYNC_EVERY_MS, WRITE_EVERY_MS, createCallRecorder } from '../../../src/main/recording/call-recorder';
import { RECORDING_HEADER_BYTES, interleaveStereo, recordingHeader } from '../../../src/main/recording/wav-header';
import { repairWavFile } from '../../../src/main/recording/wav-repair';
import { failingWavFs } from './failing-fs';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-recording-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `ms` of a recognisable ramp on both channels (agent positive, customer negative), 16 kHz. */
function block(ms: number, offsetSamples = 0): [Int16Array, Int16Array] {
  const n = ms * 16;
  const agent = new Int16Array(n);
  const customer = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    agent[i] = (offsetSamples + i) % 30_000;
    customer[i] = -((offsetSamples + i) % 30_000);
  }
  return [agent, customer];
}

const u32 = (bytes: Buffer, at: number): number => bytes.readUInt32LE(at);

describe('WAV repair', () => {
  it('rewrites sizes of a file whose header was never fixed and drops a partial sample frame', async () => {
    const path = join(dir, 'killed.wav');
    const [agent, customer] = block(730);
    const data = interleaveStereo(agent, customer);
    // Killed mid-write: the header still says 0 bytes and the last sample frame is cut after 3 of 4 bytes.
    writeFileSync(path, Buffer.concat([recordingHeader(0), data, data.subarray(0, 3)]));
    const result = repairWavFile(path);
    assert.deepEqual(result, { dataBytes: data.length, durationMs: 730, repaired: true, droppedBytes: 3 });
    const bytes = readFileSync(path);
    assert.equal(bytes.length, RECORDING_HEADER_BYTES + data.length);
    assert.equal(u32(bytes, 4), bytes.length - 8);
    assert.equal(u32(bytes, 40), data.length);
    assert.deepEqual(new Uint8Array(bytes.subarray(RECORDING_HEADER_BYTES)), data, 'the audio itself is untouched');
    const reader = await openWavFile(path);
    assert.equal(reader.layout.frameCount, 730 * 16);
    await reader.close();
    assert.equal(repairWavFile(path).repaired, false, 'a sound file is left alone');
  });

  it('repairs a header that was fixed up to an earlier flush', () => {
    const path = join(dir, 'flushed.wav');
    const [agent, customer] = block(1_000);
    const data = interleaveStereo(agent, customer);
    writeFileSync(path, Buffer.concat([recordingHeader(data.length / 2), data]));
    assert.equal(repairWavFile(path).durationMs, 1_000);
    assert.equal(u32(readFileSync(path), 40), data.length);
  });

  it('refuses a file that is not a WAV', () => {
    const path = join(dir, 'not.wav');
    writeFileSync(path, 'hello, this is not audio at all');
    assert.throws(() => repairWavFile(path), /not a WAV file/);
  });
});

describe('call recorder', () => {
  it('writes audio through while the call runs, and fixes the header on close', async () => {
    const failures: string[] = [];
    const recorder = createCallRecorder({
      recordingsDir: dir,
      key: 'call-a',
      agentName: 'Dana',
      startedAt: '2026-12-01T10:00:00.000Z',
      onFailure: (message) => failures.push(message),
    });
    const paths = recorder.paths;
    assert.equal(readFileSync(paths.lockPath, 'utf8').trim(), String(process.pid));
    let fedMs = 0;
    for (let i = 0; i < 60; i++) {
      const [agent, customer] = block(20, fedMs * 16);
      recorder.append(agent, customer);
      fedMs += 20;
      // What a kill -9 would leave: everything but the unwritten tail.
      const onDiskMs = (readFileSync(paths.wavPath).length - RECORDING_HEADER_BYTES) / 64;
      assert.ok(fedMs - onDiskMs <= WRITE_EVERY_MS, `${fedMs} ms fed, ${onDiskMs} ms on disk`);
    }
    // The header follows the flushes, so even an unrepaired file reads as nearly whole.
    assert.ok(u32(readFileSync(paths.wavPath), 40) >= (fedMs - SYNC_EVERY_MS - WRITE_EVERY_MS) * 64);
    recorder.journal({ type: 'note', atMs: 500, text: 'asked for the account number', createdAt: '2026-12-01T10:00:01.000Z' });
    await recorder.close();
    assert.deepEqual(failures, []);
    assert.equal(recorder.recordedMs, 1_200);
    const reader = await openWavFile(paths.wavPath);
    assert.equal(reader.layout.frameCount, 1_200 * 16);
    assert.equal(reader.layout.channelCount, 2);
    assert.equal(reader.layout.sampleRateHz, 16_000);
    await reader.close();
    const journal = parseJournal(readFileSync(paths.journalPath, 'utf8'));
    assert.equal(journal.agentName, 'Dana');
    assert.equal(journal.startedAt, '2026-12-01T10:00:00.000Z');
    assert.deepEqual(journal.notes, [{ atMs: 500, text: 'asked for the account number', createdAt: '2026-12-01T10:00:01.000Z' }]);
    recorder.discardJournal();
    assert.equal(existsSync(paths.journalPath), false);
    assert.equal(existsSync(paths.lockPath), false);
    assert.equal(existsSync(paths.wavPath), true);
  });

  it('stops on a full disk, keeps what was written with a fixed header, and says so once', async () => {
    const fullDisk = failingWavFs(RECORDING_HEADER_BYTES + 64 * 700 + 2); // room for 700 ms and half a sample
    const failures: string[] = [];
    const recorder = createCallRecorder({
      recordingsDir: dir,
      key: 'call-full',
      agentName: 'Dana',
      startedAt: '2026-12-01T10:00:00.000Z',
      fs: fullDisk,
      onFailure: (message) => failures.push(message),
    });
    for (let i = 0; i < 100; i++) recorder.append(...block(20, i * 320));
    assert.equal(recorder.failed, true);
    await recorder.close();
    assert.equal(failures.length, 1);
    assert.match(failures[0] ?? '', /^The disk is full\. Recording stopped at 0:00; what was recorded until then is kept and the call is still analysed\.$/);
    const bytes = readFileSync(recorder.paths.wavPath);
    assert.equal(bytes.length, RECORDING_HEADER_BYTES + 64 * 700, 'everything that reached the disk kept, the partial sample frame dropped');
    assert.equal(u32(bytes, 40), 64 * 700);
    assert.equal(recorder.recordedMs, 700);
  });

  it('names a read-only disk and a folder it may not write to', async () => {
    for (const [code, pattern] of [
      ['EROFS', /is on a read-only disk/],
      ['EACCES', /^Attune may not write to /],
    ] as const) {
      const failures: string[] = [];
      const recorder = createCallRecorder({
        recordingsDir: dir,
        key: `call-${code}`,
        agentName: 'Dana',
        startedAt: '2026-12-01T10:00:00.000Z',
        // The header is written; no audio after it is.
        fs: failingWavFs(RECORDING_HEADER_BYTES, code),
        onFailure: (message) => failures.push(message),
      });
      for (let i = 0; i < 20; i++) recorder.append(...block(20));
      await recorder.close();
      assert.equal(failures.length, 1);
      assert.match(failures[0] ?? '', pattern);
    }
  });
});

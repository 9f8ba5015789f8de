// Reading WAVs from disk block by block: same samples as the in-memory decoder, headers larger than
// the first read, and file-system problems as one-line AudioInputErrors.

import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AudioInputError } from '../../../src/main/audio/audio-input-error';
import { decodeWav } from '../../../src/main/audio/wav-decoder';
import { openWavFile, toFileAccessError } from '../../../src/main/audio/wav-file-reader';
import { encodeWav, renderSyntheticCall } from '../cli/synthetic-call';
import { concatSamples } from '../../support/concat-samples';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-reader-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(path: string, channels: readonly number[]): Promise<Float32Array[]> {
  const reader = await openWavFile(path);
  try {
    const parts: Float32Array[][] = channels.map(() => []);
    for await (const block of reader.readChannels(channels)) block.forEach((samples, i) => parts[i]?.push(samples));
    return parts.map(concatSamples);
  } finally {
    await reader.close();
  }
}

/** Inserts a chunk between fmt and data of a plain 44-byte-header WAV. */
function withChunkBeforeData(wav: Uint8Array, id: string, payloadBytes: number): Uint8Array {
  const out = new Uint8Array(wav.length + 8 + payloadBytes);
  out.set(wav.subarray(0, 36));
  const view = new DataView(out.buffer);
  id.split('').forEach((ch, i) => view.setUint8(36 + i, ch.charCodeAt(0)));
  view.setUint32(40, payloadBytes, true);
  out.set(wav.subarray(36), 44 + payloadBytes);
  view.setUint32(4, out.length - 8, true);
  return out;
}

async function expectError(path: string, code: string, pattern: RegExp): Promise<void> {
  await assert.rejects(openWavFile(path), (error: unknown) => {
    assert.ok(error instanceof AudioInputError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('openWavFile', () => {
  it('streams the same samples decodeWav gives, in any channel order', async () => {
    const call = renderSyntheticCall(44100);
    const bytes = encodeWav([call.agent, call.customer], 44100, '24');
    const path = join(dir, 'call-24.wav');
    await writeFile(path, bytes);
    const decoded = decodeWav(bytes);
    const [right, left] = await readAll(path, [1, 0]);
    assert.deepEqual(left, decoded.channels[0]);
    assert.deepEqual(right, decoded.channels[1]);
  });

  it('finds the data behind metadata larger than its first read', async () => {
    const call = renderSyntheticCall(8000);
    const bytes = withChunkBeforeData(encodeWav([call.agent, call.customer], 8000, '16'), 'JUNK', 300_000);
    const path = join(dir, 'big-header.wav');
    await writeFile(path, bytes);
    const [left] = await readAll(path, [0]);
    assert.deepEqual(left, decodeWav(bytes).channels[0]);
  });

  it('reports missing files, directories and bad files by name', async () => {
    await expectError(join(dir, 'nope.wav'), 'not-found', /nope\.wav: no such file$/);
    await expectError(dir, 'not-wav', /is a directory, not a WAV file$/);
    const truncated = join(dir, 'cut.wav');
    await writeFile(truncated, encodeWav([new Float32Array(8000), new Float32Array(8000)], 8000, '16').subarray(0, 5000));
    await expectError(truncated, 'truncated', /^cut\.wav is truncated: /);
  });

  it('reports unreadable files', { skip: process.getuid?.() === 0 ? 'root reads everything' : false }, async () => {
    const path = join(dir, 'locked.wav');
    await writeFile(path, encodeWav([new Float32Array(80), new Float32Array(80)], 8000, '16'));
    await chmod(path, 0o000);
    await expectError(path, 'unreadable', /permission denied/);
  });

  it('maps EACCES/EPERM to a permission message (checked directly: root ignores file modes)', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const error = toFileAccessError(Object.assign(new Error(`${code}: open`), { code }), 'calls/a.wav');
      assert.ok(error instanceof AudioInputError);
      assert.equal(error.message, 'calls/a.wav: permission denied');
    }
    const other = new Error('boom');
    assert.equal(toFileAccessError(other, 'a.wav'), other, 'unknown errors stay bugs');
  });
});

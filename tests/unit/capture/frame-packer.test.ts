// The capture worklet's frame packer: planar Int16 blocks of whole 10 ms frames, exactly as main's
// decodeFrameBlock reads them, whatever chunk sizes the resamplers hand it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createFramePacker, peakDbOfBlockHalf } from '../../../src/renderer/src/capture/frame-packer';
import { decodeFrameBlock } from '../../../src/main/live/frame-block';

/** A ramp per channel so every sample's place is checkable: agent i/32768·k, customer negative. */
function ramp(start: number, length: number, sign: 1 | -1): Float32Array {
  return Float32Array.from({ length }, (_, i) => (sign * ((start + i) % 30_000)) / 32767);
}

test('packs 20 ms blocks (320 + 320 samples), agent first, in order across uneven chunks', () => {
  const packer = createFramePacker(2);
  const blocks: ArrayBuffer[] = [];
  let fed = { agent: 0, customer: 0 };
  // Chunk sizes a 44.1 kHz → 16 kHz resampler gives per 128-sample quantum (46 or 47), and a lagging side.
  for (let step = 0; step < 200; step++) {
    const agentLength = step % 3 === 0 ? 47 : 46;
    const customerLength = step % 5 === 0 ? 45 : 46;
    blocks.push(...packer.push(ramp(fed.agent, agentLength, 1), ramp(fed.customer, customerLength, -1)));
    fed = { agent: fed.agent + agentLength, customer: fed.customer + customerLength };
  }
  const expectedBlocks = Math.floor(Math.min(fed.agent, fed.customer) / 320);
  assert.equal(blocks.length, expectedBlocks);
  blocks.forEach((buffer, index) => {
    const decoded = decodeFrameBlock(buffer);
    assert.ok(decoded.ok, 'main accepts the block');
    assert.equal(decoded.frames, 2);
    for (let i = 0; i < 320; i++) {
      const n = (index * 320 + i) % 30_000;
      assert.equal(decoded.agent[i], n);
      assert.equal(decoded.customer[i], n === 0 ? 0 : -n);
    }
  });
});

test('clips instead of wrapping, and reports peaks in dBFS (−100 for digital silence)', () => {
  const packer = createFramePacker(1);
  const loud = new Float32Array(160).fill(1.7);
  const [buffer] = packer.push(loud, new Float32Array(160));
  assert.ok(buffer);
  const samples = new Int16Array(buffer);
  assert.equal(samples[0], 32767);
  assert.equal(samples[160], 0);
  assert.ok(Math.abs(peakDbOfBlockHalf(samples, 'agent')) < 0.01);
  assert.equal(peakDbOfBlockHalf(samples, 'customer'), -100);

  const [quiet] = packer.push(new Float32Array(160).fill(-0.5), new Float32Array(160).fill(0.1));
  assert.ok(quiet);
  assert.ok(Math.abs(peakDbOfBlockHalf(new Int16Array(quiet), 'agent') - -6.02) < 0.01);
  assert.ok(Math.abs(peakDbOfBlockHalf(new Int16Array(quiet), 'customer') - -20) < 0.01);
});

test('refuses a block size that is not a whole number of frames', () => {
  assert.throws(() => createFramePacker(0), RangeError);
  assert.throws(() => createFramePacker(1.5), RangeError);
});

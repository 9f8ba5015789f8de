// Waveform peaks: the largest |sample| per bucket of each channel, exact bucket edges over long inputs,
// and the kept binary form read back unchanged (a damaged file is refused, not misread).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPeaksAccumulator, decodePeaks, encodePeaks } from '../../../src/main/replay/waveform-peaks';

describe('waveform peaks', () => {
  it('keeps the largest magnitude of each channel per bucket, in 0..255', () => {
    // 1 kHz, 10 peaks/s: 100 samples per peak.
    const accumulator = createPeaksAccumulator(1000, 10);
    const agent = new Float32Array(250);
    const customer = new Float32Array(250);
    agent[10] = -1; // first bucket: full scale, negative
    agent[150] = 0.5; // second
    customer[120] = -0.25; // second
    customer[249] = 0.001; // third (partial bucket): tiny but audible
    accumulator.push(agent.subarray(0, 130), customer.subarray(0, 130));
    accumulator.push(agent.subarray(130), customer.subarray(130));
    const peaks = accumulator.finish();
    assert.equal(peaks.peaksPerSecond, 10);
    assert.deepEqual([...peaks.agent], [255, 128, 0]);
    assert.deepEqual([...peaks.customer], [0, 64, 1]);
  });

  it('places buckets exactly when a bucket is not a whole number of samples (44.1 kHz / 50)', () => {
    const accumulator = createPeaksAccumulator(44_100, 50);
    const oneMinute = 60 * 44_100;
    const block = new Float32Array(44_100);
    for (let i = 0; i < oneMinute; i += block.length) accumulator.push(block, block);
    assert.equal(accumulator.finish().agent.length, 60 * 50);
  });

  it('refuses blocks of different lengths', () => {
    assert.throws(() => createPeaksAccumulator(16_000).push(new Float32Array(2), new Float32Array(3)), RangeError);
  });

  it('reads its file form back unchanged and refuses a damaged or foreign file', () => {
    const peaks = { peaksPerSecond: 50, agent: Uint8Array.from([0, 1, 255]), customer: Uint8Array.from([9, 8, 7]) };
    const bytes = encodePeaks(peaks);
    assert.deepEqual(decodePeaks(bytes), peaks);
    assert.equal(decodePeaks(bytes.subarray(0, bytes.length - 1)), null, 'truncated');
    assert.equal(decodePeaks(new TextEncoder().encode('RIFF....WAVEfmt ')), null, 'not a peaks file');
    const otherVersion = bytes.slice();
    otherVersion[4] = 2;
    assert.equal(decodePeaks(otherVersion), null, 'another version');
  });
});

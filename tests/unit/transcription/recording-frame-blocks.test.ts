// A stored recording as recognizer frame blocks: a live-format recording (16 kHz stereo, the recorder's
// own header) comes back sample for sample, agent half first; other rates are resampled to 16 kHz by
// the analyzer's resampler; every block is a valid protocol block; a mono or missing file is one line.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AudioInputError } from '../../../src/main/audio/audio-input-error';
import { interleaveStereo, recordingHeader } from '../../../src/main/recording/wav-header';
import { BLOCK_DURATION_MS, openRecordingFrameBlocks, type FrameBlock } from '../../../src/main/transcription/recording-frame-blocks';
import { frameBlockProblem } from '../../../src/shared/recognizer-protocol';
import { encodeWav } from '../cli/synthetic-call';

const root = mkdtempSync(join(tmpdir(), 'attune-frame-blocks-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function readAll(path: string): Promise<{ durationMs: number; blocks: FrameBlock[] }> {
  const recording = await openRecordingFrameBlocks(path);
  try {
    const blocks: FrameBlock[] = [];
    for await (const block of recording.blocks()) blocks.push(block);
    return { durationMs: recording.durationMs, blocks };
  } finally {
    await recording.close();
  }
}

/** Ramps that tell the channels and the samples apart. */
function ramp(length: number, offset: number, step: number): Int16Array {
  return Int16Array.from({ length }, (_, i) => ((offset + i * step) % 60_000) - 30_000);
}

describe('recording frame blocks', () => {
  it('gives a live recording back exactly, in blocks of 1 s, agent half first', async () => {
    const samples = 16_000 * 2 + 2_500; // 2.156 s: two whole blocks and a short one
    const agent = ramp(samples, 0, 7);
    const customer = ramp(samples, 12_345, 3);
    const path = join(root, 'live.wav');
    const data = interleaveStereo(agent, customer);
    writeFileSync(path, Buffer.concat([recordingHeader(data.length), data]));

    const { durationMs, blocks } = await readAll(path);
    assert.equal(durationMs, 2_156.25);
    assert.equal(BLOCK_DURATION_MS, 1_000);
    assert.deepEqual(blocks.map((b) => b.endMs), [1_000, 2_000, 2_160]);
    const agentOut: number[] = [];
    const customerOut: number[] = [];
    for (const { block } of blocks) {
      assert.equal(frameBlockProblem(block), null);
      const all = new Int16Array(block);
      agentOut.push(...all.subarray(0, all.length / 2));
      customerOut.push(...all.subarray(all.length / 2));
    }
    // The last frame is filled up with silence.
    assert.deepEqual(agentOut, [...agent, ...new Array<number>(2_560 - 2_500).fill(0)]);
    assert.deepEqual(customerOut, [...customer, ...new Array<number>(2_560 - 2_500).fill(0)]);
  });

  it('resamples an imported 44.1 kHz recording to 16 kHz, keeping a tone where it was', async () => {
    const rateHz = 44_100;
    const length = rateHz * 3;
    // Agent: 440 Hz from 1.0 s to 2.0 s; customer silent.
    const agent = Float32Array.from({ length }, (_, i) => (i >= rateHz && i < 2 * rateHz ? 0.5 * Math.sin((2 * Math.PI * 440 * i) / rateHz) : 0));
    const path = join(root, 'imported.wav');
    writeFileSync(path, encodeWav([agent, new Float32Array(length)], rateHz, '16'));

    const { durationMs, blocks } = await readAll(path);
    assert.equal(durationMs, 3_000);
    assert.deepEqual(blocks.map((b) => b.endMs), [1_000, 2_000, 3_000]);
    const halves = blocks.map(({ block }) => {
      assert.equal(frameBlockProblem(block), null);
      const all = new Int16Array(block);
      return { agent: all.subarray(0, all.length / 2), customer: all.subarray(all.length / 2) };
    });
    const peak = (samples: Int16Array): number => samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    // Away from the edges (the filter rings for a few ms), the tone sits in the second second only.
    assert.ok(peak(halves[0]?.agent.subarray(0, 15_800) ?? new Int16Array()) < 50);
    assert.ok(Math.abs(peak(halves[1]?.agent.subarray(200, 15_800) ?? new Int16Array()) - 16_384) < 400);
    assert.ok(peak(halves[2]?.agent.subarray(200) ?? new Int16Array()) < 50);
    assert.equal(Math.max(...halves.map((h) => peak(h.customer))), 0);
  });

  it('refuses a mono recording and a missing one with one line each', async () => {
    const mono = join(root, 'mono.wav');
    writeFileSync(mono, encodeWav([new Float32Array(16_000)], 16_000, '16'));
    await assert.rejects(openRecordingFrameBlocks(mono), (error: unknown) => {
      assert.ok(error instanceof AudioInputError);
      assert.equal(error.message, 'mono.wav has 1 channel; transcription needs the agent and the customer on separate channels');
      return true;
    });
    const missing = join(root, 'gone.wav');
    await assert.rejects(openRecordingFrameBlocks(missing), (error: unknown) => {
      assert.ok(error instanceof AudioInputError);
      assert.equal(error.message, `${missing}: no such file`);
      return true;
    });
  });
});

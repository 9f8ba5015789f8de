// Packs two 16 kHz mono streams (agent, customer) into the frame blocks main expects
// (src/shared/live.ts): planar Int16, `n` agent samples then `n` customer samples, `n` a whole number
// of 10 ms frames. Pure (no audio API), so it runs in the AudioWorklet and in Node's unit tests alike.

import { FRAME_BLOCK_SAMPLES_PER_FRAME } from '../../../shared/live';

export interface FramePacker {
  /**
   * Appends the next resampled samples of each channel (floats in [-1, 1]; the two arrays may differ
   * in length by a sample or two). Returns every full block now available, oldest first.
   */
  push(agent: Float32Array, customer: Float32Array): ArrayBuffer[];
}

/** Float sample → Int16, clipped (a clipped peak is better than a wrapped one). */
function toInt16(sample: number): number {
  const scaled = Math.round(sample * 32767);
  return scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled;
}

/** `framesPerBlock` 10 ms frames per block: 2 gives 20 ms blocks, 50 messages a second. */
export function createFramePacker(framesPerBlock: number): FramePacker {
  if (!Number.isInteger(framesPerBlock) || framesPerBlock < 1) throw new RangeError(`framesPerBlock must be a positive integer, got ${framesPerBlock}`);
  const blockSamples = framesPerBlock * FRAME_BLOCK_SAMPLES_PER_FRAME;
  // Each channel's samples not yet in a block; grows only if one channel runs far ahead.
  const pending = { agent: new Float32Array(blockSamples * 4), customer: new Float32Array(blockSamples * 4) };
  const pendingCount = { agent: 0, customer: 0 };

  function append(channel: 'agent' | 'customer', samples: Float32Array): void {
    const needed = pendingCount[channel] + samples.length;
    if (needed > pending[channel].length) {
      const grown = new Float32Array(Math.max(needed, pending[channel].length * 2));
      grown.set(pending[channel].subarray(0, pendingCount[channel]));
      pending[channel] = grown;
    }
    pending[channel].set(samples, pendingCount[channel]);
    pendingCount[channel] = needed;
  }

  return {
    push(agent, customer) {
      append('agent', agent);
      append('customer', customer);
      const blocks: ArrayBuffer[] = [];
      let taken = 0;
      // A block needs both channels: the customer half must cover the same 20 ms as the agent half.
      while (Math.min(pendingCount.agent, pendingCount.customer) - taken >= blockSamples) {
        const block = new Int16Array(2 * blockSamples);
        for (let i = 0; i < blockSamples; i++) {
          block[i] = toInt16(pending.agent[taken + i] as number);
          block[blockSamples + i] = toInt16(pending.customer[taken + i] as number);
        }
        blocks.push(block.buffer);
        taken += blockSamples;
      }
      if (taken > 0) {
        for (const channel of ['agent', 'customer'] as const) {
          pending[channel].copyWithin(0, taken, pendingCount[channel]);
          pendingCount[channel] -= taken;
        }
      }
      return blocks;
    },
  };
}

/** Peak level of one half of a block, dBFS; −100 for digital silence (as main reports −∞). */
export function peakDbOfBlockHalf(block: Int16Array, half: 'agent' | 'customer'): number {
  const n = block.length / 2;
  const start = half === 'agent' ? 0 : n;
  let peak = 0;
  for (let i = start; i < start + n; i++) {
    const value = Math.abs(block[i] as number);
    if (value > peak) peak = value;
  }
  return peak === 0 ? -100 : Math.max(-100, 20 * Math.log10(peak / 32768));
}

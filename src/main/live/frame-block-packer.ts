// A stereo WAV's samples packed as the live frame port's planar Int16 frame blocks (src/shared/live.ts):
// both channels resampled to 16 kHz and cut into 10 ms frames by the analyzer's framer, then gathered
// `framesPerBlock` frames to a block. Used by `attune live` (blocks fed to the live call service) and by
// a stored recording's transcription (blocks handed to the recognizer).

import { createChannelPairFramer } from '../analysis/analyze-channels';
import { FRAME_SAMPLES } from '../analysis/options';
import { encodeFrameBlock } from './frame-block';

export interface FrameBlockPacker {
  /** Input samples of both channels (equal lengths, as the WAV reader's Float32 s / 32768). */
  push(agent: Float32Array, customer: Float32Array): void;
  /** Emits the partial block gathered so far, if any. */
  flush(): void;
  /** Emits what the framer still holds, then the last (partial) block. Call once, at the end. */
  finish(): void;
}

/** `onBlock` gets each encoded block and how many 10 ms frames it holds (`framesPerBlock` but for the last). */
export function createFrameBlockPacker(
  sampleRateHz: number,
  framesPerBlock: number,
  onBlock: (block: Int16Array, frames: number) => void,
): FrameBlockPacker {
  // FRAME_SAMPLES (the analyzer's 10 ms at 16 kHz) is the frame block's frame: one size everywhere.
  const blockSamples = FRAME_SAMPLES * framesPerBlock;
  let agentBlock = new Int16Array(blockSamples);
  let customerBlock = new Int16Array(blockSamples);
  let filled = 0;
  const flush = (): void => {
    if (filled === 0) return;
    const frames = filled / FRAME_SAMPLES;
    const block = encodeFrameBlock(agentBlock.subarray(0, filled), customerBlock.subarray(0, filled));
    agentBlock = new Int16Array(blockSamples);
    customerBlock = new Int16Array(blockSamples);
    filled = 0;
    onBlock(block, frames);
  };
  const framer = createChannelPairFramer(sampleRateHz, (agent, customer) => {
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      agentBlock[filled + i] = toInt16(agent[i] as number);
      customerBlock[filled + i] = toInt16(customer[i] as number);
    }
    filled += FRAME_SAMPLES;
    if (filled === blockSamples) flush();
  });
  return {
    push: (agent, customer) => framer.push(agent, customer),
    flush,
    finish: () => {
      framer.finish();
      flush();
    },
  };
}

/**
 * The WAV reader gives Int16 samples as s / 32768, so scaling back by 32768 returns a 16-bit recording's
 * samples exactly (the recognizer page divides by 32768 again).
 */
function toInt16(sample: number): number {
  const scaled = Math.round(sample * 32_768);
  return scaled > 32_767 ? 32_767 : scaled < -32_768 ? -32_768 : scaled;
}

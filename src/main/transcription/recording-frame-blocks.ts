// A stored call's recording as the recognizer takes it: the WAV read from disk a block at a time, its
// agent (left) and customer (right) channels resampled to 16 kHz by the analyzer's framer, packed as
// planar Int16 frame blocks (src/shared/live.ts), the layout the live frame port carries. Streaming,
// so an hour-long recording never sits in memory whole.

import { basename } from 'node:path';
import { createChannelPairFramer } from '../analysis/analyze-channels';
import { FRAME_SAMPLES } from '../analysis/options';
import { AudioInputError } from '../audio/audio-input-error';
import { openWavFile } from '../audio/wav-file-reader';
import { encodeFrameBlock } from '../live/frame-block';
import { FRAME_BLOCK_MAX_FRAMES, FRAME_BLOCK_SAMPLES_PER_FRAME } from '../../shared/live';

/** Audio of one block: FRAME_BLOCK_MAX_FRAMES frames of 10 ms (the last block may be shorter). */
export const BLOCK_DURATION_MS = FRAME_BLOCK_MAX_FRAMES * 10;

export interface FrameBlock {
  /** Planar Int16 at 16 kHz: the agent's samples, then the customer's, equal halves. */
  block: ArrayBuffer;
  /** Where the block ends in the recording (ms at 16 kHz, so whole 10 ms frames). */
  endMs: number;
}

export interface RecordingFrameBlocks {
  /** The recording's length as its header says (ms). */
  readonly durationMs: number;
  /** The blocks in order, read as they are asked for. Errors the user can fix are AudioInputErrors. */
  blocks(): AsyncGenerator<FrameBlock>;
  close(): Promise<void>;
}

/** Opens a stored call's recording; throws AudioInputError (one line) when it cannot be used. */
export type OpenRecordingFrameBlocks = (path: string) => Promise<RecordingFrameBlocks>;

/** Input samples handed to the framer at a time: one block's worth, so blocks come out one by one. */
const PIECE_MS = BLOCK_DURATION_MS;

/**
 * Opens a WAV recording. Live and recovered recordings are 16 kHz stereo (agent left, customer right);
 * imported ones may have any rate the WAV reader takes, and are resampled. Channels past the second are
 * ignored, as the analyzer does; a mono file cannot say who spoke, so it is refused.
 */
export async function openRecordingFrameBlocks(path: string): Promise<RecordingFrameBlocks> {
  const reader = await openWavFile(path);
  const { layout } = reader;
  if (layout.channelCount < 2) {
    await reader.close();
    throw new AudioInputError(
      `${basename(path)} has 1 channel; transcription needs the agent and the customer on separate channels`,
      'not-stereo',
    );
  }
  return {
    durationMs: (layout.frameCount / layout.sampleRateHz) * 1000,
    async *blocks() {
      const blockSamples = FRAME_BLOCK_MAX_FRAMES * FRAME_BLOCK_SAMPLES_PER_FRAME;
      let agentBlock = new Int16Array(blockSamples);
      let customerBlock = new Int16Array(blockSamples);
      let filled = 0;
      let framesOut = 0;
      const ready: FrameBlock[] = [];
      const takeBlock = (): void => {
        framesOut += filled / FRAME_BLOCK_SAMPLES_PER_FRAME;
        const block = encodeFrameBlock(agentBlock.subarray(0, filled), customerBlock.subarray(0, filled));
        ready.push({ block: block.buffer as ArrayBuffer, endMs: framesOut * 10 });
        agentBlock = new Int16Array(blockSamples);
        customerBlock = new Int16Array(blockSamples);
        filled = 0;
      };
      // FRAME_SAMPLES (the analyzer's 10 ms at 16 kHz) is the frame block's frame: one size everywhere.
      const framer = createChannelPairFramer(layout.sampleRateHz, (agent, customer) => {
        for (let i = 0; i < FRAME_SAMPLES; i++) {
          agentBlock[filled + i] = toInt16(agent[i] as number);
          customerBlock[filled + i] = toInt16(customer[i] as number);
        }
        filled += FRAME_SAMPLES;
        if (filled === blockSamples) takeBlock();
      });
      const pieceSamples = Math.max(1, Math.round((layout.sampleRateHz * PIECE_MS) / 1000));
      for await (const [agent, customer] of reader.readChannels([0, 1])) {
        if (agent === undefined || customer === undefined) throw new Error('reader returned fewer channels than requested');
        for (let at = 0; at < agent.length; at += pieceSamples) {
          framer.push(agent.subarray(at, at + pieceSamples), customer.subarray(at, at + pieceSamples));
          while (ready.length > 0) yield ready.shift() as FrameBlock;
        }
      }
      framer.finish();
      if (filled > 0) takeBlock();
      while (ready.length > 0) yield ready.shift() as FrameBlock;
    },
    close: () => reader.close(),
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

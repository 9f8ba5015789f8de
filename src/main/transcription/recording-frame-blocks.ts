// A stored call's recording as the recognizer takes it: the WAV read from disk a block at a time, its
// agent (left) and customer (right) channels resampled to 16 kHz by the analyzer's framer, packed as
// planar Int16 frame blocks (src/shared/live.ts), the layout the live frame port carries. Streaming,
// so an hour-long recording never sits in memory whole.

import { basename } from 'node:path';
import { AudioInputError } from '../audio/audio-input-error';
import { openWavFile } from '../audio/wav-file-reader';
import { createFrameBlockPacker } from '../live/frame-block-packer';
import { FRAME_BLOCK_MAX_FRAMES } from '../../shared/live';

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
      let framesOut = 0;
      const ready: FrameBlock[] = [];
      const packer = createFrameBlockPacker(layout.sampleRateHz, FRAME_BLOCK_MAX_FRAMES, (block, frames) => {
        framesOut += frames;
        ready.push({ block: block.buffer as ArrayBuffer, endMs: framesOut * 10 });
      });
      const pieceSamples = Math.max(1, Math.round((layout.sampleRateHz * PIECE_MS) / 1000));
      for await (const [agent, customer] of reader.readChannels([0, 1])) {
        if (agent === undefined || customer === undefined) throw new Error('reader returned fewer channels than requested');
        for (let at = 0; at < agent.length; at += pieceSamples) {
          packer.push(agent.subarray(at, at + pieceSamples), customer.subarray(at, at + pieceSamples));
          while (ready.length > 0) yield ready.shift() as FrameBlock;
        }
      }
      packer.finish();
      while (ready.length > 0) yield ready.shift() as FrameBlock;
    },
    close: () => reader.close(),
  };
}

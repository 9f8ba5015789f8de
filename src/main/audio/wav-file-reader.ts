// Reads a WAV file from disk in blocks: the header first (validated by wav-decoder), then the sample
// data a block at a time, so an hour-long 48 kHz recording never sits in memory whole.

import { open, stat, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AudioInputError } from './audio-input-error';
import { decodeChannel, parseWavLayout, wavHeaderBytesNeeded, type WavLayout } from './wav-decoder';

/** First read; enough for any ordinary header (fmt + LIST/bext metadata). */
const INITIAL_HEADER_BYTES = 64 * 1024;
/** Metadata before the audio larger than this is treated as corruption, not read. */
const MAX_HEADER_BYTES = 64 * 1024 * 1024;
/** Sample data read per block: big enough to amortise syscalls, small enough to stay cache-friendly. */
const BLOCK_BYTES = 1024 * 1024;

export interface WavFileReader {
  readonly layout: WavLayout;
  /**
   * Yields the requested channels block by block, as floats in [-1, 1]: one array per requested
   * channel, equal lengths. Fresh arrays each time.
   */
  readChannels(channelIndices: readonly number[]): AsyncGenerator<Float32Array[]>;
  close(): Promise<void>;
}

/** Turns fs errors the user can fix into one-line AudioInputErrors; anything else is rethrown. */
export function toFileAccessError(error: unknown, path: string): unknown {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AudioInputError(`${path}: no such file`, 'not-found', { cause: error });
    case 'EACCES':
    case 'EPERM':
      return new AudioInputError(`${path}: permission denied`, 'unreadable', { cause: error });
    case 'EISDIR':
      return new AudioInputError(`${path} is a directory, not a WAV file`, 'not-wav', { cause: error });
    case 'EIO':
    case 'ELOOP':
    case 'ENAMETOOLONG':
      return new AudioInputError(`${path}: can't be read (${String(code)})`, 'unreadable', { cause: error });
    default:
      return error;
  }
}

async function readAt(handle: FileHandle, positionBytes: number, lengthBytes: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(lengthBytes);
  let filled = 0;
  while (filled < lengthBytes) {
    const { bytesRead } = await handle.read(buffer, filled, lengthBytes - filled, positionBytes + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === lengthBytes ? buffer : buffer.subarray(0, filled);
}

/** Opens and validates a WAV file; errors the user can act on are AudioInputErrors naming the file. */
export async function openWavFile(path: string): Promise<WavFileReader> {
  const name = basename(path) || path;
  let handle: FileHandle;
  let fileSizeBytes: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new AudioInputError(`${path} is a directory, not a WAV file`, 'not-wav');
    if (!info.isFile()) throw new AudioInputError(`${path} is not a regular file`, 'not-wav');
    fileSizeBytes = info.size;
    handle = await open(path, 'r');
  } catch (error) {
    throw toFileAccessError(error, path);
  }
  try {
    let head = await readAt(handle, 0, Math.min(INITIAL_HEADER_BYTES, fileSizeBytes));
    // Large metadata chunks can push the audio past the first read; fetch until the header is whole.
    for (let needed = wavHeaderBytesNeeded(head, fileSizeBytes); needed > head.length; needed = wavHeaderBytesNeeded(head, fileSizeBytes)) {
      if (needed > MAX_HEADER_BYTES) throw new AudioInputError(`${name} is corrupt: no audio data within its first ${MAX_HEADER_BYTES} bytes`, 'corrupt');
      const longer = await readAt(handle, 0, Math.min(fileSizeBytes, needed + INITIAL_HEADER_BYTES));
      if (longer.length <= head.length) break;
      head = longer;
    }
    const layout: WavLayout = parseWavLayout(head, fileSizeBytes, name);
    return createReader(handle, layout, name);
  } catch (error) {
    await handle.close();
    throw toFileAccessError(error, path);
  }
}

function createReader(handle: FileHandle, layout: WavLayout, name: string): WavFileReader {
  const framesPerBlock = Math.max(1, Math.floor(BLOCK_BYTES / layout.blockAlignBytes));
  return {
    layout,
    async *readChannels(channelIndices) {
      for (const index of channelIndices) {
        if (!Number.isInteger(index) || index < 0 || index >= layout.channelCount) {
          throw new RangeError(`channel ${index} out of range (the file has ${layout.channelCount})`);
        }
      }
      for (let frame = 0; frame < layout.frameCount; frame += framesPerBlock) {
        const frames = Math.min(framesPerBlock, layout.frameCount - frame);
        const bytes = await readAt(handle, layout.dataOffsetBytes + frame * layout.blockAlignBytes, frames * layout.blockAlignBytes);
        if (bytes.length < frames * layout.blockAlignBytes) {
          // The file shrank under us (still being written, or replaced).
          throw new AudioInputError(`${name} is truncated: it ended while being read`, 'truncated');
        }
        yield channelIndices.map((index) => {
          const samples = new Float32Array(frames);
          decodeChannel(layout, bytes, index, samples);
          return samples;
        });
      }
    },
    close: () => handle.close(),
  };
}

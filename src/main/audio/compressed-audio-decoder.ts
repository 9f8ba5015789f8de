// Decodes MP3, Ogg Opus and Ogg Vorbis files block by block, streaming from disk, so an hour-long call
// never sits in memory decoded (an hour of 48 kHz stereo float is 1.4 GB). The decoders are the
// wasm-audio-decoders family (libmpg123, libopus, libvorbis compiled to WebAssembly, MIT): no native
// build, the same code on every platform, loaded only when a file of that kind is imported.

import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AudioInputError } from './audio-input-error';
import { toFileAccessError } from './wav-file-reader';

export type CompressedFormat = 'mp3' | 'ogg-opus' | 'ogg-vorbis';

export interface DecodedBlock {
  sampleRateHz: number;
  /** One array per channel (equal lengths), samples in [-1, 1]; valid until the next block is asked for. */
  channels: Float32Array[];
}

/** What the three decoders have in common (their own .d.ts files agree on this shape). */
interface DecodedAudio {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors: { message: string }[];
}

interface StreamingDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): DecodedAudio | Promise<DecodedAudio>;
  flush?(): Promise<DecodedAudio>;
  free(): void | Promise<void>;
}

/** Compressed bytes read and decoded per step. */
const READ_CHUNK_BYTES = 64 * 1024;

export const FORMAT_NAMES: Record<CompressedFormat, string> = { mp3: 'MP3', 'ogg-opus': 'Ogg Opus', 'ogg-vorbis': 'Ogg Vorbis' };

async function createDecoder(format: CompressedFormat): Promise<StreamingDecoder> {
  switch (format) {
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      return new MPEGDecoder();
    }
    case 'ogg-opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      return new OggOpusDecoder();
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      return new OggVorbisDecoder();
    }
    default: {
      const unreachable: never = format;
      throw new Error(`unhandled format ${String(unreachable)}`);
    }
  }
}

/** What decoding met besides audio; filled in as the blocks are read. */
export interface DecodeReport {
  /** Frames the decoder could not read and skipped (the audio after them moves earlier by their length). */
  damagedFrames: number;
}

/**
 * Yields the decoded audio of `path` block by block. A file from which nothing at all decodes is an
 * AudioInputError ('corrupt'); so is one whose sample rate changes midway (the analysis can't follow).
 * A few damaged frames inside an otherwise good file are skipped, as every player does.
 */
export async function* decodeCompressedFile(path: string, format: CompressedFormat, report: DecodeReport = { damagedFrames: 0 }): AsyncGenerator<DecodedBlock> {
  const name = basename(path) || path;
  const decoder = await createDecoder(format);
  let sampleRateHz: number | null = null;
  let samplesDecoded = 0;
  // An object, not a `let`: it is set inside accept(), which flow analysis doesn't follow.
  const problem: { firstError: string | null } = { firstError: null };

  function accept(decoded: DecodedAudio): DecodedBlock | null {
    if (problem.firstError === null && decoded.errors.length > 0) problem.firstError = decoded.errors[0]?.message ?? 'decoding error';
    report.damagedFrames += decoded.errors.length;
    if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) return null;
    if (sampleRateHz === null) sampleRateHz = decoded.sampleRate;
    else if (decoded.sampleRate !== sampleRateHz) {
      throw new AudioInputError(
        `${name} changes sample rate midway (${sampleRateHz} Hz, then ${decoded.sampleRate} Hz); Attune needs one rate for the whole call`,
        'corrupt',
      );
    }
    samplesDecoded += decoded.samplesDecoded;
    return { sampleRateHz, channels: decoded.channelData.map((channel) => channel.subarray(0, decoded.samplesDecoded)) };
  }

  try {
    await decoder.ready;
    const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const block = accept(await quietly(() => decoder.decode(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))));
        if (block !== null) yield block;
      }
    } catch (error) {
      throw toFileAccessError(error, path);
    } finally {
      stream.destroy();
    }
    if (decoder.flush !== undefined) {
      const block = accept(await decoder.flush());
      if (block !== null) yield block;
    }
  } finally {
    await decoder.free();
  }
  if (samplesDecoded === 0 && problem.firstError !== null) {
    throw new AudioInputError(`${name} is damaged: no ${FORMAT_NAMES[format]} audio in it could be decoded (${problem.firstError})`, 'corrupt');
  }
}

/**
 * Runs a decoder call with console.error silenced: libmpg123's build prints a line per damaged frame,
 * which would break the one-line-per-file output; the same errors come back in the result. Only a
 * synchronous call is covered entirely (no other code runs until it returns), which mpg123's is.
 */
function quietly<T>(call: () => T): T {
  const original = console.error;
  console.error = () => {};
  try {
    return call();
  } finally {
    console.error = original;
  }
}

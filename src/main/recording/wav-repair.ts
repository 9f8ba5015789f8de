// Repairs a recording cut short by a crash: the header's sizes were never fixed up (or only up to the
// last flush) and the data may end in a partial sample frame. The sizes are rewritten from the file's
// length, the partial frame dropped. Works for any PCM WAV whose data chunk runs to the end of the file.

import { NODE_RECORDING_FS, writeFully, type RecordingFs } from './recording-fs';

export class WavRepairError extends Error {
  override readonly name = 'WavRepairError';
}

export interface WavRepairResult {
  /** Sample data kept, in bytes. */
  dataBytes: number;
  /** Length of the kept audio. */
  durationMs: number;
  /** Whether anything had to change. */
  repaired: boolean;
  /** Bytes of a partial sample frame dropped from the end. */
  droppedBytes: number;
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));

export function repairWavFile(path: string, fsImpl: RecordingFs = NODE_RECORDING_FS): WavRepairResult {
  const fd = fsImpl.openSync(path, 'r+');
  try {
    const fileBytes = fsImpl.fstatSizeSync(fd);
    const head = new Uint8Array(Math.min(fileBytes, 64 * 1024));
    const got = fsImpl.readSync(fd, head, 0);
    const view = new DataView(head.buffer, 0, got);
    if (got < 12 || ascii(head, 0) !== 'RIFF' || ascii(head, 8) !== 'WAVE') throw new WavRepairError(`${path} is not a WAV file`);
    let at = 12;
    let blockAlignBytes = 0;
    let sampleRateHz = 0;
    let dataOffset = -1;
    while (at + 8 <= got) {
      const id = ascii(head, at);
      const size = view.getUint32(at + 4, true);
      if (id === 'data') {
        dataOffset = at + 8;
        break;
      }
      if (id === 'fmt ' && at + 8 + 16 <= got) {
        sampleRateHz = view.getUint32(at + 12, true);
        blockAlignBytes = view.getUint16(at + 20, true);
      }
      at += 8 + size + (size % 2);
    }
    if (dataOffset < 0 || blockAlignBytes === 0 || sampleRateHz === 0) throw new WavRepairError(`${path} has no readable format or data chunk`);
    const available = Math.max(0, fileBytes - dataOffset);
    const dataBytes = available - (available % blockAlignBytes);
    const droppedBytes = available - dataBytes;
    const riffBytes = dataOffset - 8 + dataBytes;
    const headerRiff = view.getUint32(4, true);
    const headerData = view.getUint32(dataOffset - 4, true);
    const repaired = droppedBytes > 0 || headerRiff !== riffBytes || headerData !== dataBytes;
    if (repaired) {
      if (droppedBytes > 0) fsImpl.ftruncateSync(fd, dataOffset + dataBytes);
      const sizes = new Uint8Array(4);
      new DataView(sizes.buffer).setUint32(0, riffBytes, true);
      writeFully(fsImpl, fd, sizes, 4);
      new DataView(sizes.buffer).setUint32(0, dataBytes, true);
      writeFully(fsImpl, fd, sizes, dataOffset - 4);
      fsImpl.fdatasyncSync(fd);
    }
    return { dataBytes, durationMs: Math.round(((dataBytes / blockAlignBytes) * 1000) / sampleRateHz), repaired, droppedBytes };
  } finally {
    fsImpl.closeSync(fd);
  }
}

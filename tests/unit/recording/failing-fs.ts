// A disk with room for only so much of a recording, for the recorder's and the live call service's
// tests: node:fs, except for the WAV file, whose writes fail at a chosen byte (full or read-only disk).

import { NODE_RECORDING_FS, type RecordingFs } from '../../../src/main/recording/recording-fs';

/**
 * node:fs, but the .wav file opened through it holds `wavBytes` bytes: a write reaching past them is
 * cut short there, as a filling disk does, and a write starting at or past them throws an error with
 * `code` (default ENOSPC, a full disk). The header's rewrites at byte 0 fit whenever `wavBytes` ≥ 44.
 */
export function failingWavFs(wavBytes: number, code = 'ENOSPC'): RecordingFs {
  let wavFd = -1;
  return {
    ...NODE_RECORDING_FS,
    openSync(path, flags) {
      const fd = NODE_RECORDING_FS.openSync(path, flags);
      if (path.endsWith('.wav')) wavFd = fd;
      return fd;
    },
    writeSync(fd, data, offset, length, position) {
      if (fd === wavFd && position !== null) {
        const roomBytes = wavBytes - position;
        if (roomBytes <= 0) throw Object.assign(new Error(`${code}: write past byte ${wavBytes}`), { code });
        return NODE_RECORDING_FS.writeSync(fd, data, offset, Math.min(length, roomBytes), position);
      }
      return NODE_RECORDING_FS.writeSync(fd, data, offset, length, position);
    },
  };
}

// The few file operations the recorder and the repair use, behind an interface so tests can make
// the disk fill up or turn read-only at a chosen byte. Production uses node:fs.

import * as fs from 'node:fs';

export interface RecordingFs {
  openSync(path: string, flags: string): number;
  /** Writes at `positionBytes` (null: at the file position); returns the bytes written, possibly fewer. */
  writeSync(fd: number, data: Uint8Array, offset: number, length: number, positionBytes: number | null): number;
  fdatasyncSync(fd: number): void;
  /** Asynchronous fdatasync, so the flush to disk never blocks the process that feeds audio. */
  fdatasync(fd: number, done: (error: NodeJS.ErrnoException | null) => void): void;
  ftruncateSync(fd: number, lengthBytes: number): void;
  fstatSizeSync(fd: number): number;
  readSync(fd: number, into: Uint8Array, positionBytes: number): number;
  closeSync(fd: number): void;
  unlinkSync(path: string): void;
}

export const NODE_RECORDING_FS: RecordingFs = {
  openSync: (path, flags) => fs.openSync(path, flags),
  writeSync: (fd, data, offset, length, positionBytes) => fs.writeSync(fd, data, offset, length, positionBytes),
  fdatasyncSync: (fd) => fs.fdatasyncSync(fd),
  fdatasync: (fd, done) => fs.fdatasync(fd, done),
  ftruncateSync: (fd, lengthBytes) => fs.ftruncateSync(fd, lengthBytes),
  fstatSizeSync: (fd) => fs.fstatSync(fd).size,
  readSync: (fd, into, positionBytes) => fs.readSync(fd, into, 0, into.length, positionBytes),
  closeSync: (fd) => fs.closeSync(fd),
  unlinkSync: (path) => fs.unlinkSync(path),
};

/** Writes all of `data` (a write may be partial), at `positionBytes` or the file position. */
export function writeFully(fsImpl: RecordingFs, fd: number, data: Uint8Array, positionBytes: number | null): void {
  let done = 0;
  while (done < data.length) {
    const wrote = fsImpl.writeSync(fd, data, done, data.length - done, positionBytes === null ? null : positionBytes + done);
    if (wrote <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
    done += wrote;
  }
}

/** The errno code of a file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

// Records a live call crash-safely: the stereo WAV grows as frames arrive (written through every
// 200 ms of audio, the header's sizes updated and the data flushed to disk every 500 ms), a journal
// beside it gets cards, notes and capture problems as they happen, and a lock file names the
// recording process so recovery never touches a call that is still being recorded. Killed at any
// moment, at most the unwritten 200 ms (plus frames in flight) are lost; power loss, at most ~0.7 s.
//
// A write error (disk full, folder not writable, read-only disk) stops the recording, not the call:
// what was written is kept with its header fixed, and the failure is reported once in plain words.

import { dirname } from 'node:path';
import { type JournalEntry, journalLine } from './call-journal';
import { NODE_RECORDING_FS, errorCode, writeFully, type RecordingFs } from './recording-fs';
import { recordingPaths, type RecordingPaths } from './recording-files';
import { RECORDING_BLOCK_ALIGN_BYTES, RECORDING_BYTES_PER_MS, RECORDING_HEADER_BYTES, interleaveStereo, recordingHeader } from './wav-header';

/** Audio buffered in memory before it is written. */
export const WRITE_EVERY_MS = 200;
/** Audio between header updates and flushes to disk. */
export const SYNC_EVERY_MS = 500;

export interface CallRecorderOptions {
  recordingsDir: string;
  key: string;
  agentName: string;
  startedAt: string;
  fs?: RecordingFs;
  pid?: number;
  /** Called once when the recording stops because of a write error; the message is for the agent. */
  onFailure(message: string, error: unknown): void;
}

export interface CallRecorder {
  readonly paths: RecordingPaths;
  /** Audio written to the WAV so far (not counting what is still buffered). */
  readonly recordedMs: number;
  readonly failed: boolean;
  /** Appends one block of both channels (16 kHz, equal lengths). */
  append(agent: Int16Array, customer: Int16Array): void;
  /** Appends a line to the journal. */
  journal(entry: JournalEntry): void;
  /** Writes what is buffered, fixes the header, flushes and closes. The journal and lock stay. */
  close(): Promise<void>;
  /** After the call is stored: removes the journal and the lock. */
  discardJournal(): void;
  /** After the call could not be stored: removes the lock only, so recovery stores it later. */
  releaseLock(): void;
}

/** Opens the lock, journal and WAV (in that order, so a journal never exists without its lock). Throws on failure. */
export function createCallRecorder(options: CallRecorderOptions): CallRecorder {
  const fsImpl = options.fs ?? NODE_RECORDING_FS;
  const paths = recordingPaths(options.recordingsDir, options.key);
  const pid = options.pid ?? process.pid;

  const lockFd = fsImpl.openSync(paths.lockPath, 'wx');
  let journalFd: number | null = null;
  let wavFd: number | null = null;
  try {
    writeFully(fsImpl, lockFd, new TextEncoder().encode(`${pid}\n`), 0);
    fsImpl.closeSync(lockFd);
    journalFd = fsImpl.openSync(paths.journalPath, 'wx');
    writeFully(fsImpl, journalFd, new TextEncoder().encode(journalLine({ type: 'header', agentName: options.agentName, startedAt: options.startedAt, pid })), null);
    wavFd = fsImpl.openSync(paths.wavPath, 'wx');
    writeFully(fsImpl, wavFd, recordingHeader(0), 0);
  } catch (error) {
    for (const fd of [journalFd, wavFd]) if (fd !== null) safely(() => fsImpl.closeSync(fd));
    for (const path of [paths.wavPath, paths.journalPath, paths.lockPath]) safely(() => fsImpl.unlinkSync(path));
    throw error;
  }
  return openRecorder(fsImpl, paths, wavFd, journalFd, options);
}

function openRecorder(fsImpl: RecordingFs, paths: RecordingPaths, wavFdOpen: number, journalFdOpen: number, options: CallRecorderOptions): CallRecorder {
  let wavFd: number | null = wavFdOpen;
  let journalFd: number | null = journalFdOpen;
  let failed = false;
  let closed = false;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let writtenBytes = 0;
  let lastSyncBytes = 0;
  let journalDirty = false;
  /** An asynchronous flush in flight; close() waits for it before closing the descriptor. */
  let syncing: Promise<void> | null = null;
  const writeEveryBytes = WRITE_EVERY_MS * RECORDING_BYTES_PER_MS;
  const syncEveryBytes = SYNC_EVERY_MS * RECORDING_BYTES_PER_MS;

  function fail(error: unknown): void {
    if (failed) return;
    failed = true;
    pending.length = 0;
    pendingBytes = 0;
    if (wavFd !== null) {
      const fd = wavFd;
      wavFd = null;
      // Keep what reached the disk, with a header that says how much (a partial sample frame dropped).
      safely(() => {
        const dataBytes = Math.max(0, fsImpl.fstatSizeSync(fd) - RECORDING_HEADER_BYTES);
        const whole = dataBytes - (dataBytes % RECORDING_BLOCK_ALIGN_BYTES);
        if (whole !== dataBytes) fsImpl.ftruncateSync(fd, RECORDING_HEADER_BYTES + whole);
        writtenBytes = whole;
        writeFully(fsImpl, fd, recordingHeader(whole), 0);
      });
      const closeLater = syncing;
      if (closeLater === null) safely(() => fsImpl.closeSync(fd));
      else void closeLater.then(() => safely(() => fsImpl.closeSync(fd)));
    }
    if (journalFd !== null) {
      const fd = journalFd;
      journalFd = null;
      safely(() => fsImpl.closeSync(fd));
    }
    options.onFailure(failureMessage(error, dirname(paths.wavPath), writtenBytes / RECORDING_BYTES_PER_MS), error);
  }

  function writePending(): void {
    if (wavFd === null || pendingBytes === 0) return;
    const block = new Uint8Array(pendingBytes);
    let at = 0;
    for (const piece of pending) {
      block.set(piece, at);
      at += piece.length;
    }
    pending.length = 0;
    pendingBytes = 0;
    writeFully(fsImpl, wavFd, block, RECORDING_HEADER_BYTES + writtenBytes);
    writtenBytes += block.length;
  }

  function syncNow(): void {
    if (wavFd === null || syncing !== null) return;
    writeFully(fsImpl, wavFd, recordingHeader(writtenBytes), 0);
    lastSyncBytes = writtenBytes;
    const fds = [wavFd, ...(journalDirty && journalFd !== null ? [journalFd] : [])];
    journalDirty = false;
    syncing = Promise.all(
      fds.map(
        (fd) =>
          new Promise<void>((resolve) => {
            fsImpl.fdatasync(fd, (error) => {
              if (error !== null && !closed) fail(error);
              resolve();
            });
          }),
      ),
    ).then(() => {
      syncing = null;
    });
  }

  return {
    paths,
    get recordedMs() {
      return writtenBytes / RECORDING_BYTES_PER_MS;
    },
    get failed() {
      return failed;
    },

    append(agent, customer) {
      if (failed || closed) return;
      const bytes = interleaveStereo(agent, customer);
      pending.push(bytes);
      pendingBytes += bytes.length;
      try {
        if (pendingBytes >= writeEveryBytes) writePending();
        if (writtenBytes - lastSyncBytes >= syncEveryBytes) syncNow();
      } catch (error) {
        fail(error);
      }
    },

    journal(entry) {
      if (failed || closed || journalFd === null) return;
      try {
        writeFully(fsImpl, journalFd, new TextEncoder().encode(journalLine(entry)), null);
        journalDirty = true;
      } catch (error) {
        fail(error);
      }
    },

    async close() {
      if (closed) return;
      try {
        writePending();
      } catch (error) {
        fail(error);
      }
      closed = true;
      await syncing;
      if (wavFd !== null) {
        const fd = wavFd;
        wavFd = null;
        try {
          writeFully(fsImpl, fd, recordingHeader(writtenBytes), 0);
          fsImpl.fdatasyncSync(fd);
        } catch (error) {
          fail(error);
        } finally {
          safely(() => fsImpl.closeSync(fd));
        }
      }
      if (journalFd !== null) {
        const fd = journalFd;
        journalFd = null;
        safely(() => fsImpl.fdatasyncSync(fd));
        safely(() => fsImpl.closeSync(fd));
      }
    },

    discardJournal() {
      safely(() => fsImpl.unlinkSync(paths.journalPath));
      safely(() => fsImpl.unlinkSync(paths.lockPath));
    },

    releaseLock() {
      safely(() => fsImpl.unlinkSync(paths.lockPath));
    },
  };
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // Best effort on a path that is already failing; the first error is the one reported.
  }
}

function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

/** For a recording that could not even start; the call is analysed and stored all the same. */
export function startFailureMessage(error: unknown, folder: string): string {
  return `${whatWentWrong(error, folder, 'started')} This call is not being recorded, but it is still analysed and stored.`;
}

/** One sentence for the agent: what happened, what is kept, that the call goes on. */
export function failureMessage(error: unknown, folder: string, recordedMs: number): string {
  const kept = `Recording stopped at ${formatClock(recordedMs)}; what was recorded until then is kept and the call is still analysed.`;
  return `${whatWentWrong(error, folder, 'written')} ${kept}`;
}

/** The disk's problem in words the agent can act on, the same whether the recording was starting or under way. */
function whatWentWrong(error: unknown, folder: string, failedTo: 'started' | 'written'): string {
  const code = errorCode(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'The disk is full.';
    case 'EACCES':
    case 'EPERM':
      return `Attune may not write to ${folder}.`;
    case 'EROFS':
      return `${folder} is on a read-only disk.`;
    default:
      return `The recording could not be ${failedTo}${code === undefined ? '' : ` (${code})`}.`;
  }
}

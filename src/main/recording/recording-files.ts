// Where a live call's files live: `<key>.wav` (the audio), `<key>.journal.jsonl` (what happened
// besides audio, for recovery) and `<key>.lock` (the recording process's pid), all in the library's
// recordings folder. The key is unique per call and names the stored call's recording.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const JOURNAL_SUFFIX = '.journal.jsonl';
export const LOCK_SUFFIX = '.lock';
export const WAV_SUFFIX = '.wav';
/** Taken by the process recovering a call, so two processes never recover the same one. */
export const RECOVERY_LOCK_SUFFIX = '.recovering';

export interface RecordingPaths {
  key: string;
  wavPath: string;
  journalPath: string;
  lockPath: string;
  recoveryLockPath: string;
}

export function recordingPaths(recordingsDir: string, key: string): RecordingPaths {
  return {
    key,
    wavPath: join(recordingsDir, `${key}${WAV_SUFFIX}`),
    journalPath: join(recordingsDir, `${key}${JOURNAL_SUFFIX}`),
    lockPath: join(recordingsDir, `${key}${LOCK_SUFFIX}`),
    recoveryLockPath: join(recordingsDir, `${key}${RECOVERY_LOCK_SUFFIX}`),
  };
}

/** `call-2026-12-01T10-36-35-123Z-1a2b3c`: sortable by start, safe on every file system, unique. */
export function newRecordingKey(startedAt: Date): string {
  return `call-${startedAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}

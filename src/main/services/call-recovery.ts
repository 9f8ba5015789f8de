// Finds live calls that never finished (the app or `attune live` was killed, the power went) and
// stores them: every recording whose journal is still there and whose recording process is gone is
// repaired, analysed like any imported file, and stored as recovered with the cards and notes its
// journal kept. Runs at every start of the app and of every `attune` command; idempotent, and safe
// against a second process recovering at the same time or a call another process still records.

import { openSync, closeSync, existsSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { NewCall } from '../../shared/calls';
import type { Library } from '../library/library';
import { parseJournal } from '../recording/call-journal';
import { JOURNAL_SUFFIX, isProcessAlive, recordingPaths, type RecordingPaths } from '../recording/recording-files';
import { repairWavFile } from '../recording/wav-repair';
import { CallAlreadyStoredError, hasCallWithRecordingKey, insertCall } from '../store/calls-repository';
import { analyzeCallFile } from './call-file-analysis';

export interface RecoveredCall {
  callId: number;
  recordingPath: string;
}

export interface RecoveryOptions {
  /** Default: a signal-0 probe of the pid. */
  isProcessAlive?: (pid: number) => boolean;
  /** Where a recording that cannot be recovered is reported. Default: console.error. */
  logError?: (message: string, error: unknown) => void;
}

export async function recoverUnfinishedCalls(library: Library, options: RecoveryOptions = {}): Promise<RecoveredCall[]> {
  const alive = options.isProcessAlive ?? isProcessAlive;
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  let names: string[];
  try {
    names = readdirSync(library.recordingsDir);
  } catch {
    return [];
  }
  const recovered: RecoveredCall[] = [];
  for (const name of names.filter((n) => n.endsWith(JOURNAL_SUFFIX)).sort()) {
    const paths = recordingPaths(library.recordingsDir, name.slice(0, -JOURNAL_SUFFIX.length));
    if (ownerAlive(paths.lockPath, alive)) continue;
    if (!claim(paths.recoveryLockPath, alive)) continue;
    try {
      const result = await recoverOne(library, paths);
      if (result !== null) recovered.push(result);
    } catch (error) {
      // Left in place (journal and all) for the next attempt; nothing is deleted on failure.
      logError(`attune: could not recover the unfinished call ${paths.key}`, error);
    } finally {
      removeQuietly(paths.recoveryLockPath);
    }
  }
  return recovered;
}

async function recoverOne(library: Library, paths: RecordingPaths): Promise<RecoveredCall | null> {
  if (hasCallWithRecordingKey(library.db, paths.key)) {
    // Stored before the crash; only the clean-up was missed.
    cleanUp(paths);
    return null;
  }
  const journal = parseJournal(readFileSync(paths.journalPath, 'utf8'));
  if (!existsSync(paths.wavPath)) {
    // Killed before the recording was created: nothing was heard, nothing to store.
    cleanUp(paths);
    return null;
  }
  const repair = repairWavFile(paths.wavPath);
  if (repair.dataBytes === 0) {
    // Killed before the first audio reached the disk: an empty call is not worth a library entry.
    cleanUp(paths);
    removeQuietly(paths.wavPath);
    return null;
  }
  const analysis = await analyzeCallFile(paths.wavPath, { agentChannel: 'left' });
  const { file: _file, ...metrics } = analysis;
  const call: NewCall = {
    recordingKey: paths.key,
    agentName: journal.agentName ?? 'Agent',
    startedAt: journal.startedAt ?? statSync(paths.journalPath).mtime.toISOString(),
    durationMs: metrics.durationMs,
    recordingPath: paths.wavPath,
    metrics,
    cards: journal.cards,
    notes: journal.notes,
    recovered: true,
    source: 'live',
  };
  let callId: number;
  try {
    callId = insertCall(library.db, call);
  } catch (error) {
    if (error instanceof CallAlreadyStoredError) {
      cleanUp(paths);
      return null;
    }
    throw error;
  }
  cleanUp(paths);
  return { callId, recordingPath: paths.wavPath };
}

/** Whether the lock names a process that is still running (and so still recording). */
function ownerAlive(lockPath: string, alive: (pid: number) => boolean): boolean {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch {
    return false;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && alive(pid);
}

/** Takes the recovery claim (exclusive create); a claim left by a dead process is taken over. */
function claim(recoveryLockPath: string, alive: (pid: number) => boolean): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(recoveryLockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return true;
    } catch (error) {
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST')) return false;
      if (ownerAlive(recoveryLockPath, alive)) return false;
      removeQuietly(recoveryLockPath);
    }
  }
  return false;
}

function cleanUp(paths: RecordingPaths): void {
  removeQuietly(paths.journalPath);
  removeQuietly(paths.lockPath);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

// Retention: deletes the calls that started more than N days ago, with their recordings (and peaks) and (by
// cascade) their transcripts, notes, cards and metrics. Call it when the app starts and once a day
// while it runs, and at the start of every `attune` command.
// Only files inside the library's recordings folder are deleted: an imported call's recording that
// lives elsewhere belongs to the user and is left alone. A call whose recording cannot be deleted is
// kept (and reported), so the next run tries again instead of leaving an untracked file behind.

import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Library } from '../library/library';
import { recordingPaths } from '../recording/recording-files';
import { peaksPathFor } from '../replay/call-peaks';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DeletedCall {
  callId: number;
  startedAt: string;
  /** Files deleted from the recordings folder (the recording, a leftover journal). */
  deletedFiles: string[];
}

export interface RetentionFailure {
  callId: number;
  /** One line saying what could not be deleted; the call is kept for the next run. */
  message: string;
}

export interface RetentionResult {
  /** Calls started before this moment were due (ISO 8601); null when retention is off. */
  cutoff: string | null;
  deleted: DeletedCall[];
  failed: RetentionFailure[];
}

interface DueCallRow {
  id: number;
  recording_key: string;
  started_at: string;
  recording_path: string | null;
}

/**
 * Deletes every call that started more than `retentionDays` days before `now` (null: keep all).
 * Returns what it deleted and what it could not.
 */
export function applyRetention(library: Library, retentionDays: number | null, now: Date): RetentionResult {
  if (retentionDays === null) return { cutoff: null, deleted: [], failed: [] };
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new RangeError(`retentionDays must be a whole number of days, at least 1 (got ${retentionDays})`);
  }
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  const { db } = library;
  // started_at is ISO 8601 UTC, so text order is time order.
  const due = db
    .prepare('SELECT id, recording_key, started_at, recording_path FROM calls WHERE started_at < ? ORDER BY started_at, id')
    .all(cutoff) as DueCallRow[];

  const result: RetentionResult = { cutoff, deleted: [], failed: [] };
  const deleteCall = db.prepare('DELETE FROM calls WHERE id = ?');
  // Deleted rows are overwritten in the database file, not only unlinked from its b-trees.
  const secureDeleteBefore = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    for (const call of due) {
      const deletedFiles: string[] = [];
      try {
        for (const file of filesOf(library.recordingsDir, call)) {
          // A file already gone is fine: the user may have deleted the recording by hand.
          if (!existsSync(file)) continue;
          rmSync(file);
          deletedFiles.push(file);
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        result.failed.push({ callId: call.id, message: `could not delete the recording of call ${call.id}: ${reason}` });
        continue;
      }
      deleteCall.run(call.id);
      result.deleted.push({ callId: call.id, startedAt: call.started_at, deletedFiles });
    }
  } finally {
    db.pragma(`secure_delete = ${secureDeleteBefore}`);
  }
  return result;
}

/** The call's recording and leftover journal, when they are inside the recordings folder. */
function filesOf(recordingsDir: string, call: DueCallRow): string[] {
  const paths = recordingPaths(recordingsDir, call.recording_key);
  const recordings = [call.recording_path, paths.wavPath].filter((p): p is string => p !== null);
  // The waveform peaks kept beside a recording (src/main/replay/call-peaks.ts) go with it.
  const candidates = [...recordings, paths.journalPath, ...recordings.map(peaksPathFor)];
  const inside = candidates.filter((p) => isInside(recordingsDir, p)).map((p) => resolve(p));
  return [...new Set(inside)];
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

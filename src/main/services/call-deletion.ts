// Deleting one stored call on request (the library's Delete, after the user confirmed): its files in
// the library's recordings folder (the recording, a leftover journal, the waveform peaks beside the
// recording), then its rows: the call, and by ON DELETE CASCADE its segments, events, cards, notes,
// transcript, transcription state, import row, annotations and outcome. Files are deleted first, and a
// file that cannot be deleted keeps the call (so it can be tried again, and no file is left that the
// library no longer knows of). A recording outside the recordings folder is the user's own file and is
// left alone, as retention does.

import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { DeleteCallResult } from '../../shared/library';
import type { Library } from '../library/library';
import { recordingPaths } from '../recording/recording-files';
import { peaksPathFor } from '../replay/call-peaks';

interface CallFilesRow {
  recording_key: string;
  recording_path: string | null;
}

/** Deletes call `callId` with its files; the outcome says what was deleted, or why nothing was. */
export function deleteCallWithFiles(library: Library, callId: number): DeleteCallResult {
  const { db } = library;
  const call = db.prepare('SELECT recording_key, recording_path FROM calls WHERE id = ?').get(callId) as CallFilesRow | undefined;
  if (call === undefined) return { ok: false, error: `There is no call ${callId} in the library (it may have been deleted already).` };

  const deletedFiles: string[] = [];
  for (const file of callFiles(library.recordingsDir, call)) {
    // A file already gone is fine: the user may have removed the recording by hand.
    if (!existsSync(file)) continue;
    try {
      rmSync(file);
      deletedFiles.push(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
      return { ok: false, error: `Could not delete ${file} (${reason}), so call ${callId} was kept; try again.` };
    }
  }

  // Deleted rows are overwritten in the database file, not only unlinked from its b-trees.
  const secureDeleteBefore = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.prepare('DELETE FROM calls WHERE id = ?').run(callId);
  } finally {
    db.pragma(`secure_delete = ${secureDeleteBefore}`);
  }
  return { ok: true, callId, deletedFiles };
}

/** The call's files that the library owns: inside its recordings folder. */
export function callFiles(recordingsDir: string, call: CallFilesRow): string[] {
  const paths = recordingPaths(recordingsDir, call.recording_key);
  const recording = call.recording_path ?? paths.wavPath;
  // Derived files first and the recording last: if a deletion fails part-way, the call that is kept
  // still has its recording (peaks are computed again when needed).
  const candidates = [peaksPathFor(recording), peaksPathFor(paths.wavPath), paths.journalPath, recording, paths.wavPath];
  const inside = candidates.filter((path) => isInside(recordingsDir, path)).map((path) => resolve(path));
  return [...new Set(inside)];
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

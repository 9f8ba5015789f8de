// What the replay view opens a stored call with: its recording's URL and kept waveform peaks, or a
// plain sentence on why there is no audio (never recorded, file gone, file unreadable). The rest of
// the call (metrics, transcript, annotations) opens either way.

import { isAudioInputError } from '../audio/audio-input-error';
import type { CallReplay } from '../../shared/replay';
import type { SqliteDatabase } from '../store/database';
import { loadRecordingPeaks } from './call-peaks';

type RecordingLookup = { found: false } | { found: true; recordingPath: string | null };

/** The stored call's recording path (null: it was never recorded), or not found. */
export function findCallRecording(db: SqliteDatabase, callId: number): RecordingLookup {
  const row = db.prepare('SELECT recording_path FROM calls WHERE id = ?').get(callId) as { recording_path: string | null } | undefined;
  return row === undefined ? { found: false } : { found: true, recordingPath: row.recording_path };
}

/** The path the recording protocol serves for a call, or null. */
export function recordingPathOfCall(db: SqliteDatabase, callId: number): string | null {
  const lookup = findCallRecording(db, callId);
  return lookup.found ? lookup.recordingPath : null;
}

function isMissingFile(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return true;
  // openWavFile turns ENOENT into an AudioInputError coded 'not-found'.
  return isAudioInputError(error) && error.code === 'not-found';
}

/** null when no call has this id. */
export async function loadCallReplay(
  db: SqliteDatabase,
  callId: number,
  audioUrlOf: (callId: number) => string,
  logError: (message: string, error: unknown) => void = () => {},
): Promise<CallReplay | null> {
  const lookup = findCallRecording(db, callId);
  if (!lookup.found) return null;
  const { recordingPath } = lookup;
  if (recordingPath === null) {
    return { callId, audio: { state: 'missing', reason: 'This call has no recording: nothing could be written to disk during it.' } };
  }
  try {
    const { peaks, durationMs } = await loadRecordingPeaks(recordingPath);
    return {
      callId,
      audio: {
        state: 'available',
        url: audioUrlOf(callId),
        durationMs,
        peaks: {
          peaksPerSecond: peaks.peaksPerSecond,
          count: peaks.agent.length,
          agentBase64: Buffer.from(peaks.agent).toString('base64'),
          customerBase64: Buffer.from(peaks.customer).toString('base64'),
        },
      },
    };
  } catch (error) {
    if (isMissingFile(error)) {
      return { callId, audio: { state: 'missing', reason: `The audio of this call is missing: ${recordingPath} is not there any more.` } };
    }
    logError(`attune: reading the recording of call ${callId} for replay failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return { callId, audio: { state: 'missing', reason: `The audio of this call cannot be played: ${detail}` } };
  }
}

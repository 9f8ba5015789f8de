// Computes and keeps the waveform peaks of calls as they are stored (a live call saved, a call
// recovered, a call imported in the app), one at a time in the background so the replay of a new
// call opens at once. A failure is logged and left to the replay, which computes them on first open.

import type { SqliteDatabase } from '../store/database';
import { storeRecordingPeaks } from './call-peaks';
import { recordingPathOfCall } from './call-replay';

export interface PeaksKeeper {
  /** Queues a stored call; returns at once. Calls without a recording are skipped. */
  keep(callId: number): void;
  /** Resolves when everything queued so far is done (quitting waits for it). */
  idle(): Promise<void>;
}

export function createPeaksKeeper(deps: { db: () => SqliteDatabase; logError: (message: string, error: unknown) => void }): PeaksKeeper {
  let chain: Promise<void> = Promise.resolve();
  return {
    keep(callId) {
      chain = chain.then(async () => {
        let recordingPath: string | null;
        try {
          recordingPath = recordingPathOfCall(deps.db(), callId);
        } catch (error) {
          deps.logError(`attune: looking up the recording of call ${callId} for its waveform failed`, error);
          return;
        }
        if (recordingPath === null) return;
        try {
          await storeRecordingPeaks(recordingPath);
        } catch (error) {
          deps.logError(`attune: computing the waveform of call ${callId} failed (the replay computes it when opened)`, error);
        }
      });
    },
    idle: () => chain,
  };
}

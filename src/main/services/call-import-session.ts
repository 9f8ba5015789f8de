// The app's import: one import at a time over the import service (call-import.ts), with progress pushed
// to the windows as each file starts and ends, and every imported call queued for transcription.
// Electron-free: the composition root and the e2e harness give it the push and the transcriber.

import type { ImportCallsRequest, ImportCallsResult, ImportCallsSummary, ImportFileOutcome, ImportProgress } from '../../shared/call-import';
import type { Library } from '../library/library';
import { DEFAULT_AGENT_NAME, importCallFile, type ImportOutcome } from './call-import';
import { listImportFiles } from './import-file-list';

export interface CallImportSessionDeps {
  library: Library;
  push: (progress: ImportProgress) => void;
  /** A call was imported: transcribe it when a model is present (the background transcriber). */
  enqueueTranscription: (callId: number) => void;
  logError?: (message: string, error: unknown) => void;
}

export interface CallImportSession {
  /** Imports the files and folders; refuses (one line) while another import runs. Never throws for a bad file. */
  run: (request: ImportCallsRequest) => Promise<ImportCallsResult>;
  readonly running: boolean;
}

export const IMPORT_ALREADY_RUNNING = 'An import is already running; wait for it to finish.';

export function createCallImportSession(deps: CallImportSessionDeps): CallImportSession {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  let running = false;
  let lastImportId = 0;

  const push = (progress: ImportProgress): void => {
    try {
      deps.push(progress);
    } catch (error) {
      // A window gone mid-import must not stop the import.
      logError('attune: pushing import progress failed', error);
    }
  };

  const importAll = async (request: ImportCallsRequest): Promise<ImportCallsResult> => {
    const agentName = request.agentName?.trim() || DEFAULT_AGENT_NAME;
    const options = { agentChannel: request.agentChannel ?? 'left', agentName } as const;
    const importId = ++lastImportId;
    const candidates = await listImportFiles(request.paths);
    const total = candidates.length;
    push({ type: 'started', importId, total });
    const outcomes: ImportFileOutcome[] = [];
    const summary: ImportCallsSummary = { imported: 0, duplicates: 0, failed: 0 };
    for (const [index, candidate] of candidates.entries()) {
      push({ type: 'file-started', importId, index, total, path: candidate.path });
      const outcome = toFileOutcome(
        candidate.tag === 'problem' ? { status: 'failed', path: candidate.path, reason: candidate.reason } : await importCallFile(deps.library, candidate.path, options),
      );
      if (outcome.status === 'imported') {
        summary.imported++;
        try {
          deps.enqueueTranscription(outcome.callId);
        } catch (error) {
          // The call is stored; background transcription picks it up at the next start anyway.
          logError(`attune: queueing call ${outcome.callId} for transcription failed`, error);
        }
      } else if (outcome.status === 'duplicate') summary.duplicates++;
      else summary.failed++;
      outcomes.push(outcome);
      push({ type: 'file-done', importId, index, total, outcome });
    }
    push({ type: 'finished', importId, summary });
    return { ok: true, importId, summary, outcomes };
  };

  return {
    get running() {
      return running;
    },
    async run(request) {
      if (running) return { ok: false, error: IMPORT_ALREADY_RUNNING };
      running = true;
      try {
        return await importAll(request);
      } catch (error) {
        logError('attune: the import failed unexpectedly', error);
        return { ok: false, error: 'The import stopped because of an internal error. The details were written to the log.' };
      } finally {
        running = false;
      }
    },
  };
}

/** What the renderer needs of an outcome (no metrics blob, no recording path). */
export function toFileOutcome(outcome: ImportOutcome): ImportFileOutcome {
  switch (outcome.status) {
    case 'imported':
      return {
        status: 'imported',
        path: outcome.path,
        callId: outcome.callId,
        durationMs: outcome.durationMs,
        talkRatio: outcome.metrics.talkRatio,
        interruptions: { agent: outcome.metrics.agent.interruptions, customer: outcome.metrics.customer.interruptions },
        damagedFrames: outcome.damagedFrames,
      };
    case 'duplicate':
      return { status: 'duplicate', path: outcome.path, callId: outcome.callId, reason: outcome.reason };
    case 'failed':
      return { status: 'failed', path: outcome.path, reason: outcome.reason };
    default: {
      const unreachable: never = outcome;
      throw new Error(`unhandled outcome ${JSON.stringify(unreachable)}`);
    }
  }
}

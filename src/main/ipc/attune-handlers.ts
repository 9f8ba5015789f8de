// The contract's handler implementations: turn service outcomes into IPC results.
// Electron-free; the services are injected so main, Node tests and the e2e harness share this code.

import { AudioInputError } from '../audio/audio-input-error';
import type { CallAnalysis } from '../../shared/call-analysis';
import type { AgentChannel, AnalyzeCallFileRequest, AnalyzeCallFileResult, AttuneIpcApi } from '../../shared/ipc-contract';

/** Shown when something other than the recording itself went wrong; details go to the log, not the UI. */
export const UNEXPECTED_ANALYSIS_ERROR =
  'Attune could not analyse this recording because of an internal error. The details were written to the log.';

export interface AttuneServices {
  /** Same signature as `analyzeCallFile` in `src/main/services/call-file-analysis.ts`. */
  analyzeCallFile(path: string, options?: { agentChannel?: AgentChannel }): Promise<CallAnalysis>;
  /** Native open dialog in the app; a test-controlled stub in the e2e harness. */
  chooseCallFile(): Promise<string | null>;
  /** Where unexpected failures are reported. Default: console.error. */
  logError?: (message: string, error: unknown) => void;
}

export function createAttuneHandlers(services: AttuneServices): AttuneIpcApi {
  const logError = services.logError ?? ((message: string, error: unknown) => console.error(message, error));
  return {
    async analyzeCallFile(request: AnalyzeCallFileRequest): Promise<AnalyzeCallFileResult> {
      try {
        const options = request.agentChannel === undefined ? {} : { agentChannel: request.agentChannel };
        const analysis = await services.analyzeCallFile(request.path, options);
        return { ok: true, analysis };
      } catch (error) {
        // A bad recording is the user's to fix, so its message is shown as is; anything else is ours.
        if (error instanceof AudioInputError) return { ok: false, error: error.message };
        logError(`attune: analysing ${request.path} failed unexpectedly`, error);
        return { ok: false, error: UNEXPECTED_ANALYSIS_ERROR };
      }
    },
    chooseCallFile: () => services.chooseCallFile(),
  };
}

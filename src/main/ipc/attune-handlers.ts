// The contract's handler implementations: turn service outcomes into IPC results.
// Electron-free; the services are injected so main, Node tests and the e2e harness share this code.

import { AudioInputError } from '../audio/audio-input-error';
import type { CallAnalysis } from '../../shared/call-analysis';
import type { AgentChannel, AnalyzeCallFileRequest, AnalyzeCallFileResult, AttuneIpcApi, UiPreferences } from '../../shared/ipc-contract';
import type { Library } from '../library/library';
import type { LiveCallService } from '../services/live-call-service';
import { getCall, listCalls } from '../store/calls-repository';
import { loadCoachingSettings, saveCoachingSettings } from '../store/coaching-settings';
import { readPreference, writePreference } from '../store/preferences';
import { uiPreferencesSchema } from './schemas';

/** Shown when something other than the recording itself went wrong; details go to the log, not the UI. */
export const UNEXPECTED_ANALYSIS_ERROR =
  'Attune could not analyse this recording because of an internal error. The details were written to the log.';

/** The preference key UiPreferences are stored under. */
export const UI_PREFERENCES_KEY = 'ui';
export const DEFAULT_UI_PREFERENCES: Readonly<UiPreferences> = Object.freeze({ consentReminderAcknowledged: false });

export interface AttuneServices {
  /** Same signature as `analyzeCallFile` in `src/main/services/call-file-analysis.ts`. */
  analyzeCallFile(path: string, options?: { agentChannel?: AgentChannel }): Promise<CallAnalysis>;
  /** Native open dialog in the app; a test-controlled stub in the e2e harness. */
  chooseCallFile(): Promise<string | null>;
  /** The call library (settings, preferences, stored calls). */
  library: Library;
  /** The live call (`createLiveCallService`). */
  liveCalls: LiveCallService;
  /** Overlay window controls: Electron glue in the app, test doubles in the e2e harness. */
  setOverlayClickThrough(enabled: boolean): void | Promise<void>;
  setOverlayVisible(visible: boolean): void | Promise<void>;
  returnFocus(): void | Promise<void>;
  /** A card dismissed by a click: tell the live session and clear it in every window. */
  dismissCard(): void | Promise<void>;
  /** Where unexpected failures are reported. Default: console.error. */
  logError?: (message: string, error: unknown) => void;
}

export function createAttuneHandlers(services: AttuneServices): AttuneIpcApi {
  const logError = services.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const { library, liveCalls } = services;
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

    startLiveCall: (request) => liveCalls.startLiveCall(request),
    stopLiveCall: () => liveCalls.stopLiveCall(),
    reportCaptureProblem: (report) => liveCalls.reportCaptureProblem(report),
    addLiveNote: (request) => liveCalls.addLiveNote(request),
    getLiveStatus: () => liveCalls.getLiveStatus(),

    getCoachingSettings: () => Promise.resolve(loadCoachingSettings(library.db)),
    setCoachingSettings(settings) {
      saveCoachingSettings(library.db, settings);
      liveCalls.updateCoachingSettings(settings);
      return Promise.resolve(settings);
    },
    getUiPreferences: () => Promise.resolve(readPreference(library.db, UI_PREFERENCES_KEY, uiPreferencesSchema) ?? { ...DEFAULT_UI_PREFERENCES }),
    setUiPreferences(preferences) {
      writePreference(library.db, UI_PREFERENCES_KEY, preferences);
      return Promise.resolve(preferences);
    },
    listCalls: () => Promise.resolve(listCalls(library.db)),
    getCall: (id) => Promise.resolve(getCall(library.db, id)),

    setOverlayClickThrough: async (enabled) => {
      await services.setOverlayClickThrough(enabled);
    },
    setOverlayVisible: async (visible) => {
      await services.setOverlayVisible(visible);
    },
    returnFocus: async () => {
      await services.returnFocus();
    },
    dismissCard: async () => {
      await services.dismissCard();
    },
  };
}

// The contract's handler implementations: turn service outcomes into IPC results.
// Electron-free; the services are injected so main, Node tests and the e2e harness share this code.

import { AudioInputError } from '../audio/audio-input-error';
import type { CallAnalysis } from '../../shared/call-analysis';
import type { AgentChannel, AnalyzeCallFileRequest, AnalyzeCallFileResult, AttuneIpcApi, UiPreferences } from '../../shared/ipc-contract';
import type { PrivacySettings } from '../../shared/transcript';
import type { ModelActionResult, SpeechModelsStatus } from '../../shared/transcription';
import type { Library } from '../library/library';
import { loadPrivacySettings, savePrivacySettings } from '../privacy/privacy-settings';
import type { CallImportSession } from '../services/call-import-session';
import { createAnnotationService } from '../services/annotation-service';
import type { LiveCallService } from '../services/live-call-service';
import { createOutcomesService } from '../services/outcomes-service';
import { getCall, listCalls } from '../store/calls-repository';
import { queryCalls } from '../store/calls-query';
import { deleteCallWithFiles } from '../services/call-deletion';
import { searchLibrary } from '../services/library-search';
import { defaultLibraryCsvFileName, writeLibraryCsv } from '../services/library-csv-export';
import { loadCoachingSettings, saveCoachingSettings } from '../store/coaching-settings';
import { readPreference, writePreference } from '../store/preferences';
import { loadCallReplay } from '../replay/call-replay';
import { recordingUrl } from '../replay/recording-protocol';
import { loadCallTranscript, type CallTranscriptionState } from '../transcription/call-transcript';
import { defaultReportFileName, loadCallReportData, writeCallReport, type PrintHtmlToPdf } from '../export/call-report-export';
import type { CallReportFormat } from '../../shared/report-export';
import { uiPreferencesSchema } from './schemas';

/** Shown when something other than the recording itself went wrong; details go to the log, not the UI. */
export const UNEXPECTED_ANALYSIS_ERROR =
  'Attune could not analyse this recording because of an internal error. The details were written to the log.';

/** The preference key UiPreferences are stored under. */
export const UI_PREFERENCES_KEY = 'ui';
export const DEFAULT_UI_PREFERENCES: Readonly<UiPreferences> = Object.freeze({ consentReminderAcknowledged: false });

/** What the handlers ask of the speech model service (src/main/models/speech-model-service.ts). */
export interface SpeechModelCommands {
  select(modelId: string | null): Promise<{ ok: true } | { ok: false; error: string }>;
  download(modelId: string): Promise<{ ok: true; modelId: string } | { ok: false; error: string }>;
  cancelDownload(): void;
  importFrom(path: string): Promise<{ ok: true; modelId: string } | { ok: false; error: string }>;
}

/** Speech models and transcription as the handlers need them (src/main/transcription/transcription-runtime.ts). */
export interface TranscriptionServices {
  models: SpeechModelCommands;
  /** Models, selection, download, recognizer state and background progress, read now. */
  status(): Promise<SpeechModelsStatus>;
  /**
   * A model was selected, downloaded or imported: the recognizers (re)load the selected model and
   * background transcription resumes. Returns at once; the state changes are pushed.
   */
  modelChanged(): void;
  /** Where transcription of a stored call stands (the background transcriber). */
  callState: CallTranscriptionState;
}

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
  /** Speech models, the recognizers and stored calls' transcription state. */
  transcription: TranscriptionServices;
  /** Native folder/archive dialog for a speech model in the app; a test-controlled stub in the e2e harness. */
  chooseSpeechModelSource(kind: 'folder' | 'archive'): Promise<string | null>;
  /** Native dialog for calls to import in the app; a test-controlled stub in the e2e harness. */
  chooseImportSources(kind: 'files' | 'folder'): Promise<string[] | null>;
  /** Imports recorded calls, one import at a time, pushing progress (`createCallImportSession`). */
  callImports: CallImportSession;
  /** Native dialog for an outcomes CSV in the app; a test-controlled stub in the e2e harness. */
  chooseOutcomesCsv(): Promise<string | null>;
  /** Told after the privacy settings were saved (a shortened retention is applied at once). */
  privacySettingsChanged(previous: PrivacySettings, next: PrivacySettings): void;
  /** Where the main window plays a stored call's recording. Default: the app's attune-recording: URL. */
  replayAudioUrl?: (callId: number) => string;
  /** Save dialog for an exported call report in the app; a test-chosen path in the e2e harness. Null: cancelled. */
  chooseReportPath?(defaultFileName: string, format: CallReportFormat): Promise<string | null>;
  /** Save dialog for the library CSV in the app; a test-chosen path in the e2e harness. Null: cancelled. */
  chooseLibraryCsvPath?(defaultFileName: string): Promise<string | null>;
  /** Electron's printToPDF in the app; without it a PDF export fails in one sentence (HTML still works). */
  printReportToPdf?: PrintHtmlToPdf;
  /** Where unexpected failures are reported. Default: console.error. */
  logError?: (message: string, error: unknown) => void;
}

export function createAttuneHandlers(services: AttuneServices): AttuneIpcApi {
  const logError = services.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const { library, liveCalls, transcription } = services;
  const annotations = createAnnotationService({ db: library.db });
  const outcomes = createOutcomesService({ db: library.db, logError });

  /** The outcome of a model action: on success the new status (after the recognizers were told). */
  const afterModelAction = async (result: { ok: true } | { ok: false; error: string }): Promise<ModelActionResult> => {
    if (!result.ok) return { ok: false, error: result.error };
    transcription.modelChanged();
    return { ok: true, status: await transcription.status() };
  };

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

    getSpeechModels: () => transcription.status(),
    downloadSpeechModel: async (modelId) => afterModelAction(await transcription.models.download(modelId)),
    cancelSpeechModelDownload: () => {
      transcription.models.cancelDownload();
      return Promise.resolve();
    },
    chooseSpeechModelSource: (kind) => services.chooseSpeechModelSource(kind),
    importSpeechModel: async (path) => afterModelAction(await transcription.models.importFrom(path)),
    selectSpeechModel: async (modelId) => afterModelAction(await transcription.models.select(modelId)),

    getPrivacySettings: () => Promise.resolve(loadPrivacySettings(library.db)),
    setPrivacySettings(settings) {
      const previous = loadPrivacySettings(library.db);
      savePrivacySettings(library.db, settings);
      services.privacySettingsChanged(previous, settings);
      return Promise.resolve(settings);
    },
    getCallTranscript: (callId) => Promise.resolve(loadCallTranscript(library.db, callId, transcription.callState)),
    async exportCallReport(callId, format) {
      const data = loadCallReportData(library.db, callId, transcription.callState);
      if (data === null) return { outcome: 'failed', error: `There is no call ${callId} in the library (it may have been deleted).` };
      if (services.chooseReportPath === undefined) return { outcome: 'failed', error: 'Exporting needs a save dialog, which this window does not have.' };
      const path = await services.chooseReportPath(defaultReportFileName(data, format), format);
      if (path === null) return { outcome: 'cancelled' };
      try {
        const deps = { db: library.db, transcriptionState: transcription.callState, ...(services.printReportToPdf ? { printToPdf: services.printReportToPdf } : {}) };
        const result = await writeCallReport(deps, callId, format, path);
        return result.ok ? { outcome: 'written', path: result.path } : { outcome: 'failed', error: result.error };
      } catch (error) {
        logError(`attune: exporting call ${callId} as ${format} failed unexpectedly`, error);
        return { outcome: 'failed', error: 'Attune could not make the report because of an internal error. The details were written to the log.' };
      }
    },
    getCallReplay: (callId) => loadCallReplay(library.db, callId, services.replayAudioUrl ?? recordingUrl, logError),

    listAnnotations: (callId) => Promise.resolve(annotations.list(callId)),
    addAnnotation: (request) => Promise.resolve(annotations.add(request)),
    updateAnnotation: (request) => Promise.resolve(annotations.update(request)),
    deleteAnnotation: (annotationId) => Promise.resolve(annotations.remove(annotationId)),
    getAnnotationTags: () => Promise.resolve(annotations.tags()),
    setAnnotationTags: (tags) => Promise.resolve(annotations.setTags(tags)),
    getAnnotationAuthor: () => Promise.resolve(annotations.author()),
    setAnnotationAuthor: (name) => Promise.resolve(annotations.setAuthor(name)),

    chooseImportSources: (kind) => services.chooseImportSources(kind),
    importCalls: (request) => services.callImports.run(request),

    getCallOutcome: (callId) => Promise.resolve(outcomes.get(callId)),
    setCallOutcome: (callId, outcome) => Promise.resolve(outcomes.set(callId, outcome)),
    getCustomerHistory: (callId) => Promise.resolve(outcomes.customerHistory(callId)),
    chooseOutcomesCsv: () => services.chooseOutcomesCsv(),
    importOutcomesCsv: (path) => outcomes.importCsv(path),
    getTrends: (query) => Promise.resolve(outcomes.trends(query)),

    queryCalls: (query) => Promise.resolve(queryCalls(library.db, query)),
    searchLibrary: (request) => Promise.resolve(searchLibrary(library.db, request)),
    deleteCall: (callId) => Promise.resolve(deleteCallWithFiles(library, callId)),
    async exportLibraryCsv(query) {
      if (services.chooseLibraryCsvPath === undefined) return { status: 'failed', error: 'Exporting needs a save dialog, which this window does not have.' };
      const path = await services.chooseLibraryCsvPath(defaultLibraryCsvFileName(new Date()));
      if (path === null) return { status: 'cancelled' };
      return writeLibraryCsv(library.db, query, path);
    },
  };
}

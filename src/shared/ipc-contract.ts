// The one IPC contract between renderer and main: method names, payload/result types and channel names.
// Preload, main-side registration and the e2e harness are all derived from this file, so a method
// added here shows up everywhere (or fails to type-check) instead of drifting between processes.

import type {
  CallQuery,
  CallQueryResult,
  DeleteCallResult,
  ExportLibraryCsvResult,
  LibrarySearchRequest,
  LibrarySearchResult,
} from './library';
import type {
  Annotation,
  AnnotationAuthor,
  AnnotationDeleteResult,
  AnnotationResult,
  AnnotationUpdateRequest,
  NewAnnotationRequest,
} from './annotations';
import type { CallAnalysis } from './call-analysis';
import type { CallReportFormat, ExportCallReportResult } from './report-export';
import type { ImportCallsRequest, ImportCallsResult, ImportProgress } from './call-import';
import type { CallSummaryRow, StoredCall } from './calls';
import type { CaptureChannel, CaptureProblemKind, CoachingSettings, LiveUpdate } from './live';
import type {
  CallOutcome,
  CallOutcomeRecord,
  CustomerHistory,
  OutcomesImportResult,
  SetCallOutcomeResult,
  TrendsQuery,
  TrendsReport,
} from './outcomes';
import type { PrivacySettings } from './transcript';
import type { CallReplay } from './replay';
import type { CallTranscript, ModelActionResult, SpeechModelsStatus, TranscriptionUpdate } from './transcription';

export type AgentChannel = 'left' | 'right';

export interface AnalyzeCallFileRequest {
  /** Absolute path of a two-channel WAV file on this machine. */
  path: string;
  /** Which stereo channel carries the agent's microphone. Default 'left'. */
  agentChannel?: AgentChannel;
}

/** `error` is a single user-facing sentence, never a stack trace. */
export type AnalyzeCallFileResult = { ok: true; analysis: CallAnalysis } | { ok: false; error: string };

export interface StartLiveCallRequest {
  /** Shown in the library; empty means "Agent". */
  agentName: string;
}

export type StartLiveCallResult = { ok: true; startedAt: string; recordingPath: string | null } | { ok: false; error: string };
export type StopLiveCallResult = { ok: true; callId: number } | { ok: false; error: string };

export interface CaptureProblemReport {
  /** The channel affected; null when the whole capture is (e.g. the audio engine failed). */
  channel: CaptureChannel | null;
  problem: CaptureProblemKind;
  /** One user-facing sentence; main shows it in every window. */
  message: string;
}

export interface LiveNoteRequest {
  /** One line; empty marks the moment only. */
  text: string;
  /** Audio time of the mark; default: now (the audio received so far). */
  atMs?: number;
}

/** Where the call is right now, for a window that opens mid-call. */
export type LiveStatus =
  | { state: 'idle' }
  | { state: 'live'; startedAt: string; agentName: string; lastSnapshot: LiveUpdate | null; recordingPath: string | null };

/** Small persisted UI facts. */
export interface UiPreferences {
  /** The one-time reminder that recording a call may need everyone's consent was acknowledged. */
  consentReminderAcknowledged: boolean;
  /** The Live view's one-time offer to download or import a speech model was dismissed (absent: not yet). */
  speechModelOfferDismissed?: boolean;
}

/** Shortcut-driven or tray-driven commands main sends to the windows. */
export type AppCommand = 'start-call' | 'stop-call' | 'open-note' | 'dismiss-card' | 'toggle-click-through';

/**
 * Invoke-style methods the renderer may call in main. Every method returns a Promise because each
 * one crosses a process boundary (`ipcRenderer.invoke` / `ipcMain.handle`).
 */
export interface AttuneIpcApi {
  /** Decodes and analyses a call recording. Bad files resolve `{ ok: false }`; malformed requests reject. */
  analyzeCallFile(request: AnalyzeCallFileRequest): Promise<AnalyzeCallFileResult>;
  /** Shows the native open dialog filtered to WAV files; null when the user cancels. */
  chooseCallFile(): Promise<string | null>;

  /** Starts a live call: main opens the recording and the analyzer; frames then flow on the frame port. */
  startLiveCall(request: StartLiveCallRequest): Promise<StartLiveCallResult>;
  /** Stops the live call: finishes the recording and stores the call. */
  stopLiveCall(): Promise<StopLiveCallResult>;
  /** The capture side reports a problem (permission denied, track ended, …); main tells every window. */
  reportCaptureProblem(report: CaptureProblemReport): Promise<void>;
  /** Marks the current moment of the live call, with an optional note. */
  addLiveNote(request: LiveNoteRequest): Promise<{ ok: true; atMs: number } | { ok: false; error: string }>;
  getLiveStatus(): Promise<LiveStatus>;
  getCoachingSettings(): Promise<CoachingSettings>;
  /** Validated and persisted; a running call picks the new settings up at once. */
  setCoachingSettings(settings: CoachingSettings): Promise<CoachingSettings>;
  getUiPreferences(): Promise<UiPreferences>;
  setUiPreferences(preferences: UiPreferences): Promise<UiPreferences>;
  /** The stored calls, newest first. */
  listCalls(): Promise<CallSummaryRow[]>;
  /** One stored call, whole (metrics, cards shown, notes); null when no call has this id (e.g. deleted). */
  getCall(id: number): Promise<StoredCall | null>;
  /** Overlay only: lets mouse clicks pass through the overlay to the app below (or not). */
  setOverlayClickThrough(enabled: boolean): Promise<void>;
  /** Overlay only: shows or hides the overlay window. */
  setOverlayVisible(visible: boolean): Promise<void>;
  /** Overlay only: gives focus back to the app the agent was using (after a note). */
  returnFocus(): Promise<void>;
  /** The agent dismissed the card (a click in either window): the coach and every window hear of it. */
  dismissCard(): Promise<void>;

  /** Speech models offered and installed, the download in progress, the recognizer and background state. */
  getSpeechModels(): Promise<SpeechModelsStatus>;
  /**
   * Downloads a manifest model into the library (resumable, checksum verified, unpacked), then selects it
   * if none is selected. Resolves when it is installed, failed or was cancelled; progress is pushed.
   */
  downloadSpeechModel(modelId: string): Promise<ModelActionResult>;
  /** Stops the download in progress (what was received is kept, so it resumes later). */
  cancelSpeechModelDownload(): Promise<void>;
  /** Native dialog for a model the user already has: a folder, or a .zip / .tar.gz archive; null if cancelled. */
  chooseSpeechModelSource(kind: 'folder' | 'archive'): Promise<string | null>;
  /** Installs a model folder or archive from this path into the library, then selects it if none is. */
  importSpeechModel(path: string): Promise<ModelActionResult>;
  /** The model the recognizer uses (null: transcription off); the recognizer restarts with it. */
  selectSpeechModel(modelId: string | null): Promise<ModelActionResult>;
  getPrivacySettings(): Promise<PrivacySettings>;
  /** Validated and persisted; a shorter retention is applied at once. */
  setPrivacySettings(settings: PrivacySettings): Promise<PrivacySettings>;
  /** A stored call's transcript with its cues and scorecard; null when no call has this id. */
  getCallTranscript(callId: number): Promise<CallTranscript | null>;
  /**
   * Writes a stored call's report (metrics, targets, scorecard, timeline, annotations, transcript) as a
   * self-contained HTML file or a PDF, to a path the user picks in a save dialog.
   */
  exportCallReport(callId: number, format: CallReportFormat): Promise<ExportCallReportResult>;
  /**
   * What the replay opens a stored call with: its recording's URL and kept waveform peaks (computed
   * now for an older call), or why its audio is missing; null when no call has this id.
   */
  getCallReplay(callId: number): Promise<CallReplay | null>;

  /** A stored call's annotations in time order; [] when it has none (or no call has this id). */
  listAnnotations(callId: number): Promise<Annotation[]>;
  /** Adds an annotation at a moment or over a range, written by the annotation author (see below). */
  addAnnotation(request: NewAnnotationRequest): Promise<AnnotationResult>;
  /** Replaces an annotation's place, text and tags (its author and creation time stay). */
  updateAnnotation(request: AnnotationUpdateRequest): Promise<AnnotationResult>;
  deleteAnnotation(annotationId: number): Promise<AnnotationDeleteResult>;
  /** The tags the annotation form offers (DEFAULT_ANNOTATION_TAGS until edited). */
  getAnnotationTags(): Promise<string[]>;
  /** Replaces the offered tags (normalised: trimmed, no duplicates ignoring case); returns them as stored. */
  setAnnotationTags(tags: string[]): Promise<string[]>;
  /** The name new annotations are written by: set in Settings, else the OS user name. */
  getAnnotationAuthor(): Promise<AnnotationAuthor>;
  /** Sets that name; an empty one goes back to the OS user name. */
  setAnnotationAuthor(name: string): Promise<AnnotationAuthor>;

  /** Native dialog for recorded calls to import: several files, or folders; null when cancelled. */
  chooseImportSources(kind: 'files' | 'folder'): Promise<string[] | null>;
  /**
   * Imports files and folders into the library (progress pushed on IMPORT_PROGRESS_CHANNEL), queueing
   * each imported call for transcription. Bad files are outcomes, not errors; `{ ok: false }` only when
   * another import is running or something unexpected stopped it.
   */
  importCalls(request: ImportCallsRequest): Promise<ImportCallsResult>;

  /** A stored call's outcome (all fields null when none was entered); null when no call has this id. */
  getCallOutcome(callId: number): Promise<CallOutcomeRecord | null>;
  /** Replaces a call's outcome (all null clears it); `{ ok: false }` when the call is gone. */
  setCallOutcome(callId: number, outcome: CallOutcome): Promise<SetCallOutcomeResult>;
  /** The same customer's other calls (by name or account), newest first; null when no call has this id. */
  getCustomerHistory(callId: number): Promise<CustomerHistory | null>;
  /** Native dialog for an outcomes CSV; null when cancelled. */
  chooseOutcomesCsv(): Promise<string | null>;
  /** Outcomes from a CSV matched to stored calls by agent and start time; a file that can't be used is `{ ok: false }`. */
  importOutcomesCsv(path: string): Promise<OutcomesImportResult>;
  /** Per-agent weekly trends and how listening relates to outcomes, over the calls the query covers. */
  getTrends(query: TrendsQuery): Promise<TrendsReport>;

  /** One page of the library: filters, sort (any column, both ways) and paging, with the total and the agents. */
  queryCalls(query: CallQuery): Promise<CallQueryResult>;
  /** Full-text search over transcripts and annotations: hits with snippets and the moment to open. */
  searchLibrary(request: LibrarySearchRequest): Promise<LibrarySearchResult>;
  /** Deletes a call (after the renderer's confirmation) with its recording, transcript and annotations. */
  deleteCall(callId: number): Promise<DeleteCallResult>;
  /** Saves the calls matching the query (paging ignored) as CSV where the user chooses (save dialog). */
  exportLibraryCsv(query: CallQuery): Promise<ExportLibraryCsvResult>;
}

export type AttuneIpcMethod = keyof AttuneIpcApi;
export type AttuneIpcArgs<M extends AttuneIpcMethod> = Parameters<AttuneIpcApi[M]>;
export type AttuneIpcResult<M extends AttuneIpcMethod> = Awaited<ReturnType<AttuneIpcApi[M]>>;

/**
 * The single list of IPC method names. The object-keyed form makes the compiler reject a list that
 * misses or invents a method, which a plain array literal would not.
 */
const METHOD_PRESENCE: { readonly [M in AttuneIpcMethod]: true } = {
  analyzeCallFile: true,
  chooseCallFile: true,
  startLiveCall: true,
  stopLiveCall: true,
  reportCaptureProblem: true,
  addLiveNote: true,
  getLiveStatus: true,
  getCoachingSettings: true,
  setCoachingSettings: true,
  getUiPreferences: true,
  setUiPreferences: true,
  listCalls: true,
  getCall: true,
  setOverlayClickThrough: true,
  setOverlayVisible: true,
  returnFocus: true,
  dismissCard: true,
  getSpeechModels: true,
  downloadSpeechModel: true,
  cancelSpeechModelDownload: true,
  chooseSpeechModelSource: true,
  importSpeechModel: true,
  selectSpeechModel: true,
  getPrivacySettings: true,
  setPrivacySettings: true,
  getCallTranscript: true,
  exportCallReport: true,
  getCallReplay: true,
  listAnnotations: true,
  addAnnotation: true,
  updateAnnotation: true,
  deleteAnnotation: true,
  getAnnotationTags: true,
  setAnnotationTags: true,
  getAnnotationAuthor: true,
  setAnnotationAuthor: true,
  chooseImportSources: true,
  importCalls: true,
  getCallOutcome: true,
  setCallOutcome: true,
  getCustomerHistory: true,
  chooseOutcomesCsv: true,
  importOutcomesCsv: true,
  getTrends: true,
  queryCalls: true,
  searchLibrary: true,
  deleteCall: true,
  exportLibraryCsv: true,
};
export const ATTUNE_IPC_METHODS: readonly AttuneIpcMethod[] = Object.freeze(
  Object.keys(METHOD_PRESENCE) as AttuneIpcMethod[],
);

export const ATTUNE_CHANNEL_PREFIX = 'attune:';
export type AttuneIpcChannel<M extends AttuneIpcMethod = AttuneIpcMethod> = `${typeof ATTUNE_CHANNEL_PREFIX}${M}`;

export function channelForMethod<M extends AttuneIpcMethod>(method: M): AttuneIpcChannel<M> {
  return `${ATTUNE_CHANNEL_PREFIX}${method}`;
}

export function isAttuneIpcMethod(name: string): name is AttuneIpcMethod {
  return Object.prototype.hasOwnProperty.call(METHOD_PRESENCE, name);
}

/** Helpers that run in the preload itself (no IPC round trip). */
export interface AttuneLocalHelpers {
  /**
   * Absolute path of a file dropped onto the window. Electron ≥ 32 removed `File.path`;
   * the preload answers this with `webUtils.getPathForFile`.
   */
  pathForDroppedFile(file: File): string;
  /**
   * Opens the frame port to main for the call about to start. Frames are posted on the returned port
   * as ArrayBuffers laid out as in `src/shared/live.ts` (FRAME_BLOCK_*), with the buffer transferred.
   * The preload creates the channel and hands main the other end (`ipcRenderer.postMessage`).
   */
  openFramePort(): Promise<MessagePort>;
  /** Subscribes to main's live updates; returns the unsubscribe function. */
  onLiveUpdate(listener: (update: LiveUpdate) => void): () => void;
  /** Subscribes to commands from global shortcuts and the tray; returns the unsubscribe function. */
  onAppCommand(listener: (command: AppCommand) => void): () => void;
  /** Subscribes to speech-model status and live captions; returns the unsubscribe function. */
  onTranscriptionUpdate(listener: (update: TranscriptionUpdate) => void): () => void;
  /** Subscribes to the progress of an import (IMPORT_PROGRESS_CHANNEL); returns the unsubscribe function. */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void;
}

/** Push channels main → windows (not invoke methods). */
export const LIVE_UPDATE_CHANNEL = 'attune:live-update';
export const APP_COMMAND_CHANNEL = 'attune:app-command';
export const TRANSCRIPTION_UPDATE_CHANNEL = 'attune:transcription-update';
/** Renderer → main, carrying the frame port (ipcRenderer.postMessage with one transferred port). */
export const FRAME_PORT_CHANNEL = 'attune:frame-port';

/** What the renderer sees as `window.attune`. */
export type AttuneBridge = AttuneIpcApi & AttuneLocalHelpers;

/** Sends one IPC call; the preload backs it with `ipcRenderer.invoke`, the e2e harness with Playwright bindings. */
export type InvokeChannel = (channel: AttuneIpcChannel, args: readonly unknown[]) => Promise<unknown>;

/**
 * Builds the IPC half of `window.attune` from the method list: each method forwards its arguments
 * unchanged to `attune:<method>`. Main validates them, so nothing here trusts the caller.
 */
export function createIpcClient(invoke: InvokeChannel): AttuneIpcApi {
  const client: Partial<Record<AttuneIpcMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of ATTUNE_IPC_METHODS) {
    client[method] = (...args: unknown[]) => invoke(channelForMethod(method), args);
  }
  // The loop above filled every key of the contract; the result types are enforced by main's handlers.
  return client as AttuneIpcApi;
}

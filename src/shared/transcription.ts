// Speech models and transcription as the windows see them: which Vosk models are offered and installed,
// a download in progress, whether the recognizer is running, background transcription of stored calls,
// live captions, and a stored call's transcript with its cues and scorecard. Types only, shared by main
// (src/main/models, src/main/transcription), the IPC contract and the renderer.

import type { Scorecard } from './scorecard';
import type { TranscriptChannel, TranscriptCue, TranscriptWord } from './transcript';

/** One speech model: offered by models/manifest.json, installed in the library folder, or both. */
export interface SpeechModelInfo {
  /** Folder name under <library>/models/. */
  id: string;
  /** For people, e.g. "English (small, fast)"; an imported model not in the manifest shows its id. */
  name: string;
  language: string | null;
  /** Listed in models/manifest.json, so it can be downloaded. */
  downloadable: boolean;
  /** Download size for people (MB); null for a model that is not in the manifest. */
  approxSizeMb: number | null;
  /** The manifest has a sha256 for its archive, so a download of it is verified. */
  checksumKnown: boolean;
  /** ready: complete and loadable; partial: a folder is there but unusable (see problem). */
  state: 'not-installed' | 'ready' | 'partial';
  /** Why a partial model cannot be used, one sentence; null otherwise. */
  problem: string | null;
}

/** A model download (or archive import) in progress. */
export interface ModelDownloadProgress {
  modelId: string;
  phase: 'downloading' | 'verifying' | 'unpacking';
  receivedBytes: number;
  /** null while the size is unknown. */
  totalBytes: number | null;
}

/** Whether speech is being recognized, and if not, why not. Timing metrics never depend on it. */
export type TranscriptionState =
  /** No model chosen or installed: the app works fully, without transcripts. */
  | { state: 'off'; reason: string }
  | { state: 'loading'; modelId: string }
  | { state: 'ready'; modelId: string }
  /** The model could not be loaded (missing, partial, corrupt, or the recognizer failed). */
  | { state: 'failed'; modelId: string; message: string };

/** Stored calls (recovered, imported) being transcribed in the background. */
export interface BackgroundTranscriptionProgress {
  /** Calls waiting, not counting the current one. */
  queuedCalls: number;
  /** The call being transcribed now and how far it is (0–1). */
  current: { callId: number; fraction: number } | null;
  /** Waits while a live call runs (it needs the processor), or while no model is ready. */
  paused: boolean;
}

/** Everything the Settings view shows about speech models, in one answer. */
export interface SpeechModelsStatus {
  models: SpeechModelInfo[];
  /** The model the recognizer uses; null when none is chosen. */
  selectedModelId: string | null;
  download: ModelDownloadProgress | null;
  transcription: TranscriptionState;
  background: BackgroundTranscriptionProgress;
}

export type ModelActionResult = { ok: true; status: SpeechModelsStatus } | { ok: false; error: string };

/** Pushed by main to the windows on the transcription channel. */
export type TranscriptionUpdate =
  /** Models, download progress, recognizer state or background progress changed. */
  | { type: 'status'; status: SpeechModelsStatus }
  /** The live call's caption line: the words in progress on one channel ('' clears it). */
  | { type: 'caption'; channel: TranscriptChannel; text: string; final: boolean };

/** A stored call's transcript as its report shows it. */
export interface CallTranscript {
  callId: number;
  /**
   * none: never transcribed (no model when it was recorded); queued / running: background
   * transcription will fill it; done; failed (with why).
   */
  state: 'none' | 'queued' | 'running' | 'done' | 'failed';
  problem: string | null;
  words: TranscriptWord[];
  cues: TranscriptCue[];
  /** Built from the words, the cues and the call's timing metrics; null without words. */
  scorecard: Scorecard | null;
}

// What the windows say about speech models and transcription, one sentence each: download progress in
// MB and percent, the recognizer's state, background transcription, and why a stored call has no
// transcript. Pure, so the Settings view, the Live view and the tests read the same words.

import type { BackgroundTranscriptionProgress, CallTranscript, ModelDownloadProgress, SpeechModelInfo, TranscriptionState } from '../../../shared/transcription';
import { assertNever } from './assert-never';

const BYTES_PER_MB = 1_000_000;

/** `12_345_678` → `12.3 MB`; whole MB from 100 MB up. */
export function formatMegabytes(bytes: number): string {
  return `${megabytes(bytes)} MB`;
}

function megabytes(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  return mb >= 100 ? String(Math.round(mb)) : (Math.round(mb * 10) / 10).toFixed(1);
}

/** 0–100, or null while the size is unknown. */
export function downloadPercent(progress: ModelDownloadProgress): number | null {
  if (progress.totalBytes === null || progress.totalBytes <= 0) return null;
  return Math.min(100, Math.floor((progress.receivedBytes / progress.totalBytes) * 100));
}

/** `Downloading: 12.3 of 41.2 MB (29%)`, `Checking the download…`, `Unpacking…`. */
export function downloadProgressText(progress: ModelDownloadProgress): string {
  switch (progress.phase) {
    case 'downloading': {
      const percent = downloadPercent(progress);
      return progress.totalBytes === null || percent === null
        ? `Downloading: ${formatMegabytes(progress.receivedBytes)} so far`
        : `Downloading: ${megabytes(progress.receivedBytes)} of ${formatMegabytes(progress.totalBytes)} (${percent}%)`;
    }
    case 'verifying':
      return 'Checking the download against its checksum…';
    case 'unpacking':
      return 'Unpacking the model into the library folder…';
    default:
      return assertNever(progress.phase);
  }
}

/** The name people know a model by; an id that is no longer listed is shown as is. */
export function modelName(models: readonly SpeechModelInfo[], modelId: string): string {
  return models.find((model) => model.id === modelId)?.name ?? modelId;
}

/** The smallest downloadable English model: what the first-run offer proposes. */
export function smallEnglishModel(models: readonly SpeechModelInfo[]): SpeechModelInfo | null {
  const candidates = models.filter((model) => model.downloadable && (model.language ?? '').toLowerCase().startsWith('en'));
  return candidates.reduce<SpeechModelInfo | null>(
    (best, model) => (best === null || (model.approxSizeMb ?? Infinity) < (best.approxSizeMb ?? Infinity) ? model : best),
    null,
  );
}

export type IndicatorTone = 'ok' | 'muted' | 'busy' | 'problem';

/** The Live view's small indicator: what happens to speech right now. */
export function transcriptionIndicator(state: TranscriptionState, models: readonly SpeechModelInfo[], callLive: boolean): { text: string; tone: IndicatorTone } {
  switch (state.state) {
    case 'off':
      return { text: 'No speech model — timing only', tone: 'muted' };
    case 'loading':
      return { text: `Loading the speech model (${modelName(models, state.modelId)})…`, tone: 'busy' };
    case 'ready':
      return callLive ? { text: 'Transcribing', tone: 'ok' } : { text: `Speech model ready (${modelName(models, state.modelId)})`, tone: 'ok' };
    case 'failed':
      return { text: `Speech model failed: ${state.message}`, tone: 'problem' };
    default:
      return assertNever(state);
  }
}

/** The Settings view's line about the recognizer. */
export function recognizerStateText(state: TranscriptionState, models: readonly SpeechModelInfo[]): string {
  switch (state.state) {
    case 'off':
      return `Transcription is off. ${state.reason}`;
    case 'loading':
      return `Loading ${modelName(models, state.modelId)}…`;
    case 'ready':
      return `Transcribing with ${modelName(models, state.modelId)}.`;
    case 'failed':
      // The message names the model already.
      return `Not transcribing. ${state.message}`;
    default:
      return assertNever(state);
  }
}

/**
 * `Transcribing stored call 12 (40%); 2 calls waiting.`, or why it waits; null when there is nothing to do.
 * `modelReady` says which of the two reasons for a pause applies (no model, or a live call).
 */
export function backgroundText(progress: BackgroundTranscriptionProgress, modelReady: boolean): string | null {
  const pending = progress.queuedCalls + (progress.current === null ? 0 : 1);
  if (pending === 0) return null;
  const calls = `${pending} stored ${pending === 1 ? 'call' : 'calls'}`;
  if (progress.paused) return modelReady ? `${calls} to transcribe: paused while a live call runs.` : `${calls} to transcribe once a speech model is ready.`;
  if (progress.current === null) return `${calls} waiting to be transcribed.`;
  const now = `Transcribing stored call ${progress.current.callId} (${Math.floor(progress.current.fraction * 100)}%)`;
  return progress.queuedCalls === 0 ? `${now}.` : `${now}; ${progress.queuedCalls} more waiting.`;
}

/** One line on why a stored call shows no transcript (or is about to); null when its words are there. */
export function transcriptStateLine(transcript: CallTranscript, background: BackgroundTranscriptionProgress | null): string | null {
  switch (transcript.state) {
    case 'none':
      return transcript.problem === null ? 'No transcript: this call was recorded without a speech model.' : `No transcript: ${transcript.problem}`;
    case 'queued':
      return 'No transcript yet: this call is waiting to be transcribed in the background.';
    case 'running': {
      const current = background?.current;
      return current && current.callId === transcript.callId
        ? `Transcribing this call in the background (${Math.floor(current.fraction * 100)}%)…`
        : 'Transcribing this call in the background…';
    }
    case 'failed':
      return `No transcript: transcription failed${transcript.problem === null ? '.' : `: ${transcript.problem}`}`;
    case 'done':
      return transcript.words.length === 0 ? 'The speech model heard no words in this call.' : null;
    default:
      return assertNever(transcript.state);
  }
}

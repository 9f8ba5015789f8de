// Takes the recognizer's final results in the main process, validates them, redacts them (when the
// privacy setting says so, the default) and appends them to the call's stored transcript.
// A live call has no id until it is stored, so its words wait in memory (never on disk) until the
// live call service says the call was stored — or was not. A number said in groups ("four one one
// one … four one one one") arrives as several results, so trailing number words are held back until
// the channel's next result or the end of the transcript, and redacted as one number.
// Electron-free: the glue hands it the recognizer's messages.

import type { TranscriptChannel, TranscriptWord } from '../../shared/transcript';
import type { Library } from '../library/library';
import { loadPrivacySettings } from '../privacy/privacy-settings';
import { redactWords, unfinishedNumberLength } from '../privacy/redaction';
import { refreshListeningScore } from '../store/listening-scores';
import { appendTranscriptWords } from '../store/transcripts-repository';
import { recognizedResultSchema, wordsOfResult } from './recognized-result-schema';

export interface TranscriptServiceDeps {
  library: Library;
  logError?: (message: string, error: unknown) => void;
}

/** Whose transcript a result belongs to: a stored call, or the live call not stored yet. */
export type TranscriptTarget = number | 'live';

export interface TranscriptService {
  /** One recognizer final result (RecognizedResult). Malformed → logged and dropped. Never throws. */
  handleRecognizedResult(target: TranscriptTarget, data: unknown): void;
  /** No more results will come for stored call `callId`: writes the words held back. */
  finishTranscript(callId: number): void;
  /** A live call started: results for 'live' are kept for it (a previous live call's are finished). */
  liveCallStarted(): void;
  /** The live call was stored as `callId`: its words are written now; late results go to it too. */
  liveCallStored(callId: number): void;
  /** The live call was not stored (it failed, or was discarded): its words are forgotten. */
  liveCallDiscarded(): void;
  /** Words of the live call waiting for its id (for status and tests). */
  readonly pendingLiveWords: number;
  /** Writes everything held back (the app is quitting). */
  dispose(): void;
}

type LiveState =
  | { kind: 'buffering'; words: TranscriptWord[] }
  // After a live call was stored: late results (the recognizer's last flush) belong to it.
  | { kind: 'stored'; callId: number }
  | { kind: 'none' };

export function createTranscriptService(deps: TranscriptServiceDeps): TranscriptService {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const { db } = deps.library;
  /** Per stored call and channel: trailing number words waiting for the channel's next result. */
  const heldBack = new Map<number, Map<TranscriptChannel, TranscriptWord[]>>();
  let live: LiveState = { kind: 'none' };

  /** Reading the setting failed: redact anyway, since a transcript written unredacted cannot be taken back. */
  function shouldRedact(): boolean {
    try {
      return loadPrivacySettings(db).redactTranscripts;
    } catch (error) {
      logError('attune: reading the privacy settings failed; redacting the transcript', error);
      return true;
    }
  }

  function write(callId: number, words: TranscriptWord[]): void {
    if (words.length === 0) return;
    try {
      appendTranscriptWords(db, callId, words);
    } catch (error) {
      logError(`attune: storing ${words.length} transcript words of call ${callId} failed`, error);
    }
  }

  function appendToStoredCall(callId: number, channel: TranscriptChannel, words: TranscriptWord[]): void {
    const channels = heldBack.get(callId) ?? new Map<TranscriptChannel, TranscriptWord[]>();
    const stream = [...(channels.get(channel) ?? []), ...words].sort((a, b) => a.startMs - b.startMs);
    if (!shouldRedact()) {
      channels.delete(channel);
      write(callId, stream);
    } else {
      const holdCount = unfinishedNumberLength(stream);
      const ready = stream.slice(0, stream.length - holdCount);
      channels.set(channel, stream.slice(stream.length - holdCount));
      write(callId, redactWords(ready));
    }
    if ([...channels.values()].every((held) => held.length === 0)) heldBack.delete(callId);
    else heldBack.set(callId, channels);
  }

  function finishTranscript(callId: number): void {
    const channels = heldBack.get(callId);
    if (channels !== undefined) {
      heldBack.delete(callId);
      const words = [...channels.values()].flat();
      write(callId, shouldRedact() ? redactWords(words) : words);
    }
    rescore(callId);
  }

  /** The transcript's points are part of the call's listening score: score it again now it is whole. */
  function rescore(callId: number): void {
    try {
      refreshListeningScore(db, callId);
    } catch (error) {
      logError(`attune: scoring call ${callId} again after its transcript failed`, error);
    }
  }

  function finishLive(): void {
    if (live.kind === 'stored') finishTranscript(live.callId);
  }

  return {
    handleRecognizedResult(target, data) {
      const parsed = recognizedResultSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        logError(`attune: dropped a malformed recognizer result: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || 'result'}: ${issue.message}`}`, null);
        return;
      }
      const words = wordsOfResult(parsed.data);
      if (words.length === 0) return;
      if (target !== 'live') {
        appendToStoredCall(target, parsed.data.channel, words);
        return;
      }
      switch (live.kind) {
        case 'buffering':
          live.words.push(...words);
          return;
        case 'stored':
          appendToStoredCall(live.callId, parsed.data.channel, words);
          return;
        case 'none':
          logError('attune: dropped a recognizer result for a live call that is not running', null);
          return;
        default: {
          const unknown: never = live;
          throw new Error(`unknown live transcript state ${String(unknown)}`);
        }
      }
    },

    finishTranscript,

    liveCallStarted() {
      finishLive();
      live = { kind: 'buffering', words: [] };
    },

    liveCallStored(callId) {
      const words = live.kind === 'buffering' ? live.words : [];
      finishLive();
      live = { kind: 'stored', callId };
      // The whole call is known here, so nothing needs holding back: redact it as one stream.
      write(callId, shouldRedact() ? redactWords(words) : words);
      if (words.length > 0) rescore(callId);
    },

    liveCallDiscarded() {
      finishLive();
      live = { kind: 'none' };
    },

    get pendingLiveWords() {
      return live.kind === 'buffering' ? live.words.length : 0;
    },

    dispose() {
      for (const callId of [...heldBack.keys()]) finishTranscript(callId);
    },
  };
}

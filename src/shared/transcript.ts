// Transcripts: the words Vosk recognized on each channel, with their timings, as the call store
// keeps them and as the recognizer hands them to the main process. Cross-helper types live here.

export type TranscriptChannel = 'agent' | 'customer';

/** One recognized word, in milliseconds from the start of the call. */
export interface TranscriptWord {
  channel: TranscriptChannel;
  word: string;
  startMs: number;
  endMs: number;
  /** Vosk's confidence, 0…1. */
  conf: number;
}

/** One word of a Vosk final result, as Vosk gives it (times in seconds). */
export interface VoskWord {
  word: string;
  start: number;
  end: number;
  conf: number;
}

/**
 * One Vosk final result for one channel, as the main process receives it from the recognizer:
 * Vosk's own `{ text, result }` object with the channel it was recognized on. `result` is absent
 * when Vosk heard nothing (text is then '').
 */
export interface RecognizedResult {
  channel: TranscriptChannel;
  text: string;
  result?: VoskWord[];
}

/** A hit of a transcript search: the call, the moment the first matching word was said, and a snippet. */
export interface TranscriptSearchHit {
  callId: number;
  atMs: number;
  channel: TranscriptChannel;
  /** The matching turn's text (up to 16 words around the matches) with the matches wrapped in « and ». */
  snippet: string;
}

/** The privacy settings, stored as the preference 'privacy'. */
export interface PrivacySettings {
  /** Redact card-like numbers, long digit runs and e-mail addresses before a transcript is written. */
  redactTranscripts: boolean;
  /** Delete calls (recordings and transcripts) older than this many days; null keeps everything. */
  retentionDays: number | null;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = { redactTranscripts: true, retentionDays: null };

/** What a redacted word is replaced with (its timings are kept). */
export const REDACTED_WORD = '[redacted]';

// The cues the transcript detectors produce (src/main/transcript/detectors.ts): what was said (or how
// fast), by whom, and when.
export const TRANSCRIPT_CUE_TYPES = [
  'fast-pace',
  'filler',
  'empathy',
  'paraphrase',
  'open-question',
  'closed-question',
  'defensive',
  'thanks',
  'intent-to-help',
  'options-offered',
  'name-used',
  'next-step',
] as const;

export type TranscriptCueType = (typeof TRANSCRIPT_CUE_TYPES)[number];

export interface TranscriptCue {
  type: TranscriptCueType;
  by: TranscriptChannel;
  /** Start of the words the cue is about, in ms from the start of the call (fast-pace: the word that crossed the limit). */
  atMs: number;
  /** The words as recognized, or for fast-pace the measured rate. */
  text: string;
}

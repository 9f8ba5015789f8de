// The cues the transcript detectors produce: what was said (or how fast), by whom, and when.

import type { TranscriptChannel } from '../../shared/transcript';

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

// The cues the transcript detectors produce: what was said (or how fast), by whom, and when.

export { TRANSCRIPT_CUE_TYPES, type TranscriptCue, type TranscriptCueType } from '../../shared/transcript';

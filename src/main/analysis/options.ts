// Analyzer thresholds, stated in milliseconds (and dB) and converted to frame counts once.

/** Every frame the analyzer consumes is this long. */
export const FRAME_DURATION_MS = 10;
/** Audio is resampled to this rate before analysis. */
export const ANALYSIS_SAMPLE_RATE_HZ = 16_000;
/** Samples per channel in one analysis frame. */
export const FRAME_SAMPLES = (ANALYSIS_SAMPLE_RATE_HZ * FRAME_DURATION_MS) / 1000;

export interface AnalyzerOptions {
  /** A pause shorter than this (ms) inside a speaker's speech belongs to the segment. Default 500. */
  mergePauseMs: number;
  /** The interrupted speaker's segment must have started at least this long (ms) before the onset. Default 200. */
  interruptionLeadMs: number;
  /** An overlapping segment at least this long (ms) is an interruption; shorter is a backchannel. Default 1000. */
  interruptionMinMs: number;
  /** Silence at least this long (ms) between speech is dead air. Default 5000. */
  deadAirMinMs: number;
}

export const DEFAULT_ANALYZER_OPTIONS: Readonly<AnalyzerOptions> = Object.freeze({
  mergePauseMs: 500,
  interruptionLeadMs: 200,
  interruptionMinMs: 1000,
  deadAirMinMs: 5000,
});

/** The options as whole frame counts, computed once per analyzer. */
export interface FrameThresholds {
  mergePauseFrames: number;
  interruptionLeadFrames: number;
  interruptionMinFrames: number;
  deadAirMinFrames: number;
}

export function toFrameThresholds(options: AnalyzerOptions): FrameThresholds {
  const frames = (ms: number): number => Math.round(ms / FRAME_DURATION_MS);
  return {
    mergePauseFrames: frames(options.mergePauseMs),
    interruptionLeadFrames: frames(options.interruptionLeadMs),
    interruptionMinFrames: frames(options.interruptionMinMs),
    deadAirMinFrames: frames(options.deadAirMinMs),
  };
}

// What the capture worklet and the page say to each other over the AudioWorkletNode's port.

/** Registered name of the capture processor. */
export const CAPTURE_PROCESSOR_NAME = 'attune-capture';
/** The analyzer's (and later Vosk's) rate. */
export const ANALYSIS_SAMPLE_RATE_HZ = 16_000;
/** Two 10 ms frames per block: 20 ms, 50 messages a second. */
export const FRAMES_PER_BLOCK = 2;

export type WorkletMessage =
  /** Sent once when the processor starts, with the audio context's rate it resamples from. */
  | { type: 'ready'; inputSampleRateHz: number }
  /** One frame block, laid out as in src/shared/live.ts; the buffer is transferred. */
  | { type: 'block'; buffer: ArrayBuffer };

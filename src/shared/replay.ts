// What the replay view needs to open a stored call at once: the waveform's precomputed peaks and where
// its audio is served, or why there is no audio. Metrics, transcript and annotations come from their
// own methods (getCall, getCallTranscript, listAnnotations).

/**
 * Peaks of one call, one value per channel per 1/peaksPerSecond s: the largest |sample| as a byte
 * (0..255), base64-encoded. A 60-minute call has 180 000 per channel: as one string each they cross
 * IPC (and the e2e bridge's JSON) in milliseconds, where an array of numbers took seconds.
 */
export interface WaveformPeaks {
  peaksPerSecond: number;
  /** Bytes per channel (equal for both). */
  count: number;
  agentBase64: string;
  customerBase64: string;
}

/** One channel's peaks as the waveform wants them: floats in 0..1. */
export function decodePeaksChannel(base64: string): Float32Array {
  const binary = atob(base64);
  const values = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) values[i] = binary.charCodeAt(i) / 255;
  return values;
}

export type ReplayAudio =
  | {
      state: 'available';
      /** attune-recording://call/<id> in the app (Range requests served); the harness's own URL in e2e. */
      url: string;
      /** Length of the recording itself (may differ from the call's by the last block). */
      durationMs: number;
      peaks: WaveformPeaks;
    }
  | { state: 'missing'; reason: string };

export interface CallReplay {
  callId: number;
  audio: ReplayAudio;
}

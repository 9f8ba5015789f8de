// What the replay view needs to open a stored call at once: the waveform's precomputed peaks and where
// its audio is served, or why there is no audio. Metrics, transcript and annotations come from their
// own methods (getCall, getCallTranscript, listAnnotations).

/** Peaks of one call, one value per channel per 1/peaksPerSecond s: the largest |sample|, 0..255. */
export interface WaveformPeaks {
  peaksPerSecond: number;
  /** Same length as customer; Math.ceil(durationMs / 1000 * peaksPerSecond). */
  agent: number[];
  customer: number[];
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

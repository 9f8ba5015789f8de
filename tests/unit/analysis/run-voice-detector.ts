// Runs one channel of synthetic audio through the band spectrum and a fresh voice detector, as the
// analyzer does, and returns the per-frame decisions; the signal-stage tests share it.

import { BandSpectrum } from '../../../src/main/analysis/band-spectrum';
import { FRAME_SAMPLES } from '../../../src/main/analysis/options';
import { Periodicity } from '../../../src/main/analysis/periodicity';
import type { VoiceDecision } from '../../../src/main/analysis/turn-tracker';
import { VoiceDetector } from '../../../src/main/analysis/voice-detector';

/** `samplesAt(n)` gives sample n at 16 kHz; `withPeriodicity` feeds the detector pitch evidence too. */
export function runVoiceDetector(samplesAt: (index: number) => number, seconds: number, withPeriodicity = false): VoiceDecision[] {
  const spectrum = new BandSpectrum();
  const periodicity = withPeriodicity ? new Periodicity() : null;
  const detector = new VoiceDetector();
  const decisions: VoiceDecision[] = [];
  const frame = new Float32Array(FRAME_SAMPLES);
  for (let f = 0; f < seconds * 100; f += 1) {
    for (let i = 0; i < FRAME_SAMPLES; i += 1) frame[i] = samplesAt(f * FRAME_SAMPLES + i);
    const total = spectrum.push(frame);
    periodicity?.push(frame);
    decisions.push(detector.decide(spectrum.bandPower, total, null, f, periodicity));
  }
  return decisions;
}

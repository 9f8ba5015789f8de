// Band energies of one channel, one 10 ms frame at a time: a Hann-windowed 256-sample FFT over the
// newest 16 ms, summed into mel-spaced bands. Voice decisions and the bleed model work per band, so
// that a voice can be told apart from noise or from another voice by where its energy lies.

import FFT from 'fft.js';
import { ANALYSIS_SAMPLE_RATE_HZ, FRAME_SAMPLES } from './options';

const FFT_SIZE = 256;
const LOWEST_BAND_HZ = 150;
const HIGHEST_BAND_HZ = 7000;
export const BAND_COUNT = 18;

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

/** First FFT bin of each band, plus one past the last band's last bin. */
function bandEdgesInBins(): Int32Array {
  const edges = new Int32Array(BAND_COUNT + 1);
  const lowMel = hzToMel(LOWEST_BAND_HZ);
  const highMel = hzToMel(HIGHEST_BAND_HZ);
  const binHz = ANALYSIS_SAMPLE_RATE_HZ / FFT_SIZE;
  for (let band = 0; band <= BAND_COUNT; band += 1) {
    const hz = melToHz(lowMel + ((highMel - lowMel) * band) / BAND_COUNT);
    edges[band] = Math.round(hz / binHz);
  }
  // Low bands would be narrower than one bin: give every band at least one bin of its own.
  for (let band = 1; band <= BAND_COUNT; band += 1) {
    if (edges[band]! <= edges[band - 1]!) edges[band] = edges[band - 1]! + 1;
  }
  return edges;
}

const BAND_EDGES = bandEdgesInBins();
const HANN = Float64Array.from({ length: FFT_SIZE }, (_, n) => 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (FFT_SIZE - 1)));
/** Scales band power so that a full-scale sine reads about 1 (0 dB). */
const POWER_SCALE = 4 / (FFT_SIZE * FFT_SIZE * 0.375);

export class BandSpectrum {
  private readonly fft = new FFT(FFT_SIZE);
  private readonly history = new Float64Array(FFT_SIZE);
  private readonly windowed = new Float64Array(FFT_SIZE);
  private readonly spectrum: number[] = this.fft.createComplexArray();
  /** Power per band of the newest frame; overwritten by every `push`. */
  readonly bandPower = new Float64Array(BAND_COUNT);

  /** Adds one frame and recomputes `bandPower`; returns the frame's total power. */
  push(frame: Float32Array): number {
    const keep = FFT_SIZE - FRAME_SAMPLES;
    this.history.copyWithin(0, FRAME_SAMPLES);
    for (let i = 0; i < FRAME_SAMPLES; i += 1) this.history[keep + i] = frame[i]!;
    for (let i = 0; i < FFT_SIZE; i += 1) this.windowed[i] = this.history[i]! * HANN[i]!;
    this.fft.realTransform(this.spectrum, this.windowed);
    let total = 0;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      let power = 0;
      for (let bin = BAND_EDGES[band]!; bin < BAND_EDGES[band + 1]!; bin += 1) {
        const re = this.spectrum[2 * bin]!;
        const im = this.spectrum[2 * bin + 1]!;
        power += re * re + im * im;
      }
      power *= POWER_SCALE;
      this.bandPower[band] = power;
      total += power;
    }
    return total;
  }
}

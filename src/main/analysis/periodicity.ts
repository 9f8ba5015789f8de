// Periodicity of one channel: how strongly the newest 32 ms repeat at a pitch period (80–400 Hz).
// Voiced speech has a pitch and harmonics; steady line or room noise does not. The signal is
// differentiated (so rumble and brown noise, which correlate at every short lag, do not pass for a
// pitch), low-passed and decimated to 4 kHz (the harmonics between 300 Hz and 1.6 kHz carry the period,
// on a phone line too), and the normalised autocorrelation's highest peak is the measure: near 0 for
// noise, towards 1 for a clear voice. Nothing is computed until asked, so the voice detector pays for it
// only where band energy is ambiguous.

import { FRAME_SAMPLES } from './options';

const DECIMATION = 4;
/** 4 kHz: 40 decimated samples per 10 ms frame. */
const DECIMATED_FRAME = FRAME_SAMPLES / DECIMATION;
/** The correlation window: 32 ms at 4 kHz, three periods of a low male voice. */
const WINDOW = 128;
/** Lags in decimated samples: 400 Hz … 80 Hz. */
const MIN_LAG = 10;
const MAX_LAG = 50;
/** Low-pass (1.6 kHz) windowed-sinc decimation filter at 16 kHz. */
const TAPS = 23;
const CUTOFF = 1600 / 16000;
/** Input ring: whole frames, more than the window, the filter and one sample of difference. */
const RING = FRAME_SAMPLES * 7;

function lowPassTaps(): Float64Array {
  const taps = new Float64Array(TAPS);
  let sum = 0;
  for (let i = 0; i < TAPS; i += 1) {
    const n = i - (TAPS - 1) / 2;
    const sinc = n === 0 ? 2 * CUTOFF : Math.sin(2 * Math.PI * CUTOFF * n) / (Math.PI * n);
    taps[i] = sinc * (0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (TAPS - 1)));
    sum += taps[i]!;
  }
  for (let i = 0; i < TAPS; i += 1) taps[i] = taps[i]! / sum;
  return taps;
}

const LOW_PASS = lowPassTaps();

export class Periodicity {
  /** The 16 kHz input, a ring of the newest RING samples (enough for the window, the filter and a difference). */
  private readonly ring = new Float32Array(RING);
  /** Samples pushed so far: the next one goes to `written % RING`. */
  private written = 0;
  /** The newest WINDOW decimated samples, oldest first, and their running sums of squares. */
  private readonly window = new Float64Array(WINDOW);
  private readonly energy = new Float64Array(WINDOW + 1);
  private measured: number | null = null;
  /** Frames pushed since the window was last brought up to date (decimation is done on demand). */
  private framesBehind = 0;

  /** Adds one 10 ms frame at 16 kHz. */
  push(frame: Float32Array): void {
    this.ring.set(frame, this.written % RING);
    this.written += FRAME_SAMPLES;
    this.measured = null;
    this.framesBehind += 1;
  }

  /** The highest normalised autocorrelation over pitch lags in the newest 32 ms (0…1); computed once per frame. */
  measure(): number {
    if (this.measured !== null) return this.measured;
    // Decimate on demand (most frames are never measured), only what is new since the last measure.
    const x = this.window;
    const fresh = Math.min(WINDOW, this.framesBehind * DECIMATED_FRAME);
    this.framesBehind = 0;
    x.copyWithin(0, fresh);
    const ring = this.ring;
    // Window sample k is the filter's output at input sample `written − 1 − DECIMATION·(WINDOW − 1 − k)`
    // (offset by whole rings to stay positive); the filter runs on the differentiated input, s[n] − s[n − 1].
    const end = this.written - 1 + RING * 4;
    for (let k = WINDOW - fresh; k < WINDOW; k += 1) {
      const newest = end - DECIMATION * (WINDOW - 1 - k);
      let acc = 0;
      let later = ring[newest % RING]!;
      for (let t = 0; t < TAPS; t += 1) {
        const earlier = ring[(newest - t - 1) % RING]!;
        acc += LOW_PASS[t]! * (later - earlier);
        later = earlier;
      }
      x[k] = acc;
    }
    const energy = this.energy;
    for (let k = 0; k < WINDOW; k += 1) energy[k + 1] = energy[k]! + x[k]! * x[k]!;
    // Every other lag, then the neighbours of the best: the peak of a low-passed period is wider than two lags.
    let best = 0;
    let bestLag = MIN_LAG;
    for (let lag = MIN_LAG; lag <= MAX_LAG; lag += 2) {
      const r = this.correlation(lag);
      if (r > best) {
        best = r;
        bestLag = lag;
      }
    }
    if (bestLag <= MIN_LAG || bestLag >= MAX_LAG) {
      this.measured = best;
      return best;
    }
    const before = this.correlation(bestLag - 1);
    const after = this.correlation(bestLag + 1);
    let peak = Math.max(before, best, after);
    // A period rarely falls on a whole lag at 4 kHz, and the peak of a voice with harmonics up to
    // 1.6 kHz is sharp: the parabola through the three lags around the peak recovers its height.
    const centre = peak === before ? bestLag - 1 : peak === after ? bestLag + 1 : bestLag;
    if (centre > MIN_LAG && centre < MAX_LAG) {
      const a = centre === bestLag ? before : centre === bestLag - 1 ? this.correlation(centre - 1) : best;
      const c = centre === bestLag ? after : centre === bestLag + 1 ? this.correlation(centre + 1) : best;
      const curvature = a - 2 * peak + c;
      if (curvature < 0) {
        const offset = (a - c) / (2 * curvature);
        peak = Math.min(1, peak - ((a - c) * offset) / 4);
      }
    }
    this.measured = peak;
    return peak;
  }

  private correlation(lag: number): number {
    const x = this.window;
    let xy = 0;
    for (let i = 0; i + lag < WINDOW; i += 1) xy += x[i]! * x[i + lag]!;
    const head = this.energy[WINDOW - lag]!;
    const tail = this.energy[WINDOW]! - this.energy[lag]!;
    const denominator = Math.sqrt(head * tail);
    return denominator > 0 ? xy / denominator : 0;
  }
}

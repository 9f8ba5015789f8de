// The voice detector's evidence beyond band energy, on synthetic input whose answer is known:
// periodicity (a pitch where noise has none), empty bands (a phone line's silence above 3.4 kHz must not
// read stray traces as a voice), and a noise that gets louder (no pitch: not a voice).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANALYSIS_SAMPLE_RATE_HZ, FRAME_SAMPLES } from '../../../src/main/analysis/options';
import { Periodicity } from '../../../src/main/analysis/periodicity';
import { seededRandom } from '../../support/seeded-random';
import { runVoiceDetector } from './run-voice-detector';

const RATE = ANALYSIS_SAMPLE_RATE_HZ;

function harmonic(f0Hz: number, harmonics: number): (n: number) => number {
  return (n) => {
    let sum = 0;
    for (let h = 1; h <= harmonics; h += 1) sum += Math.sin((2 * Math.PI * f0Hz * h * n) / RATE) / h;
    return sum;
  };
}

/** Periodicity measured on every frame of `seconds` of a signal, after the first 50 ms. */
function periodicityOf(samplesAt: (n: number) => number, seconds: number): number[] {
  const periodicity = new Periodicity();
  const frame = new Float32Array(FRAME_SAMPLES);
  const measured: number[] = [];
  for (let f = 0; f < seconds * 100; f += 1) {
    for (let i = 0; i < FRAME_SAMPLES; i += 1) frame[i] = samplesAt(f * FRAME_SAMPLES + i);
    periodicity.push(frame);
    if (f >= 5) measured.push(periodicity.measure());
  }
  return measured;
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

describe('periodicity', () => {
  for (const f0Hz of [95, 140, 230]) {
    it(`is near 1 for a voice-like harmonic tone at ${f0Hz} Hz`, () => {
      const tone = harmonic(f0Hz, 20);
      const measured = mean(periodicityOf((n) => 0.1 * tone(n), 1));
      assert.ok(measured > 0.85, `${measured.toFixed(3)}`);
    });
  }

  it('is low for white and for brown noise (rumble correlates at every short lag, but not after differentiation)', () => {
    const random = seededRandom(21);
    assert.ok(mean(periodicityOf(() => random() * 2 - 1, 2)) < 0.4);
    let brown = 0;
    const brownRandom = seededRandom(22);
    const brownNoise = periodicityOf(() => (brown = 0.995 * brown + 0.1 * (brownRandom() * 2 - 1)), 2);
    assert.ok(mean(brownNoise) < 0.45, `brown noise ${mean(brownNoise).toFixed(2)}`);
  });

  it('still finds the pitch of a voice only 2 dB over white noise', () => {
    const random = seededRandom(23);
    const tone = harmonic(140, 20);
    // The tone's RMS is ≈ 0.09 at amplitude 0.1; the noise's 0.07 at amplitude 0.12.
    const measured = mean(periodicityOf((n) => 0.1 * tone(n) + 0.12 * (random() * 2 - 1), 1));
    assert.ok(measured > 0.5, `${measured.toFixed(3)}`);
  });
});

describe('voice detector evidence', () => {
  const run = runVoiceDetector;

  it('hears nothing in a phone line (noise below 3.4 kHz) whose empty upper bands carry stray traces', () => {
    const random = seededRandom(31);
    // Band-limited noise: random-phase sinusoids every 50 Hz from 300 to 3400 Hz.
    const partials = Array.from({ length: 63 }, (_, k) => ({ hz: 300 + 50 * k, phase: 2 * Math.PI * random() }));
    const line = (n: number) => partials.reduce((sum, p) => sum + Math.sin((2 * Math.PI * p.hz * n) / RATE + p.phase), 0) * 0.001;
    // Traces 100 dB under the line noise at 6 kHz, 50 ms every half second: resampler and rounding leftovers.
    const trace = (n: number) => ((n % (RATE / 2)) < RATE / 20 ? 1e-8 * Math.sin((2 * Math.PI * 6000 * n) / RATE) : 0);
    const decisions = run((n) => line(n) + trace(n), 10, true);
    assert.equal(decisions.filter((d) => d !== null).length, 0);
  });

  it('hears a soft voiced burst in white noise by its pitch where band energy alone does not', () => {
    const random = seededRandom(32);
    const tone = harmonic(120, 25);
    // About 5 dB under the noise's total power: band energy alone barely tells it.
    const burst = (n: number) => (n >= 3 * RATE && n < 5 * RATE ? 0.008 * tone(n) : 0);
    const signal = (n: number) => 0.01 * (random() * 2 - 1) + burst(n);
    const voiced = (decisions: (number | null)[]) => decisions.slice(300, 500).filter((d) => d !== null).length;
    const withPitch = run(signal, 7, true);
    const randomAgain = seededRandom(32);
    const energyOnly = run((n) => 0.01 * (randomAgain() * 2 - 1) + burst(n), 7, false);
    assert.ok(voiced(withPitch) > 140, `with periodicity: ${voiced(withPitch)} of 200 frames`);
    assert.ok(voiced(withPitch) > voiced(energyOnly) + 100, `energy alone: ${voiced(energyOnly)}, with periodicity: ${voiced(withPitch)}`);
    const outside = withPitch.filter((d, f) => d !== null && (f < 295 || f > 510)).length;
    assert.equal(outside, 0);
  });

  it('takes a line noise that rises by 10 dB for what it is within half a second, not for seconds of voice', () => {
    const random = seededRandom(33);
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    // Pink noise (Kellet's filter), 10 dB louder from 10 s on: a line's gain riding up.
    const pink = (n: number) => {
      const white = random() * 2 - 1;
      b0 = 0.99765 * b0 + white * 0.099;
      b1 = 0.963 * b1 + white * 0.2965;
      b2 = 0.57 * b2 + white * 1.0527;
      return 0.002 * (n >= 10 * RATE ? 10 ** (10 / 20) : 1) * (b0 + b1 + b2 + white * 0.1848);
    };
    const voiced = run(pink, 30, true).filter((d) => d !== null).length;
    assert.ok(voiced < 50, `${voiced} frames voiced`);
  });
});

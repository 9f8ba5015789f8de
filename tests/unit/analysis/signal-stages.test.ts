// The signal stages on synthetic input whose answer is known: delay tracking, bleed learning,
// and the voice detector's behaviour on steady noise and on a voice-like burst in it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BAND_COUNT } from '../../../src/main/analysis/band-spectrum';
import { BleedModel } from '../../../src/main/analysis/bleed-model';
import { DelayTracker } from '../../../src/main/analysis/delay-tracker';
import { ANALYSIS_SAMPLE_RATE_HZ } from '../../../src/main/analysis/options';
import { seededRandom } from '../../support/seeded-random';
import { runVoiceDetector } from './run-voice-detector';

/** Syllable-like power envelope: bursts of 80–250 ms with gaps, as a customer's speech has. */
function burstyPower(frames: number, random: () => number): number[] {
  const out: number[] = [];
  while (out.length < frames) {
    const on = 8 + Math.floor(random() * 17);
    const level = 10 ** (-2 - 2 * random());
    for (let i = 0; i < on; i += 1) out.push(level * (0.5 + random()));
    const off = 3 + Math.floor(random() * 12);
    for (let i = 0; i < off; i += 1) out.push(1e-7 * random());
  }
  return out.slice(0, frames);
}

describe('delay tracker', () => {
  for (const delayFrames of [0, 3, 8]) {
    it(`finds a delay of ${delayFrames} frames`, () => {
      const random = seededRandom(7 + delayFrames);
      const customer = burstyPower(3000, random);
      const tracker = new DelayTracker(12);
      customer.forEach((power, frame) => {
        const bleed = (customer[frame - delayFrames] ?? 0) * 0.1;
        tracker.observe(power, bleed + 1e-8 * random(), power > 1e-5);
      });
      assert.equal(tracker.trusted, true);
      assert.equal(tracker.delayFrames, delayFrames);
    });
  }
});

describe('bleed model', () => {
  it('learns the coupling and predicts bleed-only frames without calling them louder than it expects', () => {
    const random = seededRandom(3);
    const customer = burstyPower(4000, random);
    const couplingDb = -9;
    const model = new BleedModel();
    const floor = new Float64Array(BAND_COUNT).fill(1e-9);
    let underPredicted = 0;
    let counted = 0;
    customer.forEach((power, frame) => {
      const customerBands = new Float64Array(BAND_COUNT).fill(power);
      const bleed = (customer[frame - 4] ?? 0) * 10 ** (couplingDb / 10) * (0.7 + 0.6 * random());
      const micBands = new Float64Array(BAND_COUNT).fill(bleed + 1e-9);
      const predicted = model.predict(customerBands, floor);
      if (frame > 2000 && bleed > 1e-6) {
        counted += 1;
        if (predicted[0]! < bleed) underPredicted += 1;
      }
      model.learn(micBands, bleed * BAND_COUNT, power * BAND_COUNT, floor, power > 1e-5);
    });
    const learnedDb = model.gainsDb.direct[0]!;
    assert.ok(Math.abs(learnedDb - couplingDb) < 2.5, `learned ${learnedDb.toFixed(1)} dB`);
    assert.ok(underPredicted / counted < 0.02, `${underPredicted} of ${counted} bleed frames exceeded the prediction`);
  });

  it('starts by assuming bleed as loud as the customer, so nothing is mistaken for the agent while it learns', () => {
    const model = new BleedModel();
    const customerBands = new Float64Array(BAND_COUNT).fill(1e-3);
    const predicted = model.predict(customerBands, new Float64Array(BAND_COUNT).fill(1e-9));
    assert.ok(predicted[0]! >= 1e-3);
  });
});

describe('voice detector', () => {
  const run = runVoiceDetector;

  it('hears nothing in steady white noise', () => {
    const random = seededRandom(11);
    const decisions = run(() => 0.01 * (random() * 2 - 1), 20);
    assert.equal(decisions.filter((d) => d !== null).length, 0);
  });

  it('hears a harmonic burst 20 dB over the noise, dated back to its start', () => {
    const random = seededRandom(12);
    const burstStart = 3 * ANALYSIS_SAMPLE_RATE_HZ;
    const burstEnd = 4 * ANALYSIS_SAMPLE_RATE_HZ;
    const voice = (n: number) => {
      if (n < burstStart || n >= burstEnd) return 0;
      let sum = 0;
      for (let h = 1; h <= 12; h += 1) sum += Math.sin((2 * Math.PI * 140 * h * n) / ANALYSIS_SAMPLE_RATE_HZ) / h;
      return 0.1 * sum;
    };
    const decisions = run((n) => 0.003 * (random() * 2 - 1) + voice(n), 6);
    const voicedFrames = decisions.map((d, f) => (d === null ? -1 : f)).filter((f) => f >= 0);
    assert.ok(voicedFrames.length > 90, `${voicedFrames.length} voiced frames`);
    const firstStart = decisions.find((d) => d !== null)!;
    assert.ok(Math.abs(firstStart - 300) <= 3, `onset dated at frame ${firstStart}`);
    assert.ok(voicedFrames.every((f) => f >= 299 && f <= 403), `voiced outside the burst: ${voicedFrames.filter((f) => f < 299 || f > 403).join(',')}`);
  });
});

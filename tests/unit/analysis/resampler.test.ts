// The streaming resampler: in-band tones keep amplitude and frequency, out-of-band tones don't alias
// back, output length is exact, and chunking never changes a sample.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResampler } from '../../../src/main/analysis/resampler';
import { concatSamples } from '../../support/concat-samples';

const TO_HZ = 16_000;
const COMMON_RATES_HZ = [8000, 11025, 16000, 22050, 32000, 44100, 48000, 96000] as const;

function tone(sampleRateHz: number, frequencyHz: number, durationMs: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round((sampleRateHz * durationMs) / 1000));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz);
  return samples;
}

function resampleOnce(fromHz: number, input: Float32Array): Float32Array {
  const resampler = createResampler(fromHz, TO_HZ);
  return concatSamples([resampler.process(input), resampler.flush()]);
}

/** RMS over the middle, away from the start/end transients. */
function steadyRms(samples: Float32Array, marginSamples: number): number {
  let sum = 0;
  for (let i = marginSamples; i < samples.length - marginSamples; i++) sum += (samples[i] as number) ** 2;
  return Math.sqrt(sum / (samples.length - 2 * marginSamples));
}

/** Amplitude of the component at `frequencyHz` (least-squares projection onto sin/cos). */
function amplitudeAt(samples: Float32Array, sampleRateHz: number, frequencyHz: number, marginSamples: number): number {
  let sin = 0;
  let cos = 0;
  let count = 0;
  for (let i = marginSamples; i < samples.length - marginSamples; i++) {
    const angle = (2 * Math.PI * frequencyHz * i) / sampleRateHz;
    sin += (samples[i] as number) * Math.sin(angle);
    cos += (samples[i] as number) * Math.cos(angle);
    count++;
  }
  return (2 * Math.hypot(sin, cos)) / count;
}

const toDb = (ratio: number): number => 20 * Math.log10(ratio);

describe('createResampler', () => {
  it('passes 16 kHz through unchanged, as a copy', () => {
    const input = tone(TO_HZ, 440, 50);
    const resampler = createResampler(TO_HZ, TO_HZ);
    const output = resampler.process(input);
    assert.deepEqual(output, input);
    assert.notEqual(output, input);
    assert.equal(resampler.flush().length, 0);
  });

  for (const fromHz of COMMON_RATES_HZ) {
    it(`keeps in-band tones' amplitude and frequency from ${fromHz} Hz`, () => {
      for (const frequencyHz of [200, 1000, 3000, 6000]) {
        if (frequencyHz > 0.42 * Math.min(fromHz, TO_HZ)) continue;
        const output = resampleOnce(fromHz, tone(fromHz, frequencyHz, 500, 0.5));
        const margin = 400;
        const amplitude = amplitudeAt(output, TO_HZ, frequencyHz, margin);
        assert.ok(Math.abs(toDb(amplitude / 0.5)) < 0.5, `${frequencyHz} Hz: amplitude ${amplitude.toFixed(4)} (${toDb(amplitude / 0.5).toFixed(2)} dB)`);
        // All the energy is at the tone's own frequency: nothing shifted, nothing added.
        const residual = Math.sqrt(Math.max(0, steadyRms(output, margin) ** 2 - amplitude ** 2 / 2));
        assert.ok(toDb(residual / 0.5) < -40, `${frequencyHz} Hz: residual ${toDb(residual / 0.5).toFixed(1)} dB`);
      }
    });
  }

  it('keeps 7 kHz (top of the speech band) within 0.5 dB when downsampling', () => {
    for (const fromHz of [22050, 32000, 44100, 48000, 96000]) {
      const output = resampleOnce(fromHz, tone(fromHz, 7000, 500, 0.5));
      const amplitude = amplitudeAt(output, TO_HZ, 7000, 400);
      assert.ok(Math.abs(toDb(amplitude / 0.5)) < 0.5, `${fromHz} Hz: 7 kHz at ${toDb(amplitude / 0.5).toFixed(2)} dB`);
    }
  });

  it('attenuates tones above 9 kHz by at least 40 dB instead of aliasing them into the speech band', () => {
    for (const fromHz of [22050, 32000, 44100, 48000, 96000]) {
      for (const frequencyHz of [9000, 9500, 10_000, 12_000, 15_000, 20_000, 30_000]) {
        if (frequencyHz >= fromHz / 2) continue;
        const input = tone(fromHz, frequencyHz, 500, 0.5);
        const output = resampleOnce(fromHz, input);
        const attenuationDb = toDb(steadyRms(output, 400) / steadyRms(input, 0));
        assert.ok(attenuationDb < -40, `${fromHz} Hz → 16 kHz, ${frequencyHz} Hz tone: ${attenuationDb.toFixed(1)} dB`);
      }
    }
  });

  it('produces exactly ceil(N · 16000 / from) samples', () => {
    for (const fromHz of COMMON_RATES_HZ) {
      for (const inputSamples of [0, 1, 2, 3, 7, 160, 441, 1000, 22_051, 44_101]) {
        const output = resampleOnce(fromHz, new Float32Array(inputSamples).fill(0.25));
        assert.equal(output.length, Math.ceil((inputSamples * TO_HZ) / fromHz), `${fromHz} Hz, ${inputSamples} samples`);
      }
    }
  });

  it('gives the same samples whatever the chunking (state carries exactly across calls)', () => {
    let seed = 7;
    const nextRandom = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (const fromHz of [8000, 22050, 44100, 48000, 96000]) {
      const input = new Float32Array(Math.round(fromHz * 0.37));
      for (let i = 0; i < input.length; i++) input[i] = nextRandom() * 2 - 1;
      const oneShot = resampleOnce(fromHz, input);
      for (const pattern of ['ones', 'random', 'capture']) {
        const resampler = createResampler(fromHz, TO_HZ);
        const parts: Float32Array[] = [];
        for (let at = 0; at < input.length; ) {
          const size = pattern === 'ones' ? 1 : pattern === 'random' ? Math.floor(nextRandom() * 3000) : Math.round(fromHz / 100);
          parts.push(resampler.process(input.subarray(at, at + size)));
          at += size;
        }
        parts.push(resampler.flush());
        assert.deepEqual(concatSamples(parts), oneShot, `${fromHz} Hz, ${pattern} chunks`);
      }
    }
  });

  it('is reusable after flush', () => {
    const resampler = createResampler(44100, TO_HZ);
    const input = tone(44100, 1234, 100);
    const first = concatSamples([resampler.process(input), resampler.flush()]);
    const second = concatSamples([resampler.process(input), resampler.flush()]);
    assert.deepEqual(second, first);
  });

  it('adds no delay: an onset stays where it was (22.05 and 44.1 kHz fractional ratios included)', () => {
    for (const fromHz of [8000, 22050, 44100, 48000]) {
      const input = new Float32Array(fromHz);
      const onsetSample = Math.round(fromHz * 0.5);
      input.fill(0.5, onsetSample);
      const output = resampleOnce(fromHz, input);
      const crossing = output.findIndex((value) => value >= 0.25);
      const crossingMs = (crossing * 1000) / TO_HZ;
      assert.ok(Math.abs(crossingMs - 500) <= 0.2, `${fromHz} Hz: onset at ${crossingMs} ms`);
      // And a constant stays constant (unity DC gain in every polyphase branch).
      for (let i = crossing + 200; i < output.length - 200; i++) assert.ok(Math.abs((output[i] as number) - 0.5) < 1e-3, `${fromHz} Hz: sample ${i} = ${output[i]}`);
    }
  });

  it('rejects nonsense rates', () => {
    assert.throws(() => createResampler(0, TO_HZ), RangeError);
    assert.throws(() => createResampler(44_100.5, TO_HZ), RangeError);
  });
});

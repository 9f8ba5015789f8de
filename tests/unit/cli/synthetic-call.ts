// Synthetic, speech-like stereo calls for the CLI and decoder tests: voiced bursts (a glottal-ish
// harmonic series with pitch drift and syllable-rate loudness) on each channel, silence between,
// rendered at any sample rate and written as WAV with wavefile.

import { WaveFile } from 'wavefile';
import type { SegmentSpan } from '../../../src/shared/call-analysis';
import { seededRandom } from '../../support/seeded-random';

export interface SyntheticCall {
  sampleRateHz: number;
  durationMs: number;
  agent: Float32Array;
  customer: Float32Array;
  /** Where each channel's bursts are, as scripted. */
  agentBursts: SegmentSpan[];
  customerBursts: SegmentSpan[];
}

/** A call of alternating turns with one overlap, ~12 s. */
export const DEFAULT_SCRIPT: { agent: SegmentSpan[]; customer: SegmentSpan[]; durationMs: number } = {
  agent: [
    [500, 3000],
    [7200, 9000],
  ],
  customer: [
    [3800, 6500],
    [8400, 11500],
  ],
  durationMs: 12_000,
};

function renderVoice(sampleRateHz: number, durationMs: number, bursts: readonly SegmentSpan[], baseF0Hz: number, seed: number): Float32Array {
  const out = new Float32Array(Math.round((durationMs * sampleRateHz) / 1000));
  const next = seededRandom(seed);
  // Harmonics up to 3.4 kHz (telephone band) so every rate from 8 kHz up carries the same content.
  const maxHarmonicHz = 3400;
  for (const [startMs, endMs] of bursts) {
    const start = Math.round((startMs * sampleRateHz) / 1000);
    const end = Math.min(out.length, Math.round((endMs * sampleRateHz) / 1000));
    const syllableHz = 3.5 + next() * 1.5;
    let phase = 0;
    for (let i = start; i < end; i++) {
      const t = (i - start) / sampleRateHz;
      const f0Hz = baseF0Hz * (1 + 0.08 * Math.sin(2 * Math.PI * 0.7 * t) + 0.03 * Math.sin(2 * Math.PI * 5.1 * t));
      phase += (2 * Math.PI * f0Hz) / sampleRateHz;
      let sample = 0;
      for (let h = 1; h * f0Hz < maxHarmonicHz; h++) {
        // Two soft formant bumps over a falling spectrum.
        const hz = h * f0Hz;
        const formant = 1 + 2 * Math.exp(-(((hz - 600) / 250) ** 2)) + 1.2 * Math.exp(-(((hz - 1700) / 400) ** 2));
        sample += (formant / h) * Math.sin(h * phase);
      }
      // Syllable-rate loudness, never quite silent inside a burst; 20 ms fades at the edges.
      const envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * syllableHz * t) ** 2;
      const fade = Math.min(1, (i - start) / (0.02 * sampleRateHz), (end - i) / (0.02 * sampleRateHz));
      out[i] = 0.08 * sample * envelope * fade;
    }
  }
  // A faint noise floor, as any real line has.
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (next() - 0.5) * 0.0006;
  return out;
}

export function renderSyntheticCall(sampleRateHz: number, script = DEFAULT_SCRIPT): SyntheticCall {
  return {
    sampleRateHz,
    durationMs: script.durationMs,
    agent: renderVoice(sampleRateHz, script.durationMs, script.agent, 125, 1),
    customer: renderVoice(sampleRateHz, script.durationMs, script.customer, 205, 2),
    agentBursts: script.agent,
    customerBursts: script.customer,
  };
}

export type WavEncoding = '8' | '8a' | '8m' | '16' | '24' | '32' | '32f' | '64';

/** Encodes float channels as a WAV of the given wavefile bit-depth code. */
export function encodeWav(channels: readonly Float32Array[], sampleRateHz: number, encoding: WavEncoding, options: { container?: 'RIFF' | 'RIFX' } = {}): Uint8Array {
  const wav = new WaveFile();
  const isFloat = encoding === '32f' || encoding === '64';
  const pcmCode = encoding === '8a' || encoding === '8m' ? '16' : encoding;
  const bits = Number.parseInt(pcmCode, 10);
  const scaled = channels.map((channel) => {
    if (isFloat) return Float64Array.from(channel);
    const out = new Float64Array(channel.length);
    const full = 2 ** (bits - 1);
    for (let i = 0; i < channel.length; i++) {
      const value = Math.max(-1, Math.min(1, channel[i] as number));
      const quantised = Math.max(-full, Math.min(full - 1, Math.round(value * full)));
      // wavefile takes 8-bit PCM as unsigned.
      out[i] = bits === 8 ? quantised + 128 : quantised;
    }
    return out;
  });
  wav.fromScratch(channels.length, sampleRateHz, pcmCode, channels.length === 1 ? (scaled[0] as Float64Array) : scaled, options.container === undefined ? undefined : { container: options.container });
  if (encoding === '8a') wav.toALaw();
  if (encoding === '8m') wav.toMuLaw();
  return wav.toBuffer();
}

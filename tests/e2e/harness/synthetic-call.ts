// Writes small synthetic two-channel call WAVs (harmonic "voice" bursts over a faint noise floor)
// for e2e tests that need a recording quickly and without espeak.

import { writeFile } from 'node:fs/promises';
import { WaveFile } from 'wavefile';
import { seededRandom } from '../../support/seeded-random';

export interface ScriptedBurst {
  speaker: 'agent' | 'customer';
  startMs: number;
  endMs: number;
}

export interface SyntheticCallOptions {
  /** Default 16 000. */
  sampleRateHz?: number;
  /** Total length; default: 500 ms after the last burst. */
  durationMs?: number;
}

/** Agent talks, customer answers (with an agent "mm-hm"), customer interrupts, dead air, a short exchange. */
export const DEMO_CALL_SCRIPT: readonly ScriptedBurst[] = [
  { speaker: 'agent', startMs: 500, endMs: 4_000 },
  { speaker: 'customer', startMs: 4_600, endMs: 9_000 },
  { speaker: 'agent', startMs: 6_000, endMs: 6_300 },
  { speaker: 'agent', startMs: 9_500, endMs: 12_000 },
  { speaker: 'customer', startMs: 10_800, endMs: 14_500 },
  { speaker: 'agent', startMs: 20_500, endMs: 23_000 },
  { speaker: 'customer', startMs: 23_400, endMs: 26_000 },
];

/** Fundamental frequencies, far apart so the two voices are easy to tell apart by ear too. */
const F0_HZ = { agent: 125, customer: 205 } as const;
const VOICE_PEAK = 0.3;
const NOISE_RMS = 0.0008;
/** Harmonics up to telephone bandwidth. */
const MAX_HARMONIC_HZ = 3_600;
/** Syllable-rate loudness wobble, so the bursts are not perfectly steady tones. */
const SYLLABLE_RATE_HZ = 3.5;
const RAMP_MS = 15;

function renderChannel(speaker: ScriptedBurst['speaker'], script: readonly ScriptedBurst[], sampleCount: number, sampleRateHz: number, seed: number): Int16Array {
  const random = seededRandom(seed);
  const signal = new Float64Array(sampleCount);
  // Uniform noise with the wanted RMS: uniform on [-a, a] has RMS a/√3.
  const noiseAmplitude = NOISE_RMS * Math.sqrt(3);
  for (let i = 0; i < sampleCount; i++) signal[i] = (random() * 2 - 1) * noiseAmplitude;

  const f0 = F0_HZ[speaker];
  const harmonics = Math.floor(MAX_HARMONIC_HZ / f0);
  const rampSamples = Math.round((RAMP_MS / 1000) * sampleRateHz);
  for (const burst of script) {
    if (burst.speaker !== speaker) continue;
    const first = Math.round((burst.startMs / 1000) * sampleRateHz);
    const last = Math.min(sampleCount, Math.round((burst.endMs / 1000) * sampleRateHz));
    for (let i = first; i < last; i++) {
      const t = i / sampleRateHz;
      const ramp = Math.min(1, (i - first) / rampSamples, (last - 1 - i) / rampSamples);
      const syllable = 0.45 + 0.55 * Math.abs(Math.sin(Math.PI * SYLLABLE_RATE_HZ * t));
      let voice = 0;
      for (let k = 1; k <= harmonics; k++) voice += Math.sin(2 * Math.PI * k * f0 * t + k) / k;
      signal[i] = (signal[i] ?? 0) + (VOICE_PEAK / 2) * ramp * syllable * voice;
    }
  }

  const pcm = new Int16Array(sampleCount);
  for (let i = 0; i < sampleCount; i++) pcm[i] = Math.max(-32768, Math.min(32767, Math.round((signal[i] ?? 0) * 32767)));
  return pcm;
}

/** Writes a 16-bit stereo WAV: agent on the left channel, customer on the right. */
export async function writeSyntheticCall(path: string, script: readonly ScriptedBurst[] = DEMO_CALL_SCRIPT, options: SyntheticCallOptions = {}): Promise<void> {
  const sampleRateHz = options.sampleRateHz ?? 16_000;
  const lastEndMs = Math.max(0, ...script.map((b) => b.endMs));
  const durationMs = options.durationMs ?? lastEndMs + 500;
  const sampleCount = Math.round((durationMs / 1000) * sampleRateHz);
  const left = renderChannel('agent', script, sampleCount, sampleRateHz, 1);
  const right = renderChannel('customer', script, sampleCount, sampleRateHz, 2);
  const wav = new WaveFile();
  wav.fromScratch(2, sampleRateHz, '16', [left, right]);
  await writeFile(path, wav.toBuffer());
}

/** Writes a valid but mono WAV, which Attune must refuse with a clear message. */
export async function writeMonoWav(path: string, durationMs = 1_000, sampleRateHz = 16_000): Promise<void> {
  const samples = renderChannel('agent', [{ speaker: 'agent', startMs: 0, endMs: durationMs }], Math.round((durationMs / 1000) * sampleRateHz), sampleRateHz, 3);
  const wav = new WaveFile();
  wav.fromScratch(1, sampleRateHz, '16', samples);
  await writeFile(path, wav.toBuffer());
}

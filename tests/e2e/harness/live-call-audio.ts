// The scripted stereo call Chromium plays as its fake microphone in the live tests (agent left,
// customer right; the file loops). It opens with silence, so a test can start the call in a quiet
// stretch (the analyzer learns each line's noise floor first), then: the agent greets, the customer
// talks, the agent says a short "mm-hm" (a backchannel: no card), and later cuts the customer off for
// well over a second (an interruption: "Let them finish").

import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCall, type ScriptedBurst } from './synthetic-call';

export const LIVE_CALL_LOOP_MS = 16_000;

export const LIVE_CALL_SCRIPT: readonly ScriptedBurst[] = [
  { speaker: 'agent', startMs: 4_000, endMs: 5_600 },
  { speaker: 'customer', startMs: 6_200, endMs: 13_500 },
  // Backchannel: 350 ms while the customer talks.
  { speaker: 'agent', startMs: 8_000, endMs: 8_350 },
  // Interruption: the agent starts while the customer talks and keeps going 1.8 s.
  { speaker: 'agent', startMs: 10_800, endMs: 12_600 },
];

/** Where the interruption begins in the loop (the card's atMs is this, in call time). */
export const LIVE_CALL_INTERRUPTION_MS = 10_800;

/** Chromium resamples the fake capture file itself; 44.1 kHz is what a USB interface often delivers. */
const FILE_SAMPLE_RATE_HZ = 44_100;

/** A fixed path, so the spec's launch flags can name it before global setup writes it. */
export const LIVE_CALL_WAV_PATH = join(tmpdir(), 'attune-e2e-live-call-v1.wav');

/** Writes the loop (atomically: a second Playwright run may be reading the previous copy). */
export async function writeLiveCallWav(path: string = LIVE_CALL_WAV_PATH): Promise<void> {
  const partial = `${path}.${process.pid}.partial`;
  await writeSyntheticCall(partial, LIVE_CALL_SCRIPT, { sampleRateHz: FILE_SAMPLE_RATE_HZ, durationMs: LIVE_CALL_LOOP_MS });
  await rename(partial, path);
}

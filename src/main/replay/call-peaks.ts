// Keeps each recording's waveform peaks in a file beside it (<recording>.peaks), computed once: when
// the call is stored, or the first time an older call is replayed. A peaks file older than its
// recording (a repaired recording) or unreadable is computed afresh.

import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { openWavFile } from '../audio/wav-file-reader';
import { createPeaksAccumulator, decodePeaks, encodePeaks, type ChannelPeaks } from './waveform-peaks';

/** Where a recording's peaks are kept (deleting a call deletes this file with its recording). */
export function peaksPathFor(recordingPath: string): string {
  return `${recordingPath}.peaks`;
}

export interface RecordingPeaks {
  peaks: ChannelPeaks;
  /** The recording's length, from its header. */
  durationMs: number;
}

/** Reads both channels of a stereo WAV (agent left, as Attune stores calls) into peaks. */
export async function computeRecordingPeaks(recordingPath: string): Promise<RecordingPeaks> {
  const reader = await openWavFile(recordingPath);
  try {
    const { layout } = reader;
    if (layout.channelCount < 2) throw new Error(`${recordingPath} has ${layout.channelCount} channel(s); a call recording has two`);
    const accumulator = createPeaksAccumulator(layout.sampleRateHz);
    for await (const [agent, customer] of reader.readChannels([0, 1])) {
      if (agent !== undefined && customer !== undefined) accumulator.push(agent, customer);
    }
    return { peaks: accumulator.finish(), durationMs: Math.round((layout.frameCount / layout.sampleRateHz) * 1000) };
  } finally {
    await reader.close();
  }
}

async function recordingDurationMs(recordingPath: string): Promise<number> {
  const reader = await openWavFile(recordingPath);
  try {
    return Math.round((reader.layout.frameCount / reader.layout.sampleRateHz) * 1000);
  } finally {
    await reader.close();
  }
}

/** Computes the peaks and writes them beside the recording (atomically: a reader never sees half a file). */
export async function storeRecordingPeaks(recordingPath: string): Promise<RecordingPeaks> {
  const computed = await computeRecordingPeaks(recordingPath);
  const target = peaksPathFor(recordingPath);
  const partial = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(partial, encodePeaks(computed.peaks));
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return computed;
}

/**
 * The kept peaks of a recording, computed and kept now if there are none yet (or they are stale).
 * Rejects when the recording itself cannot be read (missing, not a WAV): the caller says so.
 */
export async function loadRecordingPeaks(recordingPath: string): Promise<RecordingPeaks> {
  const [recordingInfo, peaksInfo] = await Promise.all([stat(recordingPath), stat(peaksPathFor(recordingPath)).catch(() => null)]);
  if (peaksInfo !== null && peaksInfo.mtimeMs >= recordingInfo.mtimeMs) {
    const peaks = decodePeaks(new Uint8Array(await readFile(peaksPathFor(recordingPath))));
    if (peaks !== null) return { peaks, durationMs: await recordingDurationMs(recordingPath) };
  }
  return storeRecordingPeaks(recordingPath);
}

// Writes an imported call's audio as Attune keeps every recording: 16 kHz 16-bit stereo WAV, the agent
// on the left and the customer on the right (the live recorder's format, wav-header.ts), so replay and
// background transcription read imported and live calls alike, whatever the original was (MP3, a
// 44.1 kHz WAV with the agent on the right…). Written under a temporary name and renamed when whole.

import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { createResampler, type Resampler } from '../analysis/resampler';
import { RECORDING_SAMPLE_RATE_HZ, interleaveStereo, recordingHeader } from './wav-header';

export interface ImportedRecordingWriter {
  /** Appends the next block of both channels (equal lengths) at the input rate. */
  push(agent: Float32Array, customer: Float32Array, sampleRateHz: number): void;
  /** Flushes, writes the final header and moves the file to its path. Returns the audio length written. */
  finish(): { durationMs: number };
  /** Removes the partial file; safe after finish() or a failure. */
  abort(): void;
}

export function createImportedRecordingWriter(wavPath: string): ImportedRecordingWriter {
  // Unique, so two processes importing the same file at once never write into one partial file.
  const partPath = `${wavPath}.${randomBytes(4).toString('hex')}.importing`;
  const fd = openSync(partPath, 'w');
  let open = true;
  let dataBytes = 0;
  let resamplers: { agent: Resampler; customer: Resampler } | null = null;
  writeSync(fd, recordingHeader(0));

  function write(agent: Float32Array, customer: Float32Array): void {
    const bytes = interleaveStereo(toInt16(agent), toInt16(customer));
    writeSync(fd, bytes);
    dataBytes += bytes.length;
  }

  function close(): void {
    if (open) closeSync(fd);
    open = false;
  }

  return {
    push(agent, customer, sampleRateHz) {
      if (resamplers === null) {
        resamplers = {
          agent: createResampler(sampleRateHz, RECORDING_SAMPLE_RATE_HZ),
          customer: createResampler(sampleRateHz, RECORDING_SAMPLE_RATE_HZ),
        };
      } else if (resamplers.agent.fromHz !== sampleRateHz) {
        throw new Error(`sample rate changed from ${resamplers.agent.fromHz} to ${sampleRateHz} Hz`);
      }
      write(resamplers.agent.process(agent), resamplers.customer.process(customer));
    },
    finish() {
      if (resamplers !== null) write(resamplers.agent.flush(), resamplers.customer.flush());
      const header = recordingHeader(dataBytes);
      writeSync(fd, header, 0, header.length, 0);
      close();
      renameSync(partPath, wavPath);
      return { durationMs: Math.round(dataBytes / ((RECORDING_SAMPLE_RATE_HZ * 4) / 1000)) };
    },
    abort() {
      close();
      try {
        unlinkSync(partPath);
      } catch {
        // Already renamed or never written: nothing to remove.
      }
    },
  };
}

function toInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const clipped = Math.max(-1, Math.min(1, samples[i] as number));
    out[i] = Math.round(clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff);
  }
  return out;
}

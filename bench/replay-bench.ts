// Replay benchmark (part of `npm run bench`; alone: `npx tsx bench/replay-bench.ts`): what opening a
// 60-minute stored call costs the main process. A 16 kHz stereo recording of an hour is written to a
// throw-away library; its waveform peaks are computed once, as when the call is stored; then
// loadCallReplay (what getCallReplay answers: the kept peaks, base64, and the recording's URL) is
// timed over repeated opens, with the size of what crosses IPC. The renderer's side (drawing, the
// audio element ready to play) is measured by tests/e2e/replay.spec.ts. Figures, not pass/fail.

import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../src/main/library/library';
import { recordingHeader } from '../src/main/recording/wav-header';
import { storeRecordingPeaks } from '../src/main/replay/call-peaks';
import { loadCallReplay } from '../src/main/replay/call-replay';
import { recordingUrl } from '../src/main/replay/recording-protocol';
import { insertCall } from '../src/main/store/calls-repository';

const MINUTES = 60;
const OPENS = 20;

async function writeHourLongRecording(path: string): Promise<void> {
  const sampleRateHz = 16_000;
  const frames = MINUTES * 60 * sampleRateHz;
  const chunkFrames = sampleRateHz * 10;
  const chunk = new Int16Array(chunkFrames * 2);
  for (let i = 0; i < chunkFrames; i += 1) {
    const tone = Math.round(8_000 * Math.sin((2 * Math.PI * 220 * i) / sampleRateHz));
    const second = Math.floor(i / sampleRateHz);
    chunk[2 * i] = second % 4 < 2 ? tone : 0;
    chunk[2 * i + 1] = second % 4 >= 2 ? tone : 0;
  }
  const handle = await open(path, 'w');
  try {
    await handle.write(recordingHeader(frames * 4));
    const bytes = new Uint8Array(chunk.buffer);
    for (let done = 0; done < frames; done += chunkFrames) await handle.write(bytes, 0, Math.min(chunkFrames, frames - done) * 4);
  } finally {
    await handle.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runReplayBench(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'attune-replay-bench-'));
  const library = openLibrary(dataDir);
  try {
    const recordingPath = join(library.recordingsDir, 'hour.wav');
    await writeHourLongRecording(recordingPath);
    const peaksStartedMs = performance.now();
    const { peaks } = await storeRecordingPeaks(recordingPath);
    const peaksMs = performance.now() - peaksStartedMs;
    const durationMs = MINUTES * 60_000;
    const callId = insertCall(library.db, {
      recordingKey: 'hour',
      agentName: 'Bench',
      startedAt: '2026-12-01T09:00:00.000Z',
      durationMs,
      recordingPath,
      metrics: {
        durationMs,
        talkRatio: 0.5,
        agent: { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] },
        customer: { talkMs: 0, longestMonologueMs: 0, interruptions: 0, segments: [] },
        interruptions: [],
        backchannels: [],
        overlapMs: 0,
        silenceMs: 0,
        deadAir: [],
        responseGapMs: { median: null, p90: null },
      },
      cards: [],
      notes: [],
      recovered: false,
      source: 'live',
    });
    const openTimesMs: number[] = [];
    let payloadBytes = 0;
    for (let i = 0; i < OPENS; i += 1) {
      const startedMs = performance.now();
      const replay = await loadCallReplay(library.db, callId, recordingUrl);
      openTimesMs.push(performance.now() - startedMs);
      payloadBytes = JSON.stringify(replay).length;
    }
    process.stdout.write(
      `  ${MINUTES}-minute call: peaks computed once in ${Math.round(peaksMs)} ms (${peaks.agent.length} per channel, ${peaks.peaksPerSecond}/s); ` +
        `getCallReplay median ${median(openTimesMs).toFixed(1)} ms, worst ${Math.max(...openTimesMs).toFixed(1)} ms over ${OPENS} opens; ` +
        `${Math.round(payloadBytes / 1024)} KiB over IPC\n`,
    );
  } finally {
    library.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('replay-bench.ts')) {
  process.stdout.write('Attune replay benchmark\n');
  runReplayBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

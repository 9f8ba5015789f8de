// Benchmark (`npm run bench`): whole-file analysis of a 60-minute 48 kHz stereo call through the real
// CLI process (wall time, real-time factor, peak RSS), the stages in-process (decode, resample), and
// the live path's cost per 10 ms frame pair (analyzer; 48 kHz resampling reported separately).
// Targets: ≥ 200× real time for the file, ≤ 200 µs per frame pair. Figures, not pass/fail.
// Then the live session over the generated calls (bench/live-bench.ts): CPU per second of audio and
// the interruption cue latency. Last, with ATTUNE_VOSK_MODEL=/path/to/vosk-model, transcription of the
// generated calls (bench/transcription-bench.ts): word error rate and the recognizer's real-time factor
// per channel; without a model it says "skipped: no model".
//
// The replay's main-process side of opening a 60-minute call (bench/replay-bench.ts).
// First of all, the library's filter/sort times on 10 000 calls (bench/library-bench.ts; target ≤ 50 ms).
//
//   npm run bench [-- --synthetic] [--minutes N] [--live-only] [--transcription-only] [--library-only]
//                 [--transcription-conditions clean,phone-noise,bleed,all]
//
// The call comes from the fixtures' renderLongCall (espeak-ng voices, looped) when available;
// `--synthetic` (or a fixtures failure) uses synthetic voiced bursts instead. Cached in bench/generated/.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createChannelPairFramer } from '../src/main/analysis/analyze-channels';
import { createConversationAnalyzer } from '../src/main/analysis/conversation-analyzer';
import { ANALYSIS_SAMPLE_RATE_HZ, FRAME_DURATION_MS } from '../src/main/analysis/options';
import { createResampler } from '../src/main/analysis/resampler';
import { openWavFile } from '../src/main/audio/wav-file-reader';
import { encodeWav, renderSyntheticCall } from '../tests/unit/cli/synthetic-call';
import { CALL_CONDITIONS, type CallCondition } from '../tests/fixtures/call-scripts';
import { runLiveBench } from './live-bench';
import { runTranscriptionBench } from './transcription-bench';
import { runLibraryBench } from './library-bench';
import { runReplayBench } from './replay-bench';

const ROOT = resolve(__dirname, '..');
const GENERATED_DIR = join(ROOT, 'bench', 'generated');
const BIN = join(ROOT, 'bin', 'attune.cjs');
const SAMPLE_RATE_HZ = 48_000;
/** Frames timed one by one for the live-path figures (5 minutes of call). */
const LIVE_FRAMES = 30_000;

const { values: flags } = parseArgs({
  options: {
    synthetic: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '60' },
    'live-only': { type: 'boolean', default: false },
    'transcription-only': { type: 'boolean', default: false },
    'transcription-conditions': { type: 'string', default: CALL_CONDITIONS.join(',') },
    'library-only': { type: 'boolean', default: false },
  },
});
const durationMinutes = Number(flags.minutes);

// ---------------------------------------------------------------------------------------------
// The long call

/** Loops a synthetic 12 s two-speaker call into `outPath` (48 kHz 16-bit stereo), streaming to disk. */
async function writeSyntheticLongCall(minutes: number, outPath: string): Promise<void> {
  const call = renderSyntheticCall(SAMPLE_RATE_HZ);
  const unit = encodeWav([call.agent, call.customer], SAMPLE_RATE_HZ, '16');
  const unitData = unit.subarray(44);
  const totalDataBytes = Math.round((minutes * 60 * SAMPLE_RATE_HZ)) * 4;
  const header = unit.slice(0, 44);
  const view = new DataView(header.buffer);
  view.setUint32(4, 36 + totalDataBytes, true);
  view.setUint32(40, totalDataBytes, true);
  const partPath = `${outPath}.${process.pid}.part`;
  const file = await open(partPath, 'w');
  try {
    await file.write(header);
    for (let written = 0; written < totalDataBytes; ) {
      const piece = unitData.subarray(0, Math.min(unitData.length, totalDataBytes - written));
      await file.write(piece);
      written += piece.length;
    }
  } finally {
    await file.close();
  }
  await rename(partPath, outPath);
}

async function ensureLongCall(): Promise<{ path: string; source: string }> {
  await mkdir(GENERATED_DIR, { recursive: true });
  const fixturesPath = join(GENERATED_DIR, `long-call-${durationMinutes}min-fixtures-48k-pcm16.wav`);
  const syntheticPath = join(GENERATED_DIR, `long-call-${durationMinutes}min-synthetic-48k-pcm16.wav`);
  if (!flags.synthetic) {
    if (existsSync(fixturesPath)) return { path: fixturesPath, source: 'fixtures (espeak-ng calls, looped), cached' };
    try {
      const fixtures = await import('../tests/fixtures/call-fixtures');
      process.stdout.write(`rendering a ${durationMinutes}-minute call from the fixtures…\n`);
      await fixtures.renderLongCall(durationMinutes, fixturesPath);
      return { path: fixturesPath, source: 'fixtures (espeak-ng calls, looped)' };
    } catch (error) {
      process.stdout.write(`fixtures unavailable (${error instanceof Error ? error.message : String(error)}); using synthetic speech\n`);
    }
  }
  if (!existsSync(syntheticPath)) await writeSyntheticLongCall(durationMinutes, syntheticPath);
  return { path: syntheticPath, source: 'synthetic voiced bursts' };
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface ProcessRun {
  wallMs: number;
  maxRssKb: number | null;
  exitCode: number | null;
  stdoutBytes: number;
}

/** Runs the CLI as a user would; peak RSS from GNU time if present, else from the CLI's own stats line. */
function runCli(path: string): Promise<ProcessRun> {
  const useGnuTime = existsSync('/usr/bin/time');
  const command = useGnuTime ? '/usr/bin/time' : process.execPath;
  const args = useGnuTime ? ['-v', process.execPath, BIN, 'analyze', path, '--json'] : [BIN, 'analyze', path, '--json'];
  return new Promise((done, fail) => {
    const startedMs = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ATTUNE_STATS: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdoutBytes += chunk.length));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', fail);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - startedMs;
      const gnu = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const own = /attune-stats (\{.*\})/.exec(stderr);
      const ownRss = own?.[1] === undefined ? null : (JSON.parse(own[1]) as { maxRssKb: number }).maxRssKb;
      if (exitCode !== 0) process.stdout.write(`CLI failed (${exitCode}):\n${stderr}\n`);
      done({ wallMs, maxRssKb: gnu?.[1] !== undefined ? Number(gnu[1]) : ownRss, exitCode, stdoutBytes });
    });
  });
}

function summarize(samplesNs: Float64Array): { meanUs: number; p99Us: number; maxUs: number } {
  const sorted = Float64Array.from(samplesNs).sort();
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { meanUs: mean / 1000, p99Us: (sorted[Math.floor(sorted.length * 0.99)] ?? 0) / 1000, maxUs: (sorted[sorted.length - 1] ?? 0) / 1000 };
}

/** Decode only, then decode + resample both channels, in-process (no analyzer). */
async function measureStages(path: string): Promise<{ audioSeconds: number; decodeMs: number; resampleMs: number; framesAtRate: number }> {
  const reader = await openWavFile(path);
  const audioSeconds = reader.layout.frameCount / reader.layout.sampleRateHz;
  let startedMs = performance.now();
  for await (const block of reader.readChannels([0, 1])) void block;
  const decodeMs = performance.now() - startedMs;
  const left = createResampler(reader.layout.sampleRateHz, ANALYSIS_SAMPLE_RATE_HZ);
  const right = createResampler(reader.layout.sampleRateHz, ANALYSIS_SAMPLE_RATE_HZ);
  let resampleMs = 0;
  for await (const [agent, customer] of reader.readChannels([0, 1])) {
    if (agent === undefined || customer === undefined) throw new Error('missing channel');
    startedMs = performance.now();
    left.process(agent);
    right.process(customer);
    resampleMs += performance.now() - startedMs;
  }
  await reader.close();
  return { audioSeconds, decodeMs, resampleMs, framesAtRate: reader.layout.sampleRateHz };
}

/** The live path, frame by frame: analyzer pushFrame, and separately 48 kHz → 16 kHz resampling of a 10 ms chunk pair. */
async function measureLive(path: string): Promise<{ analyzer: ReturnType<typeof summarize>; resample: ReturnType<typeof summarize>; frames: number }> {
  const reader = await openWavFile(path);
  const rateHz = reader.layout.sampleRateHz;
  const chunkSamples = (rateHz * FRAME_DURATION_MS) / 1000;
  const agentChunks: Float32Array[] = [];
  const customerChunks: Float32Array[] = [];
  for await (const [agent, customer] of reader.readChannels([0, 1])) {
    if (agent === undefined || customer === undefined) throw new Error('missing channel');
    for (let at = 0; at + chunkSamples <= agent.length && agentChunks.length < LIVE_FRAMES; at += chunkSamples) {
      agentChunks.push(agent.slice(at, at + chunkSamples));
      customerChunks.push(customer.slice(at, at + chunkSamples));
    }
    if (agentChunks.length >= LIVE_FRAMES) break;
  }
  await reader.close();

  // Resampling, as the live capture will do it: one 10 ms chunk per channel at a time.
  const left = createResampler(rateHz, ANALYSIS_SAMPLE_RATE_HZ);
  const right = createResampler(rateHz, ANALYSIS_SAMPLE_RATE_HZ);
  const resampleNs = new Float64Array(agentChunks.length);
  const frames: [Float32Array, Float32Array][] = [];
  const framer = createChannelPairFramer(ANALYSIS_SAMPLE_RATE_HZ, (a, c) => frames.push([a, c]));
  for (let i = 0; i < agentChunks.length; i++) {
    const startedNs = process.hrtime.bigint();
    const a = left.process(agentChunks[i] as Float32Array);
    const c = right.process(customerChunks[i] as Float32Array);
    resampleNs[i] = Number(process.hrtime.bigint() - startedNs);
    framer.push(a, c);
  }
  framer.finish();

  const analyzer = createConversationAnalyzer();
  const analyzerNs = new Float64Array(frames.length);
  for (let i = 0; i < frames.length; i++) {
    const [a, c] = frames[i] as [Float32Array, Float32Array];
    const startedNs = process.hrtime.bigint();
    analyzer.pushFrame(a, c);
    analyzerNs[i] = Number(process.hrtime.bigint() - startedNs);
  }
  analyzer.finish();
  return { analyzer: summarize(analyzerNs), resample: summarize(resampleNs), frames: frames.length };
}

function transcriptionConditions(): CallCondition[] {
  const names = flags['transcription-conditions'].split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(CALL_CONDITIONS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`--transcription-conditions: unknown ${unknown.join(', ')} (known: ${CALL_CONDITIONS.join(', ')})\n`);
    process.exit(2);
  }
  return names as CallCondition[];
}

async function main(): Promise<void> {
  const conditions = transcriptionConditions();
  if (!flags['transcription-only'] && !flags['live-only']) {
    process.stdout.write('\nAttune library benchmark\n');
    runLibraryBench();
    if (flags['library-only']) return;
  }
  if (!flags['transcription-only']) {
    if (!flags['live-only']) await benchFileAnalysis();
    process.stdout.write('\nAttune live benchmark\n');
    await runLiveBench();
    if (!flags['live-only']) {
      process.stdout.write('\nAttune replay benchmark\n');
      await runReplayBench();
    }
  }
  process.stdout.write('\nAttune transcription benchmark\n');
  if (!(await runTranscriptionBench({ conditions }))) process.exitCode = 1;
}

async function benchFileAnalysis(): Promise<void> {
  const { path, source } = await ensureLongCall();
  const fileBytes = (await stat(path)).size;
  const first = await openWavFile(path);
  const layout = first.layout;
  await first.close();
  const audioSeconds = layout.frameCount / layout.sampleRateHz;
  const line = (label: string, value: string): void => void process.stdout.write(`${label.padEnd(34)}${value}\n`);

  process.stdout.write('\nAttune analysis benchmark\n');
  line('call', `${(audioSeconds / 60).toFixed(1)} min, ${layout.sampleRateHz} Hz ${layout.encoding} × ${layout.channelCount}, ${(fileBytes / 2 ** 20).toFixed(0)} MiB`);
  line('source', `${source}: ${path}`);

  process.stdout.write('\nwhole process: node bin/attune.cjs analyze <file> --json\n');
  for (let run = 1; run <= 2; run++) {
    const result = await runCli(path);
    line(`  run ${run}`, `${(result.wallMs / 1000).toFixed(2)} s wall → ${(audioSeconds / (result.wallMs / 1000)).toFixed(0)}× real time (target ≥ 200×); peak RSS ${result.maxRssKb === null ? 'n/a' : `${(result.maxRssKb / 1024).toFixed(0)} MiB`}; exit ${result.exitCode}`);
  }

  process.stdout.write('\nstages in-process (both channels)\n');
  const stages = await measureStages(path);
  line('  read + decode to float', `${(stages.decodeMs / 1000).toFixed(2)} s → ${(stages.audioSeconds / (stages.decodeMs / 1000)).toFixed(0)}× real time`);
  line(`  resample ${layout.sampleRateHz} → 16000 Hz`, `${(stages.resampleMs / 1000).toFixed(2)} s → ${((2 * stages.audioSeconds) / (stages.resampleMs / 1000)).toFixed(0)}× real time per channel`);

  process.stdout.write(`\nlive path, per 10 ms frame pair (first ${LIVE_FRAMES} frames)\n`);
  const live = await measureLive(path);
  line('  analyzer pushFrame', `mean ${live.analyzer.meanUs.toFixed(1)} µs, p99 ${live.analyzer.p99Us.toFixed(1)} µs, max ${live.analyzer.maxUs.toFixed(0)} µs (target ≤ 200 µs)`);
  line(`  resample ${layout.sampleRateHz} Hz chunk pair`, `mean ${live.resample.meanUs.toFixed(1)} µs, p99 ${live.resample.p99Us.toFixed(1)} µs, max ${live.resample.maxUs.toFixed(0)} µs`);
  line('  frame budget used', `${(((live.analyzer.meanUs + live.resample.meanUs) / (FRAME_DURATION_MS * 1000)) * 100).toFixed(2)} % of real time (mean)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

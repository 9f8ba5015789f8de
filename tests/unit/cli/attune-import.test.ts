// `attune import`, spawned as a user runs it, on generated calls: the stored call has the talk ratio
// and interruption counts `attune analyze` reports for the same recording (exactly for WAV; for MP3,
// Ogg Opus and Ogg Vorbis made from it, the counts exactly and the ratio within a lossy codec's error),
// the kept recording is a 16 kHz agent-left WAV, a folder with bad files imports the good ones and
// lists the others with reasons (exit 1), and the same bytes twice are refused as a duplicate.
// The compressed files are made with lame, opusenc and sox (installed by .ci/run).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { recordingHeader } from '../../../src/main/recording/wav-header';
import { runAttune as runCli, type RunResult } from './run-attune';
import { encodeWav, renderSyntheticCall } from './synthetic-call';

const execFileAsync = promisify(execFile);

/** Turns in both directions: the customer cuts in at 2.4 s, the agent at 5.6 s, the customer again at 8.4 s. */
const SCRIPT = {
  agent: [
    [500, 3000],
    [5600, 9000],
  ] as [number, number][],
  customer: [
    [2400, 6500],
    [8400, 11500],
  ] as [number, number][],
  durationMs: 12_000,
};

interface AnalyzeReport {
  durationMs: number;
  talkRatio: number;
  agent: { interruptions: number };
  customer: { interruptions: number };
}

interface FileLine {
  type: 'file';
  status: 'imported' | 'duplicate' | 'failed';
  path: string;
  callId?: number;
  format?: string;
  startedAt?: string;
  durationMs?: number;
  talkRatio?: number;
  interruptions?: { agent: number; customer: number };
  recordingPath?: string;
  reason?: string;
}

interface SummaryLine {
  type: 'summary';
  imported: number;
  duplicates: number;
  failed: number;
}

let dir = '';
let wavPath = '';

/** Each test its own library, so imports in one never make duplicates in another. */
function libraryRunner(name: string): (args: readonly string[]) => Promise<RunResult> {
  return (args) => runCli(args, { dataDir: join(dir, `library-${name}`) });
}

async function encode(tool: 'lame' | 'opusenc' | 'sox', args: string[], debianPackage: string): Promise<void> {
  try {
    await execFileAsync(tool, args);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(`${tool} is not installed; the import tests need it (Debian: apt-get install -y ${debianPackage})`);
    }
    throw error;
  }
}

function parseJsonLines(stdout: string): { files: FileLine[]; summary: SummaryLine } {
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FileLine | SummaryLine);
  const summary = lines.at(-1);
  assert.ok(summary?.type === 'summary', `last line is the summary: ${stdout}`);
  const files = lines.slice(0, -1) as FileLine[];
  for (const file of files) assert.equal(file.type, 'file');
  return { files, summary };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-import-'));
  const call = renderSyntheticCall(44_100, SCRIPT);
  wavPath = join(dir, 'call-44k.wav');
  await writeFile(wavPath, encodeWav([call.agent, call.customer], 44_100, '16'));
  await encode('lame', ['--quiet', '-b', '128', wavPath, join(dir, 'call.mp3')], 'lame');
  await encode('opusenc', ['--quiet', '--bitrate', '64', wavPath, join(dir, 'call.opus')], 'opus-tools');
  await encode('sox', [wavPath, '-C', '5', join(dir, 'call.ogg')], 'sox');
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('attune import', () => {
  it('stores a WAV call with exactly the talk ratio and interruptions `attune analyze` reports, agent on the right too', async () => {
    const run = libraryRunner('wav');
    for (const agent of ['left', 'right'] as const) {
      const copy = join(dir, `call-agent-${agent}.wav`);
      const bytes = await readFile(wavPath);
      // A different byte (in the silence at the very end) so the two imports are not duplicates.
      bytes[bytes.length - 1] = agent === 'left' ? 1 : 2;
      await writeFile(copy, bytes);
      const analyze = await run(['analyze', copy, '--json', '--agent', agent]);
      assert.equal(analyze.code, 0, analyze.stderr);
      const expected = JSON.parse(analyze.stdout) as AnalyzeReport;
      assert.ok(expected.agent.interruptions > 0 && expected.customer.interruptions > 0, `both sides interrupt: ${analyze.stdout}`);

      const imported = await run(['import', copy, '--json', '--agent', agent, '--agent-name', 'Dana Reyes']);
      assert.equal(imported.code, 0, imported.stderr);
      const { files, summary } = parseJsonLines(imported.stdout);
      assert.deepEqual(summary, { type: 'summary', imported: 1, duplicates: 0, failed: 0 });
      const [file] = files;
      assert.ok(file !== undefined);
      assert.equal(file.status, 'imported');
      assert.equal(file.format, 'wav');
      assert.equal(file.talkRatio, expected.talkRatio);
      assert.deepEqual(file.interruptions, { agent: expected.agent.interruptions, customer: expected.customer.interruptions });
      assert.equal(file.durationMs, expected.durationMs);

      const calls = await run(['calls', '--json']);
      const rows = (JSON.parse(calls.stdout) as { calls: { id: number; agentName: string; talkRatio: number; interruptions: object; durationMs: number }[] }).calls;
      const row = rows.find((candidate) => candidate.id === file.callId);
      assert.ok(row !== undefined, calls.stdout);
      assert.equal(row.agentName, 'Dana Reyes');
      assert.equal(row.talkRatio, expected.talkRatio);
      assert.deepEqual(row.interruptions, { agent: expected.agent.interruptions, customer: expected.customer.interruptions });

      // The kept recording is 16 kHz 16-bit stereo with the agent on the left, whatever the original was.
      const recordingPath = file.recordingPath ?? '';
      const kept = await readFile(recordingPath);
      const header = new DataView(kept.buffer, kept.byteOffset, 44);
      assert.equal(header.getUint16(22, true), 2, 'channels');
      assert.equal(header.getUint32(24, true), 16_000, 'sample rate');
      assert.equal(header.getUint16(34, true), 16, 'bits');
      assert.equal(header.getUint32(40, true), kept.length - 44, 'data size');
      const reanalysed = await run(['analyze', recordingPath, '--json']);
      const again = JSON.parse(reanalysed.stdout) as AnalyzeReport;
      assert.deepEqual([again.agent.interruptions, again.customer.interruptions], [expected.agent.interruptions, expected.customer.interruptions]);
      assert.ok(Math.abs(again.talkRatio - expected.talkRatio) < 0.01, `${again.talkRatio} vs ${expected.talkRatio}`);
    }
  });

  it('decodes MP3, Ogg Opus and Ogg Vorbis into the same analysis: the counts of the WAV they came from, the ratio within 0.02', async () => {
    const run = libraryRunner('compressed');
    const analyze = await run(['analyze', wavPath, '--json']);
    const expected = JSON.parse(analyze.stdout) as AnalyzeReport;
    const paths = ['call.mp3', 'call.opus', 'call.ogg'].map((name) => join(dir, name));
    const result = await run(['import', ...paths, '--json']);
    assert.equal(result.code, 0, `${result.stdout}${result.stderr}`);
    const { files, summary } = parseJsonLines(result.stdout);
    assert.deepEqual(summary, { type: 'summary', imported: 3, duplicates: 0, failed: 0 });
    assert.deepEqual(
      files.map((file) => [file.path, file.format]),
      [
        [paths[0], 'mp3'],
        [paths[1], 'ogg-opus'],
        [paths[2], 'ogg-vorbis'],
      ],
    );
    for (const file of files) {
      assert.deepEqual(file.interruptions, { agent: expected.agent.interruptions, customer: expected.customer.interruptions }, file.path);
      assert.ok(Math.abs((file.talkRatio ?? -1) - expected.talkRatio) <= 0.02, `${file.path}: ${file.talkRatio} vs ${expected.talkRatio}`);
      // Encoder padding may add a few tens of ms at the ends.
      assert.ok(Math.abs((file.durationMs ?? 0) - expected.durationMs) <= 100, `${file.path}: ${file.durationMs} ms`);
    }
  });

  it('takes the start from the file: its modification time minus the call length', async () => {
    const run = libraryRunner('mtime');
    const path = join(dir, 'dated.mp3');
    await copyFile(join(dir, 'call.mp3'), path);
    const endedAt = new Date('2026-11-30T15:42:10.000Z');
    await utimes(path, endedAt, endedAt);
    const result = await run(['import', path, '--json']);
    const [file] = parseJsonLines(result.stdout).files;
    assert.ok(file?.startedAt !== undefined && file.durationMs !== undefined, result.stdout);
    assert.equal(file.startedAt, new Date(endedAt.getTime() - file.durationMs).toISOString());
  });

  it('imports the good files of a folder (recursively, audio only) and lists every bad one with its reason; exit 1', async () => {
    const run = libraryRunner('folder');
    const folder = join(dir, 'batch');
    await mkdir(join(folder, 'week 2'), { recursive: true });
    const call = renderSyntheticCall(16_000, SCRIPT);
    await writeFile(join(folder, 'a-good.wav'), encodeWav([call.agent, call.customer], 16_000, '16'));
    await copyFile(join(dir, 'call.mp3'), join(folder, 'week 2', 'b-good.mp3'));
    await copyFile(join(dir, 'call.ogg'), join(folder, 'week 2', 'c-good.ogg'));
    await writeFile(join(folder, 'd-mono.wav'), encodeWav([call.agent], 16_000, '16'));
    await encode('lame', ['--quiet', '-m', 'm', join(folder, 'd-mono.wav'), join(folder, 'e-mono.mp3')], 'lame');
    await writeFile(join(folder, 'f-unreadable.wav'), 'these are meeting notes, not audio\n');
    await writeFile(join(folder, 'g-zero-length.wav'), recordingHeader(0));
    await encode('sox', [join(folder, 'g-zero-length.wav'), join(folder, 'g-zero-length.ogg')], 'sox');
    await encode('opusenc', ['--quiet', join(folder, 'g-zero-length.wav'), join(folder, 'g-zero-length.opus')], 'opus-tools');
    await writeFile(join(folder, 'h-empty.opus'), '');
    // An M4A's first box: size, "ftyp", brand.
    await writeFile(join(folder, 'i-phone.m4a'), Buffer.from('00000018667479704d344120000000004d344120', 'hex'));
    await writeFile(join(folder, 'notes.txt'), 'not audio, not looked at\n');
    // An MP3 with 20 kB of junk in the middle: the damaged frames are skipped (and said), quietly.
    const mp3 = await readFile(join(dir, 'call.mp3'));
    await writeFile(join(folder, 'j-damaged.mp3'), Buffer.concat([mp3.subarray(0, 40_000), Buffer.alloc(20_000, 0x5a), mp3.subarray(60_000)]));
    await writeFile(join(folder, 'k-junk.mp3'), Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x00]), Buffer.alloc(30_000, 0x5a)]));

    const result = await run(['import', folder]);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.trim().split('\n');
    const expected: [status: string, name: string, reason: RegExp][] = [
      ['imported', 'a-good.wav', /: call \d+, 0:12, agent talk \d+ %, interrupted by agent\/customer \d+\/\d+$/],
      ['failed', 'd-mono.wav', /d-mono\.wav has 1 channel; Attune needs a stereo recording with the agent on one channel and the customer on the other \(most softphones and call recorders can save one: look for a "stereo", "dual-channel" or "separate channels" recording setting, then export the call as WAV\)$/],
      ['failed', 'e-mono.mp3', /e-mono\.mp3 has 1 channel; Attune needs a stereo recording/],
      ['failed', 'f-unreadable.wav', /f-unreadable\.wav is not an audio file Attune can read \(it imports WAV, MP3, Ogg Opus and Ogg Vorbis\)$/],
      ['failed', 'g-zero-length.ogg', /g-zero-length\.ogg has no Ogg Vorbis audio in it \(0 s long\)$/],
      ['failed', 'g-zero-length.opus', /g-zero-length\.opus has no audio to speak of \(0\.\d\d s; a call needs at least 1 s\)$/],
      ['failed', 'g-zero-length.wav', /g-zero-length\.wav contains no audio \(its data chunk is empty\)$/],
      ['failed', 'h-empty.opus', /h-empty\.opus is empty \(0 bytes\)$/],
      ['failed', 'i-phone.m4a', /i-phone\.m4a is M4A\/MP4 \(AAC\): Attune can't decode AAC .*convert it to WAV/],
      ['imported', 'j-damaged.mp3', /: call \d+, 0:\d\d, .* \(\d+ damaged frames skipped: times after them are early\)$/],
      ['failed', 'k-junk.mp3', /k-junk\.mp3 is damaged: only 0\.\d\d s of it could be decoded \(\d+ frames could not\)$/],
      ['imported', join('week 2', 'b-good.mp3'), /: call \d+, 0:12, /],
      ['imported', join('week 2', 'c-good.ogg'), /: call \d+, 0:12, /],
    ];
    assert.equal(lines.length, expected.length + 1, result.stdout);
    expected.forEach(([status, name, reason], index) => {
      const line = lines[index] ?? '';
      // The counter is padded to the width of the total.
      assert.ok(line.startsWith(`[${String(index + 1).padStart(2)}/${expected.length}] ${status.padEnd(10)} ${join(folder, name)}: `), line);
      assert.match(line, reason);
    });
    assert.equal(lines.at(-1), '13 files: 4 imported, 0 duplicates, 9 failed');

    const calls = JSON.parse((await run(['calls', '--json'])).stdout) as { calls: unknown[] };
    assert.equal(calls.calls.length, 4);
    // Nothing half-written is left behind by the files that failed.
    const recordings = await readdir(join(dir, 'library-folder', 'recordings'));
    assert.equal(recordings.length, 4, recordings.join(', '));
    assert.ok(recordings.every((name) => /^import-[0-9a-f]{64}\.wav$/.test(name)), recordings.join(', '));
  });

  it('refuses the same bytes twice as a duplicate naming the call, under any name; a duplicate alone is not a failure', async () => {
    const run = libraryRunner('duplicate');
    const first = await run(['import', wavPath, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const callId = parseJsonLines(first.stdout).files[0]?.callId;
    const renamed = join(dir, 'renamed copy.wav');
    await copyFile(wavPath, renamed);

    const again = await run(['import', wavPath, renamed]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(again.stdout.trim().split('\n'), [
      `[1/2] duplicate  ${wavPath}: already imported as call ${callId} (the same bytes)`,
      `[2/2] duplicate  ${renamed}: already imported as call ${callId} from ${wavPath} (the same bytes)`,
      '2 files: 0 imported, 2 duplicates, 0 failed',
    ]);
    const json = parseJsonLines((await run(['import', renamed, '--json'])).stdout);
    assert.deepEqual(json.files, [
      { type: 'file', status: 'duplicate', path: renamed, callId, reason: `already imported as call ${callId} from ${wavPath} (the same bytes)` },
    ]);
    assert.equal((JSON.parse((await run(['calls', '--json'])).stdout) as { calls: unknown[] }).calls.length, 1);
  });

  it('names a path that does not exist and a folder without audio, and goes on', async () => {
    const run = libraryRunner('missing');
    const empty = join(dir, 'no-audio');
    await mkdir(empty, { recursive: true });
    await writeFile(join(empty, 'readme.txt'), 'x');
    const missing = join(dir, 'gone.wav');
    const result = await run(['import', missing, empty, join(dir, 'call.ogg')]);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines[0], `[1/3] failed     ${missing}: no such file or folder`);
    assert.equal(lines[1], `[2/3] failed     ${empty}: no audio files in this folder (looked for .wav, .mp3, .ogg, .opus…)`);
    assert.match(lines[2] ?? '', /^\[3\/3\] imported /);
    assert.equal(lines[3], '3 files: 1 imported, 0 duplicates, 2 failed');
  });

  it('rejects a bad command line with one line and exit 2', async () => {
    const run = libraryRunner('usage');
    const cases: [string[], string][] = [
      [['import'], 'attune: import needs files or folders: attune import <call.wav|folder>…'],
      [['import', 'x.wav', '--agent', 'middle'], 'attune: --agent must be left or right, not "middle"'],
      [['import', 'x.wav', '--agent-name', ''], 'attune: --agent-name needs a name'],
      [['import', 'x.wav', '--speed', '2'], 'attune: unknown option --speed (try `attune import --help`)'],
    ];
    for (const [args, line] of cases) {
      const result = await run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `${line}\n`);
    }
    const help = await run(['import', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: attune import <files or folders…>/);
    assert.match((await run(['--help'])).stdout, /import <files or folders…>/);
  });
});

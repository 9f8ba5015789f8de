// The real `attune` bin, spawned as a user would run it: exit codes, one-line errors without stack
// traces, the exact --json shape, and the same segments whatever rate and encoding the call is in.

import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertUserError, runAttune as runCli, type RunResult } from './run-attune';
import { encodeWav, renderSyntheticCall, type WavEncoding } from './synthetic-call';

const JSON_KEYS = ['file', 'durationMs', 'talkRatio', 'agent', 'customer', 'interruptions', 'backchannels', 'overlapMs', 'silenceMs', 'deadAir', 'responseGapMs'];
const SPEAKER_KEYS = ['talkMs', 'longestMonologueMs', 'interruptions', 'segments'];

function assertJsonShape(report: unknown): asserts report is Record<string, unknown> {
  assert.ok(typeof report === 'object' && report !== null && !Array.isArray(report));
  const record = report as Record<string, unknown>;
  assert.deepEqual(Object.keys(record), JSON_KEYS);
  assert.equal(typeof record['file'], 'string');
  for (const key of ['durationMs', 'talkRatio', 'overlapMs', 'silenceMs']) assert.equal(typeof record[key], 'number', key);
  for (const speaker of ['agent', 'customer']) {
    const metrics = record[speaker] as Record<string, unknown>;
    assert.deepEqual(Object.keys(metrics), SPEAKER_KEYS);
    for (const key of SPEAKER_KEYS.slice(0, 3)) assert.equal(typeof metrics[key], 'number');
    assert.ok(Array.isArray(metrics['segments']));
    for (const segment of metrics['segments'] as unknown[]) {
      assert.ok(Array.isArray(segment) && segment.length === 2 && segment.every((value) => typeof value === 'number'));
    }
  }
  for (const item of record['interruptions'] as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(item), ['atMs', 'by', 'overlapMs']);
    assert.ok(item['by'] === 'agent' || item['by'] === 'customer');
  }
  for (const item of record['backchannels'] as Record<string, unknown>[]) assert.deepEqual(Object.keys(item), ['atMs', 'by']);
  for (const item of record['deadAir'] as Record<string, unknown>[]) assert.deepEqual(Object.keys(item), ['atMs', 'durationMs']);
  const gap = record['responseGapMs'] as Record<string, unknown>;
  assert.deepEqual(Object.keys(gap), ['median', 'p90']);
  for (const value of Object.values(gap)) assert.ok(value === null || typeof value === 'number');
}

type Segments = [number, number][];

let dir = '';
const FORMATS: [sampleRateHz: number, encoding: WavEncoding][] = [
  [8000, '16'],
  [8000, '8m'],
  [16000, '24'],
  [22050, '16'],
  [44100, '32f'],
  [48000, '16'],
  [48000, '24'],
  [48000, '32f'],
];
const pathFor = (sampleRateHz: number, encoding: WavEncoding): string => join(dir, `call-${sampleRateHz}-${encoding}.wav`);
/** Every command may look for unfinished calls in the library folder: this test's own, never the user's. */
const runAttune = (args: readonly string[]): Promise<RunResult> => runCli(args, { dataDir: join(dir, 'library') });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-cli-'));
  for (const [sampleRateHz, encoding] of FORMATS) {
    const call = renderSyntheticCall(sampleRateHz);
    await writeFile(pathFor(sampleRateHz, encoding), encodeWav([call.agent, call.customer], sampleRateHz, encoding));
  }
  const call = renderSyntheticCall(16000);
  await writeFile(join(dir, 'mono.wav'), encodeWav([call.agent], 16000, '16'));
  const stereo = encodeWav([call.agent, call.customer], 16000, '16');
  await writeFile(join(dir, 'truncated.wav'), stereo.subarray(0, 20_000));
  await writeFile(join(dir, 'notes.wav'), 'these are meeting notes, not audio\n');
  const alaw = encodeWav([call.agent, call.customer], 16000, '16');
  const adpcm = alaw.slice();
  new DataView(adpcm.buffer).setUint16(20, 0x0011, true);
  await writeFile(join(dir, 'adpcm.wav'), adpcm);
  await mkdir(join(dir, 'folder.wav'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('attune analyze --json', () => {
  it('prints one JSON object of the documented shape, with the same segments (±20 ms) for every rate and encoding', async () => {
    const results = await Promise.all(FORMATS.map(([rate, encoding]) => runAttune(['analyze', pathFor(rate, encoding), '--json'])));
    const reference = new Map<string, Segments>();
    results.forEach((result, i) => {
      const [rate, encoding] = FORMATS[i] as [number, WavEncoding];
      const label = `${rate} Hz ${encoding}`;
      assert.equal(result.code, 0, `${label}: ${result.stderr}`);
      assert.equal(result.stderr, '');
      assert.equal(result.stdout.trim().split('\n').length, 1, `${label}: one line of JSON`);
      const report: unknown = JSON.parse(result.stdout);
      assertJsonShape(report);
      assert.equal(report['file'], pathFor(rate, encoding));
      assert.equal(report['durationMs'], 12_000, label);
      for (const speaker of ['agent', 'customer']) {
        const segments: Segments = (report[speaker] as { segments: Segments }).segments;
        assert.ok(segments.length > 0, `${label}: ${speaker} was heard`);
        const first = reference.get(speaker);
        if (first === undefined) {
          reference.set(speaker, segments);
          continue;
        }
        assert.equal(segments.length, first.length, `${label} ${speaker}: ${JSON.stringify(segments)} vs ${JSON.stringify(first)}`);
        segments.forEach(([startMs, endMs], k) => {
          const [firstStartMs, firstEndMs] = first[k] as [number, number];
          assert.ok(Math.abs(startMs - firstStartMs) <= 20 && Math.abs(endMs - firstEndMs) <= 20, `${label} ${speaker}: ${JSON.stringify(segments)} vs ${JSON.stringify(first)}`);
        });
      }
    });
  });

  it('swaps the speakers with --agent right', async () => {
    const path = pathFor(48000, '16');
    const [left, right] = await Promise.all([runAttune(['analyze', path, '--json']), runAttune(['analyze', '--agent=right', path, '--json'])]);
    type Side = { segments: [number, number][] };
    const leftReport = JSON.parse(left.stdout) as { agent: Side; customer: Side };
    const rightReport = JSON.parse(right.stdout) as { agent: Side; customer: Side };
    // Within 20 ms, not to the frame: only the agent's channel is checked for the customer's bleed.
    const assertSameSegments = (actual: Side, expected: Side) => {
      assert.equal(actual.segments.length, expected.segments.length, `${JSON.stringify(actual.segments)} vs ${JSON.stringify(expected.segments)}`);
      actual.segments.forEach(([startMs, endMs], k) => {
        const [expectedStartMs, expectedEndMs] = expected.segments[k]!;
        assert.ok(Math.abs(startMs - expectedStartMs) <= 20 && Math.abs(endMs - expectedEndMs) <= 20, `${JSON.stringify(actual.segments)} vs ${JSON.stringify(expected.segments)}`);
      });
    };
    assertSameSegments(rightReport.agent, leftReport.customer);
    assertSameSegments(rightReport.customer, leftReport.agent);
  });
});

describe('attune analyze (report)', () => {
  it('prints a short human-readable report', async () => {
    const result = await runAttune(['analyze', pathFor(16000, '24')]);
    assert.equal(result.code, 0, result.stderr);
    for (const label of ['Talk ratio', 'Talk time', 'Interruptions', 'Backchannels', 'Longest monologue', 'Overlap', 'Silence', 'Dead air', 'Response gap']) {
      assert.match(result.stdout, new RegExp(`^${label} `, 'm'));
    }
    assert.match(result.stdout, /agent \d+% · customer \d+%/);
  });

  it('prints help', async () => {
    const [main, analyze] = await Promise.all([runAttune(['--help']), runAttune(['analyze', '--help'])]);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /Usage: attune <command>/);
    assert.equal(analyze.code, 0);
    assert.match(analyze.stdout, /--agent left\|right/);
  });
});

describe('attune errors', () => {
  const inputErrors: [file: string, pattern: RegExp][] = [
    ['missing.wav', /missing\.wav: no such file/],
    ['folder.wav', /is a directory/],
    ['notes.wav', /not a WAV file/],
    ['truncated.wav', /truncated/],
    ['mono.wav', /mono\.wav has 1 channel; Attune needs a stereo recording/],
    ['adpcm.wav', /IMA ADPCM/],
  ];
  for (const [file, pattern] of inputErrors) {
    it(`exits 1 with one line for ${file}`, async () => {
      assertUserError(await runAttune(['analyze', join(dir, file)]), 1, pattern);
    });
  }

  const usageErrors: [args: string[], pattern: RegExp][] = [
    [[], /missing command/],
    [['analyse', 'x.wav'], /unknown command "analyse"/],
    [['analyze'], /needs a WAV file/],
    [['analyze', 'a.wav', '--loud'], /unknown option --loud/],
    [['analyze', 'a.wav', '--agent', 'middle'], /--agent must be left or right, not "middle"/],
    [['analyze', 'a.wav', '--agent'], /--agent needs a value/],
    [['analyze', 'a.wav', 'b.wav'], /one file, got 2/],
  ];
  for (const [args, pattern] of usageErrors) {
    it(`exits 2 with one line for \`attune ${args.join(' ')}\``, async () => {
      assertUserError(await runAttune(args), 2, pattern);
    });
  }
});

// `attune live` and `attune calls`, spawned as a user runs them, each with its own library folder
// (ATTUNE_DATA_DIR): the --events stream, the stored call, and a SIGKILL part-way whose call the next
// command recovers with the audio that had been fed, within 1 s.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import type { SegmentSpan } from '../../../src/shared/call-analysis';
import { assertUserError, runAttune, spawnAttune } from './run-attune';
import { encodeWav, renderSyntheticCall } from './synthetic-call';

/** A customer interruption at 4.4 s, an agent interruption at 9.5 s, an agent backchannel, dead air. */
const SCRIPT: { agent: SegmentSpan[]; customer: SegmentSpan[]; durationMs: number } = {
  agent: [
    [300, 5_000],
    [6_500, 6_800],
    [9_500, 12_000],
    [19_000, 21_000],
  ],
  customer: [
    [4_400, 8_000],
    [8_200, 11_000],
    [21_600, 23_000],
  ],
  durationMs: 24_000,
};

/** A longer call (for the kill test): the script four times over. */
function repeated(times: number): typeof SCRIPT {
  const shift = (spans: SegmentSpan[], byMs: number): SegmentSpan[] => spans.map(([s, e]) => [s + byMs, e + byMs]);
  const out = { agent: [] as SegmentSpan[], customer: [] as SegmentSpan[], durationMs: SCRIPT.durationMs * times };
  for (let i = 0; i < times; i++) {
    out.agent.push(...shift(SCRIPT.agent, i * SCRIPT.durationMs));
    out.customer.push(...shift(SCRIPT.customer, i * SCRIPT.durationMs));
  }
  return out;
}

type Line = Record<string, unknown> & { type: string };

let dir = '';
let callPath = '';
let longCallPath = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attune-live-cli-'));
  callPath = join(dir, 'call-44k.wav');
  // 44.1 kHz, as a softphone recording would be: resampled like the capture's audio.
  const call = renderSyntheticCall(44_100, SCRIPT);
  await writeFile(callPath, encodeWav([call.agent, call.customer], 44_100, '16'));
  longCallPath = join(dir, 'long-16k.wav');
  const long = renderSyntheticCall(16_000, repeated(4));
  await writeFile(longCallPath, encodeWav([long.agent, long.customer], 16_000, '16'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('attune live --events', () => {
  const library = () => join(dir, 'library-events');
  let savedId = -1;

  it('prints one JSON object per line: events and cards with atMs/emittedAtMs, metrics, and last the saved call', async () => {
    const result = await runAttune(['live', callPath, '--speed', 'max', '--events', '--agent-name', 'Dana'], { dataDir: library() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.trimEnd().split('\n').map((text) => JSON.parse(text) as Line);
    for (const line of lines) assert.equal(typeof line.type, 'string');
    const last = lines.at(-1)!;
    assert.equal(last.type, 'saved');
    assert.equal(typeof last['callId'], 'number');
    savedId = last['callId'] as number;

    const metrics = lines.filter((l) => l.type === 'metrics');
    assert.equal(metrics.length, SCRIPT.durationMs / 100);
    assert.ok(metrics.every((m, i) => m['emittedAtMs'] === (i + 1) * 100));
    const events = lines.filter((l) => l.type !== 'metrics' && l.type !== 'saved');
    for (const event of events) {
      assert.equal(typeof event['atMs'], 'number', JSON.stringify(event));
      assert.equal(typeof event['emittedAtMs'], 'number', JSON.stringify(event));
      assert.ok((event['emittedAtMs'] as number) >= (event['atMs'] as number), JSON.stringify(event));
    }
    const emitted = lines.filter((l) => l.type !== 'saved').map((l) => l['emittedAtMs'] as number);
    assert.deepEqual(emitted, [...emitted].sort((a, b) => a - b), 'in the order they happened');

    const interruptions = events.filter((e) => e.type === 'interruption');
    assert.deepEqual(
      interruptions.map((i) => i['by']),
      ['customer', 'agent'],
    );
    for (const interruption of interruptions) {
      const latencyMs = (interruption['emittedAtMs'] as number) - (interruption['atMs'] as number);
      assert.ok(latencyMs <= 1_200, `interruption on screen ${latencyMs} ms after its onset`);
    }
    assert.deepEqual(
      events.filter((e) => e.type === 'backchannel').map((b) => b['by']),
      ['agent'],
    );
    const cards = events.filter((e) => e.type === 'card').map((c) => (c['card'] as { title: string }).title);
    assert.deepEqual(cards, ['Customer cut in — acknowledge and let them speak'], 'the agent interruption came within 20 s of the first card');
    assert.equal(events.filter((e) => e.type === 'deadAir').length, 1);
  });

  it('stores the call, listed by attune calls --json as one JSON object', async () => {
    const result = await runAttune(['calls', '--json'], { dataDir: library() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 1);
    const { calls } = JSON.parse(result.stdout) as { calls: Array<Record<string, unknown>> };
    assert.equal(calls.length, 1);
    const [call] = calls;
    assert.deepEqual(Object.keys(call ?? {}), ['id', 'startedAt', 'agentName', 'durationMs', 'talkRatio', 'interruptions', 'listeningScore', 'source', 'recovered']);
    assert.equal(call?.['id'], savedId);
    assert.equal(call?.['agentName'], 'Dana');
    assert.equal(call?.['durationMs'], SCRIPT.durationMs);
    assert.deepEqual(call?.['interruptions'], { agent: 1, customer: 1 });
    assert.equal(call?.['recovered'], false);
    const recordings = readdirSync(join(library(), 'recordings'));
    assert.deepEqual(
      recordings.filter((name) => !name.endsWith('.wav')),
      [],
      'no journal or lock is left behind',
    );
  });

  it('without --events, prints a short summary and the call id; calls prints a table', async () => {
    const result = await runAttune(['live', callPath, '--speed=max', '--agent', 'right'], { dataDir: library() });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Played call-44k\.wav through the live coach: 24\.0 s of audio at as fast as possible\.$/m);
    assert.match(result.stdout, /^Talk ratio \d+ % agent; interruptions: agent 1, customer 1; backchannels 1\.$/m);
    assert.match(result.stdout, /^Saved as call \d+ \(recording: .*\.wav\)\.$/m);
    const table = await runAttune(['calls'], { dataDir: library() });
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^ID {2}Started \(UTC\)/);
    assert.equal(table.stdout.trim().split('\n').length, 3);
  });
});

describe('attune live killed with SIGKILL', () => {
  it('is recovered by the next command with the audio fed, within 1 s', async () => {
    const library = join(dir, 'library-kill');
    const child = spawnAttune(['live', longCallPath, '--speed', '4', '--events'], { dataDir: library });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    let lastEmittedAtMs = 0;
    const lines = createInterface({ input: child.stdout });
    for await (const text of lines) {
      let line: Line;
      try {
        line = JSON.parse(text) as Line;
      } catch {
        break; // a line cut by the kill
      }
      if (typeof line['emittedAtMs'] === 'number') lastEmittedAtMs = Math.max(lastEmittedAtMs, line['emittedAtMs']);
      // Killed part-way; what it printed before dying is still read, so lastEmittedAtMs is the audio fed.
      if (lastEmittedAtMs >= 30_000 && child.signalCode === null && !child.killed) child.kill('SIGKILL');
    }
    lines.close();
    // Only once the process is gone (and reaped) does its lock stop protecting the recording.
    await exited;
    assert.equal(child.signalCode, 'SIGKILL', `the call ended before it was killed: ${stderr}`);
    const recordings = join(library, 'recordings');
    assert.ok(readdirSync(recordings).some((name) => name.endsWith('.journal.jsonl')), 'an unfinished recording is left');

    const result = await runAttune(['calls', '--json'], { dataDir: library });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^attune: stored call 1, left unfinished by a crash \(recording: .*\.wav\)\n$/);
    const { calls } = JSON.parse(result.stdout) as { calls: Array<{ recovered: boolean; durationMs: number; interruptions: { agent: number; customer: number } }> };
    assert.equal(calls.length, 1);
    const [call] = calls;
    assert.equal(call?.recovered, true);
    // Snapshots come every 100 ms of audio, so up to 90 ms more may have been fed than the last one says.
    const lostMs = lastEmittedAtMs - (call?.durationMs ?? 0);
    assert.ok(lostMs <= 1_000 && lostMs >= -100, `recovered ${call?.durationMs} ms of audio; ${lastEmittedAtMs} ms had been fed when it was killed`);
    assert.ok((call?.interruptions.agent ?? 0) >= 1 && (call?.interruptions.customer ?? 0) >= 1, 'the recovered audio was analysed');
    assert.deepEqual(
      readdirSync(recordings).filter((name) => !name.endsWith('.wav')),
      [],
      'journal and lock are gone',
    );

    const again = await runAttune(['calls', '--json'], { dataDir: library });
    assert.equal(again.stderr, '', 'recovered once only');
    assert.equal((JSON.parse(again.stdout) as { calls: unknown[] }).calls.length, 1);
  });
});

describe('attune live and calls: mistakes', () => {
  const library = () => join(dir, 'library-errors');
  const usageErrors: [args: string[], pattern: RegExp][] = [
    [['live'], /live needs a WAV file: attune live <call\.wav>/],
    [['live', 'a.wav', '--speed', '0'], /--speed must be a number above 0 and at most 1000, or max, not "0"/],
    [['live', 'a.wav', '--speed', 'fast'], /--speed must be a number/],
    [['live', 'a.wav', '--speed'], /--speed needs a value/],
    [['live', 'a.wav', '--agent-name', ''], /--agent-name needs a name/],
    [['live', 'a.wav', '--json'], /unknown option --json \(try `attune live --help`\)/],
    [['calls', 'all'], /calls takes no arguments, got "all"/],
    [['calls', '--tsv'], /unknown option --tsv/],
  ];
  for (const [args, pattern] of usageErrors) {
    it(`exits 2 with one line for attune ${args.join(' ')}`, async () => {
      assertUserError(await runAttune(args, { dataDir: library() }), 2, pattern);
    });
  }

  it('exits 1 with one line for a missing recording, and stores nothing', async () => {
    assertUserError(await runAttune(['live', join(dir, 'missing.wav')], { dataDir: library() }), 1, /missing\.wav: no such file/);
    const result = await runAttune(['calls', '--json'], { dataDir: library() });
    assert.deepEqual(JSON.parse(result.stdout), { total: 0, calls: [] });
  });

  it('exits 1 with one line when the library folder is unusable, while analyze still works', async () => {
    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, 'a file where the library folder should be');
    assertUserError(await runAttune(['calls'], { dataDir: blocked }), 1, /cannot use the library folder .*not-a-folder/);
    assertUserError(await runAttune(['live', callPath, '--speed', 'max'], { dataDir: blocked }), 1, /cannot use the library folder/);
    const analyze = await runAttune(['analyze', callPath, '--json'], { dataDir: blocked });
    assert.equal(analyze.code, 0, analyze.stderr);
    assert.equal(analyze.stderr, '');
  });

  it('documents live and calls in the help', async () => {
    const untouched = { dataDir: join(dir, 'library-help') };
    const [main, live, calls] = await Promise.all([runAttune(['--help'], untouched), runAttune(['live', '--help'], untouched), runAttune(['help', 'calls'], untouched)]);
    assert.match(main.stdout, /^ {2}live <call\.wav>/m);
    assert.match(main.stdout, /^ {2}calls /m);
    assert.match(live.stdout, /--speed N\|max/);
    assert.match(live.stdout, /--events/);
    assert.match(calls.stdout, /--json/);
    assert.equal(existsSync(untouched.dataDir), false, 'help touches no library');
  });
});

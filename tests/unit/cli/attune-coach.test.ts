// `attune coach`, spawned as a user runs it (with its own library folder, ATTUNE_DATA_DIR): the --json
// shape, the readable report, and one line on stderr for each kind of bad transcript or command line.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRANSCRIPT_CUE_TYPES } from '../../../src/main/transcript/cues';
import { assertUserError, runAttune as runAttuneBin, type RunResult } from './run-attune';

const TRANSCRIPTS = resolve(__dirname, '../../fixtures/transcripts');

let dataDir = '';
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'attune-coach-cli-'));
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const runAttune = (args: readonly string[]): Promise<RunResult> => runAttuneBin(args, { dataDir: join(dataDir, 'library') });

/** The shared user-error checks, then the line itself: exactly `expected` when it is a string. */
function assertOneLineError(result: RunResult, exitCode: number, expected: string | RegExp): void {
  assertUserError(result, exitCode, typeof expected === 'string' ? /^attune: / : expected);
  if (typeof expected === 'string') assert.equal(result.stderr.trim(), expected);
}

describe('attune coach --json', () => {
  it('prints exactly { cues: [{ type, by, atMs, text }], scorecard } for a Vosk transcript', async () => {
    const file = join(TRANSCRIPTS, 'good-call.json');
    const result = await runAttune(['coach', file, '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const report = JSON.parse(result.stdout) as { cues: Array<Record<string, unknown>>; scorecard: Record<string, unknown> };
    assert.deepEqual(Object.keys(report), ['cues', 'scorecard']);
    assert.equal(report.cues.length, 12);
    for (const cue of report.cues) {
      assert.deepEqual(Object.keys(cue), ['type', 'by', 'atMs', 'text']);
      assert.ok((TRANSCRIPT_CUE_TYPES as readonly unknown[]).includes(cue.type), String(cue.type));
      assert.ok(cue.by === 'agent' || cue.by === 'customer');
      assert.equal(typeof cue.atMs, 'number');
      assert.equal(typeof cue.text, 'string');
    }
    assert.deepEqual(report.cues[1], { type: 'empathy', by: 'agent', atMs: 11_000, text: "i'm sorry to hear" });
    assert.deepEqual(Object.keys(report.scorecard), ['durationMs', 'agent', 'counts', 'timing', 'points']);
    assert.equal(report.scorecard.timing, false);
    const points = report.scorecard.points as Array<{ key: string; verdict: string; moments: Array<{ atMs: number; text: string }> }>;
    const empathy = points.find((point) => point.key === 'empathy');
    assert.deepEqual(empathy?.moments, [{ atMs: 11_000, text: "i'm sorry to hear" }]);
    assert.ok(points.every((point) => ['good', 'improve', 'info'].includes(point.verdict)));
  });

  it('an empty transcript: no cues, a scorecard all the same', async () => {
    const result = await runAttune(['coach', join(TRANSCRIPTS, 'silence-results.json'), '--json']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { cues: unknown[]; scorecard: { agent: { words: number } } };
    assert.equal(report.scorecard.agent.words, 5);
    assert.deepEqual(report.cues, [{ type: 'open-question', by: 'agent', atMs: 1_400, text: 'how can i help' }]);
  });
});

describe('attune coach (report)', () => {
  it('prints the scorecard with each point\'s moments, then the cues, with call times', async () => {
    const result = await runAttune(['coach', join(TRANSCRIPTS, 'defensive.json')]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Listening scorecard \(0:18\.5 of transcript, 25 agent words\)\n/);
    assert.match(result.stdout, /\n {2}! Defensive language 3 time\(s\)\n {6}0:03\.0 {2}that's our policy\n {6}0:04\.8 {2}you should have\n {6}0:10\.0 {2}there's nothing i can do\n/);
    assert.match(result.stdout, /\nCues \(3\):\n/);
    assert.match(result.stdout, / {4}0:03\.0 {2}defensive {8}agent {4}that's our policy\n/);
  });

  it('--help describes the input and the --json shape', async () => {
    const result = await runAttune(['coach', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: attune coach <transcript\.json> \[--json\]/);
    assert.match(result.stdout, /"cues":\[\{ "type", "by", "atMs",/);
    const main = await runAttune(['--help']);
    assert.match(main.stdout, /coach <transcript\.json>/);
  });
});

describe('attune coach on bad transcripts', () => {
  const bad = (name: string): string => join(TRANSCRIPTS, 'bad', name);
  const cases: Array<[file: string, message: string | RegExp]> = [
    ['missing-result.json', 'agent[0].result: missing (needed when text is not empty)'],
    ['missing-conf.json', 'agent[0].result[0].conf: missing'],
    ['missing-customer.json', 'customer: missing'],
    ['negative-time.json', 'customer[0].result[0].start: must not be negative'],
    ['end-before-start.json', 'agent[0].result[0]: ends (1.5 s) before it starts (2 s)'],
    ['out-of-order.json', 'agent[1].result[0]: starts at 1 s, before the word before it (agent[0].result[3], 5.8 s): times must not go backwards'],
    ['not-an-object.json', 'a transcript must be an object with "agent" and "customer" lists of Vosk results'],
  ];
  for (const [name, message] of cases) {
    it(`${name}: one line, exit 1`, async () => {
      assertOneLineError(await runAttune(['coach', bad(name), '--json']), 1, `attune: ${bad(name)}: ${String(message)}`);
    });
  }

  it('not JSON, a missing file, a folder: one line, exit 1', async () => {
    assertOneLineError(await runAttune(['coach', bad('not-json.json')]), 1, new RegExp(`^attune: ${escape(bad('not-json.json'))} is not JSON: `));
    assertOneLineError(await runAttune(['coach', join(dataDir, 'nope.json')]), 1, `attune: can't read ${join(dataDir, 'nope.json')}: no such file`);
    assertOneLineError(await runAttune(['coach', TRANSCRIPTS]), 1, `attune: can't read ${TRANSCRIPTS}: it is a folder`);
  });

  it('bad command lines: one line, exit 2', async () => {
    assertOneLineError(await runAttune(['coach']), 2, 'attune: coach needs a transcript file: attune coach <transcript.json>');
    assertOneLineError(await runAttune(['coach', 'a.json', 'b.json']), 2, 'attune: coach takes one file, got 2');
    assertOneLineError(await runAttune(['coach', 'a.json', '--agent', 'left']), 2, 'attune: unknown option --agent (try `attune coach --help`)');
    assertOneLineError(await runAttune(['coach', 'a.json', '--json=yes']), 2, 'attune: --json takes no value');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `attune outcomes import`, spawned as a user runs it, on a library holding calls: matched rows are
// stored (blank cells keep what was there), the rest listed with their line and reason, exit 1 when
// any row was not used; --json; a file that can't be used and bad command lines in one line.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openLibrary } from '../../../src/main/library/library';
import { insertCall } from '../../../src/main/store/calls-repository';
import { getCallOutcome, setCallOutcome } from '../../../src/main/store/outcomes-repository';
import type { CallMetrics } from '../../../src/shared/call-analysis';
import { assertUserError, runAttune } from './run-attune';

const METRICS: CallMetrics = {
  durationMs: 60_000,
  talkRatio: 0.5,
  agent: { talkMs: 20_000, longestMonologueMs: 10_000, interruptions: 1, segments: [[0, 20_000]] },
  customer: { talkMs: 20_000, longestMonologueMs: 10_000, interruptions: 0, segments: [[19_000, 39_000]] },
  interruptions: [{ atMs: 19_000, by: 'customer', overlapMs: 1_000 }],
  backchannels: [],
  overlapMs: 1_000,
  silenceMs: 21_000,
  deadAir: [],
  responseGapMs: { median: 500, p90: 700 },
};

describe('attune outcomes import', () => {
  let dir = '';
  let dataDir = '';
  let danaCall = 0;
  let leeCall = 0;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'attune-outcomes-cli-'));
    dataDir = join(dir, 'library');
    const library = openLibrary(dataDir);
    try {
      const call = (recordingKey: string, agentName: string, startedAt: string) =>
        insertCall(library.db, { recordingKey, agentName, startedAt, durationMs: 60_000, recordingPath: null, metrics: METRICS, cards: [], notes: [], recovered: false, source: 'live' });
      danaCall = call('dana-1', 'Dana', '2026-12-01T10:00:00.000Z');
      leeCall = call('lee-1', 'Lee', '2026-12-01T11:00:00.000Z');
      setCallOutcome(library.db, leeCall, { csat: null, resolvedFirstContact: null, customerName: 'Typed In The App', customerAccount: null }, '2026-12-01T12:00:00.000Z');
    } finally {
      library.close();
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('stores the rows it matches, lists the others, and exits 1 because one was not used', async () => {
    const csv = join(dir, 'outcomes.csv');
    await writeFile(csv, 'Agent;Start time;CSAT;FCR;Account\nDana;2026-12-01T10:00:40Z;5;yes;ACC-1\nLee;2026-12-01T11:01:00Z;2;no;\nRobin;2026-12-01T11:00:00Z;4;;\n');
    const result = await runAttune(['outcomes', 'import', csv], { dataDir });
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, `not used  ${csv}:4: no call by Robin started within 2 min of 2026-12-01T11:00:00Z\nStored outcomes for 2 of 3 rows; 1 row not used (listed above).\n`);
    const library = openLibrary(dataDir);
    try {
      assert.deepEqual(getCallOutcome(library.db, danaCall)?.outcome, { csat: 5, resolvedFirstContact: true, customerName: null, customerAccount: 'ACC-1' });
      assert.deepEqual(getCallOutcome(library.db, leeCall)?.outcome, { csat: 2, resolvedFirstContact: false, customerName: 'Typed In The App', customerAccount: null });
    } finally {
      library.close();
    }
  });

  it('prints the summary as JSON with --json, exit 0 when every row was stored; --tolerance widens the match', async () => {
    const csv = join(dir, 'late.csv');
    await writeFile(csv, 'start,agent,csat\n2026-12-01 10:05:00Z,Dana,4\n');
    const strict = await runAttune(['outcomes', 'import', csv, '--json'], { dataDir });
    assert.equal(strict.code, 1);
    assert.deepEqual(JSON.parse(strict.stdout), { rows: 1, matched: 0, problems: [{ line: 2, reason: 'no call by Dana started within 2 min of 2026-12-01 10:05:00Z' }] });
    const wide = await runAttune(['outcomes', 'import', csv, '--json', '--tolerance', '600'], { dataDir });
    assert.equal(wide.code, 0, wide.stderr);
    assert.deepEqual(JSON.parse(wide.stdout), { rows: 1, matched: 1, problems: [] });
  });

  it('refuses a file it cannot use, in one line', async () => {
    assertUserError(await runAttune(['outcomes', 'import', join(dir, 'missing.csv')], { dataDir }), 1, /^attune: There is no file .*missing\.csv\.$/);
    const noAgent = join(dir, 'no-agent.csv');
    await writeFile(noAgent, 'start,csat\n2026-12-01T10:00:00Z,4\n');
    assertUserError(await runAttune(['outcomes', 'import', noAgent], { dataDir }), 1, /The CSV has no agent column \(found "start", "csat"\)/);
  });

  it('refuses bad command lines in one line with exit 2', async () => {
    assertUserError(await runAttune(['outcomes'], { dataDir }), 2, /outcomes needs a command: attune outcomes import FILE\.csv/);
    assertUserError(await runAttune(['outcomes', 'export', 'x.csv'], { dataDir }), 2, /unknown outcomes command "export"/);
    assertUserError(await runAttune(['outcomes', 'import'], { dataDir }), 2, /outcomes import needs a CSV file/);
    assertUserError(await runAttune(['outcomes', 'import', 'a.csv', 'b.csv'], { dataDir }), 2, /takes one CSV file, got 2/);
    assertUserError(await runAttune(['outcomes', 'import', 'a.csv', '--tolerance', '-5'], { dataDir }), 2, /--tolerance must be a number of seconds from 0 to 3600, not "-5"/);
    assertUserError(await runAttune(['outcomes', 'import', 'a.csv', '--csv'], { dataDir }), 2, /unknown option --csv \(try `attune outcomes --help`\)/);
    const help = await runAttune(['outcomes', '--help'], { dataDir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: attune outcomes import FILE\.csv/);
  });
});

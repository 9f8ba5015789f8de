// `attune calls` filters, sort, limit and --csv: the command-line parsing (days in this computer's
// time zone, ratios as shares or percentages, one-line mistakes) and the spawned bin on a library
// with known calls.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCommandLine, UsageError } from '../../../src/main/cli/cli-args';
import { openLibrary } from '../../../src/main/library/library';
import { insertCall } from '../../../src/main/store/calls-repository';
import { CALLS_CSV_HEADER } from '../../../src/main/library/calls-csv';
import { sampleCall, sampleMetrics } from '../../db/store-fixtures';
import { runAttune } from './run-attune';

describe('attune calls: parsing', () => {
  it('reads every filter, the sort and the limit into one query', () => {
    const command = parseCommandLine([
      'calls', '--csv', '--agent-name', 'Dana', '--agent-name', 'Eli', '--from', '2026-11-01', '--to', '2026-11-30',
      '--min-talk-ratio', '40%', '--max-talk-ratio', '0.7', '--min-agent-interruptions', '1', '--max-customer-interruptions', '3',
      '--min-score', '50', '--max-score', '90', '--sort', 'score:desc', '--limit', '20',
    ]);
    assert.deepEqual(command, {
      tag: 'calls',
      format: 'csv',
      query: {
        agentNames: ['Dana', 'Eli'],
        startedFrom: new Date(2026, 10, 1).toISOString(),
        // --to a day includes that whole day.
        startedBefore: new Date(2026, 11, 1).toISOString(),
        talkRatio: { min: 0.4, max: 0.7 },
        agentInterruptions: { min: 1 },
        customerInterruptions: { max: 3 },
        listeningScore: { min: 50, max: 90 },
        sort: { key: 'listeningScore', direction: 'desc' },
        limit: 20,
      },
    });
    assert.deepEqual(parseCommandLine(['calls']), { tag: 'calls', format: 'table', query: {} });
    assert.deepEqual(parseCommandLine(['calls', '--sort', 'started']), { tag: 'calls', format: 'table', query: { sort: { key: 'startedAt', direction: 'desc' } } });
    assert.deepEqual(parseCommandLine(['calls', '--sort', 'agent', '--from', '2026-11-01T08:00:00Z']), {
      tag: 'calls',
      format: 'table',
      query: { sort: { key: 'agentName', direction: 'asc' }, startedFrom: '2026-11-01T08:00:00.000Z' },
    });
  });

  it('refuses mistakes in one line', () => {
    const cases: Array<[string[], RegExp]> = [
      [['calls', '--json', '--csv'], /^--json and --csv cannot be used together$/],
      [['calls', '--from', 'yesterday'], /^--from must be a day \(2026-11-30\) or an ISO date and time, not "yesterday"$/],
      [['calls', '--from', '2026-02-30'], /^--from must be a real day, not "2026-02-30"$/],
      [['calls', '--from', '2026-11-30', '--to', '2026-11-01'], /^--from must be before --to$/],
      [['calls', '--min-talk-ratio', '1.5'], /^--min-talk-ratio must be a share from 0 to 1 or a percentage \(45%\), not "1.5"$/],
      [['calls', '--min-score', '101'], /^--min-score must be a whole number from 0 to 100, not "101"$/],
      [['calls', '--max-agent-interruptions', '-1'], /needs a value|must be a whole number/],
      [['calls', '--limit', '0'], /^--limit must be a whole number of at least 1, not "0"$/],
      [['calls', '--sort', 'loudness'], /^--sort must be one of started, agent, duration, talk-ratio, agent-interruptions, customer-interruptions, score \(optionally :asc or :desc\), not "loudness"$/],
      [['calls', '--sort', 'score:up'], /^--sort direction must be asc or desc, not "up"$/],
      [['calls', '--agent-name'], /^--agent-name needs a name$/],
    ];
    for (const [args, message] of cases) {
      assert.throws(() => parseCommandLine(args), (error: unknown) => error instanceof UsageError && message.test(error.message), args.join(' '));
    }
  });
});

describe('attune calls: on a library', () => {
  let dir = '';
  const ids: Record<string, number> = {};

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'attune-calls-'));
    const library = openLibrary(dir);
    try {
      const add = (key: string, agentName: string, startedAt: string, talkRatio: number): void => {
        const metrics = { ...sampleMetrics(), talkRatio };
        ids[key] = insertCall(library.db, sampleCall({ recordingKey: key, agentName, startedAt, metrics }));
      };
      add('a', 'Dana', '2026-11-01T10:00:00.000Z', 0.4);
      add('b', '=cmd|calc', '2026-11-02T10:00:00.000Z', 0.8);
      add('c', 'Dana', '2026-11-03T10:00:00.000Z', 0.5);
    } finally {
      library.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the filtered calls as CSV', async () => {
    const result = await runAttune(['calls', '--csv', '--agent-name', 'Dana', '--sort', 'talk-ratio:desc'], { dataDir: dir });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\r\n');
    assert.equal(lines[0], CALLS_CSV_HEADER.join(','));
    assert.deepEqual(lines.slice(1, 3).map((line) => line.split(',')[0]), [String(ids.c), String(ids.a)]);
    assert.equal(lines.length, 4, 'header, two rows, and the final line end');
    const all = await runAttune(['calls', '--csv'], { dataDir: dir });
    assert.match(all.stdout, /^\d+,2026-11-02T10:00:00\.000Z,'=cmd\|calc,/m, 'a formula-looking name is defused');
  });

  it('prints JSON with the total and the score, and a table that says when the filters match nothing', async () => {
    const json = await runAttune(['calls', '--json', '--min-talk-ratio', '0.45', '--limit', '1'], { dataDir: dir });
    assert.equal(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { total: number; calls: Array<{ id: number; listeningScore: number | null; source: string }> };
    assert.equal(parsed.total, 2);
    assert.deepEqual(parsed.calls.map((call) => call.id), [ids.c]);
    assert.equal(typeof parsed.calls[0]?.listeningScore, 'number');
    const table = await runAttune(['calls', '--limit', '2'], { dataDir: dir });
    assert.match(table.stdout, /^ID +Started \(UTC\) +Agent +Duration +Talk +Interrupted by agent\/customer +Score$/m);
    assert.match(table.stdout, /^\(2 of 3 matching calls shown\)$/m);
    const none = await runAttune(['calls', '--agent-name', 'Nobody'], { dataDir: dir });
    assert.equal(none.stdout, 'No stored call matches these filters.\n');
    const bad = await runAttune(['calls', '--min-score', 'high'], { dataDir: dir });
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'attune: --min-score must be a whole number from 0 to 100, not "high"\n');
  });
});

// The outcomes CSV reader and matcher (pure): RFC 4180 quoting, header spellings, start-time forms,
// nearest call of the same agent within the tolerance, and a reason for every row it cannot use.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '../../../src/main/outcomes/csv-rows';
import { OutcomesCsvError, matchOutcomesCsv, parseStartTime } from '../../../src/main/outcomes/outcomes-csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF, a BOM, and skips blank lines, keeping start lines', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n';
    assert.deepEqual(parseCsv(text), [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['two\nlines', 'z'] },
    ]);
  });

  it('takes semicolons as the separator when the header has more of them', () => {
    assert.deepEqual(parseCsv('start;agent;csat\n2026-12-01 10:00;Dana;4,5'), [
      { line: 1, fields: ['start', 'agent', 'csat'] },
      { line: 2, fields: ['2026-12-01 10:00', 'Dana', '4,5'] },
    ]);
  });

  it('refuses an unclosed quote, naming its line', () => {
    assert.throws(() => parseCsv('a,b\n1,"open\n'), /The quote opened on line 2 is never closed/);
  });
});

describe('parseStartTime', () => {
  it('reads ISO times with Z or an offset exactly, and times without a zone as local time', () => {
    assert.equal(parseStartTime('2026-12-01T10:00:00Z'), Date.UTC(2026, 11, 1, 10));
    assert.equal(parseStartTime('2026-12-01T10:00:05.25+01:00'), Date.UTC(2026, 11, 1, 9, 0, 5, 250));
    assert.equal(parseStartTime('2026-12-01 10:00 -0130'), Date.UTC(2026, 11, 1, 11, 30));
    assert.equal(parseStartTime('2026-12-01 10:00'), new Date(2026, 11, 1, 10, 0).getTime());
    assert.equal(parseStartTime('01/12/2026 10:00'), null);
    assert.equal(parseStartTime('2026-13-01 10:00'), null);
    assert.equal(parseStartTime(''), null);
  });
});

const calls = [
  { id: 1, agentName: 'Dana', startedAt: '2026-12-01T10:00:00.000Z' },
  { id: 2, agentName: 'Dana', startedAt: '2026-12-01T10:03:00.000Z' },
  { id: 3, agentName: ' Lee ', startedAt: '2026-12-01T10:00:00.000Z' },
  { id: 4, agentName: 'Sam', startedAt: '2026-12-01T09:59:00.000Z' },
  { id: 5, agentName: 'Sam', startedAt: '2026-12-01T10:01:00.000Z' },
];

describe('matchOutcomesCsv', () => {
  it('matches each row to the nearest call of its agent within the tolerance and reads every field', () => {
    const text = [
      'started_at,Agent Name,Satisfaction,FCR,Customer Name,Customer-ID',
      '2026-12-01T10:02:00Z,DANA,4,No,Ana Ruiz,ACC-1',
      '2026-12-01T09:59:10Z,lee,,yes,,',
    ].join('\n');
    assert.deepEqual(matchOutcomesCsv(text, calls), {
      rows: 2,
      matches: [
        { line: 2, callId: 2, patch: { csat: 4, resolvedFirstContact: false, customerName: 'Ana Ruiz', customerAccount: 'ACC-1' } },
        { line: 3, callId: 3, patch: { resolvedFirstContact: true } },
      ],
      problems: [],
    });
  });

  it('gives a reason for every row it cannot use and goes on with the rest', () => {
    const text = [
      'start,agent,csat,resolved',
      ',Dana,3,',
      'yesterday,Dana,3,',
      '2026-12-01T10:00:00Z,,3,',
      '2026-12-01T10:00:00Z,Dana,,',
      '2026-12-01T10:00:00Z,Dana,3,maybe',
      '2026-12-01T10:00:00Z,Robin,3,',
      '2026-12-01T10:00:00Z,Sam,3,',
      '2026-12-01T10:00:00Z,Dana,3,',
      '2026-12-01T10:00:01Z,Dana,5,',
    ].join('\n');
    const result = matchOutcomesCsv(text, calls, 90_000);
    assert.deepEqual(result.matches, [{ line: 9, callId: 1, patch: { csat: 3 } }]);
    assert.deepEqual(result.problems, [
      { line: 2, reason: 'no start time' },
      { line: 3, reason: 'start time "yesterday" is not a date and time like 2026-12-01 14:05' },
      { line: 4, reason: 'no agent' },
      { line: 5, reason: 'no outcome in this row (CSAT, resolved, customer and account are all blank)' },
      { line: 6, reason: 'resolved "maybe" is not yes or no' },
      { line: 7, reason: 'no call by Robin started within 90 s of 2026-12-01T10:00:00Z' },
      { line: 8, reason: 'two calls by Sam are equally near 2026-12-01T10:00:00Z (calls 4 and 5)' },
      { line: 10, reason: 'matches the same call (1) as line 9' },
    ]);
    assert.equal(result.rows, 9);
  });

  it('refuses, in one line, a file without a header, without start or agent columns, or without any outcome column', () => {
    assert.throws(() => matchOutcomesCsv('', calls), (error: Error) => error instanceof OutcomesCsvError && /The CSV is empty/.test(error.message));
    assert.throws(() => matchOutcomesCsv('when,who,csat\n', calls), /no start time or agent column \(found "when", "who", "csat"\)/);
    assert.throws(() => matchOutcomesCsv('start,agent,notes\n', calls), /The CSV has no outcome column; columns: start time and agent \(required\)/);
    assert.throws(() => matchOutcomesCsv('start,agent,csat\n"x', calls), /The CSV cannot be read: The quote opened on line 2 is never closed\./);
  });
});

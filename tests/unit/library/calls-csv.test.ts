// The library CSV: header, one row per call with raw figures and the clock, RFC 4180 quoting, CRLF,
// the optional byte-order mark, and agent names that a spreadsheet would run as formulas defused.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CALLS_CSV_HEADER, callsCsv, csvField, neutralizeFormula } from '../../../src/main/library/calls-csv';
import type { LibraryCallRow } from '../../../src/shared/library';

const row: LibraryCallRow = {
  id: 7,
  startedAt: '2026-11-30T09:15:00.000Z',
  agentName: 'Dana',
  durationMs: 237_900,
  talkRatio: 0.4375,
  interruptions: { agent: 2, customer: 1 },
  listeningScore: 81,
  source: 'import',
  recovered: false,
  hasRecording: true,
};

/** A small RFC 4180 reader, to check the output reads back as the cells written. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return records;
}

describe('callsCsv', () => {
  it('writes the header and one CRLF-ended row per call with raw figures and the clock', () => {
    const csv = callsCsv([row, { ...row, id: 8, listeningScore: null, recovered: true, hasRecording: false, source: 'live' }]);
    assert.ok(csv.endsWith('\r\n'));
    assert.equal(csv.split('\r\n').length, 4);
    const [header, first, second] = parseCsv(csv);
    assert.deepEqual(header, [...CALLS_CSV_HEADER]);
    assert.deepEqual(first, ['7', '2026-11-30T09:15:00.000Z', 'Dana', '3:57', '237900', '0.4375', '2', '1', '81', 'import', 'no', 'yes']);
    assert.deepEqual(second?.slice(8), ['', 'live', 'yes', 'no'], 'no score is an empty cell');
  });

  it('quotes commas, quotes and line breaks so they read back unchanged, and adds a BOM when asked', () => {
    const name = 'Smith, "Jo"\nnight shift';
    const csv = callsCsv([{ ...row, agentName: name }], { byteOrderMark: true });
    assert.ok(csv.startsWith('\uFEFFCall ID,'));
    assert.equal(parseCsv(csv.slice(1))[1]?.[2], name);
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a"b'), '"a""b"');
  });

  it('defuses agent names a spreadsheet would run as formulas', () => {
    assert.equal(neutralizeFormula('=HYPERLINK("http://x")'), `'=HYPERLINK("http://x")`);
    for (const lead of ['+', '-', '@', '\t']) assert.equal(neutralizeFormula(`${lead}1`), `'${lead}1`);
    assert.equal(neutralizeFormula('Zoë'), 'Zoë');
    assert.equal(parseCsv(callsCsv([{ ...row, agentName: '=1+1' }]))[1]?.[2], "'=1+1");
  });

  it('writes only the header for an empty library', () => {
    assert.equal(callsCsv([]), `${CALLS_CSV_HEADER.join(',')}\r\n`);
  });
});

// The Library view's filter form → CallQuery: local days inclusive, percentages to ratios, one problem
// per bad field; and search snippets split at their «marks».

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMPTY_FILTERS, hasFilters, parseLibraryFilters, snippetParts } from '../../../src/renderer/src/lib/library-filters';

describe('parseLibraryFilters', () => {
  it('asks for nothing when nothing is filled in', () => {
    assert.deepEqual(parseLibraryFilters(EMPTY_FILTERS), { ok: true, query: {} });
    assert.equal(hasFilters(EMPTY_FILTERS), false);
  });

  it('turns every field into the query the data layer takes', () => {
    const form = {
      agentName: 'Sam',
      fromDay: '2026-11-02',
      toDay: '2026-11-30',
      talkRatioMinPercent: '40',
      talkRatioMaxPercent: '62.5',
      agentInterruptionsMax: '3',
      customerInterruptionsMax: '0',
      listeningScoreMin: '50',
      listeningScoreMax: '',
    };
    assert.equal(hasFilters(form), true);
    assert.deepEqual(parseLibraryFilters(form), {
      ok: true,
      query: {
        agentNames: ['Sam'],
        startedFrom: new Date(2026, 10, 2).toISOString(),
        // The last day counts whole: calls before the next local midnight.
        startedBefore: new Date(2026, 11, 1).toISOString(),
        talkRatio: { min: 0.4, max: 0.625 },
        agentInterruptions: { max: 3 },
        customerInterruptions: { max: 0 },
        listeningScore: { min: 50 },
      },
    });
  });

  it('names each field that does not parse, and ranges that are back to front', () => {
    const parsed = parseLibraryFilters({
      ...EMPTY_FILTERS,
      fromDay: '2026-02-31',
      talkRatioMinPercent: '120',
      agentInterruptionsMax: '1.5',
      listeningScoreMin: '80',
      listeningScoreMax: '20',
    });
    assert.deepEqual(parsed, {
      ok: false,
      problems: {
        fromDay: 'Enter a date.',
        talkRatioMinPercent: 'A percentage from 0 to 100.',
        agentInterruptionsMax: 'A whole number, 0 or more.',
        listeningScoreMax: 'The most is below the least.',
      },
    });
    assert.deepEqual(parseLibraryFilters({ ...EMPTY_FILTERS, fromDay: '2026-12-02', toDay: '2026-12-01' }), {
      ok: false,
      problems: { toDay: 'The last day comes before the first.' },
    });
  });
});

describe('snippetParts', () => {
  it('splits the marked words out, in order', () => {
    assert.deepEqual(snippetParts('…so «sorry» about the «refund» delay'), [
      { text: '…so ', marked: false },
      { text: 'sorry', marked: true },
      { text: ' about the ', marked: false },
      { text: 'refund', marked: true },
      { text: ' delay', marked: false },
    ]);
    assert.deepEqual(snippetParts('no marks'), [{ text: 'no marks', marked: false }]);
  });
});

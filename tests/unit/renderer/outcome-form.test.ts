// The outcome form's conversions (pure): stored outcome ↔ input strings, blank is "not known", names
// are one tidy line, and the short description lists use.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeOutcome, formFromOutcome, OUTCOME_TEXT_MAX_CHARS, outcomeFromForm, sameOutcome } from '../../../src/renderer/src/lib/outcome-form';
import { EMPTY_CALL_OUTCOME } from '../../../src/shared/outcomes';

describe('outcome form', () => {
  it('round-trips an outcome through the form', () => {
    const outcome = { csat: 4 as const, resolvedFirstContact: false, customerName: 'Ana Ruiz', customerAccount: 'ACC-1' };
    assert.deepEqual(formFromOutcome(outcome), { csat: '4', resolved: 'no', customerName: 'Ana Ruiz', customerAccount: 'ACC-1' });
    assert.deepEqual(outcomeFromForm(formFromOutcome(outcome)), outcome);
    assert.deepEqual(formFromOutcome(EMPTY_CALL_OUTCOME), { csat: '', resolved: '', customerName: '', customerAccount: '' });
    assert.deepEqual(outcomeFromForm(formFromOutcome(EMPTY_CALL_OUTCOME)), EMPTY_CALL_OUTCOME);
  });

  it('reads blanks as not known, tidies names to one line and caps them at the length main accepts', () => {
    const outcome = outcomeFromForm({ csat: '', resolved: 'yes', customerName: '  Ana \n Ruiz ', customerAccount: 'x'.repeat(300) });
    assert.deepEqual(outcome, { csat: null, resolvedFirstContact: true, customerName: 'Ana Ruiz', customerAccount: 'x'.repeat(OUTCOME_TEXT_MAX_CHARS) });
    assert.equal(outcomeFromForm({ csat: '7', resolved: 'maybe', customerName: ' ', customerAccount: '' }).csat, null);
  });

  it('compares outcomes field by field and describes them in a few words', () => {
    assert.equal(sameOutcome(EMPTY_CALL_OUTCOME, { ...EMPTY_CALL_OUTCOME }), true);
    assert.equal(sameOutcome(EMPTY_CALL_OUTCOME, { ...EMPTY_CALL_OUTCOME, customerName: 'Ana' }), false);
    assert.equal(describeOutcome(EMPTY_CALL_OUTCOME), 'no outcome entered');
    assert.equal(describeOutcome({ ...EMPTY_CALL_OUTCOME, csat: 2, resolvedFirstContact: false }), 'CSAT 2 · not resolved first time');
    assert.equal(describeOutcome({ ...EMPTY_CALL_OUTCOME, resolvedFirstContact: true }), 'resolved first time');
  });
});

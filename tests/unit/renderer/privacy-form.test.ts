// The Privacy form: retention off keeps everything, days are validated as main validates them, and
// turning retention on or shortening it is what asks for confirmation.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formFromPrivacy, privacyFromForm, shortensRetention } from '../../../src/renderer/src/lib/privacy-form';

test('parses the form; a bad number of days gets one message', () => {
  assert.deepEqual(privacyFromForm({ redactTranscripts: false, retentionOn: false, retentionDays: 'junk' }), { ok: true, settings: { redactTranscripts: false, retentionDays: null } });
  assert.deepEqual(privacyFromForm({ redactTranscripts: true, retentionOn: true, retentionDays: ' 30 ' }), { ok: true, settings: { redactTranscripts: true, retentionDays: 30 } });
  assert.deepEqual(privacyFromForm({ redactTranscripts: true, retentionOn: true, retentionDays: '2.5' }), { ok: false, error: 'Enter a whole number of days.' });
  assert.deepEqual(privacyFromForm({ redactTranscripts: true, retentionOn: true, retentionDays: '' }), { ok: false, error: 'Enter a whole number of days.' });
  assert.deepEqual(privacyFromForm({ redactTranscripts: true, retentionOn: true, retentionDays: '0' }), { ok: false, error: 'Between 1 and 36500 days.' });
  assert.deepEqual(formFromPrivacy({ redactTranscripts: true, retentionDays: null }), { redactTranscripts: true, retentionOn: false, retentionDays: '90' });
});

test('asks before turning retention on or shortening it, not before lengthening or turning it off', () => {
  assert.equal(shortensRetention({ redactTranscripts: true, retentionDays: null }, { redactTranscripts: true, retentionDays: 365 }), true);
  assert.equal(shortensRetention({ redactTranscripts: true, retentionDays: 90 }, { redactTranscripts: true, retentionDays: 30 }), true);
  assert.equal(shortensRetention({ redactTranscripts: true, retentionDays: 30 }, { redactTranscripts: true, retentionDays: 90 }), false);
  assert.equal(shortensRetention({ redactTranscripts: true, retentionDays: 30 }, { redactTranscripts: false, retentionDays: null }), false);
  assert.equal(shortensRetention({ redactTranscripts: true, retentionDays: 30 }, { redactTranscripts: false, retentionDays: 30 }), false);
});

// The privacy settings: defaults (redaction on, keep everything) until saved; saved values read back;
// invalid ones refused on save and read as defaults if found stored.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPrivacySettings, savePrivacySettings } from '../../src/main/privacy/privacy-settings';
import { writePreference } from '../../src/main/store/preferences';
import { DEFAULT_PRIVACY_SETTINGS } from '../../src/shared/transcript';
import { migratedMemoryDb } from './store-fixtures';

describe('privacy settings', () => {
  it('default to redaction on and no retention limit', () => {
    const db = migratedMemoryDb();
    assert.deepEqual(loadPrivacySettings(db), { redactTranscripts: true, retentionDays: null });
    assert.deepEqual(DEFAULT_PRIVACY_SETTINGS, { redactTranscripts: true, retentionDays: null });
  });

  it('read back what was saved', () => {
    const db = migratedMemoryDb();
    savePrivacySettings(db, { redactTranscripts: false, retentionDays: 90 });
    assert.deepEqual(loadPrivacySettings(db), { redactTranscripts: false, retentionDays: 90 });
    savePrivacySettings(db, { redactTranscripts: true, retentionDays: null });
    assert.deepEqual(loadPrivacySettings(db), { redactTranscripts: true, retentionDays: null });
  });

  it('refuse invalid settings on save, and read a stored invalid value as the defaults', () => {
    const db = migratedMemoryDb();
    savePrivacySettings(db, { redactTranscripts: false, retentionDays: 7 });
    for (const bad of [{ redactTranscripts: true, retentionDays: 0 }, { redactTranscripts: true, retentionDays: 2.5 }, { redactTranscripts: 'yes', retentionDays: null }]) {
      assert.throws(() => savePrivacySettings(db, bad as never));
    }
    assert.deepEqual(loadPrivacySettings(db), { redactTranscripts: false, retentionDays: 7 });
    writePreference(db, 'privacy', { redactTranscripts: false });
    assert.deepEqual(loadPrivacySettings(db), DEFAULT_PRIVACY_SETTINGS);
  });
});

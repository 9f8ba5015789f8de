// Coaching settings in the store: defaults when nothing is stored, a saved value back exactly,
// stored values merged over the defaults field by field, and the schema's limits.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CARD_KINDS, DEFAULT_COACHING_SETTINGS, type CoachingSettings } from '../../src/shared/live';
import { coachingSettingsSchema } from '../../src/main/store/coaching-settings-schema';
import {
  COACHING_SETTINGS_KEY,
  InvalidCoachingSettingsError,
  loadCoachingSettings,
  saveCoachingSettings,
} from '../../src/main/store/coaching-settings';
import { countRows, migratedMemoryDb } from './store-fixtures';

const custom: CoachingSettings = {
  minCardGapMs: 30_000,
  noRepeatWithinMs: 120_000,
  monologueMs: 45_000,
  monologueTimerFromMs: 15_000,
  customerQuietMs: 10_000,
  targetAgentShareMax: 0.4,
  enabledCards: { 'let-them-finish': true, monologue: false, 'customer-quiet': true, 'customer-cut-in': false, 'acknowledge-first': false, 'slow-down': true },
};

function storeRaw(db: ReturnType<typeof migratedMemoryDb>, json: string): void {
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run(COACHING_SETTINGS_KEY, json);
}

describe('loadCoachingSettings / saveCoachingSettings', () => {
  it('gives the defaults when nothing is stored, as a copy the caller may change', () => {
    const db = migratedMemoryDb();
    const loaded = loadCoachingSettings(db);
    assert.deepStrictEqual(loaded, { ...DEFAULT_COACHING_SETTINGS, enabledCards: { ...DEFAULT_COACHING_SETTINGS.enabledCards } });
    loaded.enabledCards.monologue = false;
    assert.equal(DEFAULT_COACHING_SETTINGS.enabledCards.monologue, true);
  });

  it('saves and loads back exactly, and a second save replaces the first', () => {
    const db = migratedMemoryDb();
    saveCoachingSettings(db, custom);
    assert.deepStrictEqual(loadCoachingSettings(db), custom);
    saveCoachingSettings(db, { ...custom, minCardGapMs: 0 });
    assert.equal(loadCoachingSettings(db).minCardGapMs, 0);
    assert.equal(countRows(db, 'settings'), 1);
  });

  it('merges a stored value over the defaults: settings added later get their default', () => {
    const db = migratedMemoryDb();
    // As an older version would have stored it: no customerQuietMs, no customer-cut-in card.
    storeRaw(db, JSON.stringify({ minCardGapMs: 25_000, enabledCards: { monologue: false }, retiredSetting: 7 }));
    assert.deepStrictEqual(loadCoachingSettings(db), {
      ...DEFAULT_COACHING_SETTINGS,
      minCardGapMs: 25_000,
      enabledCards: { ...DEFAULT_COACHING_SETTINGS.enabledCards, monologue: false },
    });
  });

  it('loads settings saved before the transcript cards with those cards on, keeping every stored choice', () => {
    const db = migratedMemoryDb();
    // Exactly what the previous version saved: every field, the four timing cards, two of them off.
    const previous = {
      minCardGapMs: 30_000,
      noRepeatWithinMs: 120_000,
      monologueMs: 45_000,
      monologueTimerFromMs: 15_000,
      customerQuietMs: 10_000,
      targetAgentShareMax: 0.4,
      enabledCards: { 'let-them-finish': true, monologue: false, 'customer-quiet': true, 'customer-cut-in': false },
    };
    storeRaw(db, JSON.stringify(previous));
    const loaded = loadCoachingSettings(db);
    assert.deepStrictEqual(loaded, { ...previous, enabledCards: { ...previous.enabledCards, 'acknowledge-first': true, 'slow-down': true } });
    assert.deepStrictEqual(Object.keys(loaded.enabledCards).sort(), [...CARD_KINDS].sort());
    // Saving what was loaded (the Settings view does) is valid and keeps the new cards on.
    saveCoachingSettings(db, loaded);
    assert.deepStrictEqual(loadCoachingSettings(db), loaded);
  });

  it('replaces only the stored fields that are no longer valid with their defaults', () => {
    const db = migratedMemoryDb();
    storeRaw(db, JSON.stringify({ ...custom, monologueMs: -5, targetAgentShareMax: 'half', enabledCards: { ...custom.enabledCards, monologue: 'no' } }));
    assert.deepStrictEqual(loadCoachingSettings(db), {
      ...custom,
      monologueMs: DEFAULT_COACHING_SETTINGS.monologueMs,
      targetAgentShareMax: DEFAULT_COACHING_SETTINGS.targetAgentShareMax,
      enabledCards: { ...custom.enabledCards, monologue: true },
    });
  });

  it('falls back to the defaults when the stored value is not an object', () => {
    const db = migratedMemoryDb();
    storeRaw(db, '[1, 2, 3]');
    assert.deepStrictEqual(loadCoachingSettings(db), { ...DEFAULT_COACHING_SETTINGS, enabledCards: { ...DEFAULT_COACHING_SETTINGS.enabledCards } });
  });

  it('refuses invalid settings with one line naming the field, and keeps what was stored', () => {
    const db = migratedMemoryDb();
    saveCoachingSettings(db, custom);
    assert.throws(
      () => saveCoachingSettings(db, { ...custom, minCardGapMs: -1, targetAgentShareMax: 2 }),
      (error: unknown) =>
        error instanceof InvalidCoachingSettingsError &&
        !error.message.includes('\n') &&
        /minCardGapMs: must not be negative/.test(error.message) &&
        /targetAgentShareMax: must be between 0 and 1/.test(error.message),
    );
    assert.deepStrictEqual(loadCoachingSettings(db), custom);
  });
});

describe('coachingSettingsSchema', () => {
  it('accepts the defaults and the edges of every range', () => {
    assert.ok(coachingSettingsSchema.safeParse(DEFAULT_COACHING_SETTINGS).success);
    assert.ok(coachingSettingsSchema.safeParse({ ...custom, targetAgentShareMax: 0, minCardGapMs: 0 }).success);
    assert.ok(coachingSettingsSchema.safeParse({ ...custom, targetAgentShareMax: 1, noRepeatWithinMs: 3_600_000 }).success);
  });

  const invalid: Array<[string, unknown]> = [
    ['negative ms', { ...custom, customerQuietMs: -1 }],
    ['fractional ms', { ...custom, monologueMs: 1_000.5 }],
    ['ms above its maximum', { ...custom, minCardGapMs: 10 * 60_000 + 1 }],
    ['ms as a string', { ...custom, monologueTimerFromMs: '20000' }],
    ['not a finite number', { ...custom, noRepeatWithinMs: Number.POSITIVE_INFINITY }],
    ['share above 1', { ...custom, targetAgentShareMax: 1.01 }],
    ['share below 0', { ...custom, targetAgentShareMax: -0.01 }],
    ['share NaN', { ...custom, targetAgentShareMax: Number.NaN }],
    ['unknown key', { ...custom, theme: 'dark' }],
    ['missing key', { ...custom, customerQuietMs: undefined }],
    ['a card kind missing', { ...custom, enabledCards: { 'let-them-finish': true, monologue: true, 'customer-quiet': true } }],
    ['an unknown card kind', { ...custom, enabledCards: { ...custom.enabledCards, 'be-nice': true } }],
    ['a card flag not boolean', { ...custom, enabledCards: { ...custom.enabledCards, monologue: 1 } }],
  ];
  for (const [what, value] of invalid) {
    it(`rejects ${what}`, () => assert.equal(coachingSettingsSchema.safeParse(value).success, false));
  }

  it('has a switch for every card kind', () => {
    assert.deepEqual(Object.keys(coachingSettingsSchema.shape.enabledCards.shape).sort(), [...CARD_KINDS].sort());
  });
});

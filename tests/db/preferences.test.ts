// UI preferences: any JSON value per key, read through the caller's schema; unknown or no-longer-valid
// values read as "not set", and they never collide with the app's own settings.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { loadCoachingSettings, saveCoachingSettings } from '../../src/main/store/coaching-settings';
import { readPreference, writePreference } from '../../src/main/store/preferences';
import { DEFAULT_COACHING_SETTINGS } from '../../src/shared/live';
import { migratedMemoryDb } from './store-fixtures';

const overlayPosition = z.strictObject({ x: z.int(), y: z.int(), displayId: z.number() });

describe('readPreference / writePreference', () => {
  it('reads back what was written, and undefined for a key never written', () => {
    const db = migratedMemoryDb();
    assert.equal(readPreference(db, 'overlayPosition', overlayPosition), undefined);
    writePreference(db, 'overlayPosition', { x: -1200, y: 40, displayId: 2_779_098_405 });
    assert.deepStrictEqual(readPreference(db, 'overlayPosition', overlayPosition), { x: -1200, y: 40, displayId: 2_779_098_405 });
    writePreference(db, 'overlayPosition', { x: 10, y: 20, displayId: 1 });
    assert.deepStrictEqual(readPreference(db, 'overlayPosition', overlayPosition), { x: 10, y: 20, displayId: 1 });
  });

  it('keeps strings, numbers, booleans, null and arrays', () => {
    const db = migratedMemoryDb();
    const values: Array<[string, unknown, z.ZodType]> = [
      ['s', 'héllo "quoted"', z.string()],
      ['n', 0.125, z.number()],
      ['b', false, z.boolean()],
      ['null', null, z.null()],
      ['list', [1, 'two', { three: 3 }], z.array(z.unknown())],
    ];
    for (const [key, value] of values) writePreference(db, key, value);
    for (const [key, value, schema] of values) assert.deepStrictEqual(readPreference(db, key, schema), value, key);
  });

  it('reads a stored value the schema rejects as not set', () => {
    const db = migratedMemoryDb();
    writePreference(db, 'overlayPosition', { x: 1.5, y: 0, displayId: 1 });
    assert.equal(readPreference(db, 'overlayPosition', overlayPosition), undefined);
  });

  it('refuses values JSON cannot hold instead of storing nothing', () => {
    const db = migratedMemoryDb();
    assert.throws(() => writePreference(db, 'x', undefined), TypeError);
    assert.throws(() => writePreference(db, 'x', () => 1), TypeError);
    assert.equal(readPreference(db, 'x', z.unknown()), undefined);
  });

  it('does not collide with the coaching settings, even under the same key name', () => {
    const db = migratedMemoryDb();
    saveCoachingSettings(db, { ...DEFAULT_COACHING_SETTINGS, minCardGapMs: 1_234 });
    writePreference(db, 'coaching', 'my own value');
    assert.equal(loadCoachingSettings(db).minCardGapMs, 1_234);
    assert.equal(readPreference(db, 'coaching', z.string()), 'my own value');
  });
});

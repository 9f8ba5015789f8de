// Coaching settings in the library: saved only when valid, and loaded as the stored values merged
// over the defaults, field by field. A setting added in a later version gets its default, and a
// stored value that is no longer valid (a limit tightened) falls back to its default alone instead of
// throwing away every other choice the agent made.

import { z } from 'zod';
import { CARD_KINDS, DEFAULT_COACHING_SETTINGS, type CoachingSettings } from '../../shared/live';
import { coachingSettingsSchema } from './coaching-settings-schema';
import type { SqliteDatabase } from './database';
import { readSetting, writeSetting } from './settings-table';

export const COACHING_SETTINGS_KEY = 'coaching';

export class InvalidCoachingSettingsError extends Error {
  override readonly name = 'InvalidCoachingSettingsError';
}

export function loadCoachingSettings(db: SqliteDatabase): CoachingSettings {
  const stored = readSetting(db, COACHING_SETTINGS_KEY);
  return mergeOverDefaults(isRecord(stored) ? stored : {});
}

/** Validates and stores `settings`; throws InvalidCoachingSettingsError (one line) and stores nothing if invalid. */
export function saveCoachingSettings(db: SqliteDatabase, settings: CoachingSettings): void {
  const result = coachingSettingsSchema.safeParse(settings);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'settings'}: ${issue.message}`);
    throw new InvalidCoachingSettingsError(`Invalid coaching settings: ${problems.join('; ')}`);
  }
  writeSetting(db, COACHING_SETTINGS_KEY, result.data);
}

function mergeOverDefaults(stored: Record<string, unknown>): CoachingSettings {
  const fields = coachingSettingsSchema.shape;
  const storedCards = isRecord(stored['enabledCards']) ? stored['enabledCards'] : {};
  const enabledCards = Object.fromEntries(
    CARD_KINDS.map((kind) => [kind, pick(z.boolean(), storedCards[kind], DEFAULT_COACHING_SETTINGS.enabledCards[kind])]),
  ) as CoachingSettings['enabledCards'];
  return coachingSettingsSchema.parse({
    minCardGapMs: pick(fields.minCardGapMs, stored['minCardGapMs'], DEFAULT_COACHING_SETTINGS.minCardGapMs),
    noRepeatWithinMs: pick(fields.noRepeatWithinMs, stored['noRepeatWithinMs'], DEFAULT_COACHING_SETTINGS.noRepeatWithinMs),
    monologueMs: pick(fields.monologueMs, stored['monologueMs'], DEFAULT_COACHING_SETTINGS.monologueMs),
    monologueTimerFromMs: pick(fields.monologueTimerFromMs, stored['monologueTimerFromMs'], DEFAULT_COACHING_SETTINGS.monologueTimerFromMs),
    customerQuietMs: pick(fields.customerQuietMs, stored['customerQuietMs'], DEFAULT_COACHING_SETTINGS.customerQuietMs),
    targetAgentShareMax: pick(fields.targetAgentShareMax, stored['targetAgentShareMax'], DEFAULT_COACHING_SETTINGS.targetAgentShareMax),
    enabledCards,
  });
}

function pick<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const result = schema.safeParse(value);
  return result.success ? result.data : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Validation of CoachingSettings: what the Settings view may save and what a stored value must be to
// be used. Strict: an unknown key is a mistake, not something to keep.

import { z } from 'zod';
import { CARD_KINDS, type CardKind, type CoachingSettings } from '../../shared/live';

/** Upper bounds, in ms: beyond these a setting would switch its cue off in practice, not tune it. */
export const COACHING_SETTINGS_LIMITS_MS = {
  minCardGapMs: 10 * 60_000,
  noRepeatWithinMs: 60 * 60_000,
  monologueMs: 10 * 60_000,
  monologueTimerFromMs: 10 * 60_000,
  customerQuietMs: 10 * 60_000,
} as const;

function msSetting(maxMs: number): z.ZodInt {
  return z.int('must be a whole number of milliseconds').min(0, 'must not be negative').max(maxMs, `must be at most ${maxMs} ms`);
}

const enabledCardsShape = Object.fromEntries(CARD_KINDS.map((kind) => [kind, z.boolean()])) as Record<CardKind, z.ZodBoolean>;

export const enabledCardsSchema = z.strictObject(enabledCardsShape);

export const coachingSettingsSchema = z.strictObject({
  minCardGapMs: msSetting(COACHING_SETTINGS_LIMITS_MS.minCardGapMs),
  noRepeatWithinMs: msSetting(COACHING_SETTINGS_LIMITS_MS.noRepeatWithinMs),
  monologueMs: msSetting(COACHING_SETTINGS_LIMITS_MS.monologueMs),
  monologueTimerFromMs: msSetting(COACHING_SETTINGS_LIMITS_MS.monologueTimerFromMs),
  customerQuietMs: msSetting(COACHING_SETTINGS_LIMITS_MS.customerQuietMs),
  targetAgentShareMax: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  enabledCards: enabledCardsSchema,
}) satisfies z.ZodType<CoachingSettings>;

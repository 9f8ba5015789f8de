// The Settings form's fields: coaching settings shown in seconds and percent, parsed back to the
// ms/ratio values main stores, with one message per out-of-range field.

import type { CoachingSettings } from '../../../shared/live';

type NumberKey = 'minCardGapMs' | 'noRepeatWithinMs' | 'monologueMs' | 'monologueTimerFromMs' | 'customerQuietMs' | 'targetAgentShareMax';

export type CoachingForm = Record<NumberKey, string> & { enabledCards: CoachingSettings['enabledCards'] };

export interface CoachingField {
  key: NumberKey;
  label: string;
  unit: 's' | '%';
  /** Shown value × scale = stored value. */
  scale: number;
  min: number;
  max: number;
  step: number;
  hint: string;
}

export const COACHING_FIELDS: readonly CoachingField[] = [
  { key: 'minCardGapMs', label: 'Time between cards', unit: 's', scale: 1000, min: 0, max: 600, step: 1, hint: 'At least this long between two cards.' },
  { key: 'noRepeatWithinMs', label: 'Same card again after', unit: 's', scale: 1000, min: 0, max: 3600, step: 1, hint: 'A card is not repeated sooner.' },
  { key: 'monologueMs', label: 'Long monologue', unit: 's', scale: 1000, min: 10, max: 600, step: 1, hint: 'Your turn this long brings "Check in".' },
  { key: 'monologueTimerFromMs', label: 'Show turn timer from', unit: 's', scale: 1000, min: 5, max: 600, step: 1, hint: 'The overlay times your turn from here.' },
  { key: 'customerQuietMs', label: 'Customer quiet after', unit: 's', scale: 1000, min: 3, max: 120, step: 1, hint: 'Silence after you finished.' },
  { key: 'targetAgentShareMax', label: 'Your share of talk at most', unit: '%', scale: 0.01, min: 10, max: 90, step: 1, hint: 'Target band on the balance bar.' },
];

/** Rounds away float noise (0.35 / 0.01 = 34.99999…). */
function shown(value: number, scale: number): string {
  return String(Math.round((value / scale) * 100) / 100);
}

export function formFromSettings(settings: CoachingSettings): CoachingForm {
  const form = { enabledCards: { ...settings.enabledCards } } as CoachingForm;
  for (const field of COACHING_FIELDS) form[field.key] = shown(settings[field.key], field.scale);
  return form;
}

export type ParsedForm = { ok: true; settings: CoachingSettings } | { ok: false; errors: Partial<Record<NumberKey, string>> };

export function settingsFromForm(form: CoachingForm): ParsedForm {
  const errors: Partial<Record<NumberKey, string>> = {};
  const values: Partial<Record<NumberKey, number>> = {};
  for (const field of COACHING_FIELDS) {
    const text = form[field.key].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) errors[field.key] = 'Enter a number.';
    else if (value < field.min || value > field.max) errors[field.key] = `Between ${field.min} and ${field.max} ${field.unit}.`;
    else values[field.key] = field.scale === 0.01 ? Math.round(value) / 100 : Math.round(value * field.scale);
  }
  if (values.monologueTimerFromMs !== undefined && values.monologueMs !== undefined && values.monologueTimerFromMs > values.monologueMs) {
    errors.monologueTimerFromMs = 'Start the timer before the long-monologue card.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const v = values as Record<NumberKey, number>;
  return {
    ok: true,
    settings: {
      minCardGapMs: v.minCardGapMs,
      noRepeatWithinMs: v.noRepeatWithinMs,
      monologueMs: v.monologueMs,
      monologueTimerFromMs: v.monologueTimerFromMs,
      customerQuietMs: v.customerQuietMs,
      targetAgentShareMax: v.targetAgentShareMax,
      enabledCards: { ...form.enabledCards },
    },
  };
}

// Formats call metrics for people: clock times (m:ss), stretches of time with a unit, ratios as percentages.
// The e2e tests import these too, so the UI and the expected values cannot disagree on rounding.

/** Shown where a value does not exist (e.g. no turn changes, so no response gap). */
export const NO_VALUE = '—';

// Times follow the one rule in src/shared/time-format.ts (truncated; clocks for moments, units for
// stretches of time), shared with the CLI and exported reports.
import { formatClock, formatDuration } from '../../../shared/time-format';

export { formatClock, formatDuration };

/** A response gap, or the placeholder when there is none (no turn changes). */
export function formatGap(durationMs: number | null): string {
  return durationMs === null ? NO_VALUE : formatDuration(durationMs);
}

/** `0.625` → `63%`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** The customer's share is derived, not measured separately, so both shares always add up to 100%. */
export function talkShares(talkRatio: number): { agentPercent: string; customerPercent: string } {
  const agentPercent = Math.round(talkRatio * 100);
  return { agentPercent: `${agentPercent}%`, customerPercent: `${100 - agentPercent}%` };
}

/** `1` → `1 interruption`, `2` → `2 interruptions`. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** The file name part of a path, for either separator (paths come from the OS the app runs on). */
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

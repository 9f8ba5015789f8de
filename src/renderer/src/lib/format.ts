// Formats call metrics for people: clock times (m:ss), short gaps in seconds, ratios as percentages.
// The e2e tests import these too, so the UI and the expected values cannot disagree on rounding.

/** Shown where a value does not exist (e.g. no turn changes, so no response gap). */
export const NO_VALUE = '—';

/** `83_400` → `1:23`; an hour or more → `1:02:03`. Rounds to the nearest second. */
export function formatClock(durationMs: number): string {
  const totalSeconds = Math.max(0, Math.round(durationMs / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** Response gaps are usually under a few seconds, where tenths matter: `430` → `0.4 s`; ≥ 10 s → clock. */
export function formatGap(durationMs: number | null): string {
  if (durationMs === null) return NO_VALUE;
  if (durationMs < 10_000) return `${(durationMs / 1000).toFixed(1)} s`;
  return formatClock(durationMs);
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

// The one rule for showing times, shared by the app, the CLI and exported reports (issue 9 §5: the app
// rounded where the CLI truncated, so one call read 3:58 in one place and 3:57 in the other).
//
// The rule:
// - Times are TRUNCATED to the precision shown, never rounded up: a clock shows the second the moment
//   falls in, as every media player does, so a marker at 0:59.7 reads 0:59 and seeking there lands in
//   that second; and no figure ever claims more time than was measured.
// - A moment in the call (and the call's length, the moment it ends) is a clock: `m:ss`, `h:mm:ss`.
// - A stretch of time inside the call (talk time, a monologue, a gap, dead air) always carries a unit,
//   so it can never be mistaken for a moment: `0.4 s` (tenths under 10 s), `25 s`, `3 min 07 s`, `1 h 02 min`.
// Machine outputs (the CLI's --json, data-value attributes) keep raw milliseconds.

/** `83_999` → `1:23`; an hour or more → `1:02:03`. For a moment in a call or a call's length. */
export function formatClock(ms: number): string {
  const totalSeconds = wholeSeconds(ms);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const ss = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** A stretch of time: `430` → `0.4 s`, `25_900` → `25 s`, `187_000` → `3 min 07 s`, `3_725_000` → `1 h 02 min`. */
export function formatDuration(ms: number): string {
  const safeMs = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  // Tenths are truncated in integer arithmetic so 0.3 never shows as 0.2 through float error.
  if (safeMs < 10_000) {
    const tenths = Math.floor(safeMs / 100);
    return `${Math.floor(tenths / 10)}.${tenths % 10} s`;
  }
  const totalSeconds = wholeSeconds(safeMs);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  if (totalSeconds < 3600) return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}

/** Whole seconds, truncated; negative or non-finite input (never expected) reads as 0. */
function wholeSeconds(ms: number): number {
  return Number.isFinite(ms) ? Math.floor(Math.max(0, ms) / 1000) : 0;
}

// When retention runs in the app: once at start (after recovery, so a recovered old call is not kept
// by accident), once a day while the app runs, and at once when the setting is shortened (a longer or
// switched-off retention deletes nothing new, so it waits for the next daily run). Electron-free: the
// clock and the timer are injected.

import type { PrivacySettings } from '../../shared/transcript';
import type { Library } from '../library/library';
import { loadPrivacySettings } from './privacy-settings';
import { applyRetention, type RetentionResult } from './retention';

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface RetentionScheduleDeps {
  library: Library;
  now?: () => Date;
  /** Runs `run` every `intervalMs`; returns a stop function. Default: setInterval (unref'd). */
  every?: (run: () => void, intervalMs: number) => () => void;
  /** Told about every run that deleted something (the windows refresh their call lists). */
  onDeleted?: (result: RetentionResult) => void;
  logError?: (message: string, error: unknown) => void;
}

export interface RetentionSchedule {
  /** Runs retention now and then daily. */
  start(): void;
  /** The privacy settings were saved: a shorter retention runs at once. */
  settingsChanged(previous: PrivacySettings, next: PrivacySettings): void;
  /** Runs retention now with the stored setting; never throws. */
  runNow(): RetentionResult | null;
  stop(): void;
}

/** True when `next` may delete calls `previous` kept. */
export function isRetentionShortened(previous: number | null, next: number | null): boolean {
  if (next === null) return false;
  return previous === null || next < previous;
}

export function createRetentionSchedule(deps: RetentionScheduleDeps): RetentionSchedule {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const now = deps.now ?? (() => new Date());
  const every =
    deps.every ??
    ((run: () => void, intervalMs: number) => {
      const timer = setInterval(run, intervalMs);
      // The daily run must never keep a quitting process alive.
      timer.unref();
      return () => clearInterval(timer);
    });
  let stopTimer: (() => void) | null = null;

  const runNow = (): RetentionResult | null => {
    try {
      const result = applyRetention(deps.library, loadPrivacySettings(deps.library.db).retentionDays, now());
      for (const failure of result.failed) logError(`attune: retention kept call ${failure.callId}: ${failure.message}`, null);
      if (result.deleted.length > 0) deps.onDeleted?.(result);
      return result;
    } catch (error) {
      logError('attune: applying the retention setting failed', error);
      return null;
    }
  };

  return {
    start() {
      if (stopTimer !== null) return;
      runNow();
      stopTimer = every(runNow, RETENTION_INTERVAL_MS);
    },
    settingsChanged(previous, next) {
      if (isRetentionShortened(previous.retentionDays, next.retentionDays)) runNow();
    },
    runNow,
    stop() {
      stopTimer?.();
      stopTimer = null;
    },
  };
}

// When retention runs: at start, daily, and at once when the setting is shortened (never when it is
// lengthened or switched off); a failing run is logged, never thrown. Also the CLI's retention step.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRetentionForCli } from '../../src/main/cli/cli-retention';
import type { Library } from '../../src/main/library/library';
import { savePrivacySettings } from '../../src/main/privacy/privacy-settings';
import { createRetentionSchedule, isRetentionShortened, RETENTION_INTERVAL_MS } from '../../src/main/privacy/retention-schedule';
import { insertCall, listCalls } from '../../src/main/store/calls-repository';
import { sampleCall, tempLibraries } from './store-fixtures';

const { freshLibrary } = tempLibraries('retention-schedule');

const NOW = new Date('2026-12-01T12:00:00.000Z');

/** Calls started 100, 40 and 2 days before NOW, with no recording files. */
function storeCalls(library: Library): void {
  for (const [key, daysAgo] of [['old', 100], ['month', 40], ['recent', 2]] as const) {
    const startedAt = new Date(NOW.getTime() - daysAgo * 24 * 60 * 60 * 1000).toISOString();
    insertCall(library.db, sampleCall({ recordingKey: key, startedAt, recordingPath: null }));
  }
}

const keys = (library: Library): string[] => listCalls(library.db).map((row) => row.startedAt.slice(0, 10));

function manualInterval() {
  const timers: Array<{ run: () => void; intervalMs: number; stopped: boolean }> = [];
  return {
    every(run: () => void, intervalMs: number) {
      const timer = { run, intervalMs, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    },
    timers,
  };
}

describe('retention schedule', () => {
  it('says which changes can delete more', () => {
    assert.equal(isRetentionShortened(null, 30), true);
    assert.equal(isRetentionShortened(90, 30), true);
    assert.equal(isRetentionShortened(30, 30), false);
    assert.equal(isRetentionShortened(30, 90), false);
    assert.equal(isRetentionShortened(30, null), false);
    assert.equal(isRetentionShortened(null, null), false);
  });

  it('runs at start with the stored setting, then daily; stop ends the daily run', () => {
    const library = freshLibrary();
    try {
      storeCalls(library);
      savePrivacySettings(library.db, { redactTranscripts: true, retentionDays: 60 });
      const interval = manualInterval();
      let now = NOW;
      const deletedRuns: number[] = [];
      const schedule = createRetentionSchedule({ library, now: () => now, every: (run, intervalMs) => interval.every(run, intervalMs), onDeleted: (result) => deletedRuns.push(result.deleted.length) });
      schedule.start();
      assert.deepEqual(keys(library), ['2026-11-29', '2026-10-22'], 'the 100-day-old call went at start');
      assert.equal(interval.timers.length, 1);
      assert.equal(interval.timers[0]?.intervalMs, RETENTION_INTERVAL_MS);

      now = new Date(NOW.getTime() + 21 * 24 * 60 * 60 * 1000);
      interval.timers[0]?.run();
      assert.deepEqual(keys(library), ['2026-11-29'], 'three weeks later the 40-day-old call is past 60 days');
      assert.deepEqual(deletedRuns, [1, 1]);
      schedule.stop();
      assert.equal(interval.timers[0]?.stopped, true);
    } finally {
      library.close();
    }
  });

  it('a shortened setting applies at once; a longer one or none deletes nothing', () => {
    const library = freshLibrary();
    try {
      storeCalls(library);
      const schedule = createRetentionSchedule({ library, now: () => NOW, every: (run, intervalMs) => manualInterval().every(run, intervalMs) });
      schedule.start();
      assert.equal(keys(library).length, 3, 'keep everything by default');

      const keepAll = { redactTranscripts: true, retentionDays: null };
      const ninety = { redactTranscripts: true, retentionDays: 90 };
      savePrivacySettings(library.db, ninety);
      schedule.settingsChanged(keepAll, ninety);
      assert.equal(keys(library).length, 2);

      const thirty = { redactTranscripts: true, retentionDays: 30 };
      savePrivacySettings(library.db, thirty);
      schedule.settingsChanged(ninety, thirty);
      assert.equal(keys(library).length, 1);

      // The settings say 1 day now, but a lengthening change does not run retention; the daily run will.
      savePrivacySettings(library.db, { redactTranscripts: true, retentionDays: 1 });
      schedule.settingsChanged(thirty, { redactTranscripts: true, retentionDays: 365 });
      assert.equal(keys(library).length, 1);
    } finally {
      library.close();
    }
  });

  it('a failing run is logged and returns null', () => {
    const library = freshLibrary();
    const logged: string[] = [];
    const schedule = createRetentionSchedule({ library, now: () => NOW, every: (run, intervalMs) => manualInterval().every(run, intervalMs), logError: (message) => logged.push(message) });
    library.close();
    assert.equal(schedule.runNow(), null);
    assert.deepEqual(logged, ['attune: applying the retention setting failed']);
  });
});

describe('CLI retention step', () => {
  it('deletes calls past the setting and says so on stderr, one line each', () => {
    const library = freshLibrary();
    try {
      storeCalls(library);
      const lines: string[] = [];
      applyRetentionForCli(library, { write: (text: string) => lines.push(text) }, NOW);
      assert.equal(lines.length, 0, 'retention off by default');
      savePrivacySettings(library.db, { redactTranscripts: true, retentionDays: 30 });
      applyRetentionForCli(library, { write: (text: string) => lines.push(text) }, NOW);
      assert.deepEqual(lines, [
        'attune: deleted call 1 (started 2026-08-23T12:00:00.000Z), older than the 30 day(s) kept\n',
        'attune: deleted call 2 (started 2026-10-22T12:00:00.000Z), older than the 30 day(s) kept\n',
      ]);
      assert.equal(keys(library).length, 1);
    } finally {
      library.close();
    }
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatClock, formatDuration } from '../../../src/shared/time-format';
import { formatClock as cliClock, formatDuration as cliDuration } from '../../../src/main/cli/report-format';
import { formatClock as appClock, formatGap } from '../../../src/renderer/src/lib/format';

test('a clock truncates to the second the moment falls in (3:57.9 is 3:57, never 3:58)', () => {
  assert.equal(formatClock(237_900), '3:57');
  assert.equal(formatClock(237_999), '3:57');
  assert.equal(formatClock(238_000), '3:58');
  assert.equal(formatClock(0), '0:00');
  assert.equal(formatClock(59_999), '0:59');
  assert.equal(formatClock(3_723_000), '1:02:03');
});

test('the app, the CLI and exports use the same clock for the same call', () => {
  for (const ms of [0, 999, 25_400, 237_900, 3_599_999, 3_723_500]) {
    assert.equal(appClock(ms), formatClock(ms));
    assert.equal(cliClock(ms), formatClock(ms));
  }
});

test('a stretch of time always carries a unit: tenths under 10 s, seconds, then min and s, then h and min', () => {
  assert.equal(formatDuration(0), '0.0 s');
  assert.equal(formatDuration(300), '0.3 s');
  assert.equal(formatDuration(430), '0.4 s');
  assert.equal(formatDuration(9_999), '9.9 s');
  assert.equal(formatDuration(10_000), '10 s');
  assert.equal(formatDuration(25_900), '25 s');
  assert.equal(formatDuration(60_000), '1 min 00 s');
  assert.equal(formatDuration(187_900), '3 min 07 s');
  assert.equal(formatDuration(3_725_000), '1 h 02 min');
  assert.equal(cliDuration(187_900), formatDuration(187_900));
  assert.equal(formatGap(430), formatDuration(430));
});

test('impossible inputs read as zero rather than NaN or a negative time', () => {
  assert.equal(formatClock(-5), '0:00');
  assert.equal(formatClock(Number.NaN), '0:00');
  assert.equal(formatDuration(-5), '0.0 s');
  assert.equal(formatDuration(Number.POSITIVE_INFINITY), '0.0 s');
});

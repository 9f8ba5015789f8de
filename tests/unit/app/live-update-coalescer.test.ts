import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLiveUpdateCoalescer, type CoalescerClock } from '../../../src/main/app/live-update-coalescer';
import type { LiveMetricsSnapshot, LiveUpdate } from '../../../src/shared/live';
import { metricsSnapshot } from '../../support/live-snapshot';

/** A hand-driven clock: `advance` runs due timers in order. */
function manualClock(): CoalescerClock & { advance(ms: number): void; pending(): number } {
  let nowMs = 0;
  let timers: Array<{ atMs: number; run: () => void; cancelled: boolean }> = [];
  return {
    nowMs: () => nowMs,
    schedule(run, delayMs) {
      const timer = { atMs: nowMs + delayMs, run, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    advance(ms) {
      const endMs = nowMs + ms;
      for (;;) {
        const due = timers.filter((t) => !t.cancelled && t.atMs <= endMs).sort((a, b) => a.atMs - b.atMs)[0];
        if (!due) break;
        nowMs = due.atMs;
        due.cancelled = true;
        due.run();
      }
      timers = timers.filter((t) => !t.cancelled);
      nowMs = endMs;
    },
    pending: () => timers.filter((t) => !t.cancelled).length,
  };
}

const snapshot = (elapsedMs: number): LiveMetricsSnapshot => metricsSnapshot(elapsedMs);

const interruption: LiveUpdate = { type: 'interruption', by: 'agent', atMs: 1000, emittedAtMs: 2000, overlapMs: 400 };

function setUp() {
  const clock = manualClock();
  const sent: Array<{ atMs: number; update: LiveUpdate }> = [];
  const coalescer = createLiveUpdateCoalescer((update) => sent.push({ atMs: clock.nowMs(), update }), clock);
  return { clock, sent, coalescer };
}

describe('live update coalescer', () => {
  it('sends a first snapshot at once', () => {
    const { sent, coalescer } = setUp();
    coalescer.push(snapshot(100));
    assert.deepEqual(sent.map((s) => s.atMs), [0]);
  });

  it('never sends more than 10 snapshots per second of wall time, and the last one is the newest', () => {
    const { clock, sent, coalescer } = setUp();
    // 1000 snapshots in one second, one per ms (a burst far above the audio-time rate).
    for (let i = 0; i < 1000; i += 1) {
      coalescer.push(snapshot(i));
      clock.advance(1);
    }
    clock.advance(200);
    const times = sent.map((s) => s.atMs);
    for (let i = 1; i < times.length; i += 1) assert.ok(times[i]! - times[i - 1]! >= 100, `gap ${times[i - 1]} → ${times[i]}`);
    assert.ok(sent.length >= 10 && sent.length <= 11, `sent ${sent.length}`);
    const last = sent.at(-1)?.update;
    assert.equal(last?.type === 'metrics' ? last.elapsedMs : null, 999);
  });

  it('delivers a held snapshot when the interval ends even if nothing else arrives', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.push(snapshot(1));
    clock.advance(30);
    coalescer.push(snapshot(2));
    assert.equal(sent.length, 1);
    clock.advance(69);
    assert.equal(sent.length, 1);
    clock.advance(1);
    assert.deepEqual(sent.map((s) => s.atMs), [0, 100]);
  });

  it('never delays or drops events, even between held snapshots', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.push(snapshot(1));
    clock.advance(10);
    coalescer.push(snapshot(2));
    coalescer.push(interruption);
    coalescer.push(interruption);
    assert.deepEqual(
      sent.map((s) => [s.atMs, s.update.type]),
      [
        [0, 'metrics'],
        [10, 'interruption'],
        [10, 'interruption'],
      ],
    );
  });

  it('drops a held snapshot at a call boundary so it cannot arrive after "stopped"', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.push(snapshot(1));
    coalescer.push(snapshot(2));
    coalescer.push({ type: 'stopped', reason: 'stopped by the agent' });
    clock.advance(500);
    assert.deepEqual(sent.map((s) => s.update.type), ['metrics', 'stopped']);
    assert.equal(clock.pending(), 0);
  });

  it('dispose cancels the timer of a held snapshot', () => {
    const { clock, sent, coalescer } = setUp();
    coalescer.push(snapshot(1));
    coalescer.push(snapshot(2));
    coalescer.dispose();
    clock.advance(500);
    assert.equal(sent.length, 1);
    assert.equal(clock.pending(), 0);
  });
});

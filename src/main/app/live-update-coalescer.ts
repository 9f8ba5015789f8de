// Rate-limits the metrics snapshots main pushes to the windows to at most one per interval of wall
// time (10 per second by default), keeping only the newest; events and lifecycle updates pass at once.
// The live session already limits snapshots per second of *audio*, but audio can arrive in bursts
// (a stalled renderer catching up), and each snapshot re-renders two windows. Electron-free: the
// clock and the timer are injected so the test drives time by hand.

import type { LiveMetricsSnapshot, LiveUpdate } from '../../shared/live';

export interface CoalescerClock {
  /** Monotonic wall time in ms. */
  nowMs(): number;
  /** Calls `run` once after `delayMs`; returns a cancel function. */
  schedule(run: () => void, delayMs: number): () => void;
}

export interface LiveUpdateCoalescer {
  push(update: LiveUpdate): void;
  /** Drops any held snapshot and cancels its timer (at shutdown). */
  dispose(): void;
}

/** 10 snapshots per second of wall time. */
export const DEFAULT_MIN_METRICS_INTERVAL_MS = 100;

type Held = { tag: 'none' } | { tag: 'held'; snapshot: LiveMetricsSnapshot; cancel: () => void };

export function createLiveUpdateCoalescer(
  send: (update: LiveUpdate) => void,
  clock: CoalescerClock,
  minMetricsIntervalMs: number = DEFAULT_MIN_METRICS_INTERVAL_MS,
): LiveUpdateCoalescer {
  let lastMetricsSentAtMs = Number.NEGATIVE_INFINITY;
  let held: Held = { tag: 'none' };

  const drop = (): void => {
    if (held.tag === 'held') held.cancel();
    held = { tag: 'none' };
  };

  const sendMetrics = (snapshot: LiveMetricsSnapshot): void => {
    lastMetricsSentAtMs = clock.nowMs();
    send(snapshot);
  };

  const releaseHeld = (): void => {
    if (held.tag !== 'held') return;
    const { snapshot } = held;
    held = { tag: 'none' };
    sendMetrics(snapshot);
  };

  return {
    push(update) {
      switch (update.type) {
        case 'metrics': {
          const waitMs = lastMetricsSentAtMs + minMetricsIntervalMs - clock.nowMs();
          if (waitMs <= 0 && held.tag === 'none') {
            sendMetrics(update);
          } else if (held.tag === 'held') {
            // A newer snapshot supersedes the held one; its timer is already running.
            held = { ...held, snapshot: update };
          } else {
            held = { tag: 'held', snapshot: update, cancel: clock.schedule(releaseHeld, Math.max(0, waitMs)) };
          }
          return;
        }
        case 'started':
        case 'stopped':
        case 'saved':
          // A snapshot held from before a call boundary would arrive after it and show a stale call
          // as live; the boundary's own update is what the windows need. At most 100 ms of metrics
          // are lost, and every event in them was already sent.
          drop();
          send(update);
          return;
        case 'interruption':
        case 'backchannel':
        case 'monologue':
        case 'deadAir':
        case 'card':
        case 'captureProblem':
        case 'mark':
          // Events are never delayed: an interruption must be on screen within 1.2 s of its onset.
          send(update);
          return;
        default: {
          const unreachable: never = update;
          throw new Error(`unknown live update ${JSON.stringify(unreachable)}`);
        }
      }
    },
    dispose: drop,
  };
}

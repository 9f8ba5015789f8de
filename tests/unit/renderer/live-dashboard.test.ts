// The Live view's and the overlay's state folded from main's updates: cards, counts, the end of a call.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CARD_VISIBLE_MS, IDLE_DASHBOARD, dismissCard, reduceLiveUpdate, type LiveDashboard } from '../../../src/renderer/src/live/live-dashboard';
import type { LiveMetricsSnapshot, LiveUpdate } from '../../../src/shared/live';
import { metricsSnapshot } from '../../support/live-snapshot';

function snapshot(elapsedMs: number, interruptions = { agent: 0, customer: 0 }): LiveMetricsSnapshot {
  return metricsSnapshot(elapsedMs, { interruptions });
}

const fold = (updates: readonly LiveUpdate[], from: LiveDashboard = IDLE_DASHBOARD): LiveDashboard => updates.reduce(reduceLiveUpdate, from);

describe('live dashboard', () => {
  it('counts an interruption as soon as its event arrives, and the next snapshot agrees', () => {
    const before = fold([{ type: 'started', startedAt: '2026-12-01T09:00:00.000Z', agentName: 'Dana' }, snapshot(4_000)]);
    const interrupted = reduceLiveUpdate(before, { type: 'interruption', by: 'agent', atMs: 3_000, emittedAtMs: 4_000, overlapMs: 1_000 });
    assert.deepEqual(interrupted.metrics?.interruptions, { agent: 1, customer: 0 });
    const next = reduceLiveUpdate(interrupted, snapshot(4_100, { agent: 1, customer: 0 }));
    assert.deepEqual(next.metrics?.interruptions, { agent: 1, customer: 0 }, 'not counted twice');
  });

  it('shows one card at a time, drops it after CARD_VISIBLE_MS of call audio or when dismissed, and clears it when the call is stored', () => {
    const card = { kind: 'let-them-finish', title: 'Let them finish', detail: 'You started talking while the customer was speaking.' } as const;
    const shown = fold([{ type: 'started', startedAt: '2026-12-01T09:00:00.000Z', agentName: 'Dana' }, { type: 'card', card, atMs: 4_000, emittedAtMs: 4_000 }]);
    assert.equal(shown.card?.card.title, 'Let them finish');
    assert.equal(reduceLiveUpdate(shown, snapshot(4_000 + CARD_VISIBLE_MS)).card?.card.kind, 'let-them-finish');
    assert.equal(reduceLiveUpdate(shown, snapshot(4_001 + CARD_VISIBLE_MS)).card, null);
    assert.equal(dismissCard(shown).card, null);
    const saved = reduceLiveUpdate(shown, { type: 'saved', callId: 7 });
    assert.equal(saved.card, null);
    assert.equal(saved.phase, 'idle');
    assert.equal(saved.savedCallId, 7);
  });

  it('ignores a backchannel (no card, no count)', () => {
    const before = fold([{ type: 'started', startedAt: '2026-12-01T09:00:00.000Z', agentName: 'Dana' }, snapshot(4_000)]);
    const after = reduceLiveUpdate(before, { type: 'backchannel', by: 'agent', atMs: 3_500, emittedAtMs: 4_000 });
    assert.equal(after, before);
  });
});

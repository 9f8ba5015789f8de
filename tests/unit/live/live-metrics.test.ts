// Live metrics from scripted conversation events, dated as the analyzer dates them: onsets confirmed
// a few frames late, ends known only after the 500 ms merge pause.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConversationEvent } from '../../../src/main/analysis/conversation-analyzer';
import { initialChannelHealth, stepChannelHealth } from '../../../src/main/live/channel-health';
import { RECENT_WINDOW_MS, initialLiveMetrics, stepLiveMetrics, viewLiveMetrics, type MetricsLiveEvent } from '../../../src/main/live/live-metrics';

const MONOLOGUE_MS = 60_000;

/** Feeds events at the audio time they are emitted (10 ms frames), returning the state, live events and a view function. */
function run(script: ReadonlyArray<[emittedAtMs: number, event: ConversationEvent]>, untilMs: number) {
  const state = initialLiveMetrics();
  const live: MetricsLiveEvent[] = [];
  const views = new Map<number, ReturnType<typeof viewLiveMetrics>>();
  let index = 0;
  for (let nowMs = 10; nowMs <= untilMs; nowMs += 10) {
    const events: ConversationEvent[] = [];
    while (index < script.length && (script[index]?.[0] ?? Infinity) <= nowMs) events.push((script[index++] as [number, ConversationEvent])[1]);
    live.push(...stepLiveMetrics(state, events, nowMs, MONOLOGUE_MS));
    views.set(nowMs, viewLiveMetrics(state, nowMs));
  }
  return { state, live, view: (atMs: number) => views.get(atMs)! };
}

describe('live metrics', () => {
  it('counts open segments from their (late-confirmed) start up to now, and settles on close', () => {
    const { view } = run(
      [
        [1_050, { type: 'segmentStarted', speaker: 'agent', atMs: 1_000 }],
        [4_500, { type: 'segmentEnded', speaker: 'agent', startMs: 1_000, endMs: 4_000 }],
      ],
      6_000,
    );
    assert.equal(view(1_050).agentTalkMs, 50, 'counted from the dated start, not from when it was confirmed');
    assert.equal(view(3_000).agentTalkMs, 2_000);
    assert.equal(view(3_000).currentSpeaker, 'agent');
    assert.equal(view(3_000).agentMonologueMs, 2_000);
    assert.equal(view(4_500).agentTalkMs, 3_000, 'the trailing merge pause is taken back when the end is known');
    assert.equal(view(6_000).agentTalkMs, 3_000);
    assert.equal(view(6_000).currentSpeaker, 'nobody');
    assert.equal(view(6_000).talkRatio, 1);
  });

  it('gives the talk ratio for the whole call and the last two minutes', () => {
    const { view } = run(
      [
        [50, { type: 'segmentStarted', speaker: 'agent', atMs: 0 }],
        [60_500, { type: 'segmentEnded', speaker: 'agent', startMs: 0, endMs: 60_000 }],
        [130_050, { type: 'segmentStarted', speaker: 'customer', atMs: 130_000 }],
        [150_500, { type: 'segmentEnded', speaker: 'customer', startMs: 130_000, endMs: 150_000 }],
      ],
      200_000,
    );
    assert.equal(view(150_000).talkRatio, 60_000 / 80_000);
    // Window [30 000, 150 000]: 30 s of the agent, 20 s of the customer.
    assert.equal(view(150_000).recentTalkRatio, 30_000 / 50_000);
    assert.equal(view(200_000).recentTalkRatio, 0, 'only the customer spoke in the last two minutes');
    assert.equal(view(100_000).recentTalkRatio, 1);
    assert.equal(run([], 1_000).view(1_000).recentTalkRatio, null);
    assert.equal(RECENT_WINDOW_MS, 120_000);
  });

  it('measures the response gap even when the agent starts before the customer end is known', () => {
    const { view } = run(
      [
        [1_050, { type: 'segmentStarted', speaker: 'customer', atMs: 1_000 }],
        // The agent answers 300 ms after the customer's last word, before the merge pause has passed.
        [5_350, { type: 'segmentStarted', speaker: 'agent', atMs: 5_300 }],
        [5_500, { type: 'segmentEnded', speaker: 'customer', startMs: 1_000, endMs: 5_000 }],
        [8_500, { type: 'segmentEnded', speaker: 'agent', startMs: 5_300, endMs: 8_000 }],
        [9_250, { type: 'segmentStarted', speaker: 'customer', atMs: 9_200 }],
        [10_500, { type: 'segmentEnded', speaker: 'customer', startMs: 9_200, endMs: 10_000 }],
        [12_050, { type: 'segmentStarted', speaker: 'agent', atMs: 12_000 }],
      ],
      13_000,
    );
    assert.equal(view(5_400).lastResponseGapMs, null, 'not known until the customer end is');
    assert.equal(view(5_500).lastResponseGapMs, 300);
    assert.equal(view(12_050).lastResponseGapMs, 2_000);
  });

  it('emits interruptions, backchannels, monologues and dead air with their emission times', () => {
    const { live, view } = run(
      [
        [50, { type: 'segmentStarted', speaker: 'customer', atMs: 0 }],
        [2_050, { type: 'segmentStarted', speaker: 'agent', atMs: 2_000 }],
        [3_000, { type: 'interruption', by: 'agent', atMs: 2_000, overlapMs: 1_000 }],
        [4_500, { type: 'segmentEnded', speaker: 'customer', startMs: 0, endMs: 4_000 }],
        [10_050, { type: 'segmentStarted', speaker: 'customer', atMs: 10_000 }],
        [10_800, { type: 'segmentEnded', speaker: 'customer', startMs: 10_000, endMs: 10_300 }],
        [10_800, { type: 'backchannel', by: 'customer', atMs: 10_000 }],
        [70_500, { type: 'segmentEnded', speaker: 'agent', startMs: 2_000, endMs: 70_000 }],
        [75_000, { type: 'deadAirStarted', atMs: 70_000 }],
      ],
      76_000,
    );
    assert.deepEqual(live, [
      { type: 'interruption', by: 'agent', atMs: 2_000, emittedAtMs: 3_000, overlapMs: 1_000 },
      { type: 'backchannel', by: 'customer', atMs: 10_000, emittedAtMs: 10_800 },
      { type: 'monologue', atMs: 2_000, emittedAtMs: 62_000, durationMs: 60_000 },
      { type: 'deadAir', atMs: 70_000, emittedAtMs: 75_000, afterSpeaker: 'agent' },
    ]);
    assert.deepEqual(view(4_000).interruptions, { agent: 1, customer: 0 });
    assert.equal(view(3_000).currentSpeaker, 'both');
    assert.equal(view(76_000).deadAirMs, 6_000);
    assert.equal(view(74_990).deadAirMs, 0);
  });
});

describe('channel health', () => {
  const talk = (agent: boolean, customer: boolean) => ({ agent, customer });

  it('reports a channel of exact zeros since the start, for 10 s while the other side talks, once', () => {
    const state = initialChannelHealth();
    const findings = [];
    for (let frame = 0; frame < 3_000; frame++) {
      findings.push(...stepChannelHealth(state, { agent: false, customer: true }, talk(frame % 200 < 120, false)));
    }
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.channel, 'customer');
    assert.match(findings[0]?.message ?? '', /no sound at all since the call started \(10 s\)/);
  });

  it('says nothing when both are silent', () => {
    const quiet = initialChannelHealth();
    for (let frame = 0; frame < 3_000; frame++) assert.deepEqual(stepChannelHealth(quiet, { agent: true, customer: true }, talk(false, false)), []);
  });

  it('says nothing about zeros once a channel has carried sound (a gated line while the other side explains)', () => {
    const gated = initialChannelHealth();
    for (let frame = 0; frame < 6_000; frame++) {
      const customerSpoke = frame < 200;
      assert.deepEqual(stepChannelHealth(gated, { agent: false, customer: !customerSpoke }, talk(!customerSpoke, customerSpoke)), []);
    }
  });
});

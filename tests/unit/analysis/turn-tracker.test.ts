// The turn tracker on scripted voice decisions: exact segments, events, and when each event is emitted.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTurnTracker, type ConversationEvent } from '../../../src/main/analysis/turn-tracker';

type Spans = [startMs: number, endMs: number][];

interface Emitted {
  /** Time (ms) of the end of the frame whose push emitted the event. */
  emittedAtMs: number;
  event: ConversationEvent;
}

/** Feeds voiced spans (ms, multiples of 10) as per-frame decisions, onsets confirmed `onsetDelayFrames` late. */
function run(script: { agent?: Spans; customer?: Spans; durationMs: number; onsetDelayFrames?: number }) {
  const tracker = createTurnTracker();
  const delay = script.onsetDelayFrames ?? 0;
  const decisions = (spans: Spans | undefined) => {
    const frames = script.durationMs / 10;
    const out = new Array<number | null>(frames).fill(null);
    for (const [startMs, endMs] of spans ?? []) {
      const start = startMs / 10;
      for (let f = start + delay; f < endMs / 10; f += 1) out[f] = f === start + delay ? start : f;
    }
    return out;
  };
  const agent = decisions(script.agent);
  const customer = decisions(script.customer);
  const emitted: Emitted[] = [];
  for (let f = 0; f < agent.length; f += 1) {
    for (const event of tracker.push(agent[f]!, customer[f]!)) emitted.push({ emittedAtMs: (f + 1) * 10, event });
  }
  const metrics = tracker.finish();
  return { emitted, metrics, events: emitted.map((e) => e.event) };
}

const ofType = <T extends ConversationEvent['type']>(events: ConversationEvent[], type: T) =>
  events.filter((e): e is Extract<ConversationEvent, { type: T }> => e.type === type);

describe('segments', () => {
  it('keeps a pause shorter than 500 ms inside the segment', () => {
    const { metrics } = run({ agent: [[0, 1000], [1490, 2000]], durationMs: 4000 });
    assert.deepEqual(metrics.agent.segments, [[0, 2000]]);
    assert.equal(metrics.agent.talkMs, 2000);
  });

  it('splits at a pause of exactly 500 ms', () => {
    const { metrics } = run({ agent: [[0, 1000], [1500, 2000]], durationMs: 4000 });
    assert.deepEqual(metrics.agent.segments, [[0, 1000], [1500, 2000]]);
    assert.equal(metrics.agent.longestMonologueMs, 1000);
  });

  it('dates a delayed onset back to its first voiced frame and closes a segment 500 ms after its end', () => {
    const { emitted } = run({ customer: [[1000, 2000]], durationMs: 4000, onsetDelayFrames: 3 });
    assert.deepEqual(emitted, [
      { emittedAtMs: 1040, event: { type: 'segmentStarted', speaker: 'customer', atMs: 1000 } },
      { emittedAtMs: 2500, event: { type: 'segmentEnded', speaker: 'customer', startMs: 1000, endMs: 2000 } },
    ]);
  });

  it('closes a segment still open at the end of the call', () => {
    const { metrics } = run({ customer: [[1000, 3000]], durationMs: 3000 });
    assert.deepEqual(metrics.customer.segments, [[1000, 3000]]);
  });
});

describe('interruptions and backchannels', () => {
  it('reports an interruption as soon as the interrupter has spoken 1000 ms', () => {
    const { emitted, metrics } = run({ customer: [[0, 3000]], agent: [[1000, 2500]], durationMs: 5000 });
    const interruptions = emitted.filter((e) => e.event.type === 'interruption');
    assert.deepEqual(interruptions, [
      { emittedAtMs: 2000, event: { type: 'interruption', by: 'agent', atMs: 1000, overlapMs: 1000 } },
    ]);
    assert.deepEqual(metrics.interruptions, [{ atMs: 1000, by: 'agent', overlapMs: 1500 }]);
    assert.equal(metrics.agent.interruptions, 1);
    assert.equal(metrics.customer.interruptions, 0);
    assert.deepEqual(metrics.backchannels, []);
  });

  it('measures the overlap only while the interrupted speaker goes on', () => {
    const { metrics } = run({ agent: [[0, 2000]], customer: [[1500, 4000]], durationMs: 5000 });
    assert.deepEqual(metrics.interruptions, [{ atMs: 1500, by: 'customer', overlapMs: 500 }]);
  });

  it('counts a short overlapping segment as a backchannel, reported when it closes', () => {
    const { emitted, metrics } = run({ customer: [[0, 4000]], agent: [[1000, 1400]], durationMs: 5000 });
    assert.deepEqual(
      emitted.filter((e) => e.event.type === 'backchannel'),
      [{ emittedAtMs: 1900, event: { type: 'backchannel', by: 'agent', atMs: 1000 } }],
    );
    assert.deepEqual(metrics.interruptions, []);
    assert.deepEqual(metrics.backchannels, [{ atMs: 1000, by: 'agent' }]);
  });

  it('draws the line between backchannel and interruption at 1000 ms', () => {
    const short = run({ customer: [[0, 4000]], agent: [[1000, 1990]], durationMs: 5000 });
    assert.equal(short.metrics.interruptions.length, 0);
    assert.equal(short.metrics.backchannels.length, 1);
    const long = run({ customer: [[0, 4000]], agent: [[1000, 2000]], durationMs: 5000 });
    assert.equal(long.metrics.interruptions.length, 1);
    assert.equal(long.metrics.backchannels.length, 0);
  });

  it('needs the interrupted segment to have started 200 ms before', () => {
    assert.equal(run({ customer: [[0, 4000]], agent: [[190, 2000]], durationMs: 5000 }).metrics.interruptions.length, 0);
    assert.equal(run({ customer: [[0, 4000]], agent: [[200, 2000]], durationMs: 5000 }).metrics.interruptions.length, 1);
  });

  it('counts starting in the other speaker\'s short pause as an interruption once they resume', () => {
    const { metrics } = run({ customer: [[0, 2000], [2300, 4000]], agent: [[2100, 3600]], durationMs: 5000 });
    assert.deepEqual(metrics.customer.segments, [[0, 4000]]);
    assert.deepEqual(metrics.interruptions, [{ atMs: 2100, by: 'agent', overlapMs: 1500 }]);
  });

  it('treats starting after the other speaker has finished as a turn switch, not an interruption', () => {
    const { metrics, events } = run({ customer: [[0, 2000]], agent: [[2100, 3600]], durationMs: 5000 });
    assert.deepEqual(metrics.interruptions, []);
    assert.deepEqual(ofType(events, 'backchannel'), []);
    assert.deepEqual(metrics.responseGapMs, { median: 100, p90: 100 });
  });

  it('classifies a simultaneous start as neither', () => {
    const { metrics } = run({ customer: [[1000, 3000]], agent: [[1000, 2500]], durationMs: 5000 });
    assert.deepEqual(metrics.interruptions, []);
    assert.deepEqual(metrics.backchannels, []);
    assert.equal(metrics.overlapMs, 1500);
  });
});

describe('silence, dead air and response gaps', () => {
  it('reports dead air live once a silence after speech reaches 5 s; the call keeps only silences between speech', () => {
    const { emitted, metrics } = run({ customer: [[1000, 2000]], agent: [[8000, 9000]], durationMs: 20000 });
    assert.deepEqual(
      emitted.filter((e) => e.event.type === 'deadAirStarted'),
      [
        { emittedAtMs: 7000, event: { type: 'deadAirStarted', atMs: 2000 } },
        // Live, nobody knows yet that the call will end in this silence.
        { emittedAtMs: 14000, event: { type: 'deadAirStarted', atMs: 9000 } },
      ],
    );
    assert.deepEqual(metrics.deadAir, [{ atMs: 2000, durationMs: 6000 }]);
    assert.equal(metrics.silenceMs, 18000);
    assert.equal(metrics.overlapMs, 0);
  });

  it('does not call 4990 ms of silence dead air', () => {
    const { metrics, events } = run({ customer: [[0, 1000]], agent: [[5990, 7000]], durationMs: 8000 });
    assert.deepEqual(metrics.deadAir, []);
    assert.deepEqual(ofType(events, 'deadAirStarted'), []);
  });

  it('takes response gaps from customer ends to the next agent start, with nearest-rank median and p90', () => {
    const { metrics } = run({
      customer: [[0, 1000], [3000, 4000], [6000, 7000], [9000, 10000]],
      agent: [[1200, 2500], [4600, 5500], [7300, 8500], [12000, 13000]],
      durationMs: 14000,
    });
    // Gaps: 200, 600, 300, 2000 → sorted 200, 300, 600, 2000.
    assert.deepEqual(metrics.responseGapMs, { median: 300, p90: 2000 });
  });

  it('has no response gap when the agent only speaks first or over the customer', () => {
    const { metrics } = run({ agent: [[0, 1000]], customer: [[2000, 5000]], durationMs: 6000 });
    assert.deepEqual(metrics.responseGapMs, { median: null, p90: null });
  });

  it('computes talk ratio over speech only', () => {
    const { metrics } = run({ agent: [[0, 1000]], customer: [[2000, 5000]], durationMs: 10000 });
    assert.equal(metrics.talkRatio, 0.25);
    assert.equal(metrics.durationMs, 10000);
    assert.equal(metrics.silenceMs, 6000);
  });

  it('reports a talk ratio of 0 for a call with no speech', () => {
    const { metrics } = run({ durationMs: 3000 });
    assert.equal(metrics.talkRatio, 0);
    assert.deepEqual(metrics.agent.segments, []);
  });
});

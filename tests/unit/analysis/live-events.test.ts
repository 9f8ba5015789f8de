// The live event stream and the final metrics tell the same story: every interruption reported
// live is in the final list, each reported once, as soon as the interrupter's segment spans 1000 ms.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { createChannelPairFramer } from '../../../src/main/analysis/analyze-channels';
import { createConversationAnalyzer, type ConversationEvent } from '../../../src/main/analysis/conversation-analyzer';
import { FRAME_DURATION_MS } from '../../../src/main/analysis/options';
import { decodeWav } from '../../../src/main/audio/wav-decoder';
import { ensureCallFixtures } from '../../fixtures/call-fixtures';

describe('live events', () => {
  it('match the final metrics on a call with bleed, noise and reverberation', async () => {
    const fixture = (await ensureCallFixtures()).find((f) => f.condition === 'all')!;
    const audio = decodeWav(new Uint8Array(await readFile(fixture.wavPath)));
    const analyzer = createConversationAnalyzer();
    const live: { emittedAtMs: number; event: ConversationEvent }[] = [];
    const framer = createChannelPairFramer(audio.sampleRateHz, (agent, customer) => {
      const emittedAtMs = analyzer.elapsedMs + FRAME_DURATION_MS;
      for (const event of analyzer.pushFrame(agent, customer)) live.push({ emittedAtMs, event });
    });
    framer.push(audio.channels[0]!, audio.channels[1]!);
    framer.finish();
    const metrics = analyzer.finish();

    const interruptions = live.flatMap((e) => (e.event.type === 'interruption' ? [{ ...e.event, emittedAtMs: e.emittedAtMs }] : []));
    assert.ok(interruptions.length > 0);
    assert.deepEqual(
      interruptions.map((i) => [i.atMs, i.by]),
      metrics.interruptions.map((i) => [i.atMs, i.by]),
    );
    // Reported when the segment first spans 1000 ms: at once, or on the next voiced frame if the
    // interrupter was pausing then (a pause only belongs to the segment once speech resumes).
    for (const interruption of interruptions) {
      const delayMs = interruption.emittedAtMs - interruption.atMs;
      assert.ok(delayMs >= 1000 && delayMs < 1500, `reported ${delayMs} ms after the onset`);
    }

    const backchannels = live.flatMap((e) => (e.event.type === 'backchannel' ? [[e.event.atMs, e.event.by]] : []));
    assert.deepEqual(backchannels, metrics.backchannels.map((b) => [b.atMs, b.by]));

    const ended = (speaker: string) =>
      live.flatMap((e) => (e.event.type === 'segmentEnded' && e.event.speaker === speaker ? [[e.event.startMs, e.event.endMs]] : []));
    assert.deepEqual(ended('agent'), metrics.agent.segments);
    assert.deepEqual(ended('customer').slice(0, -1), metrics.customer.segments.slice(0, -1));
  });
});

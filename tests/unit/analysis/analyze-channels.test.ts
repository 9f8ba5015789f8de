// Channel pairs → 10 ms frames → metrics: framing is exact, chunk-invariant, zero-pads the last
// frame, and the reported duration is the input's real length.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeChannels, createChannelPairAnalysis, createChannelPairFramer } from '../../../src/main/analysis/analyze-channels';
import { ANALYSIS_SAMPLE_RATE_HZ, FRAME_SAMPLES } from '../../../src/main/analysis/options';
import { renderSyntheticCall } from '../cli/synthetic-call';

function ramp(length: number, scale: number): Float32Array {
  const samples = new Float32Array(length);
  for (let i = 0; i < length; i++) samples[i] = Math.sin(i * scale) * 0.3;
  return samples;
}

function collectFrames(sampleRateHz: number, agent: Float32Array, customer: Float32Array, chunkSamples: number): Float32Array[][] {
  const frames: Float32Array[][] = [];
  const framer = createChannelPairFramer(sampleRateHz, (a, c) => frames.push([a, c]));
  for (let at = 0; at < agent.length; at += chunkSamples) framer.push(agent.subarray(at, at + chunkSamples), customer.subarray(at, at + chunkSamples));
  framer.finish();
  return frames;
}

describe('createChannelPairFramer', () => {
  it('cuts 16 kHz input into whole 10 ms frames and zero-pads the last one', () => {
    const agent = ramp(FRAME_SAMPLES * 3 + 37, 0.01);
    const customer = ramp(agent.length, 0.02);
    const frames = collectFrames(ANALYSIS_SAMPLE_RATE_HZ, agent, customer, 1000);
    assert.equal(frames.length, 4);
    for (const [a, c] of frames) {
      assert.equal(a?.length, FRAME_SAMPLES);
      assert.equal(c?.length, FRAME_SAMPLES);
    }
    assert.deepEqual(frames[3]?.[0]?.subarray(0, 37), agent.subarray(FRAME_SAMPLES * 3));
    assert.ok(frames[3]?.[0]?.subarray(37).every((value) => value === 0));
    assert.deepEqual(frames[1]?.[1], customer.subarray(FRAME_SAMPLES, 2 * FRAME_SAMPLES));
  });

  it('gives the same frames whatever the block size, at 44.1 and 48 kHz', () => {
    for (const sampleRateHz of [44100, 48000]) {
      const agent = ramp(Math.round(sampleRateHz * 0.333), 0.013);
      const customer = ramp(agent.length, 0.031);
      const reference = collectFrames(sampleRateHz, agent, customer, agent.length);
      assert.equal(reference.length, Math.ceil(Math.ceil((agent.length * ANALYSIS_SAMPLE_RATE_HZ) / sampleRateHz) / FRAME_SAMPLES));
      for (const chunkSamples of [1, 441, 480, 1023]) {
        assert.deepEqual(collectFrames(sampleRateHz, agent, customer, chunkSamples), reference, `${sampleRateHz} Hz in ${chunkSamples}-sample blocks`);
      }
    }
  });

  it('hands out fresh arrays (a consumer may keep frames)', () => {
    const agent = ramp(FRAME_SAMPLES * 4, 0.01);
    const frames = collectFrames(ANALYSIS_SAMPLE_RATE_HZ, agent, agent, 50);
    assert.equal(new Set(frames.map(([a]) => a)).size, frames.length);
  });

  it('refuses blocks of different lengths', () => {
    const framer = createChannelPairFramer(48000, () => undefined);
    assert.throws(() => framer.push(new Float32Array(10), new Float32Array(11)), RangeError);
  });
});

describe('analyzeChannels', () => {
  it('reports the real input duration, not the frame-rounded one', () => {
    const sampleRateHz = 44100;
    const length = Math.round(sampleRateHz * 1.2345);
    const metrics = analyzeChannels({ agent: new Float32Array(length), customer: new Float32Array(length), sampleRateHz });
    assert.equal(metrics.durationMs, Math.round((length * 1000) / sampleRateHz));
  });

  it('matches the streaming analysis fed block by block', () => {
    const call = renderSyntheticCall(48000);
    const whole = analyzeChannels({ agent: call.agent, customer: call.customer, sampleRateHz: call.sampleRateHz });
    const streaming = createChannelPairAnalysis(call.sampleRateHz);
    for (let at = 0; at < call.agent.length; at += 4800) streaming.push(call.agent.subarray(at, at + 4800), call.customer.subarray(at, at + 4800));
    assert.deepEqual(streaming.finish(), whole);
  });

  it('finds the scripted turns of a synthetic call at every common rate', () => {
    for (const sampleRateHz of [8000, 16000, 22050, 44100, 48000]) {
      const call = renderSyntheticCall(sampleRateHz);
      const metrics = analyzeChannels({ agent: call.agent, customer: call.customer, sampleRateHz });
      assert.equal(metrics.durationMs, call.durationMs);
      for (const [found, scripted] of [
        [metrics.agent.segments, call.agentBursts],
        [metrics.customer.segments, call.customerBursts],
      ] as const) {
        assert.equal(found.length, scripted.length, `${sampleRateHz} Hz: ${JSON.stringify(found)}`);
        found.forEach(([startMs, endMs], i) => {
          const [scriptedStartMs, scriptedEndMs] = scripted[i] ?? [NaN, NaN];
          assert.ok(Math.abs(startMs - scriptedStartMs) <= 50 && Math.abs(endMs - scriptedEndMs) <= 50, `${sampleRateHz} Hz: ${JSON.stringify(found)}`);
        });
      }
    }
  });
});

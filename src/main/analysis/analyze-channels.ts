// Channel pairs at any sample rate → 10 ms analysis frames → call metrics (pure).
// The framer is streaming, so a whole file can be fed block by block from disk and a live capture
// chunk by chunk, through the same resampling and framing.

import type { CallMetrics } from '../../shared/call-analysis';
import { createConversationAnalyzer, type ConversationAnalyzer, type SignalTuning } from './conversation-analyzer';
import { ANALYSIS_SAMPLE_RATE_HZ, FRAME_SAMPLES, type AnalyzerOptions } from './options';
import { createResampler } from './resampler';

/** Receives one analysis frame pair: FRAME_SAMPLES samples per channel at ANALYSIS_SAMPLE_RATE_HZ. */
export type FramePairSink = (agentFrame: Float32Array, customerFrame: Float32Array) => void;

export interface ChannelPairFramer {
  /** Feeds the next block of both channels (equal lengths, any size) at the input rate. */
  push(agent: Float32Array, customer: Float32Array): void;
  /** Emits what the resamplers still hold and the final partial frame, zero-padded. Call once, at the end. */
  finish(): void;
  /** Input samples per channel consumed so far. */
  readonly inputSamples: number;
}

/**
 * Resamples both channels to 16 kHz and cuts them into 10 ms frame pairs, calling `onFrame` for each.
 * Every frame handed out is a fresh array, so a consumer may keep it.
 */
export function createChannelPairFramer(sampleRateHz: number, onFrame: FramePairSink): ChannelPairFramer {
  const agentResampler = createResampler(sampleRateHz, ANALYSIS_SAMPLE_RATE_HZ);
  const customerResampler = createResampler(sampleRateHz, ANALYSIS_SAMPLE_RATE_HZ);
  let agentPending = new Float32Array(FRAME_SAMPLES);
  let customerPending = new Float32Array(FRAME_SAMPLES);
  let pendingSamples = 0;
  let inputSamples = 0;
  let finished = false;

  function cut(agent: Float32Array, customer: Float32Array): void {
    // Both resamplers are identical and fed equal lengths, so their outputs match in length.
    if (agent.length !== customer.length) throw new Error(`resampler outputs diverged: ${agent.length} vs ${customer.length}`);
    let at = 0;
    if (pendingSamples > 0) {
      const take = Math.min(FRAME_SAMPLES - pendingSamples, agent.length);
      agentPending.set(agent.subarray(0, take), pendingSamples);
      customerPending.set(customer.subarray(0, take), pendingSamples);
      pendingSamples += take;
      at = take;
      if (pendingSamples < FRAME_SAMPLES) return;
      onFrame(agentPending, customerPending);
      agentPending = new Float32Array(FRAME_SAMPLES);
      customerPending = new Float32Array(FRAME_SAMPLES);
      pendingSamples = 0;
    }
    for (; at + FRAME_SAMPLES <= agent.length; at += FRAME_SAMPLES) {
      onFrame(agent.slice(at, at + FRAME_SAMPLES), customer.slice(at, at + FRAME_SAMPLES));
    }
    const rest = agent.length - at;
    if (rest > 0) {
      agentPending.set(agent.subarray(at));
      customerPending.set(customer.subarray(at));
      pendingSamples = rest;
    }
  }

  return {
    push(agent, customer) {
      if (finished) throw new Error('framer already finished');
      if (agent.length !== customer.length) {
        throw new RangeError(`channel blocks must be the same length, got ${agent.length} (agent) and ${customer.length} (customer)`);
      }
      inputSamples += agent.length;
      cut(agentResampler.process(agent), customerResampler.process(customer));
    },
    finish() {
      if (finished) return;
      finished = true;
      cut(agentResampler.flush(), customerResampler.flush());
      if (pendingSamples > 0) {
        // The pending arrays are zero beyond pendingSamples: they were fresh when filling began.
        onFrame(agentPending, customerPending);
        pendingSamples = 0;
      }
    },
    get inputSamples() {
      return inputSamples;
    },
  };
}

export interface ChannelPairAnalysis {
  /** Feeds the next block of both channels (equal lengths) at the input rate. */
  push(agent: Float32Array, customer: Float32Array): void;
  /** Flushes and returns the call's metrics, with durationMs from the input's real length. */
  finish(): CallMetrics;
  readonly analyzer: ConversationAnalyzer;
}

/** Streaming whole-call analysis: framer + conversation analyzer. */
export function createChannelPairAnalysis(
  sampleRateHz: number,
  options: Partial<AnalyzerOptions> = {},
  tuning: Partial<SignalTuning> = {},
): ChannelPairAnalysis {
  const analyzer = createConversationAnalyzer(options, tuning);
  const framer = createChannelPairFramer(sampleRateHz, (agentFrame, customerFrame) => {
    analyzer.pushFrame(agentFrame, customerFrame);
  });
  return {
    push: (agent, customer) => framer.push(agent, customer),
    finish() {
      framer.finish();
      const metrics = analyzer.finish();
      // The analyzer counts whole frames; the zero-padded last frame would overstate the length.
      return { ...metrics, durationMs: Math.round((framer.inputSamples * 1000) / sampleRateHz) };
    },
    analyzer,
  };
}

/** Block size for whole-array analysis: bounds the resamplers' scratch memory, not the result. */
const BLOCK_SAMPLES = 1 << 16;

/** Analyses two whole channels held in memory. */
export function analyzeChannels(
  input: { agent: Float32Array; customer: Float32Array; sampleRateHz: number },
  options: Partial<AnalyzerOptions> = {},
): CallMetrics {
  const { agent, customer, sampleRateHz } = input;
  if (agent.length !== customer.length) {
    throw new RangeError(`channels must be the same length, got ${agent.length} (agent) and ${customer.length} (customer)`);
  }
  const analysis = createChannelPairAnalysis(sampleRateHz, options);
  for (let at = 0; at < agent.length; at += BLOCK_SAMPLES) {
    analysis.push(agent.subarray(at, at + BLOCK_SAMPLES), customer.subarray(at, at + BLOCK_SAMPLES));
  }
  return analysis.finish();
}

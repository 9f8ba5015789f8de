// The streaming analyzer: one 10 ms frame per channel in, live events out, the call's metrics at the end.
// Per frame: band spectra of both channels → the customer's voice decision → the predicted bleed of
// the customer into the microphone → the agent's voice decision on what the bleed does not explain →
// the turn tracker (segments, interruptions, backchannels, dead air). The same code serves live
// calls, file import and the CLI.

import type { CallMetrics } from '../../shared/call-analysis';
import { BandSpectrum } from './band-spectrum';
import { BleedModel, DEFAULT_BLEED_MODEL_OPTIONS, type BleedModelOptions } from './bleed-model';
import { Periodicity } from './periodicity';
import { FRAME_DURATION_MS, FRAME_SAMPLES, type AnalyzerOptions } from './options';
import { createTurnTracker, type ConversationEvent } from './turn-tracker';
import { DEFAULT_VOICE_DETECTOR_OPTIONS, VoiceDetector, type VoiceDetectorOptions } from './voice-detector';

export type { ConversationEvent } from './turn-tracker';

export interface ConversationAnalyzer {
  /** Feeds one frame pair: FRAME_SAMPLES samples per channel at ANALYSIS_SAMPLE_RATE_HZ, in [-1, 1]. */
  pushFrame(agent: Float32Array, customer: Float32Array): readonly ConversationEvent[];
  /** Closes open segments and returns the whole call's metrics. The analyzer takes no frames after this. */
  finish(): CallMetrics;
  /** Time consumed so far. */
  readonly elapsedMs: number;
}

/** Tuning of the signal stages, for experiments and tests; the defaults are what Attune ships. */
export interface SignalTuning {
  voice: VoiceDetectorOptions;
  bleed: BleedModelOptions;
  /** Off judges the agent channel against its noise floor alone, as a plain VAD would. */
  bleedCancellation: boolean;
}

export const DEFAULT_SIGNAL_TUNING: Readonly<SignalTuning> = Object.freeze({
  voice: DEFAULT_VOICE_DETECTOR_OPTIONS,
  bleed: DEFAULT_BLEED_MODEL_OPTIONS,
  bleedCancellation: true,
});

export function createConversationAnalyzer(
  options: Partial<AnalyzerOptions> = {},
  tuning: Partial<SignalTuning> = {},
): ConversationAnalyzer {
  const signal: SignalTuning = { ...DEFAULT_SIGNAL_TUNING, ...tuning };
  const agentSpectrum = new BandSpectrum();
  const customerSpectrum = new BandSpectrum();
  const agentPeriodicity = new Periodicity();
  const customerPeriodicity = new Periodicity();
  const agentVoice = new VoiceDetector(signal.voice);
  const customerVoice = new VoiceDetector(signal.voice);
  const bleed = new BleedModel(signal.bleed);
  const tracker = createTurnTracker(options);

  return {
    pushFrame(agent, customer) {
      if (agent.length !== FRAME_SAMPLES || customer.length !== FRAME_SAMPLES) {
        throw new RangeError(`expected ${FRAME_SAMPLES} samples per channel, got ${agent.length} and ${customer.length}`);
      }
      const frameIndex = tracker.frameCount;
      const customerPower = customerSpectrum.push(customer);
      customerPeriodicity.push(customer);
      const customerVoiced = customerVoice.decide(customerSpectrum.bandPower, customerPower, null, frameIndex, customerPeriodicity);
      const agentPower = agentSpectrum.push(agent);
      agentPeriodicity.push(agent);
      let interference: Float64Array | null = null;
      if (signal.bleedCancellation) {
        interference = bleed.predict(customerSpectrum.bandPower, customerVoice.noiseFloor);
        bleed.learn(agentSpectrum.bandPower, agentPower, customerPower, customerVoice.noiseFloor, customerVoiced !== null);
      }
      const agentVoiced = agentVoice.decide(agentSpectrum.bandPower, agentPower, interference, frameIndex, agentPeriodicity);
      return tracker.push(agentVoiced, customerVoiced);
    },

    finish() {
      return tracker.finish();
    },

    get elapsedMs() {
      return tracker.frameCount * FRAME_DURATION_MS;
    },
  };
}

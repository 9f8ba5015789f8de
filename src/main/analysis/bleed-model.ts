// Predicts how much of the customer's voice leaks from the speakers into the agent's microphone.
// The customer channel is the exact reference of what the speakers play, so per band the bleed is
// (coupling gain) × (the customer's recent power, held over the acoustic delay and decayed like a
// room's reverberation tail). The coupling gain is learned as the running median of
// mic power ÷ reference power while the customer is clearly talking: agent speech only ever adds
// energy, so as long as the agent is silent most of the time the customer talks, the median follows
// the bleed and not the agent. It starts high (assume bleed as loud as the customer) and falls as it
// learns, so a headset user loses no more than the first seconds of double-talk sensitivity.

import { BAND_COUNT } from './band-spectrum';

export interface BleedModelOptions {
  /** Longest acoustic + buffering delay (frames) from the customer channel to the microphone. */
  maxDelayFrames: number;
  /** Per-frame decay of the held reference, modelling the room's reverberation tail. */
  tailDecayPerFrame: number;
  /** Coupling (dB) assumed before anything is learned. */
  initialCouplingDb: number;
  /** Step (dB) of the running-median update. */
  learningStepDb: number;
  /** A band teaches the coupling only when the customer's power in it is this far (dB) above their floor. */
  learningMinSnrDb: number;
  /** Safety margin (dB) added to the learned coupling when predicting bleed. */
  predictionMarginDb: number;
}

export const DEFAULT_BLEED_MODEL_OPTIONS: Readonly<BleedModelOptions> = Object.freeze({
  maxDelayFrames: 10,
  tailDecayPerFrame: 10 ** (-1.5 / 10),
  initialCouplingDb: 0,
  learningStepDb: 0.25,
  learningMinSnrDb: 10,
  predictionMarginDb: 6,
});

export class BleedModel {
  private readonly history: Float64Array;
  private writeIndex = 0;
  private readonly held = new Float64Array(BAND_COUNT);
  private readonly couplingDb: Float64Array;
  /** Predicted bleed power per band for the current frame; overwritten by every `predict`. */
  readonly predicted = new Float64Array(BAND_COUNT);

  constructor(private readonly options: BleedModelOptions = DEFAULT_BLEED_MODEL_OPTIONS) {
    this.history = new Float64Array((options.maxDelayFrames + 1) * BAND_COUNT);
    this.couplingDb = new Float64Array(BAND_COUNT).fill(options.initialCouplingDb);
  }

  /** Adds the customer's band power for this frame and predicts this frame's bleed into the mic. */
  predict(customerBandPower: Float64Array): Float64Array {
    const slots = this.options.maxDelayFrames + 1;
    this.history.set(customerBandPower, this.writeIndex * BAND_COUNT);
    this.writeIndex = (this.writeIndex + 1) % slots;
    const marginDb = this.options.predictionMarginDb;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      let recentMax = 0;
      for (let slot = 0; slot < slots; slot += 1) {
        const power = this.history[slot * BAND_COUNT + band]!;
        if (power > recentMax) recentMax = power;
      }
      const held = Math.max(recentMax, this.held[band]! * this.options.tailDecayPerFrame);
      this.held[band] = held;
      this.predicted[band] = held * 10 ** ((this.couplingDb[band]! + marginDb) / 10);
    }
    return this.predicted;
  }

  /** Learns from this frame's microphone power, where the customer's band is well above their floor. */
  learn(micBandPower: Float64Array, customerFloor: Readonly<Float64Array>): void {
    const minRatio = 10 ** (this.options.learningMinSnrDb / 10);
    const step = this.options.learningStepDb;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      const reference = this.held[band]!;
      if (reference < customerFloor[band]! * minRatio) continue;
      const observedDb = 10 * Math.log10(micBandPower[band]! / reference);
      const coupling = this.couplingDb[band]!;
      this.couplingDb[band] = coupling + (observedDb < coupling ? -step : step);
    }
  }

  /** Learned coupling per band (dB), for diagnostics and tests. */
  get coupling(): Readonly<Float64Array> {
    return this.couplingDb;
  }
}

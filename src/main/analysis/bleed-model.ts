// Predicts how much of the customer's voice leaks from the speakers into the agent's microphone.
//
// The customer channel is the exact reference of what the speakers play, so per band the bleed is
// explained by two terms, each a learned gain times a reference envelope:
// - direct: the customer's power at the estimated acoustic + buffering delay, held a frame either side
//   (the delay is tracked by correlating the two channels' energy envelopes: it drifts with buffering);
// - tail: that envelope decaying slowly, for the room's reverberation after the customer stops.
// Each gain is learned as a running median of mic power ÷ envelope, the direct one while the customer
// is clearly talking, the tail one in the customer's pauses while the tail is still strong. Agent
// speech only ever adds energy, so as long as the agent is silent most of that time the medians
// follow the bleed and not the agent: no double-talk detector is needed to protect the learning.
// Gains start high (bleed as loud as the customer) and fall as they learn, so a headset user loses
// only the first seconds of double-talk sensitivity, and an agent without one never gets a burst of
// false speech while the model learns.

import { BAND_COUNT } from './band-spectrum';
import { DelayTracker } from './delay-tracker';

export interface BleedModelOptions {
  /** Longest acoustic + buffering delay (frames) from the customer channel to the microphone. */
  maxDelayFrames: number;
  /** Frames either side of the estimated delay over which the reference is held (delay jitter). */
  delayToleranceFrames: number;
  /** Per-frame decay (power ratio) of the tail envelope, slower than any room it must cover. */
  tailDecayPerFrame: number;
  /** Gain (dB) assumed before anything is learned. */
  initialCouplingDb: number;
  /** Step (dB) of the running-median updates. */
  learningStepDb: number;
  /** A band teaches the model only when the reference in it is this far (dB) above the customer's floor. */
  learningMinSnrDb: number;
  /**
   * …and no more than this far (dB) below the band's recent peak: on a digitally clean line the floor
   * is far below everything, and the quiet ends of words would teach the gain the agent's own noise.
   */
  learningMaxBelowPeakDb: number;
  /** The tail gain learns only this long (frames) after the customer's band was last strong. */
  tailLearningFrames: number;
  /** Safety margin (dB) added to the learned gains when predicting bleed. */
  predictionMarginDb: number;
}

export const DEFAULT_BLEED_MODEL_OPTIONS: Readonly<BleedModelOptions> = Object.freeze({
  maxDelayFrames: 12,
  delayToleranceFrames: 1,
  tailDecayPerFrame: 10 ** (-0.4 / 10),
  initialCouplingDb: 0,
  learningStepDb: 0.25,
  learningMinSnrDb: 10,
  learningMaxBelowPeakDb: 25,
  tailLearningFrames: 30,
  predictionMarginDb: 4,
});

export class BleedModel {
  private readonly history: Float64Array;
  private writeIndex = 0;
  private readonly delay: DelayTracker;
  private readonly direct = new Float64Array(BAND_COUNT);
  private readonly tail = new Float64Array(BAND_COUNT);
  /** Slowly decaying per-band peak of the customer's power. */
  private readonly peak = new Float64Array(BAND_COUNT);
  private readonly directGainDb: Float64Array;
  private readonly tailGainDb: Float64Array;
  /** Frames since each band's direct reference was strong enough to learn from. */
  private readonly framesSinceStrong: Int32Array;
  private readonly marginGain: number;
  /** Predicted bleed power per band for the current frame; overwritten by every `predict`. */
  readonly predicted = new Float64Array(BAND_COUNT);

  constructor(private readonly options: BleedModelOptions = DEFAULT_BLEED_MODEL_OPTIONS) {
    this.history = new Float64Array((options.maxDelayFrames + 1) * BAND_COUNT);
    this.delay = new DelayTracker(options.maxDelayFrames);
    this.directGainDb = new Float64Array(BAND_COUNT).fill(options.initialCouplingDb);
    this.tailGainDb = new Float64Array(BAND_COUNT).fill(options.initialCouplingDb);
    this.framesSinceStrong = new Int32Array(BAND_COUNT).fill(options.tailLearningFrames + 1);
    this.marginGain = 10 ** (options.predictionMarginDb / 10);
  }

  /**
   * Adds the customer's band power for this frame and predicts this frame's bleed into the mic.
   * Only the customer's power above their own noise floor counts: the line's steady noise leaks
   * too, but steadily, so the agent channel's noise floor already covers it.
   */
  predict(customerBandPower: Float64Array, customerFloor: Readonly<Float64Array>): Float64Array {
    const slots = this.options.maxDelayFrames + 1;
    const row = this.writeIndex * BAND_COUNT;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      this.history[row + band] = Math.max(0, customerBandPower[band]! - NOISE_EXCESS_FACTOR * customerFloor[band]!);
    }
    const newest = this.writeIndex;
    this.writeIndex = (this.writeIndex + 1) % slots;
    const delayFrames = this.delay.delayFrames;
    const tolerance = this.options.delayToleranceFrames;
    const trusted = this.delay.trusted;
    const fromLag = trusted ? Math.max(0, delayFrames - tolerance) : 0;
    const toLag = trusted ? Math.min(this.options.maxDelayFrames, delayFrames + tolerance) : this.options.maxDelayFrames;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      let held = 0;
      for (let lag = fromLag; lag <= toLag; lag += 1) {
        const power = this.history[((newest - lag + slots) % slots) * BAND_COUNT + band]!;
        if (power > held) held = power;
      }
      const tail = Math.max(held, this.tail[band]! * this.options.tailDecayPerFrame);
      this.direct[band] = held;
      this.tail[band] = tail;
      this.peak[band] = Math.max(this.history[row + band]!, this.peak[band]! * PEAK_DECAY_PER_FRAME);
      const directBleed = held * dbToPower(this.directGainDb[band]!);
      // A reverberation tail is never louder than the direct sound it follows.
      const tailBleed = tail * dbToPower(Math.min(this.tailGainDb[band]!, this.directGainDb[band]!));
      this.predicted[band] = Math.max(directBleed, tailBleed) * this.marginGain;
    }
    return this.predicted;
  }

  /** Learns from this frame's microphone power; call after `predict` for the same frame. */
  learn(
    micBandPower: Float64Array,
    micPower: number,
    customerPower: number,
    customerFloor: Readonly<Float64Array>,
    customerActive: boolean,
  ): void {
    this.delay.observe(customerPower, micPower, customerActive);
    const minRatio = dbToPower(this.options.learningMinSnrDb);
    const belowPeak = dbToPower(-this.options.learningMaxBelowPeakDb);
    const step = this.options.learningStepDb;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      const strong = Math.max(customerFloor[band]! * minRatio, this.peak[band]! * belowPeak);
      const mic = micBandPower[band]!;
      if (this.direct[band]! >= strong) {
        this.framesSinceStrong[band] = 0;
        this.directGainDb[band] = stepTowards(this.directGainDb[band]!, powerToDb(mic / this.direct[band]!), step);
        continue;
      }
      // Only just after the customer stops: later, the microphone is more likely the agent answering.
      const framesSinceStrong = this.framesSinceStrong[band]! + 1;
      this.framesSinceStrong[band] = framesSinceStrong;
      if (framesSinceStrong <= this.options.tailLearningFrames && this.tail[band]! >= strong) {
        this.tailGainDb[band] = stepTowards(this.tailGainDb[band]!, powerToDb(mic / this.tail[band]!), step);
      }
    }
  }

  /** Learned gains per band (dB), for diagnostics and tests. */
  get gainsDb(): { direct: Readonly<Float64Array>; tail: Readonly<Float64Array> } {
    return { direct: this.directGainDb, tail: this.tailGainDb };
  }
}

/** Customer power counts as voice only above twice (3 dB over) their noise floor. */
const NOISE_EXCESS_FACTOR = 4;

/** The customer's per-band peak falls 5 dB per second. */
const PEAK_DECAY_PER_FRAME = 10 ** (-0.05 / 10);

/** One step of a running median: up when the observation lies above the estimate, down otherwise. */
function stepTowards(estimateDb: number, observedDb: number, stepDb: number): number {
  return estimateDb + (observedDb < estimateDb ? -stepDb : stepDb);
}

function dbToPower(db: number): number {
  return 10 ** (db / 10);
}

function powerToDb(power: number): number {
  return 10 * Math.log10(power);
}

// Tracks the delay (in frames) from the customer channel to their bleed in the microphone by
// correlating the two channels' log-energy envelopes at every candidate lag while the customer talks.
// Exponential averaging over ~10 s follows drift in audio buffering without jumping on one word.

/** Weight of each new observation: a time constant of about 10 s of customer speech. */
const AVERAGING_WEIGHT = 0.002;
const LOG_FLOOR = 1e-12;
/** Frames of customer speech before the estimate is trusted; until then every lag is possible. */
const FRAMES_TO_TRUST = 300;

export class DelayTracker {
  private readonly customerLog: Float64Array;
  private writeIndex = 0;
  private readonly covariance: Float64Array;
  private customerMean = 0;
  private micMean = 0;
  private observed = 0;
  private bestLag = 0;
  private activeFrames = 0;

  constructor(private readonly maxDelayFrames: number) {
    this.customerLog = new Float64Array(maxDelayFrames + 1);
    this.covariance = new Float64Array(maxDelayFrames + 1);
  }

  /** The current estimate; meaningful once `trusted`. */
  get delayFrames(): number {
    return this.bestLag;
  }

  get trusted(): boolean {
    return this.activeFrames >= FRAMES_TO_TRUST;
  }

  observe(customerPower: number, micPower: number, customerActive: boolean): void {
    const slots = this.maxDelayFrames + 1;
    const customerDb = 10 * Math.log10(customerPower + LOG_FLOOR);
    const micDb = 10 * Math.log10(micPower + LOG_FLOOR);
    this.customerLog[this.writeIndex] = customerDb;
    const newest = this.writeIndex;
    this.writeIndex = (this.writeIndex + 1) % slots;
    this.observed += 1;
    if (!customerActive || this.observed < slots) return;
    this.activeFrames += 1;

    this.customerMean += AVERAGING_WEIGHT * (customerDb - this.customerMean);
    this.micMean += AVERAGING_WEIGHT * (micDb - this.micMean);
    const micDeviation = micDb - this.micMean;
    let best = this.bestLag;
    for (let lag = 0; lag < slots; lag += 1) {
      const customerDeviation = this.customerLog[(newest - lag + slots) % slots]! - this.customerMean;
      const updated = this.covariance[lag]! + AVERAGING_WEIGHT * (customerDeviation * micDeviation - this.covariance[lag]!);
      this.covariance[lag] = updated;
      if (updated > this.covariance[best]!) best = lag;
    }
    this.bestLag = best;
  }
}

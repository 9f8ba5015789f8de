// Tracks the delay (in frames) from the customer channel to their bleed in the microphone by
// correlating the two channels' energy onsets (rises of log energy) at every candidate lag while
// the customer talks. Onsets, not levels: a room's reverberation smears how energy decays and would
// pull a level correlation towards late lags, but it leaves the rises where they are.
// Averaging starts as a plain mean and settles to ~10 s of customer speech, so the estimate is
// quick at the start of a call and still follows drift in audio buffering later.

/** Weight of each new observation once settled: a time constant of about 10 s of customer speech. */
const SETTLED_WEIGHT = 0.002;
const LOG_FLOOR = 1e-12;
/** Frames of customer speech before the estimate is trusted; until then every lag is possible. */
const FRAMES_TO_TRUST = 200;

export class DelayTracker {
  private readonly customerRise: Float64Array;
  private writeIndex = 0;
  private readonly covariance: Float64Array;
  private previousCustomerDb = 0;
  private previousMicDb = 0;
  private observed = 0;
  private activeFrames = 0;
  private bestLag = 0;

  constructor(private readonly maxDelayFrames: number) {
    this.customerRise = new Float64Array(maxDelayFrames + 1);
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
    const customerRise = Math.max(0, customerDb - this.previousCustomerDb);
    const micChange = micDb - this.previousMicDb;
    this.previousCustomerDb = customerDb;
    this.previousMicDb = micDb;
    this.customerRise[this.writeIndex] = customerRise;
    const newest = this.writeIndex;
    this.writeIndex = (this.writeIndex + 1) % slots;
    this.observed += 1;
    if (!customerActive || this.observed <= slots) return;

    this.activeFrames += 1;
    const weight = Math.max(SETTLED_WEIGHT, 1 / this.activeFrames);
    let best = this.bestLag;
    for (let lag = 0; lag < slots; lag += 1) {
      const rise = this.customerRise[(newest - lag + slots) % slots]!;
      const updated = this.covariance[lag]! + weight * (rise * micChange - this.covariance[lag]!);
      this.covariance[lag] = updated;
      if (updated > this.covariance[best]!) best = lag;
    }
    this.bestLag = best;
  }
}

// Per-channel voice activity: per-band SNR against a tracked noise floor and the noise's usual
// scatter above it (plus, on the agent channel, the predicted bleed of the customer's voice),
// averaged over the bands where this channel's voice lives; the channel's total power over its total
// noise (a fricative outside those bands); and, where energy alone is ambiguous, periodicity (a voice
// has a pitch, steady noise does not). Onsets are confirmed over a few frames and dated back to their
// first voiced frame and the soft frames before it; an active voice continues on weaker evidence; a
// "voice" that shows no pitch for 400 ms is taken for the noise rising, and the floor follows it fast.

import { assertNever } from './assert-never';
import { BAND_COUNT } from './band-spectrum';
import type { Periodicity } from './periodicity';

export interface VoiceDetectorOptions {
  /** Weighted mean per-band SNR (dB) above which a frame starts (or confirms) a voice. */
  thresholdDb: number;
  /** Weight of the new frame in the power that is scored: lower integrates longer and tames noise's scatter. */
  scoreSmoothingWeight: number;
  /** While a voice is already active, frames scoring above this (dB) continue it. */
  continueThresholdDb: number;
  /** Margin (dB) over the floor and the noise's learned scatter before a band counts any SNR. */
  floorMarginDb: number;
  /** Voiced frames needed within the onset window to confirm an onset. */
  onsetVoicedFrames: number;
  /** Length of the onset window (frames); an unvoiced run this long abandons a candidate onset. */
  onsetWindowFrames: number;
  /** Unvoiced frames after which a confirmed run ends and the next onset must be confirmed again. */
  releaseFrames: number;
  /** Frames with less total power than this (linear, full scale = 1) are never voiced. */
  minPower: number;
  /**
   * A frame whose band energy alone is not enough is still voiced when it repeats at a pitch period
   * this strongly (normalised autocorrelation, 0–1), well above what this channel's noise reaches, and
   * scores at least `periodicMinScoreDb`. Infinity turns the evidence off.
   */
  periodicThreshold: number;
  /** Least score (dB) a frame needs before its periodicity is looked at. */
  periodicMinScoreDb: number;
  /**
   * A confirmed onset is dated back over the frames just before it that score at least this (dB):
   * a soft start (a breathy or unvoiced first sound) belongs to the voice that follows it.
   */
  lookbackDb: number;
  /** How far back (frames) an onset may be dated over such soft frames. */
  lookbackMaxFrames: number;
}

export const DEFAULT_VOICE_DETECTOR_OPTIONS: Readonly<VoiceDetectorOptions> = Object.freeze({
  thresholdDb: 4,
  continueThresholdDb: 3,
  floorMarginDb: 1,
  scoreSmoothingWeight: 0.5,
  onsetVoicedFrames: 4,
  onsetWindowFrames: 6,
  releaseFrames: 20,
  minPower: 10 ** (-65 / 10),
  periodicThreshold: 0.5,
  periodicMinScoreDb: 0.5,
  lookbackDb: 1.5,
  lookbackMaxFrames: 25,
});

/**
 * The noise floor follows the band power smoothed over a few frames (raw 10 ms band powers of noise
 * scatter too much: a floor under their minimum would sit ~15 dB under the noise). It rises about
 * 1 dB/s and falls within a few frames, so it finds the valleys between syllables during speech.
 */
const SMOOTHING_WEIGHT = 0.25;
const FLOOR_RISE_PER_FRAME = 10 ** (0.01 / 10);
const FLOOR_FALL_WEIGHT = 0.2;
const FLOOR_MIN_POWER = 1e-13;
/**
 * The score weighs each band by how much of this channel's voice it usually carries, learned over
 * a few seconds of speech: a phone line has no voice above 3.4 kHz, and averaging those bands in
 * would dilute a quiet customer's voice with nothing but noise.
 */
const INITIAL_VOICED_SNR_DB = 10;
const FULL_WEIGHT_SNR_DB = 6;
const MIN_BAND_WEIGHT = 0.1;
const BAND_WEIGHT_LEARNING_RATE = 0.005;
/** Band power this far under the channel's total noise floor (−50 dB) is treated as nothing at all. */
const EMPTY_BAND_GAIN = 1e-5;
/** Voiced frames without a pitch after which the "voice" is taken for the noise changing (400 ms). */
const NOISE_CHANGE_FRAMES = 40;
/** While a voice lasts, its periodicity is sampled on every this many frames... */
const PITCH_CHECK_EVERY_FRAMES = 4;
/** ...and, once a pitch is seen, not for this many frames. */
const PITCH_TRUSTED_FRAMES = 30;
/** A pitch is "seen" a little below the gate that makes a soft frame voiced. */
const PITCH_SEEN_SLACK = 0.1;
/** A noise change has been followed once the channel's score, smoothed over ~200 ms, is under this (dB). */
const NOISE_CHANGE_SETTLED_DB = 1.5;
const NOISE_CHANGE_SCORE_WEIGHT = 0.05;
const NOISE_CHANGE_SCORE_START_DB = 6;
/** How fast the floor rises after a noise change (10 dB/s). */
const NOISE_CHANGE_RISE_PER_FRAME = 10 ** (0.1 / 10);
/** Frames of soft evidence remembered for dating onsets back (≥ lookbackMaxFrames + onset window). */
const LOOKBACK_RING = 64;
/** Periodicity counts only this far above the channel's noise's usual periodicity (steady hum repeats too). */
const PERIODIC_MARGIN = 0.2;
const NOISE_PERIODICITY_LEARNING_RATE = 0.05;
/** The noise's periodicity is sampled on every this many frames without voice. */
const NOISE_PERIODICITY_EVERY_FRAMES = 16;
/** The noise's scatter over the floor is learned over ~1 s of frames with no voice in sight. */
const NOISE_SCATTER_LEARNING_RATE = 0.01;
const MAX_NOISE_SCATTER_DB = 10;

/**
 * The floor starts from the first frame whose FFT window holds no zero padding. For the first three
 * seconds it rises faster (5 dB/s), so a floor that started in speech or a click is soon corrected,
 * yet not so fast that it climbs onto a voice that starts right away.
 */
const FIRST_FULL_WINDOW_FRAME = 2;
const INITIAL_FLOOR_FRAMES = 20;
const STARTUP_FRAMES = 300;
const STARTUP_RISE_PER_FRAME = 10 ** (0.05 / 10);

type OnsetState =
  | { tag: 'idle' }
  | { tag: 'candidate'; firstVoicedFrame: number; voicedFrames: number; lastVoicedFrame: number }
  | { tag: 'active'; lastVoicedFrame: number };

export class VoiceDetector {
  private readonly floor = new Float64Array(BAND_COUNT);
  private readonly smoothed = new Float64Array(BAND_COUNT);
  private readonly scored = new Float64Array(BAND_COUNT);
  private readonly smoothedForScore = new Float64Array(BAND_COUNT);
  private readonly bandSnrDb = new Float64Array(BAND_COUNT);
  /** Typical rise (dB) of each band's noise over its floor. */
  private readonly noiseScatterDb = new Float64Array(BAND_COUNT);
  /** Typical SNR of each band in this channel's voiced frames: where its voice lives. */
  private readonly voicedBandSnrDb = new Float64Array(BAND_COUNT).fill(INITIAL_VOICED_SNR_DB);
  private framesSeen = 0;
  /** Voiced frames since a pitch was last seen (negative: a pitch was seen that recently, no need to look). */
  private framesWithoutPitch = 0;
  /** The voice has gone too long without a pitch: it is the noise rising, and the floor follows it fast. */
  private noiseChange = false;
  private lastPitchCheckFrame = -Infinity;
  /** The score, smoothed over ~200 ms, while a noise change is being followed. */
  private noiseChangeScoreDb = 0;
  /** Whether each of the last LOOKBACK_RING frames scored at least lookbackDb, by frame index modulo the ring. */
  private readonly softEvidence = new Uint8Array(LOOKBACK_RING);
  /** Usual periodicity of this channel's noise (learned). */
  private noisePeriodicity = 0.3;
  /** Predicted interference (bleed) in the last scored frame over the noise floor, summed over bands. */
  private interferenceOverFloor = 0;
  /** The last scored frame's total power over the total floor (linear), and its SNR (dB) over floor, scatter and interference. */
  private broadbandRatio = 1;
  private broadbandSnrDb = 0;
  /** Typical rise (dB) of the total noise power over the total floor. */
  private broadbandScatterDb = 0;
  private floorInitialised = false;
  private onset: OnsetState = { tag: 'idle' };

  private readonly floorMarginGain: number;

  constructor(private readonly options: VoiceDetectorOptions = DEFAULT_VOICE_DETECTOR_OPTIONS) {
    this.floorMarginGain = 10 ** (options.floorMarginDb / 10);
  }

  get noiseFloor(): Readonly<Float64Array> {
    return this.floor;
  }

  /**
   * Decides frame `frameIndex`. `interference` is power per band that is known not to be this
   * speaker (predicted bleed), or null. Returns null for an unvoiced frame, otherwise the first
   * frame of the voiced run (earlier than `frameIndex` when the onset has just been confirmed).
   * Frames of an onset that is not yet confirmed return null.
   */
  decide(
    bandPower: Float64Array,
    totalPower: number,
    interference: Float64Array | null,
    frameIndex: number,
    periodicity: Periodicity | null = null,
  ): number | null {
    this.updateFloor(bandPower, interference);
    for (let band = 0; band < BAND_COUNT; band += 1) {
      this.smoothedForScore[band] = this.smoothedForScore[band]! + this.options.scoreSmoothingWeight * (bandPower[band]! - this.smoothedForScore[band]!);
      // Smoothing tames the scatter of noise, but it must not stretch a loud voice's end.
      this.scored[band] = Math.min(this.smoothedForScore[band]!, bandPower[band]!);
    }
    // Until the floor is known, nothing can be told from noise.
    this.softEvidence[frameIndex % LOOKBACK_RING] = 0;
    if (!this.floorInitialised || totalPower < this.options.minPower) return this.advanceOnset(false, frameIndex);
    const bandScoreDb = this.score(this.scored, interference);
    // Broadband evidence: a fricative or a soft syllable outside the bands this voice usually fills
    // still lifts the channel's total power clearly over its total noise.
    const scoreDb = Math.max(bandScoreDb, this.broadbandSnrDb);
    if (scoreDb >= this.options.thresholdDb) {
      if (!this.noiseChange) this.learnBandWeights();
    }
    else if (this.onset.tag === 'idle') {
      this.learnNoiseScatter();
      if (periodicity !== null && frameIndex % NOISE_PERIODICITY_EVERY_FRAMES === 0 && this.interferenceOverFloor < 1) {
        this.noisePeriodicity += NOISE_PERIODICITY_LEARNING_RATE * (periodicity.measure() - this.noisePeriodicity);
      }
    }
    // Hysteresis: an onset needs clear evidence, but a voice already speaking keeps going through
    // its softer stretches.
    const thresholdDb = this.onset.tag === 'active' ? this.options.continueThresholdDb : this.options.thresholdDb;
    let voiced = scoreDb >= thresholdDb;
    // Soft voiced speech in noise: too little energy to tell, but it has a pitch. Not where predicted
    // bleed fills the channel: the bleed of the other voice has a pitch too.
    const periodicGate = Math.max(this.options.periodicThreshold, this.noisePeriodicity + PERIODIC_MARGIN);
    if (!voiced && periodicity !== null && scoreDb >= this.options.periodicMinScoreDb && this.interferenceOverFloor < 1) {
      voiced = periodicity.measure() >= periodicGate;
    }
    if (periodicity !== null) {
      // A noise change is over once the channel scores as noise again.
      if (this.noiseChange) {
        this.noiseChangeScoreDb += NOISE_CHANGE_SCORE_WEIGHT * (scoreDb - this.noiseChangeScoreDb);
        if (this.noiseChangeScoreDb < NOISE_CHANGE_SETTLED_DB) this.noiseChange = false;
      }
      // Every frame of a run counts, voiced or not: a noise riding up voices only some of its frames.
      if (this.onset.tag !== 'idle' || this.noiseChange) this.framesWithoutPitch += 1;
      else this.framesWithoutPitch = 0;
      if (voiced) voiced = this.checkPitchSeen(periodicity, periodicGate, frameIndex);
    }
    // Soft evidence under predicted bleed may be the bleed's own leftovers: onsets are not dated back over it.
    const soft = scoreDb >= this.options.lookbackDb && this.interferenceOverFloor < 1;
    this.softEvidence[frameIndex % LOOKBACK_RING] = voiced || soft ? 1 : 0;
    return this.advanceOnset(voiced, frameIndex);
  }

  /**
   * A voice has a pitch within every few hundred ms; a "voice" that has gone NOISE_CHANGE_FRAMES
   * without one is the noise itself getting louder (a line's gain riding up when its speaker stops, a
   * noisier place), which a floor rising 1 dB/s would take seconds to follow. Then the frame is not
   * voiced and the floor rises fast until the channel scores as noise again. Periodicity is sampled
   * sparsely while the voice lasts, and not at all for a while after a pitch has been seen.
   */
  private checkPitchSeen(periodicity: Periodicity, periodicGate: number, frameIndex: number): boolean {
    if (this.interferenceOverFloor >= 1) return true;
    if (this.framesWithoutPitch > 0 && frameIndex - this.lastPitchCheckFrame >= PITCH_CHECK_EVERY_FRAMES) {
      this.lastPitchCheckFrame = frameIndex;
      if (periodicity.measure() >= periodicGate - PITCH_SEEN_SLACK) {
        this.framesWithoutPitch = -PITCH_TRUSTED_FRAMES;
        this.noiseChange = false;
      }
    }
    if (this.framesWithoutPitch >= NOISE_CHANGE_FRAMES && !this.noiseChange) {
      this.noiseChange = true;
      this.noiseChangeScoreDb = NOISE_CHANGE_SCORE_START_DB;
    }
    return !this.noiseChange;
  }

  /** The first frame of the unbroken run of soft evidence that ends at `frame` (at most lookbackMaxFrames earlier). */
  private datedBack(frame: number): number {
    const limit = Math.max(0, frame - Math.min(this.options.lookbackMaxFrames, LOOKBACK_RING - 8));
    let first = frame;
    while (first - 1 >= limit && this.softEvidence[(first - 1) % LOOKBACK_RING] === 1) first -= 1;
    return first;
  }

  private score(bandPower: Float64Array, interference: Float64Array | null): number {
    const floorGain = this.floorMarginGain;
    // A band far below the channel's noise is empty (above a phone line's 3.4 kHz, say): stray traces
    // of resampling or rounding there would read as huge SNRs. Power that small counts for nothing.
    let floorTotal = 0;
    for (let band = 0; band < BAND_COUNT; band += 1) floorTotal += this.floor[band]!;
    const negligible = floorTotal * EMPTY_BAND_GAIN;
    let interferenceTotal = 0;
    if (interference !== null) for (let band = 0; band < BAND_COUNT; band += 1) interferenceTotal += interference[band]!;
    this.interferenceOverFloor = interferenceTotal / (floorTotal + negligible);
    let powerTotal = 0;
    for (let band = 0; band < BAND_COUNT; band += 1) powerTotal += bandPower[band]!;
    this.broadbandRatio = powerTotal / (floorTotal + negligible);
    const broadbandReference = (floorTotal + negligible) * floorGain * 10 ** (this.broadbandScatterDb / 10) + interferenceTotal;
    const broadbandRatio = powerTotal / broadbandReference;
    this.broadbandSnrDb = broadbandRatio > 1 ? 10 * Math.log10(broadbandRatio) : 0;
    let weightedDb = 0;
    let totalWeight = 0;
    for (let band = 0; band < BAND_COUNT; band += 1) {
      const scatterGain = 10 ** (this.noiseScatterDb[band]! / 10);
      const reference = this.floor[band]! * floorGain * scatterGain + (interference === null ? 0 : interference[band]!) + negligible;
      const ratio = (bandPower[band]! + negligible) / reference;
      const snrDb = ratio > 1 ? 10 * Math.log10(ratio) : 0;
      this.bandSnrDb[band] = snrDb;
      const weight = Math.min(1, Math.max(MIN_BAND_WEIGHT, this.voicedBandSnrDb[band]! / FULL_WEIGHT_SNR_DB));
      weightedDb += weight * snrDb;
      totalWeight += weight;
    }
    return weightedDb / totalWeight;
  }

  /**
   * Learns how far each band's noise alone usually rises over the floor. The floor tracks the
   * noise's dips, and how deep those dips are depends on the band (a one-bin band scatters far
   * more than a wide one) and on the noise; comparing with floor + scatter keeps noise near 0 dB in
   * every band, where a fixed margin would leave some bands reading noise as voice.
   */
  private learnNoiseScatter(): void {
    const broadbandExcessDb = Math.min(MAX_NOISE_SCATTER_DB, Math.max(0, 10 * Math.log10(this.broadbandRatio)));
    this.broadbandScatterDb += NOISE_SCATTER_LEARNING_RATE * (broadbandExcessDb - this.broadbandScatterDb);
    for (let band = 0; band < BAND_COUNT; band += 1) {
      const ratio = this.scored[band]! / this.floor[band]!;
      const excessDb = Math.min(MAX_NOISE_SCATTER_DB, Math.max(0, 10 * Math.log10(ratio)));
      const learned = this.noiseScatterDb[band]!;
      this.noiseScatterDb[band] = learned + NOISE_SCATTER_LEARNING_RATE * (excessDb - learned);
    }
  }

  /** Learns where this channel's voice lives from the bands' SNR in voiced frames. */
  private learnBandWeights(): void {
    for (let band = 0; band < BAND_COUNT; band += 1) {
      const learned = this.voicedBandSnrDb[band]!;
      this.voicedBandSnrDb[band] = learned + BAND_WEIGHT_LEARNING_RATE * (this.bandSnrDb[band]! - learned);
    }
  }



  private updateFloor(bandPower: Float64Array, interference: Float64Array | null): void {
    this.framesSeen += 1;
    if (this.framesSeen <= FIRST_FULL_WINDOW_FRAME) return;
    if (!this.floorInitialised) {
      // The mean of the first frames: a floor that starts too high falls back within a few frames,
      // one that starts too low (a quiet first frame) would take seconds to rise.
      for (let band = 0; band < BAND_COUNT; band += 1) this.smoothed[band] = this.smoothed[band]! + bandPower[band]!;
      if (this.framesSeen < FIRST_FULL_WINDOW_FRAME + INITIAL_FLOOR_FRAMES) return;
      for (let band = 0; band < BAND_COUNT; band += 1) {
        this.smoothed[band] = this.smoothed[band]! / INITIAL_FLOOR_FRAMES;
        this.floor[band] = Math.max(this.smoothed[band]!, FLOOR_MIN_POWER);
      }
      this.floorInitialised = true;
      return;
    }
    for (let band = 0; band < BAND_COUNT; band += 1) {
      const power = this.smoothed[band]! + SMOOTHING_WEIGHT * (bandPower[band]! - this.smoothed[band]!);
      this.smoothed[band] = power;
      const floor = this.floor[band]!;
      let next: number;
      if (power < floor) {
        next = floor + FLOOR_FALL_WEIGHT * (power - floor);
      } else if (interference !== null && interference[band]! > floor) {
        // Predicted bleed dominates the band: its power says nothing about this channel's own noise.
        next = floor;
      } else {
        const rise = this.noiseChange ? NOISE_CHANGE_RISE_PER_FRAME : this.framesSeen < STARTUP_FRAMES ? STARTUP_RISE_PER_FRAME : FLOOR_RISE_PER_FRAME;
        next = floor * rise;
      }
      this.floor[band] = Math.max(next, FLOOR_MIN_POWER);
    }
  }

  private advanceOnset(voiced: boolean, frameIndex: number): number | null {
    const { onsetVoicedFrames, onsetWindowFrames, releaseFrames } = this.options;
    const state = this.onset;
    switch (state.tag) {
      case 'idle':
        if (!voiced) return null;
        if (onsetVoicedFrames <= 1) {
          this.onset = { tag: 'active', lastVoicedFrame: frameIndex };
          return frameIndex;
        }
        this.onset = { tag: 'candidate', firstVoicedFrame: frameIndex, voicedFrames: 1, lastVoicedFrame: frameIndex };
        return null;
      case 'candidate': {
        if (!voiced) {
          if (frameIndex - state.lastVoicedFrame >= onsetWindowFrames) this.onset = { tag: 'idle' };
          return null;
        }
        const voicedFrames = state.voicedFrames + 1;
        if (voicedFrames >= onsetVoicedFrames) {
          this.onset = { tag: 'active', lastVoicedFrame: frameIndex };
          return this.datedBack(state.firstVoicedFrame);
        }
        this.onset = { ...state, voicedFrames, lastVoicedFrame: frameIndex };
        return null;
      }
      case 'active':
        if (voiced) {
          this.onset = { tag: 'active', lastVoicedFrame: frameIndex };
          return frameIndex;
        }
        if (frameIndex - state.lastVoicedFrame >= releaseFrames) this.onset = { tag: 'idle' };
        return null;
      default:
        return assertNever(state);
    }
  }


}

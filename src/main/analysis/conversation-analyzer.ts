// The streaming analyzer: one 10 ms frame per channel in, live events out, the call's metrics at the end.
// Per frame: band spectra of both channels → the customer's voice decision → the predicted bleed of
// the customer into the microphone → the agent's voice decision on what the bleed does not explain →
// per-speaker segments → the turn-taking machine. The same code serves live calls, file import and the CLI.

import type { CallMetrics, Speaker } from '../../shared/call-analysis';
import { assertNever } from './assert-never';
import { BandSpectrum } from './band-spectrum';
import { BleedModel, DEFAULT_BLEED_MODEL_OPTIONS, type BleedModelOptions } from './bleed-model';
import { summarizeCall } from './call-summary';
import { DEFAULT_ANALYZER_OPTIONS, FRAME_DURATION_MS, FRAME_SAMPLES, toFrameThresholds, type AnalyzerOptions } from './options';
import {
  closeSegmenter,
  stepSegmenter,
  type FrameSpan,
  type SegmenterStep,
} from './speech-segmenter';
import { initialTurnTakingState, stepTurnTaking, type TurnEvent } from './turn-taking';
import { DEFAULT_VOICE_DETECTOR_OPTIONS, VoiceDetector, type VoiceDetectorOptions } from './voice-detector';

export type ConversationEvent =
  | { type: 'segmentStarted'; speaker: Speaker; atMs: number }
  | { type: 'segmentEnded'; speaker: Speaker; startMs: number; endMs: number }
  | { type: 'interruption'; by: Speaker; atMs: number; overlapMs: number }
  | { type: 'backchannel'; by: Speaker; atMs: number }
  | { type: 'deadAirStarted'; atMs: number };

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
  /** Off turns the bleed model off (the agent channel is judged against its noise floor alone). */
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
  const thresholds = toFrameThresholds({ ...DEFAULT_ANALYZER_OPTIONS, ...options });
  const signal: SignalTuning = { ...DEFAULT_SIGNAL_TUNING, ...tuning };
  const agentSpectrum = new BandSpectrum();
  const customerSpectrum = new BandSpectrum();
  const agentVoice = new VoiceDetector(signal.voice);
  const customerVoice = new VoiceDetector(signal.voice);
  const bleed = new BleedModel(signal.bleed);

  let frameIndex = 0;
  let finished = false;
  let agentSegmenter: SegmenterStep['state'] = { tag: 'silent' };
  let customerSegmenter: SegmenterStep['state'] = { tag: 'silent' };
  let turns = initialTurnTakingState();
  const segments: Record<Speaker, FrameSpan[]> = { agent: [], customer: [] };
  const interruptions: { by: Speaker; startFrame: number; interruptedStartFrame: number }[] = [];
  const backchannels: { by: Speaker; startFrame: number }[] = [];

  function record(events: readonly TurnEvent[]): ConversationEvent[] {
    const out: ConversationEvent[] = [];
    for (const event of events) {
      switch (event.tag) {
        case 'segmentOpened':
          out.push({ type: 'segmentStarted', speaker: event.speaker, atMs: event.startFrame * FRAME_DURATION_MS });
          break;
        case 'segmentClosed':
          segments[event.speaker].push(event.span);
          out.push({
            type: 'segmentEnded',
            speaker: event.speaker,
            startMs: event.span.startFrame * FRAME_DURATION_MS,
            endMs: event.span.endFrame * FRAME_DURATION_MS,
          });
          break;
        case 'interruption':
          interruptions.push({ by: event.by, startFrame: event.startFrame, interruptedStartFrame: event.interruptedStartFrame });
          out.push({
            type: 'interruption',
            by: event.by,
            atMs: event.startFrame * FRAME_DURATION_MS,
            overlapMs: event.overlapFrames * FRAME_DURATION_MS,
          });
          break;
        case 'backchannel':
          backchannels.push({ by: event.by, startFrame: event.startFrame });
          out.push({ type: 'backchannel', by: event.by, atMs: event.startFrame * FRAME_DURATION_MS });
          break;
        case 'deadAirStarted':
          out.push({ type: 'deadAirStarted', atMs: event.startFrame * FRAME_DURATION_MS });
          break;
        default:
          return assertNever(event);
      }
    }
    return out;
  }

  return {
    pushFrame(agent, customer) {
      if (finished) throw new Error('the analyzer has finished; create a new one for another call');
      if (agent.length !== FRAME_SAMPLES || customer.length !== FRAME_SAMPLES) {
        throw new RangeError(`expected ${FRAME_SAMPLES} samples per channel, got ${agent.length} and ${customer.length}`);
      }
      const customerPower = customerSpectrum.push(customer);
      const customerVoiced = customerVoice.decide(customerSpectrum.bandPower, customerPower, null, frameIndex);
      const agentPower = agentSpectrum.push(agent);
      let interference: Float64Array | null = null;
      if (signal.bleedCancellation) {
        interference = bleed.predict(customerSpectrum.bandPower);
        bleed.learn(agentSpectrum.bandPower, customerVoice.noiseFloor);
      }
      const agentVoiced = agentVoice.decide(agentSpectrum.bandPower, agentPower, interference, frameIndex);

      const agentStep = stepSegmenter(agentSegmenter, frameIndex, agentVoiced, thresholds.mergePauseFrames);
      const customerStep = stepSegmenter(customerSegmenter, frameIndex, customerVoiced, thresholds.mergePauseFrames);
      agentSegmenter = agentStep.state;
      customerSegmenter = customerStep.state;
      const step = stepTurnTaking(turns, frameIndex, { agent: agentStep, customer: customerStep }, thresholds);
      turns = step.state;
      frameIndex += 1;
      return step.events.length === 0 ? NO_EVENTS : record(step.events);
    },

    finish() {
      if (!finished) {
        finished = true;
        const closing = (state: SegmenterStep['state']): SegmenterStep => {
          const span = closeSegmenter(state);
          return { state: { tag: 'silent' }, event: span === null ? null : { tag: 'closed', span } };
        };
        const step = stepTurnTaking(turns, frameIndex, { agent: closing(agentSegmenter), customer: closing(customerSegmenter) }, thresholds);
        // Silence that runs to the end of the recording is not dead air; only closes count here.
        record(step.events.filter((event) => event.tag !== 'deadAirStarted'));
      }
      return summarizeCall({ durationFrames: frameIndex, segments, interruptions, backchannels }, thresholds);
    },

    get elapsedMs() {
      return frameIndex * FRAME_DURATION_MS;
    },
  };
}

const NO_EVENTS: readonly ConversationEvent[] = Object.freeze([]);

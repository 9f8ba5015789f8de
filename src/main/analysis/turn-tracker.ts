// Everything after the voice decisions: per-speaker segments, the turn-taking machine, the events in
// milliseconds and the call's metrics at the end. Fed one pair of voice decisions per 10 ms frame, so
// its behaviour can be pinned down exactly with scripted decisions.

import type { CallMetrics, Speaker } from '../../shared/call-analysis';
import { assertNever } from './assert-never';
import { summarizeCall } from './call-summary';
import { DEFAULT_ANALYZER_OPTIONS, FRAME_DURATION_MS, toFrameThresholds, type AnalyzerOptions } from './options';
import { INITIAL_SEGMENTER_STATE, closeSegmenter, stepSegmenter, type FrameSpan, type SegmenterState, type SegmenterStep } from './speech-segmenter';
import { initialTurnTakingState, stepTurnTaking, type TurnEvent } from './turn-taking';

export type ConversationEvent =
  | { type: 'segmentStarted'; speaker: Speaker; atMs: number }
  | { type: 'segmentEnded'; speaker: Speaker; startMs: number; endMs: number }
  | { type: 'interruption'; by: Speaker; atMs: number; overlapMs: number }
  | { type: 'backchannel'; by: Speaker; atMs: number }
  | { type: 'deadAirStarted'; atMs: number };

/**
 * Voice decision for one frame: null when unvoiced, otherwise the first frame of the voiced run
 * (which lies in the past when an onset has just been confirmed).
 */
export type VoiceDecision = number | null;

export interface TurnTracker {
  push(agent: VoiceDecision, customer: VoiceDecision): readonly ConversationEvent[];
  finish(): CallMetrics;
  readonly frameCount: number;
}

const NO_EVENTS: readonly ConversationEvent[] = Object.freeze([]);

export function createTurnTracker(options: Partial<AnalyzerOptions> = {}): TurnTracker {
  const thresholds = toFrameThresholds({ ...DEFAULT_ANALYZER_OPTIONS, ...options });
  let frameIndex = 0;
  let finished = false;
  let agentSegmenter = INITIAL_SEGMENTER_STATE;
  let customerSegmenter = INITIAL_SEGMENTER_STATE;
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
    push(agentVoiced, customerVoiced) {
      if (finished) throw new Error('the call has finished; start a new analyzer for another call');
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
        const closing = (state: SegmenterState): SegmenterStep => {
          const span = closeSegmenter(state);
          return { state: INITIAL_SEGMENTER_STATE, event: span === null ? null : { tag: 'closed', span } };
        };
        const step = stepTurnTaking(turns, frameIndex, { agent: closing(agentSegmenter), customer: closing(customerSegmenter) }, thresholds);
        // Silence that runs to the end of the recording is not dead air; only the closes count here.
        record(step.events.filter((event) => event.tag !== 'deadAirStarted'));
      }
      return summarizeCall({ durationFrames: frameIndex, segments, interruptions, backchannels }, thresholds);
    },

    get frameCount() {
      return frameIndex;
    },
  };
}

// The turn-taking state machine: from both speakers' segmenter steps it decides, as early as the
// definitions allow, which segments are interruptions or backchannels and when silence is dead air.
// Everything here counts frames; the analyzer converts to milliseconds at its edge.

import type { Speaker } from '../../shared/call-analysis';
import type { FrameThresholds } from './options';
import { INITIAL_SEGMENTER_STATE, type FrameSpan, type SegmenterState, type SegmenterStep } from './speech-segmenter';

/**
 * Whether the other speaker's segment was in progress when this speaker's segment began.
 * `pending`: the other speaker was pausing at our onset; the pause belongs to their segment only if
 * they resume before it reaches the merge length, so the answer comes at most that long later.
 */
export type OnsetStatus =
  | { tag: 'clear' }
  | { tag: 'pending'; otherStartFrame: number }
  | { tag: 'overlapping'; otherStartFrame: number };

export interface SpeakerTurnState {
  segmenter: SegmenterState;
  onset: OnsetStatus;
  interruptionReported: boolean;
  lastClosed: FrameSpan | null;
}

export interface TurnTakingState {
  agent: SpeakerTurnState;
  customer: SpeakerTurnState;
  deadAirReported: boolean;
}

export type TurnEvent =
  | { tag: 'segmentOpened'; speaker: Speaker; startFrame: number }
  | { tag: 'segmentClosed'; speaker: Speaker; span: FrameSpan }
  /** Reported as soon as the overlapping segment reaches the interruption length. */
  | { tag: 'interruption'; by: Speaker; startFrame: number; interruptedStartFrame: number; overlapFrames: number }
  /** Reported when an overlapping segment closes shorter than the interruption length. */
  | { tag: 'backchannel'; by: Speaker; startFrame: number }
  | { tag: 'deadAirStarted'; startFrame: number };

const SPEAKERS: readonly Speaker[] = ['agent', 'customer'];

function otherSpeaker(speaker: Speaker): Speaker {
  return speaker === 'agent' ? 'customer' : 'agent';
}

function initialSpeakerState(): SpeakerTurnState {
  return { segmenter: INITIAL_SEGMENTER_STATE, onset: { tag: 'clear' }, interruptionReported: false, lastClosed: null };
}

export function initialTurnTakingState(): TurnTakingState {
  return { agent: initialSpeakerState(), customer: initialSpeakerState(), deadAirReported: false };
}

/** Onset status of a segment starting at `startFrame`, judged against the other speaker's state. */
function judgeOnset(startFrame: number, other: SpeakerTurnState, thresholds: FrameThresholds): OnsetStatus {
  const latestOtherStart = startFrame - thresholds.interruptionLeadFrames;
  const seg = other.segmenter;
  if (seg.tag === 'speaking') {
    if (seg.startFrame > latestOtherStart) return { tag: 'clear' };
    if (seg.lastVoicedFrame >= startFrame) return { tag: 'overlapping', otherStartFrame: seg.startFrame };
    return { tag: 'pending', otherStartFrame: seg.startFrame };
  }
  const closed = other.lastClosed;
  if (closed !== null && closed.endFrame > startFrame && closed.startFrame <= latestOtherStart) {
    return { tag: 'overlapping', otherStartFrame: closed.startFrame };
  }
  return { tag: 'clear' };
}

/** Settles a pending onset once the other speaker has either resumed or closed that segment. */
function resolvePending(onset: OnsetStatus, ownStartFrame: number, other: SegmenterState): OnsetStatus {
  if (onset.tag !== 'pending') return onset;
  if (other.tag === 'speaking' && other.startFrame === onset.otherStartFrame) {
    return other.lastVoicedFrame >= ownStartFrame ? { tag: 'overlapping', otherStartFrame: onset.otherStartFrame } : onset;
  }
  // The segment closed without resuming, so it ended before our onset.
  return { tag: 'clear' };
}

function overlapSoFar(own: SegmenterState, other: SpeakerTurnState, otherStartFrame: number): number {
  if (own.tag !== 'speaking') return 0;
  const ownEnd = own.lastVoicedFrame + 1;
  const seg = other.segmenter;
  const otherEnd =
    seg.tag === 'speaking' && seg.startFrame === otherStartFrame
      ? seg.lastVoicedFrame + 1
      : other.lastClosed?.startFrame === otherStartFrame
        ? other.lastClosed.endFrame
        : own.startFrame;
  return Math.max(0, Math.min(ownEnd, otherEnd) - own.startFrame);
}

/**
 * Advances the machine by one frame, given both segmenters' steps for that frame.
 * Order matters only through the states: pending onsets are settled against the new states first,
 * then closes are classified, then opens are judged, then interruptions that just became long enough
 * are reported.
 */
export function stepTurnTaking(
  state: TurnTakingState,
  frameIndex: number,
  steps: Readonly<Record<Speaker, SegmenterStep>>,
  thresholds: FrameThresholds,
): { state: TurnTakingState; events: TurnEvent[] } {
  const events: TurnEvent[] = [];
  const next: TurnTakingState = {
    agent: { ...state.agent, segmenter: steps.agent.state },
    customer: { ...state.customer, segmenter: steps.customer.state },
    deadAirReported: state.deadAirReported,
  };

  for (const speaker of SPEAKERS) {
    const own = next[speaker];
    const ownStart = own.segmenter.tag === 'speaking' ? own.segmenter.startFrame : null;
    const closing = steps[speaker].event;
    const startFrame = closing?.tag === 'closed' ? closing.span.startFrame : ownStart;
    if (startFrame !== null) own.onset = resolvePending(own.onset, startFrame, next[otherSpeaker(speaker)].segmenter);
  }

  for (const speaker of SPEAKERS) {
    const event = steps[speaker].event;
    if (event?.tag !== 'closed') continue;
    const own = next[speaker];
    const durationFrames = event.span.endFrame - event.span.startFrame;
    if (own.onset.tag === 'overlapping') {
      if (durationFrames < thresholds.interruptionMinFrames) {
        events.push({ tag: 'backchannel', by: speaker, startFrame: event.span.startFrame });
      } else if (!own.interruptionReported) {
        // Unreachable with a consistent segmenter (the report fires while the segment grows); kept so
        // that no interruption is ever lost.
        const other = next[otherSpeaker(speaker)];
        events.push({
          tag: 'interruption',
          by: speaker,
          startFrame: event.span.startFrame,
          interruptedStartFrame: own.onset.otherStartFrame,
          overlapFrames: Math.max(0, Math.min(event.span.endFrame, other.lastClosed?.endFrame ?? event.span.endFrame) - event.span.startFrame),
        });
      }
    }
    events.push({ tag: 'segmentClosed', speaker, span: event.span });
    next[speaker] = { ...own, onset: { tag: 'clear' }, interruptionReported: false, lastClosed: event.span };
  }

  for (const speaker of SPEAKERS) {
    const event = steps[speaker].event;
    if (event?.tag !== 'opened') continue;
    next[speaker].onset = judgeOnset(event.startFrame, next[otherSpeaker(speaker)], thresholds);
    next.deadAirReported = false;
    events.push({ tag: 'segmentOpened', speaker, startFrame: event.startFrame });
  }

  for (const speaker of SPEAKERS) {
    const own = next[speaker];
    const seg = own.segmenter;
    if (seg.tag !== 'speaking' || own.onset.tag !== 'overlapping' || own.interruptionReported) continue;
    if (seg.lastVoicedFrame + 1 - seg.startFrame < thresholds.interruptionMinFrames) continue;
    own.interruptionReported = true;
    const other = next[otherSpeaker(speaker)];
    events.push({
      tag: 'interruption',
      by: speaker,
      startFrame: seg.startFrame,
      interruptedStartFrame: own.onset.otherStartFrame,
      overlapFrames: overlapSoFar(seg, other, own.onset.otherStartFrame),
    });
  }

  const deadAir = deadAirOnset(next, frameIndex, thresholds);
  if (deadAir !== null) {
    next.deadAirReported = true;
    events.push({ tag: 'deadAirStarted', startFrame: deadAir });
  }
  return { state: next, events };
}

/** The start of the current silence once it has lasted the dead-air length, reported once. */
function deadAirOnset(state: TurnTakingState, frameIndex: number, thresholds: FrameThresholds): number | null {
  if (state.deadAirReported) return null;
  if (state.agent.segmenter.tag !== 'silent' || state.customer.segmenter.tag !== 'silent') return null;
  const lastEnd = Math.max(state.agent.lastClosed?.endFrame ?? -1, state.customer.lastClosed?.endFrame ?? -1);
  if (lastEnd < 0) return null;
  return frameIndex + 1 - lastEnd >= thresholds.deadAirMinFrames ? lastEnd : null;
}

// Turns one channel's per-frame voice decisions into speech segments: pauses shorter than the
// merge pause belong to the segment, so a segment closes only once a pause has reached that length.

import { assertNever } from './assert-never';

export type SegmenterState =
  | { tag: 'silent' }
  | { tag: 'speaking'; startFrame: number; lastVoicedFrame: number };

/** A segment in frame indices: [startFrame, endFrame), endFrame exclusive. */
export interface FrameSpan {
  startFrame: number;
  endFrame: number;
}

export type SegmenterEvent =
  | { tag: 'opened'; startFrame: number }
  | { tag: 'closed'; span: FrameSpan };

export interface SegmenterStep {
  state: SegmenterState;
  event: SegmenterEvent | null;
}

export const INITIAL_SEGMENTER_STATE: SegmenterState = { tag: 'silent' };

/**
 * Advances the segmenter by frame `frameIndex`.
 * `voicedSinceFrame` is null for an unvoiced frame; for a voiced one it is the first frame of the
 * voiced run, which may lie in the past because the voice detector confirms onsets with a delay.
 */
export function stepSegmenter(
  state: SegmenterState,
  frameIndex: number,
  voicedSinceFrame: number | null,
  mergePauseFrames: number,
): SegmenterStep {
  switch (state.tag) {
    case 'silent':
      if (voicedSinceFrame === null) return { state, event: null };
      return {
        state: { tag: 'speaking', startFrame: voicedSinceFrame, lastVoicedFrame: frameIndex },
        event: { tag: 'opened', startFrame: voicedSinceFrame },
      };
    case 'speaking':
      if (voicedSinceFrame !== null) {
        return { state: { ...state, lastVoicedFrame: frameIndex }, event: null };
      }
      if (frameIndex - state.lastVoicedFrame >= mergePauseFrames) {
        return {
          state: { tag: 'silent' },
          event: { tag: 'closed', span: { startFrame: state.startFrame, endFrame: state.lastVoicedFrame + 1 } },
        };
      }
      return { state, event: null };
    default:
      return assertNever(state);
  }
}

/** Closes an open segment at the end of the stream. */
export function closeSegmenter(state: SegmenterState): FrameSpan | null {
  switch (state.tag) {
    case 'silent':
      return null;
    case 'speaking':
      return { startFrame: state.startFrame, endFrame: state.lastVoicedFrame + 1 };
    default:
      return assertNever(state);
  }
}

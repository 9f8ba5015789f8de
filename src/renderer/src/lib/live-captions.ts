// The Live view's caption line, folded from main's caption updates: per channel the words in progress
// (a partial result) or the last final result, which the view fades. Pure.

import type { TranscriptChannel } from '../../../shared/transcript';

export interface CaptionLine {
  text: string;
  final: boolean;
  /** Counts the updates of this channel, so a new final restarts its fade (a React key). */
  sequence: number;
}

export type LiveCaptions = Readonly<Record<TranscriptChannel, CaptionLine | null>>;

export const NO_CAPTIONS: LiveCaptions = { agent: null, customer: null };

export function reduceCaption(state: LiveCaptions, update: { channel: TranscriptChannel; text: string; final: boolean }): LiveCaptions {
  const text = update.text.trim();
  if (text === '') {
    // '' clears words in progress; a final line stays to fade out (an empty partial follows every final).
    return state[update.channel]?.final === true ? state : { ...state, [update.channel]: null };
  }
  const sequence = (state[update.channel]?.sequence ?? 0) + 1;
  return { ...state, [update.channel]: { text, final: update.final, sequence } };
}

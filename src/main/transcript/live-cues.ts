// Transcript cues during a call: words arrive as Vosk finalizes them, and each cue is handed out once,
// when the words after it have had time to arrive (a negation right after "I understand", the rest
// of a question). Runs the same detectors as after the call over the words so far; next-step is left
// out, as "the last part of the call" is only known once the call has ended.

import type { TranscriptWord } from '../../shared/transcript';
import type { TranscriptCue } from './cues';
import { detectTranscriptCues, type DetectorOptions } from './detectors';

export interface LiveCueOptions extends Partial<DetectorOptions> {
  /** A cue is handed out once the words up to this long (ms) after it are final. Default 2 000. */
  settleMs?: number;
}

export interface LiveCueTracker {
  /**
   * Adds newly finalized words (any channel, any order) and returns the cues that have settled:
   * those at least settleMs before `finalUpToMs`, the call time up to which both channels' words are
   * final. Each cue is returned once.
   */
  push(words: readonly TranscriptWord[], finalUpToMs: number): TranscriptCue[];
}

export function createLiveCueTracker(options: LiveCueOptions = {}): LiveCueTracker {
  const { settleMs = 2_000, ...detectorOptions } = options;
  const words: TranscriptWord[] = [];
  // A cue's text may grow as its clause does (a question's words); its type and moment do not.
  const handedOut = new Set<string>();
  return {
    push(newWords, finalUpToMs) {
      words.push(...newWords);
      const fresh: TranscriptCue[] = [];
      for (const cue of detectTranscriptCues(words, detectorOptions)) {
        if (cue.type === 'next-step' || cue.atMs > finalUpToMs - settleMs) continue;
        const key = `${cue.type}@${cue.atMs}`;
        if (handedOut.has(key)) continue;
        handedOut.add(key);
        fresh.push(cue);
      }
      return fresh;
    },
  };
}

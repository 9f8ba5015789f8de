// The replay's transcript: turns per speaker, the word being spoken highlighted while the call plays,
// each word a button that seeks there, and the words a cue is about marked with the cue's name.

import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { TranscriptCue, TranscriptWord } from '../../../shared/transcript';
import { formatClock } from '../lib/format';
import { currentWordIndex } from '../lib/replay-marks';
import { buildReplayTurns, wordsInTimeOrder } from '../lib/replay-transcript';
import { cueLabel } from '../lib/transcript-labels';

/** A word stays highlighted this long after it ends (the pause before the next one). */
const HIGHLIGHT_HOLD_MS = 400;

export interface ReplayTranscriptProps {
  words: readonly TranscriptWord[];
  cues: readonly TranscriptCue[];
  playheadMs: number;
  onSeek: (ms: number) => void;
}

export function ReplayTranscript({ words, cues, playheadMs, onSeek }: ReplayTranscriptProps): ReactElement {
  const ordered = useMemo(() => wordsInTimeOrder(words), [words]);
  const turns = useMemo(() => buildReplayTurns(ordered, cues), [ordered, cues]);
  const candidate = currentWordIndex(ordered, playheadMs);
  const candidateWord = ordered[candidate];
  const current = candidateWord !== undefined && playheadMs <= candidateWord.endMs + HIGHLIGHT_HOLD_MS ? candidate : -1;
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the spoken word in view without stealing focus or scrolling the page.
  useEffect(() => {
    if (current < 0) return;
    const list = listRef.current;
    const element = list?.querySelector<HTMLElement>(`[data-word-index="${current}"]`);
    if (!list || !element) return;
    const top = element.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - element.offsetHeight) list.scrollTop = top - list.clientHeight / 3;
  }, [current]);

  return (
    <ol className="replay-transcript" ref={listRef} data-testid="replay-transcript">
      {turns.map((turn) => (
        <li key={`${turn.channel}-${turn.startMs}`} className={`replay-turn replay-turn-${turn.channel}`}>
          <span className="replay-turn-who">
            {turn.channel === 'agent' ? 'Agent' : 'Customer'} <span className="replay-turn-time">{formatClock(turn.startMs)}</span>
          </span>
          <p className="replay-turn-words">
            {turn.words.map(({ index, word, cues: wordCues }) => (
              <button
                key={index}
                type="button"
                className={`replay-word${index === current ? ' replay-word-current' : ''}${wordCues.length > 0 ? ' replay-word-cue' : ''}`}
                data-word-index={index}
                aria-current={index === current ? 'true' : undefined}
                title={wordCues.length > 0 ? `${wordCues.map((cue) => cueLabel(cue.type)).join(', ')} · ${formatClock(word.startMs)}` : formatClock(word.startMs)}
                onClick={() => onSeek(word.startMs)}
              >
                {word.word}
              </button>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}

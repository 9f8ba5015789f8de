// The replay's transcript: turns per speaker, the word being spoken highlighted while the call plays,
// each word a button that seeks there, the words a cue is about marked and named (as the stored-call
// transcript marks them: transcript.css), and a scorecard moment's turn brought into view and focused.

import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import type { TranscriptCue, TranscriptWord } from '../../../shared/transcript';
import { formatClock } from '../lib/format';
import { currentWordIndex } from '../lib/replay-marks';
import { buildReplayTurns, wordsInTimeOrder, type ReplayTurn, type ReplayWord } from '../lib/replay-transcript';
import { cueLabel, cueTone } from '../../../shared/transcript-labels';
import '../styles/transcript.css';

/** A word stays highlighted this long after it ends (the pause before the next one). */
const HIGHLIGHT_HOLD_MS = 400;

export interface ReplayTranscriptProps {
  words: readonly TranscriptWord[];
  cues: readonly TranscriptCue[];
  playheadMs: number;
  onSeek: (ms: number) => void;
  /** A moment to show (a scorecard point's): its turn scrolls into view and takes focus. A new object each time. */
  target: { atMs: number } | null;
}

/** Runs of a turn's words with the same cues, so a cue's words are marked (and named) together. */
function segments(turn: ReplayTurn): ReplayWord[][] {
  const runs: ReplayWord[][] = [];
  let key: string | null = null;
  for (const word of turn.words) {
    const wordKey = word.cues.map((cue) => `${cue.type}@${cue.atMs}`).join(',');
    const last = runs[runs.length - 1];
    if (last !== undefined && wordKey === key) last.push(word);
    else runs.push([word]);
    key = wordKey;
  }
  return runs;
}

/** The turn a moment belongs to: the latest one starting at or before it, else the first. */
function turnIndexAt(turns: readonly ReplayTurn[], atMs: number): number {
  let found = turns.length > 0 ? 0 : -1;
  turns.forEach((turn, index) => {
    if (turn.startMs <= atMs) found = index;
  });
  return found;
}

export function ReplayTranscript({ words, cues, playheadMs, onSeek, target }: ReplayTranscriptProps): ReactElement {
  const ordered = useMemo(() => wordsInTimeOrder(words), [words]);
  const turns = useMemo(() => buildReplayTurns(ordered, cues), [ordered, cues]);
  const candidate = currentWordIndex(ordered, playheadMs);
  const candidateWord = ordered[candidate];
  const current = candidateWord !== undefined && playheadMs <= candidateWord.endMs + HIGHLIGHT_HOLD_MS ? candidate : -1;
  const targetIndex = target === null ? -1 : turnIndexAt(turns, target.atMs);
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the spoken word in view inside the list, without stealing focus or scrolling the page.
  useEffect(() => {
    if (current < 0) return;
    const list = listRef.current;
    const element = list?.querySelector<HTMLElement>(`[data-word-index="${current}"]`);
    if (!list || !element) return;
    const top = element.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top > list.scrollTop + list.clientHeight - element.offsetHeight) list.scrollTop = top - list.clientHeight / 3;
  }, [current]);

  useEffect(() => {
    if (target === null || targetIndex < 0) return;
    const turn = listRef.current?.querySelector<HTMLElement>(`[data-turn-index="${targetIndex}"]`);
    turn?.scrollIntoView({ block: 'center' });
    // Focus follows, so a keyboard or screen-reader user continues from that turn.
    turn?.focus({ preventScroll: true });
  }, [target, targetIndex]);

  const wordButton = ({ index, word }: ReplayWord): ReactElement => (
    <button
      key={index}
      type="button"
      className={`replay-word${index === current ? ' replay-word-current' : ''}`}
      data-word-index={index}
      aria-current={index === current ? 'true' : undefined}
      title={`Play from ${formatClock(word.startMs)}`}
      onClick={() => onSeek(word.startMs)}
    >
      {word.word}
    </button>
  );

  return (
    <ol className="transcript-turns replay-transcript" ref={listRef} tabIndex={0} aria-label="What was said, in order" data-testid="replay-transcript">
      {turns.map((turn, turnIndex) => (
        <li
          key={`${turn.channel}-${turn.startMs}`}
          className={`transcript-turn transcript-turn-${turn.channel}${turnIndex === targetIndex ? ' transcript-turn-target' : ''}`}
          tabIndex={-1}
          data-turn-index={turnIndex}
          data-testid="transcript-turn"
          data-speaker={turn.channel}
          data-start-ms={turn.startMs}
        >
          <span className="transcript-turn-meta">
            <span className="transcript-speaker">{turn.channel === 'agent' ? 'Agent' : 'Customer'}</span>
            <span className="transcript-time">{formatClock(turn.startMs)}</span>
          </span>
          <p className="transcript-text">
            {segments(turn).map((run) => {
              const [first] = run;
              const [firstCue] = first?.cues ?? [];
              const buttons = run.flatMap((word, position) => (position === 0 ? [wordButton(word)] : [' ', wordButton(word)]));
              if (first === undefined || firstCue === undefined) return <span key={first?.index ?? 0}>{buttons} </span>;
              // One tag per cue type; fast-pace says the rate it measured (its text).
              const labels = new Map<string, string>();
              for (const cue of first.cues) if (!labels.has(cue.type)) labels.set(cue.type, cue.type === 'fast-pace' ? `${cueLabel(cue.type)} (${cue.text})` : cueLabel(cue.type));
              return (
                <span key={first.index}>
                  <mark className={`cue-mark cue-mark-${cueTone(firstCue.type)}`} data-testid="cue-mark" data-cues={[...labels.keys()].join(' ')}>
                    {buttons}
                  </mark>
                  <span className={`cue-tag cue-tag-${cueTone(firstCue.type)}`}>{[...labels.values()].join(', ')}</span>{' '}
                </span>
              );
            })}
          </p>
        </li>
      ))}
    </ol>
  );
}

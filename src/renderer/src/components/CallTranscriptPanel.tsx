// A stored call's transcript, turn by turn with the speaker and time, and the words each cue is about
// marked with the cue's name (empathy, open question…), in text, not only in colour.

import { forwardRef, type ReactElement } from 'react';
import type { TranscriptCue } from '../../../shared/transcript';
import { formatClock } from '../lib/format';
import { cueLabel, cueTone } from '../../../shared/transcript-labels';
import type { TranscriptSegment, TranscriptTurn } from '../../../shared/transcript-turns';

export interface CallTranscriptPanelProps {
  turns: readonly TranscriptTurn[];
  /** The turn a scorecard moment brought up: highlighted. */
  targetIndex: number | null;
}

/** The ref is the turn list's scroll container; turns carry data-turn-index for the moment links. */
export const CallTranscriptPanel = forwardRef<HTMLOListElement, CallTranscriptPanelProps>(function CallTranscriptPanel({ turns, targetIndex }, ref): ReactElement {
  return (
    <section className="card transcript-card" aria-labelledby="transcript-title" data-testid="transcript">
      <h2 id="transcript-title" className="card-title">
        Transcript
      </h2>
      {/* Focusable so the keyboard can scroll it; the turns themselves take focus from the scorecard's links. */}
      <ol className="transcript-turns" ref={ref} tabIndex={0} aria-label="What was said, in order">
        {turns.map((turn, index) => (
          <li
            key={`${turn.channel}-${turn.startMs}`}
            className={`transcript-turn transcript-turn-${turn.channel}${index === targetIndex ? ' transcript-turn-target' : ''}`}
            tabIndex={-1}
            data-turn-index={index}
            data-testid="transcript-turn"
            data-speaker={turn.channel}
            data-start-ms={turn.startMs}
          >
            <span className="transcript-turn-meta">
              <span className="transcript-speaker">{turn.channel === 'agent' ? 'Agent' : 'Customer'}</span>
              <span className="transcript-time">{formatClock(turn.startMs)}</span>
            </span>
            <p className="transcript-text">
              {turn.segments.map((segment, segmentIndex) => (
                <Segment key={segmentIndex} segment={segment} />
              ))}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
});

function Segment({ segment }: { segment: TranscriptSegment }): ReactElement {
  const [first] = segment.cues;
  if (first === undefined) return <>{`${segment.text} `}</>;
  // One tag per cue type; fast-pace says the rate it measured (its text).
  const labels = new Map<string, string>();
  for (const cue of segment.cues) if (!labels.has(cue.type)) labels.set(cue.type, cueText(cue));
  return (
    <>
      <mark className={`cue-mark cue-mark-${cueTone(first.type)}`} data-testid="cue-mark" data-cues={[...labels.keys()].join(' ')}>
        {segment.text}
      </mark>
      <span className={`cue-tag cue-tag-${cueTone(first.type)}`}>{[...labels.values()].join(', ')}</span>{' '}
    </>
  );
}

function cueText(cue: TranscriptCue): string {
  return cue.type === 'fast-pace' ? `${cueLabel(cue.type)} (${cue.text})` : cueLabel(cue.type);
}

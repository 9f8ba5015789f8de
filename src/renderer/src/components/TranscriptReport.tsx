// The transcript part of a stored call's report: one line on why there is no transcript (yet), or the
// listening scorecard beside the transcript, each scorecard moment bringing its turn into view.

import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { ScorecardMoment } from '../../../shared/scorecard';
import type { CallTranscript } from '../../../shared/transcription';
import { assertNever } from '../lib/assert-never';
import { transcriptStateLine } from '../lib/speech-model-text';
import { buildTranscriptTurns, turnIndexAt } from '../../../shared/transcript-turns';
import { useCallTranscript } from '../lib/use-call-transcript';
import { CallTranscriptPanel } from './CallTranscriptPanel';
import { ListeningScorecard } from './ListeningScorecard';
import '../styles/transcript.css';

export function TranscriptReport({ bridge, callId }: { bridge: AttuneBridge; callId: number }): ReactElement | null {
  const { transcript, background } = useCallTranscript(bridge, callId);
  switch (transcript.tag) {
    case 'loading':
      return (
        <p className="card transcript-state" role="status" data-testid="transcript-state">
          Loading the transcript…
        </p>
      );
    case 'missing':
      // The call itself is gone: the view above says so.
      return null;
    case 'failed':
      return (
        <p className="card transcript-state field-error" role="alert" data-testid="transcript-state">
          The transcript could not be loaded: {transcript.error}
        </p>
      );
    case 'loaded': {
      const line = transcriptStateLine(transcript.transcript, background);
      const { words, cues, scorecard } = transcript.transcript;
      return (
        <>
          {line !== null && (
            <p className="card transcript-state" role="status" data-testid="transcript-state" data-state={transcript.transcript.state}>
              {line}
            </p>
          )}
          {words.length > 0 && <TranscriptWithScorecard words={words} cues={cues} scorecard={scorecard} />}
        </>
      );
    }
    default:
      return assertNever(transcript);
  }
}

function TranscriptWithScorecard({ words, cues, scorecard }: Pick<CallTranscript, 'words' | 'cues' | 'scorecard'>): ReactElement {
  const turns = useMemo(() => buildTranscriptTurns(words, cues), [words, cues]);
  const listRef = useRef<HTMLOListElement>(null);
  // A new object per click, so the same moment clicked twice scrolls back to it.
  const [target, setTarget] = useState<{ index: number } | null>(null);

  useEffect(() => {
    if (target === null) return;
    const turn = listRef.current?.querySelector<HTMLElement>(`[data-turn-index="${target.index}"]`);
    turn?.scrollIntoView({ block: 'center' });
    // Focus follows, so a keyboard or screen-reader user continues from that turn.
    turn?.focus({ preventScroll: true });
  }, [target]);

  const goTo = (moment: ScorecardMoment): void => {
    const index = turnIndexAt(turns, moment.atMs);
    if (index >= 0) setTarget({ index });
  };

  return (
    <div className={`transcript-report${scorecard === null ? ' transcript-report-single' : ''}`}>
      {scorecard !== null && <ListeningScorecard scorecard={scorecard} onGoToMoment={goTo} />}
      <CallTranscriptPanel ref={listRef} turns={turns} targetIndex={target?.index ?? null} />
    </div>
  );
}

// The post-call listening scorecard: the agent's pace and fillers, then one point per listening habit
// with its verdict, and the moments it rests on as buttons that bring that part of the transcript up.

import { useState, type ReactElement } from 'react';
import type { Scorecard, ScorecardMoment, ScorecardPoint } from '../../../shared/scorecard';
import { formatClock, NO_VALUE } from '../lib/format';
import { pointLabel, verdictLabel } from '../../../shared/transcript-labels';

/** More moments than this are behind a "Show all" button, so one busy point does not push the others away. */
const MOMENTS_SHOWN = 6;

export interface ListeningScorecardProps {
  scorecard: Scorecard;
  onGoToMoment: (moment: ScorecardMoment) => void;
}

export function ListeningScorecard({ scorecard, onGoToMoment }: ListeningScorecardProps): ReactElement {
  const { agent } = scorecard;
  return (
    <section className="card scorecard" aria-labelledby="scorecard-title" data-testid="scorecard">
      <h2 id="scorecard-title" className="card-title">
        Listening scorecard
      </h2>
      <div className="figures scorecard-figures">
        <div className="figure">
          <span className="figure-label">Agent words</span>
          <span className="figure-value" data-testid="scorecard-agent-words">
            {agent.words}
          </span>
        </div>
        <div className="figure">
          <span className="figure-label">Words per minute</span>
          <span className="figure-value" data-testid="scorecard-wpm">
            {agent.wordsPerMinute === null ? NO_VALUE : Math.round(agent.wordsPerMinute)}
          </span>
        </div>
        <div className="figure">
          <span className="figure-label">Fillers per minute</span>
          <span className="figure-value" data-testid="scorecard-fillers">
            {agent.fillersPerMinute === null ? NO_VALUE : agent.fillersPerMinute}
          </span>
        </div>
      </div>
      <ul className="scorecard-points" data-testid="scorecard-points">
        {scorecard.points.map((point) => (
          <ScorecardPointRow key={point.key} point={point} onGoToMoment={onGoToMoment} />
        ))}
      </ul>
      {!scorecard.timing && <p className="card-note">Timing points (talk ratio, interruptions, gaps) are missing: this call has no timing analysis.</p>}
    </section>
  );
}

function ScorecardPointRow({ point, onGoToMoment }: { point: ScorecardPoint; onGoToMoment: (moment: ScorecardMoment) => void }): ReactElement {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? point.moments : point.moments.slice(0, MOMENTS_SHOWN);
  const label = pointLabel(point.key);
  return (
    <li className={`scorecard-point scorecard-point-${point.verdict}`} data-testid="scorecard-point" data-key={point.key} data-verdict={point.verdict}>
      <span className={`verdict verdict-${point.verdict}`}>{verdictLabel(point.verdict)}</span>
      <div className="scorecard-point-text">
        <p>
          <strong>{label}</strong> <span data-testid="scorecard-summary">{point.summary}</span>
        </p>
        {point.moments.length > 0 && (
          <ul className="scorecard-moments" aria-label={`${label}: moments in the call`}>
            {shown.map((moment, index) => (
              <li key={`${moment.atMs}-${index}`}>
                <button
                  type="button"
                  className="moment-link"
                  onClick={() => onGoToMoment(moment)}
                  aria-label={`${formatClock(moment.atMs)}: ${moment.text} (show in the transcript)`}
                  title={moment.text}
                  data-testid="scorecard-moment"
                  data-at-ms={moment.atMs}
                >
                  {formatClock(moment.atMs)}
                </button>
              </li>
            ))}
            {point.moments.length > MOMENTS_SHOWN && (
              <li>
                <button type="button" className="moment-link moment-link-more" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
                  {showAll ? 'Fewer' : `All ${point.moments.length}`}
                </button>
              </li>
            )}
          </ul>
        )}
      </div>
    </li>
  );
}

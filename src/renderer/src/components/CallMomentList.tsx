// The cues and notes of a stored live call as a list with their times: what the timeline's markers
// say, readable without hovering and in order for a screen reader.

import type { ReactElement } from 'react';
import { assertNever } from '../lib/assert-never';
import { momentText, type CallMoment } from '../lib/call-moments';
import { formatClock } from '../lib/format';

export function CallMomentList({ moments }: { moments: readonly CallMoment[] }): ReactElement {
  return (
    <section className="card moment-list-card" aria-labelledby="moment-list-title">
      <h3 id="moment-list-title" className="card-title">
        Cues and notes
      </h3>
      {moments.length === 0 ? (
        <p className="card-note moment-list-empty">No cue was shown and no note was taken during this call.</p>
      ) : (
        <ol className="moment-list" data-testid="call-moments">
          {moments.map((moment, index) => (
            <li key={index} className={`moment-item moment-item-${moment.kind}`} data-testid="call-moment" data-kind={moment.kind} data-at-ms={moment.atMs}>
              <span className="moment-item-time">{formatClock(moment.atMs)}</span>
              <span className={`moment-item-kind moment-item-kind-${moment.kind}`}>{kindLabel(moment)}</span>
              <span className="moment-item-text">
                {moment.kind === 'cue' ? (
                  <>
                    <strong>{moment.title}</strong> <span className="moment-item-detail">{moment.detail}</span>
                  </>
                ) : (
                  momentText(moment)
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function kindLabel(moment: CallMoment): string {
  switch (moment.kind) {
    case 'cue':
      return 'Cue';
    case 'note':
      return moment.text.trim() === '' ? 'Mark' : 'Note';
    default:
      return assertNever(moment);
  }
}

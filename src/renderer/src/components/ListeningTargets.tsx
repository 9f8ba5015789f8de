// The coaching half of the Analyse report: each timing measure against its target band with a good /
// needs-work signal, and the one thing to work on next (the bands are the scorecard's: see
// src/shared/listening-targets.ts).

import type { ReactElement } from 'react';
import type { CallMetrics } from '../../../shared/call-analysis';
import { checkTargets, nextFocus, type TargetSignal } from '../../../shared/listening-targets';
import { assertNever } from '../lib/assert-never';

function signalText(signal: TargetSignal): string {
  switch (signal) {
    case 'good':
      return 'Good';
    case 'needs-work':
      return 'Needs work';
    case 'no-data':
      return 'Not measured';
    default:
      return assertNever(signal);
  }
}

export function ListeningTargets({ metrics }: { metrics: CallMetrics }): ReactElement {
  const checks = checkTargets(metrics);
  const focus = nextFocus(checks);
  return (
    <section className="card listening-targets" aria-labelledby="targets-title" data-testid="listening-targets">
      <h3 id="targets-title" className="card-title">
        Targets
      </h3>
      <p className={focus === null ? 'targets-focus targets-focus-good' : 'targets-focus'} data-testid="work-on-next">
        <strong>Work on next:</strong> {focus === null ? 'every timing target was met in this call.' : `${focus.label} — ${focus.advice}`}
      </p>
      <table className="targets-table">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">This call</th>
            <th scope="col">Target</th>
            <th scope="col">Signal</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.key} data-testid={`target-${check.key}`} data-signal={check.signal}>
              <th scope="row">{check.label}</th>
              <td>{check.measured}</td>
              <td>{check.target}</td>
              <td className={`target-signal target-signal-${check.signal}`}>
                <span aria-hidden="true">{check.signal === 'good' ? '✓ ' : check.signal === 'needs-work' ? '! ' : ''}</span>
                {signalText(check.signal)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

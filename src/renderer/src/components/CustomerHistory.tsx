// "This customer's earlier calls": the other calls with the same customer name or account, newest
// first, each one click from its replay, with its outcome and how much feedback it carries.
// Embedded by the replay view. It reloads when any outcome is saved in this window (this call's
// customer may have changed, or an earlier call's outcome), and when `refreshKey` changes.

import { useEffect, useState, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { CustomerHistory as History } from '../../../shared/outcomes';
import { attuneBridge } from '../lib/attune-bridge';
import { formatClock, formatPercent, pluralize } from '../lib/format';
import { onOutcomeSaved } from '../lib/outcome-events';
import { describeOutcome } from '../lib/outcome-form';
import { messageOf } from '../lib/use-call-analysis';
import '../styles/outcomes.css';

export interface CustomerHistoryProps {
  callId: number;
  onOpenCall: (callId: number) => void;
  /** Change it to load the history again (e.g. after outcomes were imported). */
  refreshKey?: number;
  /** Default: the window's bridge. */
  bridge?: AttuneBridge;
}

type HistoryState = { tag: 'loading' } | { tag: 'loaded'; history: History | null } | { tag: 'failed'; message: string };

function dateTimeOf(startedAt: string): string {
  return new Date(startedAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function CustomerHistory({ callId, onOpenCall, refreshKey = 0, bridge: givenBridge }: CustomerHistoryProps): ReactElement {
  const [bridge] = useState<AttuneBridge>(() => givenBridge ?? attuneBridge());
  const [state, setState] = useState<HistoryState>({ tag: 'loading' });
  const [saves, setSaves] = useState(0);

  useEffect(() => onOutcomeSaved(() => setSaves((count) => count + 1)), []);

  useEffect(() => {
    let current = true;
    bridge.getCustomerHistory(callId).then(
      (history) => {
        if (current) setState({ tag: 'loaded', history });
      },
      (error: unknown) => {
        if (current) setState({ tag: 'failed', message: `The customer's calls could not be loaded: ${messageOf(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, callId, refreshKey, saves]);

  const history = state.tag === 'loaded' ? state.history : null;
  const who = history === null ? null : [history.customerName, history.customerAccount].filter((part) => part !== null).join(' · ');
  return (
    <section className="card customer-history" aria-labelledby="customer-history-title" data-testid="customer-history">
      <h2 id="customer-history-title" className="card-title">
        This customer’s other calls
      </h2>
      {state.tag === 'loading' && <p className="card-note">Loading…</p>}
      {state.tag === 'failed' && (
        <p className="outcome-error" role="alert">
          {state.message}
        </p>
      )}
      {state.tag === 'loaded' && (history === null || who === '') && (
        <p className="card-note">Enter the customer’s name or account in the outcome to see their other calls.</p>
      )}
      {history !== null && who !== '' && history.calls.length === 0 && <p className="card-note">No other calls from {who}.</p>}
      {history !== null && history.calls.length > 0 && (
        <>
          <p className="card-note">
            {pluralize(history.calls.length, 'other call')} from {who}:
          </p>
          <ul className="customer-calls">
            {history.calls.map((call) => (
              <li key={call.callId}>
                <button type="button" className="customer-call" onClick={() => onOpenCall(call.callId)} data-testid="customer-call">
                  <span className="customer-call-when">{dateTimeOf(call.startedAt)}</span>
                  <span className="customer-call-who">
                    {call.agentName} · {formatClock(call.durationMs)} · agent talk {formatPercent(call.talkRatio)}
                  </span>
                  <span className="customer-call-outcome">
                    {describeOutcome(call.outcome)}
                    {call.noteCount > 0 ? ` · ${pluralize(call.noteCount, 'note')}` : ''}
                    {call.matchedBy === 'name and account' ? '' : ` · same ${call.matchedBy}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

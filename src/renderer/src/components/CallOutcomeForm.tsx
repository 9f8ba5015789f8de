// A stored call's outcome, as a supervisor enters it: CSAT 1–5, resolved on first contact, the customer's
// name and account (which link the customer's calls together). Every field may stay "not known".
// Embedded by the replay view; `onChange` tells it, and CustomerHistory hears of it by itself.

import { useEffect, useId, useState, type FormEvent, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { EMPTY_CALL_OUTCOME, type CallOutcome, type CallOutcomeRecord } from '../../../shared/outcomes';
import { attuneBridge } from '../lib/attune-bridge';
import { announceOutcomeSaved } from '../lib/outcome-events';
import { formFromOutcome, OUTCOME_TEXT_MAX_CHARS, outcomeFromForm, sameOutcome, type OutcomeForm } from '../lib/outcome-form';
import { messageOf } from '../lib/use-call-analysis';
import '../styles/outcomes.css';

export interface CallOutcomeFormProps {
  callId: number;
  /** The outcome was saved (or cleared). */
  onChange?: (record: CallOutcomeRecord) => void;
  /** Default: the window's bridge. */
  bridge?: AttuneBridge;
}

type FormState = { tag: 'loading' } | { tag: 'editing' } | { tag: 'saving' } | { tag: 'saved' } | { tag: 'failed'; message: string };

export function CallOutcomeForm(props: CallOutcomeFormProps): ReactElement {
  // Another call is another form: nothing typed for the last call carries over.
  return <OutcomeFormForCall key={props.callId} {...props} />;
}

function OutcomeFormForCall({ callId, onChange, bridge: givenBridge }: CallOutcomeFormProps): ReactElement {
  const [bridge] = useState<AttuneBridge>(() => givenBridge ?? attuneBridge());
  const [stored, setStored] = useState<CallOutcome>(EMPTY_CALL_OUTCOME);
  const [form, setForm] = useState<OutcomeForm>(() => formFromOutcome(EMPTY_CALL_OUTCOME));
  const [state, setState] = useState<FormState>({ tag: 'loading' });
  const id = useId();

  useEffect(() => {
    let current = true;
    bridge.getCallOutcome(callId).then(
      (record) => {
        if (!current) return;
        const outcome = record?.outcome ?? EMPTY_CALL_OUTCOME;
        setStored(outcome);
        setForm(formFromOutcome(outcome));
        setState(record === null ? { tag: 'failed', message: 'This call is no longer in the library.' } : { tag: 'editing' });
      },
      (error: unknown) => {
        if (current) setState({ tag: 'failed', message: `The outcome could not be loaded: ${messageOf(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge, callId]);

  const edit = (patch: Partial<OutcomeForm>): void => {
    setForm({ ...form, ...patch });
    if (state.tag === 'saved' || state.tag === 'failed') setState({ tag: 'editing' });
  };

  const outcome = outcomeFromForm(form);
  const changed = !sameOutcome(outcome, stored);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    setState({ tag: 'saving' });
    bridge.setCallOutcome(callId, outcome).then(
      (result) => {
        if (!result.ok) {
          setState({ tag: 'failed', message: result.error });
          return;
        }
        setStored(result.record.outcome);
        setForm(formFromOutcome(result.record.outcome));
        setState({ tag: 'saved' });
        announceOutcomeSaved(result.record);
        onChange?.(result.record);
      },
      (error: unknown) => setState({ tag: 'failed', message: `Not saved: ${messageOf(error)}` }),
    );
  };

  const busy = state.tag === 'loading' || state.tag === 'saving';
  return (
    <form className="card outcome-form" aria-labelledby={`${id}-title`} onSubmit={save} noValidate data-testid="call-outcome-form">
      <h2 id={`${id}-title`} className="card-title">
        Outcome
      </h2>
      <div className="outcome-fields">
        <label className="outcome-field">
          <span>CSAT</span>
          <select value={form.csat} disabled={busy} onChange={(event) => edit({ csat: event.target.value })} data-testid="outcome-csat">
            <option value="">Not known</option>
            <option value="1">1 — very unhappy</option>
            <option value="2">2</option>
            <option value="3">3</option>
            <option value="4">4</option>
            <option value="5">5 — very happy</option>
          </select>
        </label>
        <label className="outcome-field">
          <span>Resolved on first contact</span>
          <select value={form.resolved} disabled={busy} onChange={(event) => edit({ resolved: event.target.value })} data-testid="outcome-resolved">
            <option value="">Not known</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </label>
        <label className="outcome-field">
          <span>Customer</span>
          <input
            type="text"
            value={form.customerName}
            maxLength={OUTCOME_TEXT_MAX_CHARS}
            disabled={busy}
            placeholder="Name"
            onChange={(event) => edit({ customerName: event.target.value })}
            data-testid="outcome-customer"
          />
        </label>
        <label className="outcome-field">
          <span>Account</span>
          <input
            type="text"
            value={form.customerAccount}
            maxLength={OUTCOME_TEXT_MAX_CHARS}
            disabled={busy}
            placeholder="Account or customer id"
            onChange={(event) => edit({ customerAccount: event.target.value })}
            data-testid="outcome-account"
          />
        </label>
      </div>
      <div className="outcome-actions">
        <button type="submit" className="button button-primary" disabled={busy || !changed} data-testid="outcome-save">
          {state.tag === 'saving' ? 'Saving…' : 'Save outcome'}
        </button>
        {state.tag === 'saved' && (
          <span className="outcome-status" role="status">
            Saved.
          </span>
        )}
        {state.tag === 'failed' && (
          <span className="outcome-status outcome-error" role="alert">
            {state.message}
          </span>
        )}
      </div>
    </form>
  );
}

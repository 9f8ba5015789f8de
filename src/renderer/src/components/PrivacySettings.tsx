// Settings → Privacy: redact numbers and e-mail addresses in transcripts, and delete calls older than
// a number of days. Turning retention on or shortening it deletes calls at once, so it asks first.

import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { DEFAULT_PRIVACY_SETTINGS, type PrivacySettings as Privacy } from '../../../shared/transcript';
import { formFromPrivacy, privacyFromForm, RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, shortensRetention, type PrivacyForm } from '../lib/privacy-form';
import { messageOf } from '../lib/use-call-analysis';

type PrivacyState =
  | { tag: 'loading' }
  | { tag: 'editing' }
  /** Saving would delete calls: waiting for the person to confirm. */
  | { tag: 'confirming'; settings: Privacy }
  | { tag: 'saving' }
  | { tag: 'saved' }
  | { tag: 'failed'; message: string };

export function PrivacySettings({ bridge }: { bridge: AttuneBridge }): ReactElement {
  const [stored, setStored] = useState<Privacy>(DEFAULT_PRIVACY_SETTINGS);
  const [form, setForm] = useState<PrivacyForm>(() => formFromPrivacy(DEFAULT_PRIVACY_SETTINGS));
  const [state, setState] = useState<PrivacyState>({ tag: 'loading' });

  useEffect(() => {
    let current = true;
    bridge.getPrivacySettings().then(
      (settings) => {
        if (!current) return;
        setStored(settings);
        setForm(formFromPrivacy(settings));
        setState({ tag: 'editing' });
      },
      (error: unknown) => {
        if (current) setState({ tag: 'failed', message: `The privacy settings could not be loaded: ${messageOf(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  const parsed = privacyFromForm(form);
  const edit = (patch: Partial<PrivacyForm>): void => {
    setForm({ ...form, ...patch });
    if (state.tag !== 'loading') setState({ tag: 'editing' });
  };

  const write = (settings: Privacy): void => {
    setState({ tag: 'saving' });
    bridge.setPrivacySettings(settings).then(
      (saved) => {
        setStored(saved);
        setForm(formFromPrivacy(saved));
        setState({ tag: 'saved' });
      },
      (error: unknown) => setState({ tag: 'failed', message: `Not saved: ${messageOf(error)}` }),
    );
  };

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!parsed.ok) return;
    if (shortensRetention(stored, parsed.settings)) setState({ tag: 'confirming', settings: parsed.settings });
    else write(parsed.settings);
  };

  const error = parsed.ok ? null : parsed.error;
  const daysInputId = 'retention-days';
  return (
    <form className="card privacy-settings" aria-labelledby="privacy-title" onSubmit={save} noValidate data-testid="privacy-settings">
      <h2 id="privacy-title" className="card-title">
        Privacy
      </h2>
      <div className="privacy-fields">
        <label className="toggle-row">
          <input
            type="checkbox"
            checked={form.redactTranscripts}
            disabled={state.tag === 'loading'}
            onChange={(event) => edit({ redactTranscripts: event.target.checked })}
            data-testid="privacy-redact"
          />
          <span>
            <strong>Redact numbers and e-mail addresses in transcripts</strong>{' '}
            <span className="settings-hint">card-like numbers, long digit runs and e-mail addresses are replaced before anything is written</span>
          </span>
        </label>

        <div className="retention-row">
          <label className="toggle-row">
            <input
              type="checkbox"
              checked={form.retentionOn}
              disabled={state.tag === 'loading'}
              onChange={(event) => edit({ retentionOn: event.target.checked })}
              data-testid="privacy-retention-on"
            />
            <span>
              <strong>Delete calls older than</strong>
            </span>
          </label>
          <span className="number-field-input">
            <input
              id={daysInputId}
              className="text-input retention-days"
              type="number"
              inputMode="numeric"
              min={RETENTION_DAYS_MIN}
              max={RETENTION_DAYS_MAX}
              step={1}
              value={form.retentionDays}
              disabled={!form.retentionOn || state.tag === 'loading'}
              aria-label="Days to keep calls"
              aria-invalid={error !== null}
              aria-describedby="retention-hint"
              onChange={(event) => edit({ retentionDays: event.target.value })}
              data-testid="privacy-retention-days"
            />
            <span className="number-field-unit">days</span>
          </span>
        </div>
        <p id="retention-hint" className={error ? 'field-error' : 'settings-hint'} data-testid="privacy-retention-hint">
          {error ?? (form.retentionOn ? 'Their recordings and transcripts are deleted, now and every day from then on.' : 'Off: every call is kept until you delete it.')}
        </p>
      </div>

      {state.tag === 'confirming' && (
        <div className="confirm-delete" role="alertdialog" aria-labelledby="confirm-delete-text" data-testid="privacy-confirm">
          <p id="confirm-delete-text">
            Calls older than {state.settings.retentionDays} days, with their recordings and transcripts, will be deleted now. This cannot
            be undone.
          </p>
          <div className="settings-actions">
            <button type="button" className="button button-danger" onClick={() => write(state.settings)} data-testid="privacy-confirm-delete">
              Delete older calls and save
            </button>
            <button type="button" className="button" onClick={() => setState({ tag: 'editing' })} autoFocus data-testid="privacy-confirm-cancel">
              Keep them
            </button>
          </div>
        </div>
      )}

      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={!parsed.ok || state.tag === 'loading' || state.tag === 'saving' || state.tag === 'confirming'} data-testid="save-privacy">
          {state.tag === 'saving' ? 'Saving…' : 'Save privacy settings'}
        </button>
        <span role="status" className={state.tag === 'failed' ? 'field-error' : 'settings-hint'} data-testid="privacy-status">
          {state.tag === 'saved' ? 'Saved.' : state.tag === 'failed' ? state.message : state.tag === 'loading' ? 'Loading…' : ''}
        </span>
      </div>
    </form>
  );
}

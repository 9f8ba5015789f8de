// Settings: which coaching cards appear, how often, and the thresholds behind them (main validates
// and stores them in the library folder; a running call picks them up at once); then the speech model,
// the privacy settings and the notes on calls (author, offered tags), each saved on its own.

import { useEffect, useState, type FormEvent, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { CARD_KINDS, DEFAULT_COACHING_SETTINGS, type CardKind, type CoachingSettings } from '../../../shared/live';
import { AnnotationSettings } from '../components/AnnotationSettings';
import { PrivacySettings } from '../components/PrivacySettings';
import { SpeechModelSettings } from '../components/SpeechModelSettings';
import { assertNever } from '../lib/assert-never';
import { COACHING_FIELDS, formFromSettings, settingsFromForm, type CoachingForm } from '../lib/coaching-form';
import { useSpeechModels } from '../lib/use-speech-models';
import '../styles/settings.css';

function cardLabel(kind: CardKind): { title: string; when: string } {
  switch (kind) {
    case 'let-them-finish':
      return { title: '"Let them finish"', when: 'after you interrupt the customer' };
    case 'customer-cut-in':
      return { title: '"Customer cut in — acknowledge and let them speak"', when: 'after the customer interrupts you' };
    case 'monologue':
      return { title: '"Check in with a question"', when: 'when you have talked for a long stretch' };
    case 'customer-quiet':
      return { title: '"Customer has been quiet — check in"', when: 'after a long silence on their side' };
    case 'acknowledge-first':
      return { title: '"Acknowledge, then explain"', when: 'when you quote policy (needs a speech model)' };
    case 'slow-down':
      return { title: '"Slow down"', when: 'when you talk fast for a while (needs a speech model)' };
    default:
      return assertNever(kind);
  }
}

type SaveState = { tag: 'loading' } | { tag: 'editing' } | { tag: 'saving' } | { tag: 'saved' } | { tag: 'failed'; message: string };

export function SettingsView({ bridge }: { bridge: AttuneBridge }): ReactElement {
  const [form, setForm] = useState<CoachingForm>(() => formFromSettings(DEFAULT_COACHING_SETTINGS));
  const [saveState, setSaveState] = useState<SaveState>({ tag: 'loading' });
  const { models, setStatus } = useSpeechModels(bridge);

  useEffect(() => {
    let current = true;
    bridge.getCoachingSettings().then(
      (settings) => {
        if (!current) return;
        setForm(formFromSettings(settings));
        setSaveState({ tag: 'editing' });
      },
      (error: unknown) => {
        if (current) setSaveState({ tag: 'failed', message: `The settings could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  const parsed = settingsFromForm(form);
  const edit = (patch: Partial<CoachingForm>): void => {
    setForm({ ...form, ...patch });
    if (saveState.tag !== 'loading') setSaveState({ tag: 'editing' });
  };

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!parsed.ok) return;
    setSaveState({ tag: 'saving' });
    bridge.setCoachingSettings(parsed.settings).then(
      (stored: CoachingSettings) => {
        setForm(formFromSettings(stored));
        setSaveState({ tag: 'saved' });
      },
      (error: unknown) => setSaveState({ tag: 'failed', message: `Not saved: ${error instanceof Error ? error.message : String(error)}` }),
    );
  };

  return (
    <section className="view settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="view-subtitle">Live coaching (which cues appear, how often, and when), the speech model, and privacy.</p>
        </div>
      </header>

      <form className="settings-form" onSubmit={save} noValidate>
        <section className="card" aria-labelledby="cards-title">
          <h2 id="cards-title" className="card-title">
            Cards
          </h2>
          <ul className="card-toggles">
            {CARD_KINDS.map((kind) => {
              const label = cardLabel(kind);
              return (
                <li key={kind}>
                  <label className="toggle-row">
                    <input
                      type="checkbox"
                      checked={form.enabledCards[kind]}
                      onChange={(event) => edit({ enabledCards: { ...form.enabledCards, [kind]: event.target.checked } })}
                      data-testid={`card-enabled-${kind}`}
                    />
                    <span>
                      <strong>{label.title}</strong> <span className="settings-hint">{label.when}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="card-note">Backchannels (&quot;mm-hm&quot;, &quot;right&quot;) never make a card. One card is shown at a time.</p>
        </section>

        <section className="card" aria-labelledby="thresholds-title">
          <h2 id="thresholds-title" className="card-title">
            Timing and thresholds
          </h2>
          <div className="settings-grid">
            {COACHING_FIELDS.map((field) => {
              const error = parsed.ok ? undefined : parsed.errors[field.key];
              return (
                <label key={field.key} className="number-field">
                  <span className="number-field-label">{field.label}</span>
                  <span className="number-field-input">
                    <input
                      type="number"
                      inputMode="decimal"
                      min={field.min}
                      max={field.max}
                      step={field.step}
                      value={form[field.key]}
                      aria-invalid={error !== undefined}
                      onChange={(event) => edit({ [field.key]: event.target.value })}
                      data-testid={`setting-${field.key}`}
                    />
                    <span className="number-field-unit">{field.unit}</span>
                  </span>
                  <span className={error ? 'field-error' : 'settings-hint'}>{error ?? field.hint}</span>
                </label>
              );
            })}
          </div>
        </section>

        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={!parsed.ok || saveState.tag === 'saving' || saveState.tag === 'loading'} data-testid="save-settings">
            {saveState.tag === 'saving' ? 'Saving…' : 'Save settings'}
          </button>
          <button type="button" className="button" onClick={() => edit(formFromSettings(DEFAULT_COACHING_SETTINGS))} data-testid="reset-settings">
            Restore defaults
          </button>
          <span role="status" className={saveState.tag === 'failed' ? 'field-error' : 'settings-hint'} data-testid="settings-status">
            {saveState.tag === 'saved' ? 'Saved. A running call uses them at once.' : saveState.tag === 'failed' ? saveState.message : saveState.tag === 'loading' ? 'Loading…' : ''}
          </span>
        </div>
      </form>

      <div className="settings-form">
        <SpeechModelSettings bridge={bridge} models={models} setStatus={setStatus} />
        <PrivacySettings bridge={bridge} />
        <AnnotationSettings bridge={bridge} />
      </div>
    </section>
  );
}

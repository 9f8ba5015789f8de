// The heads-up overlay: balance against the target band, interruptions by each side, a turn timer
// once the agent has talked a while, one card at a time, and a one-line note on a shortcut.
// Sparse on purpose: it sits over the softphone and must never be in the way.

import { useEffect, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import { BalanceBar } from '../components/BalanceBar';
import { formatClock, formatPercent, NO_VALUE } from '../lib/format';
import { useCoachingSettings } from '../lib/use-coaching-settings';
import { useOverlayDashboard } from './use-overlay-dashboard';

type NoteState = { tag: 'closed' } | { tag: 'open'; atMs: number | undefined; text: string } | { tag: 'saving' };

export function Overlay({ bridge }: { bridge: AttuneBridge }): ReactElement {
  const { dashboard, dismiss, elapsedMsNow } = useOverlayDashboard(bridge);
  const settings = useCoachingSettings(bridge);
  // Cleared here at once; main tells the coach and the other window (which clears it on 'dismiss-card').
  const dismissByClick = (): void => {
    dismiss();
    bridge.dismissCard().catch(() => undefined);
  };
  const [clickThrough, setClickThrough] = useState(false);
  const [note, setNote] = useState<NoteState>({ tag: 'closed' });
  const [noteError, setNoteError] = useState<string | null>(null);

  // Main's window follows this state (including after the shortcut toggled it).
  useEffect(() => {
    bridge.setOverlayClickThrough(clickThrough).catch(() => undefined);
  }, [bridge, clickThrough]);

  useEffect(
    () =>
      bridge.onAppCommand((command) => {
        switch (command) {
          case 'open-note':
            // The mark is the moment of the shortcut, not of Enter.
            setNote({ tag: 'open', atMs: elapsedMsNow(), text: '' });
            setNoteError(null);
            return;
          case 'dismiss-card':
            dismiss();
            return;
          case 'toggle-click-through':
            setClickThrough((enabled) => !enabled);
            return;
          case 'start-call':
          case 'stop-call':
            // The main window runs the capture and handles these.
            return;
          default: {
            const unreachable: never = command;
            throw new Error(`unknown command ${String(unreachable)}`);
          }
        }
      }),
    [bridge, dismiss, elapsedMsNow],
  );

  const finishNote = (save: boolean): void => {
    if (note.tag !== 'open') return;
    if (!save) {
      setNote({ tag: 'closed' });
      void bridge.returnFocus();
      return;
    }
    setNote({ tag: 'saving' });
    const request = note.atMs === undefined ? { text: note.text.trim() } : { text: note.text.trim(), atMs: note.atMs };
    bridge
      .addLiveNote(request)
      .then((result) => {
        setNote({ tag: 'closed' });
        if (!result.ok) setNoteError(result.error);
        return bridge.returnFocus();
      })
      .catch((error: unknown) => {
        setNote({ tag: 'closed' });
        setNoteError(error instanceof Error ? error.message : String(error));
      });
  };

  const onNoteKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finishNote(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finishNote(false);
    }
  };

  const { metrics, card } = dashboard;
  const live = dashboard.phase === 'live';
  const share = metrics && metrics.agentTalkMs + metrics.customerTalkMs > 0 ? metrics.talkRatio : null;
  const showTimer = metrics !== null && metrics.agentMonologueMs >= settings.monologueTimerFromMs;
  const problem = dashboard.problems[dashboard.problems.length - 1];

  return (
    <div className={`overlay${clickThrough ? ' overlay-click-through' : ''}`} data-testid="overlay">
      <div className="overlay-bar">
        <span className={`overlay-status${live ? ' overlay-status-live' : ''}`} aria-hidden="true" />
        <span className="overlay-title">{live ? `Live ${formatClock(metrics?.elapsedMs ?? 0)}` : 'Attune — no call'}</span>
        <button
          type="button"
          className="overlay-icon-button"
          onClick={() => setClickThrough((enabled) => !enabled)}
          aria-pressed={clickThrough}
          title={clickThrough ? 'Clicks go to the app below; use the click-through shortcut to turn this off' : 'Let clicks go through the overlay to the app below'}
          data-testid="overlay-click-through"
        >
          {clickThrough ? 'Click-through on' : 'Click-through'}
        </button>
      </div>

      {live && (
        <div className="overlay-body">
          <div className="overlay-balance">
            <span className="overlay-share" data-testid="overlay-talk-agent">
              You {share === null ? NO_VALUE : formatPercent(share)}
            </span>
            <BalanceBar agentShare={share} targetAgentShareMax={settings.targetAgentShareMax} compact />
            <span className="overlay-target">≤ {formatPercent(settings.targetAgentShareMax)}</span>
          </div>
          <div className="overlay-counts">
            <span title="Times you interrupted the customer">
              You cut in <strong data-testid="overlay-interruptions-agent">{metrics?.interruptions.agent ?? 0}</strong>
            </span>
            <span title="Times the customer interrupted you">
              They cut in <strong data-testid="overlay-interruptions-customer">{metrics?.interruptions.customer ?? 0}</strong>
            </span>
            {showTimer && (
              <span className="overlay-timer" data-testid="overlay-monologue-timer">
                Talking {formatClock(metrics.agentMonologueMs)}
              </span>
            )}
          </div>
        </div>
      )}

      {card && (
        <button type="button" className={`overlay-card overlay-card-${card.card.kind}`} onClick={dismissByClick} data-testid="overlay-card" data-kind={card.card.kind} title="Click to dismiss">
          <span className="overlay-card-title">{card.card.title}</span>
          <span className="overlay-card-detail">{card.card.detail}</span>
        </button>
      )}

      {problem && live && (
        <p className="overlay-problem" role="alert" data-testid="overlay-problem">
          {problem.message}
        </p>
      )}

      {note.tag !== 'closed' && (
        <input
          className="overlay-note"
          type="text"
          // Focus on open: the agent pressed the note shortcut to type right away.
          autoFocus
          placeholder="Note for this moment — Enter saves, Esc cancels"
          maxLength={200}
          value={note.tag === 'open' ? note.text : ''}
          disabled={note.tag === 'saving'}
          onChange={(event) => setNote(note.tag === 'open' ? { ...note, text: event.target.value } : note)}
          onKeyDown={onNoteKey}
          aria-label="Note for this moment"
          data-testid="overlay-note"
        />
      )}
      {note.tag === 'open' && <p className="overlay-hint">Enter saves · Esc cancels</p>}
      {noteError && (
        <p className="overlay-problem" role="alert">
          {noteError}
        </p>
      )}
    </div>
  );
}

// The Live view: choose the two channels and watch their levels, start and stop a call, and follow
// it on a mini-dashboard fed by main's live updates (with the caption line and whether speech is
// transcribed); the calls just stored are listed below, and each opens its report in place of the
// view. While no speech model is installed, it offers one once.

import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { CallSummaryRow } from '../../../shared/calls';
import type { AttuneBridge } from '../../../shared/ipc-contract';
import type { CoachingSettings, CurrentSpeaker } from '../../../shared/live';
import type { SpeechModelsStatus } from '../../../shared/transcription';
import { isMonitorDevice, PACTL_REMAP_MONITOR_COMMAND } from '../capture/capture-source';
import { BalanceBar } from '../components/BalanceBar';
import { LevelMeter } from '../components/LevelMeter';
import { LiveCaptionLine } from '../components/LiveCaptionLine';
import { SpeechModelOffer } from '../components/SpeechModelOffer';
import { TranscriptionIndicator } from '../components/TranscriptionIndicator';
import { assertNever } from '../lib/assert-never';
import { useCoachingSettings } from '../lib/use-coaching-settings';
import { formatClock, formatGap, formatPercent, NO_VALUE } from '../lib/format';
import type { LiveCaptions } from '../lib/live-captions';
import { useLiveCaptions } from '../lib/use-live-captions';
import { useSpeechModelOffer } from '../lib/use-speech-model-offer';
import { useSpeechModels } from '../lib/use-speech-models';
import type { LiveCallController, LiveCallState } from '../live/live-call-controller';
import { StoredCallView } from './StoredCallView';
import '../styles/live.css';

export interface LiveViewProps {
  controller: LiveCallController;
  bridge: AttuneBridge;
}

export function LiveView({ controller, bridge }: LiveViewProps): ReactElement {
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  // Loaded when the view opens, so changes made in Settings show here at once.
  const settings = useCoachingSettings(bridge);
  const callIdle = state.call.tag === 'idle';
  const { models, setStatus } = useSpeechModels(bridge);
  const speech = models.tag === 'loaded' ? models.status : null;
  const captions = useLiveCaptions(bridge);
  const offer = useSpeechModelOffer(bridge);
  // After the consent reminder, not beside it: one first-run question at a time.
  const offerModel =
    speech !== null && offer.dismissed === false && state.consentAcknowledged === true && callIdle && !speech.models.some((model) => model.state === 'ready');

  // The meters run while this view is open; the devices are released when it closes with no call.
  useEffect(() => controller.attachView(), [controller]);

  // A stored call opened from the recent calls, shown instead of the live content.
  const [openCallId, setOpenCallId] = useState<number | null>(null);
  // Which call's Open button gets focus back when its report closes.
  const returnFocusToCallId = useRef<number | null>(null);
  useEffect(
    () =>
      // The start/stop shortcut brings the live call up, not a report of an older one.
      bridge.onAppCommand((command) => {
        if (command === 'start-call' || command === 'stop-call') setOpenCallId(null);
      }),
    [bridge],
  );
  useEffect(() => {
    if (openCallId !== null || returnFocusToCallId.current === null) return;
    document.querySelector<HTMLButtonElement>(`[data-testid="open-call"][data-call-id="${returnFocusToCallId.current}"]`)?.focus();
    returnFocusToCallId.current = null;
  }, [openCallId]);

  // Stable while the call is open, so the report's Escape listener is not re-added on every update.
  const closeStoredCall = useCallback(() => {
    returnFocusToCallId.current = openCallId;
    setOpenCallId(null);
  }, [openCallId]);

  if (openCallId !== null) {
    return <StoredCallView bridge={bridge} callId={openCallId} callInProgress={!callIdle} onClose={closeStoredCall} />;
  }

  return (
    <section className="view live-view" aria-labelledby="live-title">
      <header className="view-header">
        <div>
          <h1 id="live-title">Live</h1>
          <p className="view-subtitle">Listen to a call as it happens: balance, interruptions and gentle cues.</p>
        </div>
        <CallControls controller={controller} state={state} />
      </header>

      {state.consentAcknowledged === false && <ConsentReminder onAcknowledge={() => controller.acknowledgeConsent()} />}

      {offerModel && <SpeechModelOffer bridge={bridge} status={speech} setStatus={setStatus} onDismiss={offer.dismiss} />}

      {state.error && (
        <div className="error-alert" role="alert" data-testid="live-error">
          <div className="error-alert-text">
            <p className="error-alert-title">Live call</p>
            <p className="error-alert-message">{state.error}</p>
          </div>
          <button type="button" className="button button-quiet" onClick={() => controller.clearError()}>
            Dismiss
          </button>
        </div>
      )}

      <CaptureAlerts state={state} />

      <div className={`live-grid${callIdle ? '' : ' live-grid-in-call'}`}>
        <SourcePanel controller={controller} state={state} disabled={!callIdle} />
        <Dashboard state={state} settings={settings} speech={speech} captions={captions} onDismissCard={() => controller.dismissCardByClick()} />
      </div>

      <RecentCalls calls={state.recentCalls} savedCallId={state.dashboard.savedCallId} onOpen={setOpenCallId} />
    </section>
  );
}

function CallControls({ controller, state }: { controller: LiveCallController; state: LiveCallState }): ReactElement {
  const { call } = state;
  const live = call.tag === 'live';
  const canStart = call.tag === 'idle' && state.consentAcknowledged === true && state.capture.tag === 'running';
  return (
    <div className="toolbar live-controls">
      {live && (
        <span className="recording-indicator" data-testid="recording-indicator" role="status">
          <span className="recording-dot" aria-hidden="true" />
          Recording {formatClock(state.dashboard.metrics?.elapsedMs ?? 0)}
        </span>
      )}
      <label className="channel-picker">
        Agent
        <input
          className="text-input"
          type="text"
          value={state.agentName}
          placeholder="Your name"
          maxLength={80}
          disabled={call.tag !== 'idle'}
          onChange={(event) => controller.setAgentName(event.target.value)}
          data-testid="agent-name"
        />
      </label>
      {live || call.tag === 'stopping' ? (
        <button type="button" className="button button-danger" onClick={() => void controller.stopCall()} disabled={call.tag === 'stopping'} data-testid="stop-call">
          {call.tag === 'stopping' ? 'Saving…' : 'Stop call'}
        </button>
      ) : (
        <button type="button" className="button button-primary" onClick={() => void controller.startCall()} disabled={!canStart} data-testid="start-call">
          {call.tag === 'starting' ? 'Starting…' : 'Start call'}
        </button>
      )}
    </div>
  );
}

function ConsentReminder({ onAcknowledge }: { onAcknowledge: () => void }): ReactElement {
  return (
    <div className="consent-reminder" role="note" data-testid="consent-reminder">
      <div>
        <p className="consent-title">Before your first call</p>
        <p>
          Attune records both sides of the call on this computer. In many places everyone on the call must agree to being
          recorded; follow your company&apos;s policy and tell the customer when you need to.
        </p>
      </div>
      <button type="button" className="button button-primary" onClick={onAcknowledge} data-testid="consent-acknowledge">
        I understand
      </button>
    </div>
  );
}

function CaptureAlerts({ state }: { state: LiveCallState }): ReactElement | null {
  const alerts: Array<{ key: string; title: string; message: string }> = [];
  if (state.capture.tag === 'failed') {
    alerts.push({
      key: 'capture',
      title: state.capture.permissionDenied ? 'No permission to listen' : 'Audio devices could not be opened',
      message: state.capture.message,
    });
  }
  const problems = state.call.tag === 'live' ? state.dashboard.problems : [...state.localProblems, ...state.dashboard.problems.filter((p) => p.problem === 'silent-channel' || p.problem === 'recording-failed')];
  for (const problem of problems) {
    // The capture failure above already says it.
    if (state.capture.tag === 'failed' && problem.problem === 'permission-denied') continue;
    alerts.push({ key: `${problem.channel ?? 'all'}-${problem.problem}`, title: problemTitle(problem.problem), message: problem.message });
  }
  if (alerts.length === 0) return null;
  return (
    <div className="capture-alerts">
      {alerts.map((alert) => (
        <div key={alert.key} className="error-alert" role="alert" data-testid="capture-problem">
          <div className="error-alert-text">
            <p className="error-alert-title">{alert.title}</p>
            <p className="error-alert-message">{alert.message}</p>
          </div>
        </div>
      ))}
    </div>
  );
}

function problemTitle(problem: LiveCallState['dashboard']['problems'][number]['problem']): string {
  switch (problem) {
    case 'permission-denied':
      return 'No permission to listen';
    case 'track-ended':
      return 'A device stopped';
    case 'silent-channel':
      return 'One side is silent';
    case 'sample-rate-changed':
      return 'A device changed its sample rate';
    case 'recording-failed':
      return 'The recording stopped';
    default:
      return assertNever(problem);
  }
}

function SourcePanel({ controller, state, disabled }: { controller: LiveCallController; state: LiveCallState; disabled: boolean }): ReactElement {
  const microphones = state.devices.filter((d) => !isMonitorDevice(d.label));
  const monitors = state.devices.filter((d) => isMonitorDevice(d.label));
  const system = controller.systemAudioChoice();
  return (
    <section className="card source-panel" aria-labelledby="source-title">
      <h2 id="source-title" className="card-title">
        Audio sources
      </h2>
      <fieldset className="source-kind" disabled={disabled}>
        <legend className="visually-hidden">Where the two sides of the call come from</legend>
        <label className="source-option">
          <input
            type="radio"
            name="source-kind"
            value="separate"
            checked={state.sourceKind === 'separate'}
            onChange={() => controller.chooseSource({ sourceKind: 'separate' })}
            data-testid="source-separate"
          />
          <span>
            <strong>Headset + computer audio</strong>
            <span className="source-hint">Your microphone, and the customer from your softphone or browser.</span>
          </span>
        </label>
        <label className="source-option">
          <input
            type="radio"
            name="source-kind"
            value="stereo-input"
            checked={state.sourceKind === 'stereo-input'}
            onChange={() => controller.chooseSource({ sourceKind: 'stereo-input' })}
            data-testid="source-stereo-input"
          />
          <span>
            <strong>One stereo input</strong>
            <span className="source-hint">Left channel is you, right channel the customer (desk-phone tap, 2-channel interface).</span>
          </span>
        </label>
      </fieldset>

      <div className="device-pickers">
        {state.sourceKind === 'separate' ? (
          <>
            <DevicePicker
              label="Your microphone"
              testId="microphone-device"
              devices={microphones}
              value={state.microphoneId}
              disabled={disabled}
              onChange={(microphoneId) => controller.chooseSource({ microphoneId })}
            />
            {state.platform === 'linux' ? (
              monitors.length > 0 ? (
                <DevicePicker
                  label="Customer (computer audio)"
                  testId="monitor-device"
                  devices={monitors}
                  value={system.kind === 'monitor-device' ? system.deviceId : null}
                  disabled={disabled}
                  allowDefault={false}
                  onChange={(monitorId) => controller.chooseSource({ monitorId })}
                />
              ) : (
                <div className="monitor-help" data-testid="monitor-help">
                  <p>
                    <strong>No computer-audio source is listed.</strong> To hear the customer, run this once in a terminal, then
                    reopen this view:
                  </p>
                  <code className="command">{PACTL_REMAP_MONITOR_COMMAND}</code>
                </div>
              )
            ) : (
              <p className="source-hint">The customer is taken from everything your computer plays (system audio).</p>
            )}
          </>
        ) : (
          <DevicePicker
            label="Stereo input"
            testId="stereo-device"
            devices={state.devices}
            value={state.stereoDeviceId}
            disabled={disabled}
            onChange={(stereoDeviceId) => controller.chooseSource({ stereoDeviceId })}
          />
        )}
      </div>

      <div className="level-meters" data-testid="level-meters">
        <LevelMeter label="You (agent)" speaker="agent" levelDb={state.levels?.agentDb ?? null} />
        <LevelMeter label="Customer" speaker="customer" levelDb={state.levels?.customerDb ?? null} />
      </div>
      <p className="card-note">
        {state.capture.tag === 'opening'
          ? 'Opening the devices…'
          : state.capture.tag === 'running'
            ? 'Speak, and play something on the customer side: both bars should move.'
            : state.capture.tag === 'failed'
              ? 'Fix the problem above, then try again.'
              : 'Devices are closed.'}
        {(state.capture.tag === 'failed' || state.capture.tag === 'off') && (
          <button type="button" className="button button-quiet inline-button" onClick={() => void controller.openPreview()} data-testid="retry-capture">
            Try again
          </button>
        )}
      </p>
    </section>
  );
}

interface DevicePickerProps {
  label: string;
  testId: string;
  devices: LiveCallState['devices'];
  value: string | null;
  disabled: boolean;
  allowDefault?: boolean;
  onChange: (deviceId: string | null) => void;
}

function DevicePicker({ label, testId, devices, value, disabled, allowDefault = true, onChange }: DevicePickerProps): ReactElement {
  return (
    <label className="device-picker">
      <span className="device-picker-label">{label}</span>
      <select value={value ?? ''} disabled={disabled} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)} data-testid={testId}>
        {allowDefault && <option value="">System default</option>}
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function speakerText(speaker: CurrentSpeaker): string {
  switch (speaker) {
    case 'agent':
      return 'You';
    case 'customer':
      return 'Customer';
    case 'both':
      return 'Both';
    case 'nobody':
      return 'Nobody';
    default:
      return assertNever(speaker);
  }
}

interface DashboardProps {
  state: LiveCallState;
  settings: CoachingSettings;
  /** Speech models and the recognizer; null until main answered. */
  speech: SpeechModelsStatus | null;
  captions: LiveCaptions;
  onDismissCard: () => void;
}

function Dashboard({ state, settings, speech, captions, onDismissCard }: DashboardProps): ReactElement {
  const { metrics, card } = state.dashboard;
  const live = state.call.tag === 'live' || state.dashboard.phase === 'live';
  const share = metrics && metrics.agentTalkMs + metrics.customerTalkMs > 0 ? metrics.talkRatio : null;
  const recognizerOn = speech !== null && (speech.transcription.state === 'ready' || speech.transcription.state === 'loading');
  const showCaptions = (live && recognizerOn) || captions.agent !== null || captions.customer !== null;
  return (
    <section className="card live-dashboard" aria-labelledby="dashboard-title" data-testid="live-dashboard">
      <div className="live-dashboard-heading">
        <h2 id="dashboard-title" className="card-title">
          {live ? 'This call' : metrics ? 'Last call' : 'Call dashboard'}
        </h2>
        {speech !== null && <TranscriptionIndicator status={speech} callLive={live} />}
      </div>

      <div className={`live-card-slot${card ? '' : ' live-card-slot-empty'}`} aria-live="polite">
        {card ? (
          <button type="button" className={`coach-card coach-card-${card.card.kind}`} onClick={onDismissCard} data-testid="coach-card" data-kind={card.card.kind} title="Click to dismiss">
            <span className="coach-card-title">{card.card.title}</span>
            <span className="coach-card-detail">{card.card.detail}</span>
          </button>
        ) : (
          <p className="live-card-placeholder">{live ? 'No cue right now. Cues appear here and on the overlay.' : 'Starts with the call. Cues appear here and on the overlay.'}</p>
        )}
      </div>

      {showCaptions && <LiveCaptionLine captions={captions} />}

      <div className="live-balance-block">
        <div className="live-balance-labels">
          <span className="agent-text">
            You <strong data-testid="live-talk-agent">{share === null ? NO_VALUE : formatPercent(share)}</strong>
          </span>
          <span className="live-target">target ≤ {formatPercent(settings.targetAgentShareMax)}</span>
          <span className="customer-text">
            <strong data-testid="live-talk-customer">{share === null ? NO_VALUE : formatPercent(1 - share)}</strong> Customer
          </span>
        </div>
        <BalanceBar agentShare={share} targetAgentShareMax={settings.targetAgentShareMax} />
        <p className="card-note">
          Last 2 minutes: {metrics?.recentTalkRatio == null ? NO_VALUE : `you ${formatPercent(metrics.recentTalkRatio)}`}
        </p>
      </div>

      <div className="live-figures">
        <LiveFigure label="You interrupted" testId="live-interruptions-agent" value={metrics ? String(metrics.interruptions.agent) : NO_VALUE} />
        <LiveFigure label="Customer cut in" testId="live-interruptions-customer" value={metrics ? String(metrics.interruptions.customer) : NO_VALUE} />
        <LiveFigure label="Speaking now" testId="live-current-speaker" value={metrics ? speakerText(metrics.currentSpeaker) : NO_VALUE} />
        <LiveFigure
          label="Your current turn"
          testId="live-monologue"
          value={metrics && metrics.agentMonologueMs > 0 ? formatClock(metrics.agentMonologueMs) : NO_VALUE}
          warn={metrics !== null && metrics.agentMonologueMs >= settings.monologueTimerFromMs}
        />
        <LiveFigure label="Last response gap" testId="live-response-gap" value={metrics ? formatGap(metrics.lastResponseGapMs) : NO_VALUE} />
        <LiveFigure label="Dead air" testId="live-dead-air" value={metrics && metrics.deadAirMs > 0 ? formatClock(metrics.deadAirMs) : NO_VALUE} warn={metrics !== null && metrics.deadAirMs > 0} />
      </div>
    </section>
  );
}

function LiveFigure({ label, testId, value, warn = false }: { label: string; testId: string; value: string; warn?: boolean }): ReactElement {
  return (
    <div className={`figure${warn ? ' figure-warn' : ''}`}>
      <span className="figure-label">{label}</span>
      <span className="figure-value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

interface RecentCallsProps {
  calls: readonly CallSummaryRow[] | null;
  savedCallId: number | null;
  onOpen: (callId: number) => void;
}

function RecentCalls({ calls, savedCallId, onOpen }: RecentCallsProps): ReactElement {
  return (
    <section className="card recent-calls" aria-labelledby="recent-calls-title">
      <h2 id="recent-calls-title" className="card-title">
        Recent calls
      </h2>
      {calls === null ? (
        <p className="card-note">Loading…</p>
      ) : calls.length === 0 ? (
        <p className="card-note">No calls stored yet. A call is saved when you stop it.</p>
      ) : (
        <table className="calls-table" data-testid="recent-calls">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Agent</th>
              <th scope="col">Length</th>
              <th scope="col">Agent talk</th>
              <th scope="col">Interruptions (you / customer)</th>
              <th scope="col">
                <span className="visually-hidden">Report</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {calls.slice(0, 8).map((call) => {
              const started = new Date(call.startedAt).toLocaleString();
              return (
                <tr key={call.id} data-testid="recent-call" data-call-id={call.id} className={call.id === savedCallId ? 'just-saved' : undefined}>
                  <td>
                    {started}
                    {call.id === savedCallId && <span className="badge">Saved</span>}
                    {call.recovered && <span className="badge badge-muted">Recovered</span>}
                  </td>
                  <td>{call.agentName || 'Agent'}</td>
                  <td>{formatClock(call.durationMs)}</td>
                  <td>{formatPercent(call.talkRatio)}</td>
                  <td>
                    {call.interruptions.agent} / {call.interruptions.customer}
                  </td>
                  <td className="calls-table-action">
                    <button
                      type="button"
                      className="button open-call-button"
                      onClick={() => onOpen(call.id)}
                      aria-label={`Open the report of the call started ${started}`}
                      data-testid="open-call"
                      data-call-id={call.id}
                    >
                      Open
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

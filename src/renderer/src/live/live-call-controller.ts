// The main window's side of a live call: devices, the capture (running before the call for the level
// meters), start/stop, forwarding frames to main, and the dashboard folded from main's updates.
// A plain store (subscribe/getSnapshot for useSyncExternalStore) that lives as long as the window, so
// a call keeps running while the agent looks at another view.

import type { AppCommand, AttuneBridge } from '../../../shared/ipc-contract';
import type { LiveUpdate } from '../../../shared/live';
import type { CallSummaryRow } from '../../../shared/calls';
import { openCapture, type CaptureLevels, type CaptureProblem, type CaptureSession } from '../capture/capture-engine';
import { CaptureError } from '../capture/capture-errors';
import { detectPlatform, isMonitorDevice, type CaptureSource, type CaptureSourceKind, type Platform, type SystemAudioChoice } from '../capture/capture-source';
import { updateUiPreferences } from '../lib/ui-preferences';
import { dismissCard, IDLE_DASHBOARD, reduceLiveUpdate, type LiveDashboard } from './live-dashboard';

export interface AudioInputDevice {
  deviceId: string;
  label: string;
}

export type CaptureState =
  | { tag: 'off' }
  | { tag: 'opening' }
  | { tag: 'running' }
  | { tag: 'failed'; message: string; permissionDenied: boolean };

export type CallState = { tag: 'idle' } | { tag: 'starting' } | { tag: 'live'; startedAt: string; recordingPath: string | null } | { tag: 'stopping' };

export interface LiveCallState {
  platform: Platform;
  agentName: string;
  sourceKind: CaptureSourceKind;
  /** null: the system default. */
  microphoneId: string | null;
  /** Linux: the monitor source chosen for the customer. */
  monitorId: string | null;
  stereoDeviceId: string | null;
  devices: readonly AudioInputDevice[];
  capture: CaptureState;
  levels: CaptureLevels | null;
  call: CallState;
  dashboard: LiveDashboard;
  /** Problems seen by this window's capture while no call runs (main shows the ones during a call). */
  localProblems: readonly CaptureProblem[];
  /** A start/stop failure, one sentence. */
  error: string | null;
  consentAcknowledged: boolean | null;
  recentCalls: readonly CallSummaryRow[] | null;
}

const STORAGE_KEY = 'attune.live.choices';

interface StoredChoices {
  agentName?: string;
  sourceKind?: CaptureSourceKind;
  microphoneId?: string | null;
  monitorId?: string | null;
  stereoDeviceId?: string | null;
}

/** What this window remembered; anything malformed (an older version, a hand edit) is dropped. */
function loadChoices(): StoredChoices {
  let parsed: unknown;
  try {
    parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const record = parsed as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof record[key] === 'string' ? record[key] : undefined);
  const choices: StoredChoices = {};
  const agentName = text('agentName');
  if (agentName !== undefined) choices.agentName = agentName;
  if (record['sourceKind'] === 'separate' || record['sourceKind'] === 'stereo-input') choices.sourceKind = record['sourceKind'];
  for (const key of ['microphoneId', 'monitorId', 'stereoDeviceId'] as const) {
    const id = text(key);
    if (id !== undefined) choices[key] = id;
  }
  return choices;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class LiveCallController {
  private state: LiveCallState;
  private readonly listeners = new Set<() => void>();
  private session: CaptureSession | null = null;
  private framePort: MessagePort | null = null;
  /** Bumped on every capture (re)open, so a slow open that was overtaken closes itself. */
  private captureGeneration = 0;
  private readonly unsubscribes: Array<() => void> = [];
  private readonly onDeviceChange = (): void => void this.refreshDevices();

  constructor(private readonly bridge: AttuneBridge) {
    const choices = loadChoices();
    this.state = {
      platform: detectPlatform(navigator.userAgent),
      agentName: choices.agentName ?? '',
      sourceKind: choices.sourceKind ?? 'separate',
      microphoneId: choices.microphoneId ?? null,
      monitorId: choices.monitorId ?? null,
      stereoDeviceId: choices.stereoDeviceId ?? null,
      devices: [],
      capture: { tag: 'off' },
      levels: null,
      call: { tag: 'idle' },
      dashboard: IDLE_DASHBOARD,
      localProblems: [],
      error: null,
      consentAcknowledged: null,
      recentCalls: null,
    };
  }

  /** Subscribes to main's pushes and loads what the view needs; returns the teardown. */
  connect(): () => void {
    this.unsubscribes.push(this.bridge.onLiveUpdate((update) => this.applyUpdate(update)));
    this.unsubscribes.push(this.bridge.onAppCommand((command) => this.handleCommand(command)));
    navigator.mediaDevices?.addEventListener('devicechange', this.onDeviceChange);
    void this.loadStatus();
    void this.refreshCalls();
    this.bridge.getUiPreferences().then(
      (preferences) => this.update({ consentAcknowledged: preferences.consentReminderAcknowledged }),
      () => this.update({ consentAcknowledged: false }),
    );
    return () => {
      for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
      navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
      void this.closeCapture();
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveCallState => this.state;

  private update(patch: Partial<LiveCallState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  private saveChoices(): void {
    const { agentName, sourceKind, microphoneId, monitorId, stereoDeviceId } = this.state;
    const choices: StoredChoices = { agentName, sourceKind, microphoneId, monitorId, stereoDeviceId };
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(choices));
    } catch {
      // Storage full or disabled: the choices just are not remembered.
    }
  }

  // ——— Choices ———

  setAgentName(agentName: string): void {
    this.update({ agentName });
    this.saveChoices();
  }

  chooseSource(patch: Pick<Partial<LiveCallState>, 'sourceKind' | 'microphoneId' | 'monitorId' | 'stereoDeviceId'>): void {
    this.update(patch);
    this.saveChoices();
    // New devices: reopen the capture so the meters show what the call would hear.
    if (this.state.call.tag === 'idle' && this.state.capture.tag !== 'off') void this.openPreview();
  }

  /** The customer's side in 'separate' mode, from the platform and the devices. */
  systemAudioChoice(): SystemAudioChoice {
    if (this.state.platform !== 'linux') return { kind: 'loopback' };
    const monitors = this.state.devices.filter((d) => isMonitorDevice(d.label));
    const chosen = monitors.find((d) => d.deviceId === this.state.monitorId) ?? monitors[0];
    return chosen ? { kind: 'monitor-device', deviceId: chosen.deviceId } : { kind: 'none' };
  }

  captureSource(): CaptureSource {
    const { sourceKind, microphoneId, stereoDeviceId, devices } = this.state;
    const known = (id: string | null): string | null => (id !== null && devices.some((d) => d.deviceId === id) ? id : null);
    switch (sourceKind) {
      case 'separate':
        return { kind: 'separate', microphoneId: known(microphoneId), system: this.systemAudioChoice() };
      case 'stereo-input':
        return { kind: 'stereo-input', deviceId: known(stereoDeviceId) };
      default: {
        const unreachable: never = sourceKind;
        throw new Error(`unknown source ${String(unreachable)}`);
      }
    }
  }

  async refreshDevices(): Promise<void> {
    if (!navigator.mediaDevices) return;
    const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
    const devices = all
      .filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default' && d.deviceId !== 'communications')
      .map((d, index) => ({ deviceId: d.deviceId, label: d.label || `Input ${index + 1}` }));
    this.update({ devices });
  }

  // ——— Capture (meters before and during the call) ———

  /** Opens (or reopens) the chosen devices for the level meters. */
  async openPreview(): Promise<void> {
    const generation = ++this.captureGeneration;
    await this.closeCapture(false);
    // Labels (and monitors) are listed only once a device was opened; list once before, once after.
    if (this.state.devices.length === 0) await this.refreshDevices();
    const source = this.captureSource();
    this.update({ capture: { tag: 'opening' }, levels: null, localProblems: [] });
    try {
      const session = await openCapture(source, {
        onLevels: (levels) => {
          if (this.session === session) this.update({ levels });
        },
        onProblem: (problem) => {
          if (this.session === session) void this.reportProblem(problem);
        },
      });
      if (generation !== this.captureGeneration) {
        await session.close();
        return;
      }
      this.session = session;
      this.update({ capture: { tag: 'running' } });
      await this.refreshDevices();
    } catch (error) {
      if (generation !== this.captureGeneration) return;
      const captureError = error instanceof CaptureError ? error : new CaptureError(null, null, messageOf(error));
      this.update({ capture: { tag: 'failed', message: captureError.message, permissionDenied: captureError.problem === 'permission-denied' } });
      if (captureError.problem) {
        await this.reportProblem({ channel: captureError.channel, problem: captureError.problem, message: captureError.message });
      }
    }
  }

  /** Whether the Live view (with its meters) is on screen; the devices stay open only while it is or a call runs. */
  private viewOpen = false;

  /** The Live view opened: start the meters. Returns what to call when it closes. */
  attachView(): () => void {
    this.viewOpen = true;
    if (this.state.capture.tag === 'off') void this.openPreview();
    return () => {
      this.viewOpen = false;
      if (this.state.call.tag === 'idle') void this.closeCapture();
    };
  }

  /** Releases the devices (leaving the Live view with no call running). */
  async closeCapture(bumpGeneration = true): Promise<void> {
    if (bumpGeneration) this.captureGeneration++;
    const session = this.session;
    this.session = null;
    if (session) await session.close();
    if (bumpGeneration) this.update({ capture: { tag: 'off' }, levels: null });
  }

  private async reportProblem(problem: CaptureProblem): Promise<void> {
    if (this.state.call.tag !== 'live') this.update({ localProblems: [...this.state.localProblems.filter((p) => p.problem !== problem.problem || p.channel !== problem.channel), problem] });
    try {
      await this.bridge.reportCaptureProblem({ channel: problem.channel, problem: problem.problem, message: problem.message });
    } catch {
      // Main unreachable: the local alert above (or the capture failure) still shows it.
    }
  }

  // ——— The call ———

  acknowledgeConsent(): void {
    this.update({ consentAcknowledged: true });
    updateUiPreferences(this.bridge, { consentReminderAcknowledged: true }).catch((error: unknown) => this.update({ error: messageOf(error) }));
  }

  async startCall(): Promise<void> {
    if (this.state.call.tag !== 'idle') return;
    if (this.state.consentAcknowledged !== true) {
      this.update({ error: 'Read and acknowledge the recording reminder in the Live view before the first call.' });
      return;
    }
    this.update({ call: { tag: 'starting' }, error: null });
    if (!this.session) await this.openPreview();
    const session = this.session;
    if (!session) {
      this.update({ call: { tag: 'idle' }, error: 'The call did not start because the audio devices could not be opened.' });
      return;
    }
    let port: MessagePort | null = null;
    try {
      port = await this.bridge.openFramePort();
      const result = await this.bridge.startLiveCall({ agentName: this.state.agentName.trim() });
      if (!result.ok) {
        port.close();
        this.update({ call: { tag: 'idle' }, error: result.error });
        return;
      }
      this.framePort = port;
      session.setFramePort(port);
      this.update({ call: { tag: 'live', startedAt: result.startedAt, recordingPath: result.recordingPath } });
    } catch (error) {
      port?.close();
      this.update({ call: { tag: 'idle' }, error: `The call did not start: ${messageOf(error)}` });
    }
  }

  async stopCall(): Promise<void> {
    if (this.state.call.tag !== 'live') return;
    this.update({ call: { tag: 'stopping' } });
    this.session?.setFramePort(null);
    this.framePort?.close();
    this.framePort = null;
    try {
      const result = await this.bridge.stopLiveCall();
      this.update({ call: { tag: 'idle' }, error: result.ok ? null : result.error });
    } catch (error) {
      this.update({ call: { tag: 'idle' }, error: `The call could not be stopped cleanly: ${messageOf(error)}` });
    }
    // Stopped from a shortcut while another view was shown: nothing needs the microphone any more.
    if (!this.viewOpen) await this.closeCapture();
    await this.refreshCalls();
  }

  dismissCard(): void {
    this.update({ dashboard: dismissCard(this.state.dashboard) });
  }

  /** A click on the card: cleared here at once; main tells the coach and the overlay. */
  dismissCardByClick(): void {
    this.dismissCard();
    this.bridge.dismissCard().catch(() => undefined);
  }

  clearError(): void {
    this.update({ error: null });
  }

  async refreshCalls(): Promise<void> {
    try {
      this.update({ recentCalls: await this.bridge.listCalls() });
    } catch (error) {
      this.update({ error: `The call list could not be loaded: ${messageOf(error)}` });
    }
  }

  private async loadStatus(): Promise<void> {
    try {
      const status = await this.bridge.getLiveStatus();
      if (status.state === 'live' && this.state.call.tag === 'idle') {
        // A call this window did not start (e.g. reloaded mid-call): show it; the frames are not ours.
        let dashboard = reduceLiveUpdate(this.state.dashboard, { type: 'started', startedAt: status.startedAt, agentName: status.agentName });
        if (status.lastSnapshot) dashboard = reduceLiveUpdate(dashboard, status.lastSnapshot);
        this.update({ dashboard });
      }
    } catch {
      // Not fatal: the dashboard fills from the next update.
    }
  }

  private applyUpdate(update: LiveUpdate): void {
    const dashboard = reduceLiveUpdate(this.state.dashboard, update);
    this.update({ dashboard });
    if (update.type === 'saved') void this.refreshCalls();
    if (update.type === 'stopped' && this.state.call.tag === 'live') {
      // Main ended the call on its own (e.g. recording failed): stop sending frames.
      this.session?.setFramePort(null);
      this.framePort?.close();
      this.framePort = null;
      this.update({ call: { tag: 'idle' }, error: update.reason });
      void this.refreshCalls();
    }
  }

  private handleCommand(command: AppCommand): void {
    switch (command) {
      case 'start-call':
        void this.startCall();
        return;
      case 'stop-call':
        void this.stopCall();
        return;
      case 'dismiss-card':
        this.dismissCard();
        return;
      case 'open-note':
      case 'toggle-click-through':
        // The overlay's business.
        return;
      default: {
        const unreachable: never = command;
        throw new Error(`unknown command ${String(unreachable)}`);
      }
    }
  }
}

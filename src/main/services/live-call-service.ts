// The live call as the app (and `attune live`) drives it: start, frames, notes, capture problems,
// stop and store. Owns at most one LiveSession; validates every frame-port message (a malformed one
// is logged, rate-limited, and dropped; the call goes on); broadcasts every update to the windows.
// Electron-free: the Electron glue hands it the port's messages and a broadcast function.

import type { CaptureProblemReport, LiveNoteRequest, LiveStatus, StartLiveCallRequest, StartLiveCallResult, StopLiveCallResult } from '../../shared/ipc-contract';
import type { CoachingSettings, LiveUpdate } from '../../shared/live';
import type { TranscriptCue } from '../../shared/transcript';
import type { Library } from '../library/library';
import { decodeFrameBlock } from '../live/frame-block';
import { createLiveSession, type LiveSession } from '../live/live-session';
import type { RecordingFs } from '../recording/recording-fs';
import { newRecordingKey } from '../recording/recording-files';
import { insertCall } from '../store/calls-repository';
import { loadCoachingSettings } from '../store/coaching-settings';

/** Malformed frame messages are logged at most this often (ms of wall time); the rest are counted. */
export const MALFORMED_LOG_INTERVAL_MS = 5_000;
export const DEFAULT_AGENT_NAME = 'Agent';

export interface LiveCallServiceDeps {
  library: Library;
  broadcast(update: LiveUpdate): void;
  logError?: (message: string, error: unknown) => void;
  /** The wall clock (start times, notes, log rate limit). Default: the system clock. */
  now?: () => Date;
  /** File operations for the recorder; tests inject failures. */
  recordingFs?: RecordingFs;
  /** Told when a live call starts and how it ends (the transcript service: its words wait for the call's id). */
  lifecycle?: LiveCallLifecycleListener;
}

export interface LiveCallLifecycleListener {
  liveCallStarted(): void;
  liveCallStored(callId: number): void;
  /** The call could not be stored (its recording is recovered at the next start). */
  liveCallDiscarded(): void;
}

export interface LiveCallService {
  startLiveCall(request: StartLiveCallRequest): Promise<StartLiveCallResult>;
  stopLiveCall(): Promise<StopLiveCallResult>;
  reportCaptureProblem(report: CaptureProblemReport): Promise<void>;
  addLiveNote(request: LiveNoteRequest): Promise<{ ok: true; atMs: number } | { ok: false; error: string }>;
  getLiveStatus(): Promise<LiveStatus>;
  /** A running call picks new settings up at once. */
  updateCoachingSettings(settings: CoachingSettings): void;
  /** The agent dismissed the card on screen. */
  dismissCard(): void;
  /** A settled cue of the live transcript; the running call may show a card for it. Never throws. */
  handleTranscriptCue(cue: TranscriptCue): void;
  /** One frame-port message; see decodeFrameBlock. Never throws. */
  handleFrameMessage(data: unknown): void;
  /** Audio fed to the current call so far (0 when idle). */
  readonly elapsedMs: number;
  /** Stops and stores a call still running (the app is quitting). */
  dispose(): Promise<void>;
}

export const NO_CALL_ERROR = 'No call is in progress.';
export const CALL_RUNNING_ERROR = 'A call is already in progress: stop it first.';
export const STORE_FAILED_ERROR =
  'The call could not be saved to the library; its recording is kept and will be saved the next time Attune starts. The details were written to the log.';

interface ActiveCall {
  session: LiveSession;
  startedAt: string;
  agentName: string;
}

export function createLiveCallService(deps: LiveCallServiceDeps): LiveCallService {
  const logError = deps.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const now = deps.now ?? (() => new Date());
  let active: ActiveCall | null = null;
  let stopping: Promise<StopLiveCallResult> | null = null;
  let lastMalformedLogMs = -Infinity;
  let malformedSinceLog = 0;

  function malformed(reason: string): void {
    malformedSinceLog += 1;
    const wallMs = now().getTime();
    if (wallMs - lastMalformedLogMs < MALFORMED_LOG_INTERVAL_MS) return;
    const more = malformedSinceLog > 1 ? ` (${malformedSinceLog} malformed messages since the last report)` : '';
    logError(`attune: dropped a malformed frame message: ${reason}${more}`, null);
    lastMalformedLogMs = wallMs;
    malformedSinceLog = 0;
  }

  /** A listener that throws must not break starting or stopping the call. */
  function notify(what: string, tell: (listener: LiveCallLifecycleListener) => void): void {
    if (deps.lifecycle === undefined) return;
    try {
      tell(deps.lifecycle);
    } catch (error) {
      logError(`attune: the live call's ${what} listener failed`, error);
    }
  }

  /** A window that fails to take an update (closing, crashed) must not stop the call's analysis. */
  function broadcast(update: LiveUpdate): void {
    try {
      deps.broadcast(update);
    } catch (error) {
      logError(`attune: broadcasting a live ${update.type} update failed`, error);
    }
  }

  async function stopLiveCall(): Promise<StopLiveCallResult> {
    if (stopping !== null) return stopping;
    stopping = stop();
    try {
      return await stopping;
    } finally {
      stopping = null;
    }
  }

  async function stop(): Promise<StopLiveCallResult> {
    const call = active;
    if (call === null) return { ok: false, error: NO_CALL_ERROR };
    try {
      const callId = await call.session.stop();
      notify('stored', (listener) => listener.liveCallStored(callId));
      return { ok: true, callId };
    } catch (error) {
      logError('attune: storing the live call failed', error);
      notify('discarded', (listener) => listener.liveCallDiscarded());
      broadcast({ type: 'stopped', reason: STORE_FAILED_ERROR });
      return { ok: false, error: STORE_FAILED_ERROR };
    } finally {
      active = null;
    }
  }

  return {
    startLiveCall(request) {
      if (active !== null || stopping !== null) return Promise.resolve({ ok: false, error: CALL_RUNNING_ERROR });
      const startedAtDate = now();
      const startedAt = startedAtDate.toISOString();
      const agentName = request.agentName.trim() === '' ? DEFAULT_AGENT_NAME : request.agentName.trim();
      let settings: CoachingSettings;
      try {
        settings = loadCoachingSettings(deps.library.db);
      } catch (error) {
        logError('attune: reading the coaching settings failed', error);
        return Promise.resolve({ ok: false, error: 'Attune could not read its settings from the library. The details were written to the log.' });
      }
      const session = createLiveSession({
        agentName,
        startedAt,
        recordingKey: newRecordingKey(startedAtDate),
        settings,
        recording: { recordingsDir: deps.library.recordingsDir, ...(deps.recordingFs === undefined ? {} : { fs: deps.recordingFs }) },
        saveCall: (call) => insertCall(deps.library.db, call),
        onUpdate: broadcast,
        now,
      });
      active = { session, startedAt, agentName };
      notify('started', (listener) => listener.liveCallStarted());
      return Promise.resolve({ ok: true, startedAt, recordingPath: session.recordingPath });
    },

    stopLiveCall,

    reportCaptureProblem(report) {
      if (active !== null) {
        active.session.reportCaptureProblem(report);
      } else {
        // Before a call (e.g. permission denied at the device check): every window still hears of it.
        broadcast({ type: 'captureProblem', channel: report.channel, problem: report.problem, message: report.message, atMs: 0, emittedAtMs: 0 });
      }
      return Promise.resolve();
    },

    addLiveNote(request) {
      if (active === null || stopping !== null) return Promise.resolve({ ok: false, error: NO_CALL_ERROR });
      return Promise.resolve({ ok: true, atMs: active.session.addNote(request.text, request.atMs) });
    },

    getLiveStatus() {
      if (active === null) return Promise.resolve({ state: 'idle' });
      return Promise.resolve({
        state: 'live',
        startedAt: active.startedAt,
        agentName: active.agentName,
        lastSnapshot: active.session.lastSnapshot,
        recordingPath: active.session.recordingPath,
      });
    },

    updateCoachingSettings(settings) {
      active?.session.updateSettings(settings);
    },

    dismissCard() {
      active?.session.dismissCard();
    },

    handleTranscriptCue(cue) {
      // A cue racing a stop, or arriving with no call, belongs to no call.
      if (active === null || stopping !== null) return;
      try {
        active.session.handleTranscriptCue(cue);
      } catch (error) {
        logError('attune: handling a transcript cue failed', error);
      }
    },

    handleFrameMessage(data) {
      const block = decodeFrameBlock(data);
      if (!block.ok) {
        malformed(block.reason);
        return;
      }
      // Frames racing a stop, or arriving with no call, belong to no call.
      if (active === null || stopping !== null) return;
      try {
        active.session.pushFrames(block.agent, block.customer);
      } catch (error) {
        logError('attune: processing live frames failed', error);
      }
    },

    get elapsedMs() {
      return active?.session.elapsedMs ?? 0;
    },

    async dispose() {
      if (stopping !== null) await stopping;
      if (active !== null) await stopLiveCall();
    },
  };
}

// One live call in the main process (Node only, no Electron): 16 kHz Int16 frames of both channels
// in; the same conversation analyzer as `attune analyze`, the live metrics, the coaching rules, the
// channel-health watch and the crash-safe recorder behind them; updates (snapshots every 100 ms of
// audio, events as they happen) out through `onUpdate`; the stored call's id at the end.
// Time is audio time only: the session never reads a clock except to date notes.

import type { CallNote, NewCall, ShownCard } from '../../shared/calls';
import type { CaptureProblemReport } from '../../shared/ipc-contract';
import type { CoachingSettings, LiveEvent, LiveMetricsSnapshot, LiveUpdate } from '../../shared/live';
import type { TranscriptCue } from '../../shared/transcript';
import { createConversationAnalyzer, type ConversationAnalyzer } from '../analysis/conversation-analyzer';
import { FRAME_SAMPLES, type AnalyzerOptions } from '../analysis/options';
import { INITIAL_COACHING_STATE, stepCoaching, type CoachingInput, type CoachingState } from '../coaching/coaching-rules';
import { createCallRecorder, startFailureMessage, type CallRecorder } from '../recording/call-recorder';
import type { RecordingFs } from '../recording/recording-fs';
import { initialChannelHealth, isDigitalSilence, stepChannelHealth, type ChannelHealthState } from './channel-health';
import { initialLiveMetrics, stepLiveMetrics, viewLiveMetrics, type LiveMetricsState } from './live-metrics';

/** A snapshot is pushed every this much audio (at most 10 a second in real time). */
export const SNAPSHOT_EVERY_MS = 100;
/** Levels of silence are reported as this instead of −∞. */
export const SILENCE_DB = -100;

export interface LiveSessionOptions {
  agentName: string;
  /** ISO 8601. */
  startedAt: string;
  /** Unique per call; names the recording files and makes the stored call idempotent. */
  recordingKey: string;
  settings: CoachingSettings;
  /** Where to record; null records nothing (the call is still analysed and stored). */
  recording: { recordingsDir: string; fs?: RecordingFs } | null;
  /** Stores the finished call and returns its id (insertCall on the library). */
  saveCall(call: NewCall): number;
  onUpdate(update: LiveUpdate): void;
  /** Dates notes. Default: the system clock. */
  now?: () => Date;
  analyzer?: Partial<AnalyzerOptions>;
}

export interface LiveSession {
  /** Feeds n×160 samples of each channel at 16 kHz (n ≥ 1, equal lengths). */
  pushFrames(agent: Int16Array, customer: Int16Array): void;
  reportCaptureProblem(report: CaptureProblemReport): void;
  /** Marks a moment (default: now) with an optional note; returns the mark's audio time. */
  addNote(text: string, atMs?: number): number;
  /** The agent dismissed the card on screen. */
  dismissCard(): void;
  /** A settled cue of the live transcript; may become a card (see coaching rules). */
  handleTranscriptCue(cue: TranscriptCue): void;
  updateSettings(settings: CoachingSettings): void;
  /** Audio received so far. */
  readonly elapsedMs: number;
  readonly lastSnapshot: LiveMetricsSnapshot | null;
  /** The WAV being written; null when the recording could not start. */
  readonly recordingPath: string | null;
  /** Finishes the analysis and the recording, stores the call and returns its id. Frames after this are ignored. */
  stop(): Promise<number>;
}

export function createLiveSession(options: LiveSessionOptions): LiveSession {
  const now = options.now ?? (() => new Date());
  let settings = options.settings;
  const analyzer: ConversationAnalyzer = createConversationAnalyzer(options.analyzer);
  const metrics: LiveMetricsState = initialLiveMetrics();
  const health: ChannelHealthState = initialChannelHealth();
  let coaching: CoachingState = INITIAL_COACHING_STATE;
  const cards: ShownCard[] = [];
  const notes: CallNote[] = [];
  const agentFloat = new Float32Array(FRAME_SAMPLES);
  const customerFloat = new Float32Array(FRAME_SAMPLES);
  let peak = { agent: 0, customer: 0 };
  let lastSnapshot: LiveMetricsSnapshot | null = null;
  let stopping = false;

  const emit = (update: LiveUpdate): void => options.onUpdate(update);
  emit({ type: 'started', startedAt: options.startedAt, agentName: options.agentName });

  let recorder: CallRecorder | null = null;
  if (options.recording !== null) {
    const { recordingsDir } = options.recording;
    try {
      recorder = createCallRecorder({
        recordingsDir,
        key: options.recordingKey,
        agentName: options.agentName,
        startedAt: options.startedAt,
        ...(options.recording.fs === undefined ? {} : { fs: options.recording.fs }),
        onFailure: (message) => captureProblem({ channel: null, problem: 'recording-failed', message }),
      });
    } catch (error) {
      captureProblem({ channel: null, problem: 'recording-failed', message: startFailureMessage(error, recordingsDir) });
    }
  }

  function captureProblem(report: CaptureProblemReport): void {
    const atMs = analyzer.elapsedMs;
    const event: LiveEvent = { type: 'captureProblem', channel: report.channel, problem: report.problem, message: report.message, atMs, emittedAtMs: atMs };
    recorder?.journal({ type: 'captureProblem', atMs, channel: report.channel, problem: report.problem, message: report.message });
    // The stored call marks the moment too (a gap, a lost device), so a reviewer sees why audio is missing.
    const note: CallNote = { atMs, text: captureProblemNote(report), createdAt: now().toISOString() };
    notes.push(note);
    recorder?.journal({ type: 'note', ...note });
    emit(event);
  }

  function coach(input: CoachingInput, nowMs: number): void {
    const step = stepCoaching(coaching, input, nowMs, settings);
    coaching = step.state;
    if (step.card === null) return;
    const { kind, title, detail } = step.card.card;
    const card = { kind, title, detail };
    cards.push({ atMs: nowMs, card });
    recorder?.journal({ type: 'card', atMs: nowMs, card });
    emit({ type: 'card', card, atMs: step.card.atMs, emittedAtMs: nowMs });
  }

  function processFrame(agent: Int16Array, customer: Int16Array): void {
    let agentPeak = peak.agent;
    let customerPeak = peak.customer;
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const a = agent[i] as number;
      const c = customer[i] as number;
      agentFloat[i] = a / 32768;
      customerFloat[i] = c / 32768;
      agentPeak = Math.max(agentPeak, Math.abs(a));
      customerPeak = Math.max(customerPeak, Math.abs(c));
    }
    peak = { agent: agentPeak, customer: customerPeak };

    const events = analyzer.pushFrame(agentFloat, customerFloat);
    const nowMs = analyzer.elapsedMs;
    const liveEvents = stepLiveMetrics(metrics, events, nowMs, settings.monologueMs);
    for (const event of liveEvents) emit(event);

    for (const event of events) {
      switch (event.type) {
        case 'segmentStarted':
          coach({ type: 'segmentStarted', speaker: event.speaker, atMs: event.atMs }, nowMs);
          break;
        case 'segmentEnded':
          coach({ type: 'segmentEnded', speaker: event.speaker, endMs: event.endMs }, nowMs);
          break;
        case 'interruption':
          coach({ type: 'interruption', by: event.by, atMs: event.atMs }, nowMs);
          break;
        case 'backchannel':
          coach({ type: 'backchannel', by: event.by, atMs: event.atMs }, nowMs);
          break;
        case 'deadAirStarted':
          break;
        default: {
          const unreachable: never = event;
          throw new Error(`unhandled event ${JSON.stringify(unreachable)}`);
        }
      }
    }
    for (const event of liveEvents) if (event.type === 'monologue') coach({ type: 'monologue', atMs: event.atMs, durationMs: event.durationMs }, nowMs);
    coach({ type: 'tick' }, nowMs);

    const talking = { agent: metrics.openSinceMs.agent !== null, customer: metrics.openSinceMs.customer !== null };
    for (const finding of stepChannelHealth(health, { agent: isDigitalSilence(agent), customer: isDigitalSilence(customer) }, talking)) {
      captureProblem({ channel: finding.channel, problem: 'silent-channel', message: finding.message });
    }

    if (nowMs % SNAPSHOT_EVERY_MS === 0) {
      lastSnapshot = {
        type: 'metrics',
        emittedAtMs: nowMs,
        elapsedMs: nowMs,
        ...viewLiveMetrics(metrics, nowMs),
        levelsDb: { agent: toDb(peak.agent), customer: toDb(peak.customer) },
        recordedMs: recorder?.recordedMs ?? 0,
      };
      peak = { agent: 0, customer: 0 };
      emit(lastSnapshot);
    }
  }

  return {
    pushFrames(agent, customer) {
      if (stopping) return;
      if (agent.length !== customer.length || agent.length === 0 || agent.length % FRAME_SAMPLES !== 0) {
        throw new RangeError(`expected n×${FRAME_SAMPLES} samples per channel, got ${agent.length} and ${customer.length}`);
      }
      for (let at = 0; at < agent.length; at += FRAME_SAMPLES) {
        processFrame(agent.subarray(at, at + FRAME_SAMPLES), customer.subarray(at, at + FRAME_SAMPLES));
      }
      recorder?.append(agent, customer);
    },

    reportCaptureProblem(report) {
      captureProblem(report);
    },

    addNote(text, atMs) {
      const elapsedMs = analyzer.elapsedMs;
      const markMs = Math.min(elapsedMs, Math.max(0, Math.round(atMs ?? elapsedMs)));
      const note: CallNote = { atMs: markMs, text, createdAt: now().toISOString() };
      notes.push(note);
      recorder?.journal({ type: 'note', ...note });
      emit({ type: 'mark', atMs: markMs, emittedAtMs: elapsedMs, note: text });
      return markMs;
    },

    dismissCard() {
      coaching = stepCoaching(coaching, { type: 'dismiss' }, analyzer.elapsedMs, settings).state;
    },

    handleTranscriptCue(cue) {
      if (stopping) return;
      coach({ type: 'transcriptCue', cue }, analyzer.elapsedMs);
    },

    updateSettings(next) {
      settings = next;
    },

    get elapsedMs() {
      return analyzer.elapsedMs;
    },
    get lastSnapshot() {
      return lastSnapshot;
    },
    get recordingPath() {
      return recorder?.paths.wavPath ?? null;
    },

    async stop() {
      if (stopping) throw new Error('the live session was already stopped');
      stopping = true;
      const finalMetrics = analyzer.finish();
      await recorder?.close();
      const call: NewCall = {
        recordingKey: options.recordingKey,
        agentName: options.agentName,
        startedAt: options.startedAt,
        durationMs: finalMetrics.durationMs,
        recordingPath: recorder?.paths.wavPath ?? null,
        metrics: finalMetrics,
        cards,
        notes: [...notes].sort((a, b) => a.atMs - b.atMs),
        recovered: false,
        source: 'live',
      };
      let callId: number;
      try {
        callId = options.saveCall(call);
      } catch (error) {
        // The journal stays, so the next start of Attune stores the call from the recording.
        recorder?.releaseLock();
        throw error;
      }
      recorder?.discardJournal();
      emit({ type: 'saved', callId });
      return callId;
    },
  };
}

function toDb(peakSample: number): number {
  if (peakSample === 0) return SILENCE_DB;
  return Math.max(SILENCE_DB, Math.round(20 * Math.log10(peakSample / 32768) * 10) / 10);
}

const CHANNEL_NAMES = { agent: "agent's channel", customer: "customer's channel" } as const;

/** A capture problem as a note on the call's timeline: what broke, then the message the agent saw. */
export function captureProblemNote(report: CaptureProblemReport): string {
  const where = report.channel === null ? 'capture' : CHANNEL_NAMES[report.channel];
  return `Capture problem (${where}, ${report.problem}): ${report.message}`;
}

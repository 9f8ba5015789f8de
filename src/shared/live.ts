// The live call, as main reports it to the windows and `attune live --events` prints it: metrics
// snapshots, turn-taking events, coaching cards and capture problems. Every `atMs` is audio time from
// the start of the call (what the event is about); `emittedAtMs` is the audio time fed when main
// emitted it, so `emittedAtMs - atMs` is the analysis latency.

import type { Speaker } from './call-analysis';

/**
 * The kinds of card the coach can show; one visible at a time. The last two come from the live
 * transcript (a defensive phrase, a rushed pace), so they appear only while speech is recognized.
 */
export type CardKind = 'let-them-finish' | 'monologue' | 'customer-quiet' | 'customer-cut-in' | 'acknowledge-first' | 'slow-down';

export const CARD_KINDS: readonly CardKind[] = ['let-them-finish', 'monologue', 'customer-quiet', 'customer-cut-in', 'acknowledge-first', 'slow-down'];

export interface CoachingCard {
  kind: CardKind;
  /** The short cue the agent reads, e.g. "Let them finish". */
  title: string;
  /** One line of why, e.g. "You started talking while the customer was speaking." */
  detail: string;
}

/** Coaching and overlay settings, persisted in the library folder. All times in ms. */
export interface CoachingSettings {
  /** At least this long between two cards. Default 20 000. */
  minCardGapMs: number;
  /** The same card kind is not shown again within this. Default 60 000. */
  noRepeatWithinMs: number;
  /** The agent's current segment reaching this is a monologue (card + event). Default 60 000. */
  monologueMs: number;
  /** The overlay shows a monologue timer once the agent has spoken this long. Default 20 000. */
  monologueTimerFromMs: number;
  /** Silence after the agent finished that makes "Customer has been quiet". Default 8 000. */
  customerQuietMs: number;
  /** Upper edge of the target band for the agent's share of talk (0–1). Default 0.5. */
  targetAgentShareMax: number;
  /** Which cards may be shown. Default: all on. */
  enabledCards: Record<CardKind, boolean>;
}

export const DEFAULT_COACHING_SETTINGS: Readonly<CoachingSettings> = Object.freeze({
  minCardGapMs: 20_000,
  noRepeatWithinMs: 60_000,
  monologueMs: 60_000,
  monologueTimerFromMs: 20_000,
  customerQuietMs: 8_000,
  targetAgentShareMax: 0.5,
  enabledCards: Object.freeze({
    'let-them-finish': true,
    monologue: true,
    'customer-quiet': true,
    'customer-cut-in': true,
    'acknowledge-first': true,
    'slow-down': true,
  }),
});

/** Who is talking right now. */
export type CurrentSpeaker = Speaker | 'both' | 'nobody';

/** Pushed at most 10 times a second of audio. */
export interface LiveMetricsSnapshot {
  type: 'metrics';
  emittedAtMs: number;
  /** Audio received so far. */
  elapsedMs: number;
  /** agent ÷ (agent + customer) talk over the whole call; 0 when nobody spoke yet. */
  talkRatio: number;
  /** The same over the last 2 minutes; null when nobody spoke in them. */
  recentTalkRatio: number | null;
  agentTalkMs: number;
  customerTalkMs: number;
  interruptions: { agent: number; customer: number };
  currentSpeaker: CurrentSpeaker;
  /** Length of the agent's segment in progress; 0 when the agent is not talking. */
  agentMonologueMs: number;
  /** The most recent response gap (customer stops → agent starts); null before the first. */
  lastResponseGapMs: number | null;
  /** Length of the silence in progress once it counts as dead air; 0 otherwise. */
  deadAirMs: number;
  /** Peak level of each channel over the last snapshot interval, dBFS (−∞ reported as −100). */
  levelsDb: { agent: number; customer: number };
  /** Audio written to the recording so far. */
  recordedMs: number;
}

export type CaptureProblemKind =
  /** The OS or the user refused access to the device. */
  | 'permission-denied'
  /** The track ended (device unplugged, permission revoked, capture stopped by the OS). */
  | 'track-ended'
  /** Digital silence for 10 s while the other side talks (e.g. macOS System Audio Recording not allowed). */
  | 'silent-channel'
  /** The device's sample rate changed mid-call. */
  | 'sample-rate-changed'
  /** The recording could not be written (disk full, folder not writable); the call's analysis goes on. */
  | 'recording-failed';

export type CaptureChannel = Speaker;

export type LiveEvent =
  | { type: 'interruption'; by: Speaker; atMs: number; emittedAtMs: number; overlapMs: number }
  | { type: 'backchannel'; by: Speaker; atMs: number; emittedAtMs: number }
  | { type: 'monologue'; atMs: number; emittedAtMs: number; durationMs: number }
  | { type: 'deadAir'; atMs: number; emittedAtMs: number; afterSpeaker: Speaker | null }
  | { type: 'card'; card: CoachingCard; atMs: number; emittedAtMs: number }
  | { type: 'captureProblem'; channel: CaptureChannel | null; problem: CaptureProblemKind; message: string; atMs: number; emittedAtMs: number }
  | { type: 'mark'; atMs: number; emittedAtMs: number; note: string };

/** Everything main pushes to the windows during a call. */
export type LiveUpdate =
  | LiveMetricsSnapshot
  | LiveEvent
  | { type: 'started'; startedAt: string; agentName: string }
  | { type: 'saved'; callId: number }
  | { type: 'stopped'; reason: string };

/**
 * One message on the frame port (renderer → main), as an ArrayBuffer of Int16 samples at 16 kHz:
 * first `n` samples of the agent, then `n` of the customer, `n` a whole number of 10 ms frames
 * (160 samples), 1 to FRAME_BLOCK_MAX_FRAMES frames. Planar so main can hand each half straight on.
 */
export const FRAME_BLOCK_SAMPLES_PER_FRAME = 160;
export const FRAME_BLOCK_MAX_FRAMES = 100;

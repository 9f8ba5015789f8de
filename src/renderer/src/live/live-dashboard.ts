// What the Live view and the overlay show during a call, folded from main's live updates. Pure: the
// "clock" is the audio time in the updates, so a card ages with the call, not with the wall.

import type { CaptureChannel, CaptureProblemKind, CoachingCard, LiveMetricsSnapshot, LiveUpdate } from '../../../shared/live';
import { assertNever } from '../lib/assert-never';

/** A card disappears on its own after this much call audio, if the agent did not dismiss it. */
export const CARD_VISIBLE_MS = 15_000;
/** Problems kept for display (newest last). */
const MAX_PROBLEMS = 5;

export interface ShownProblem {
  channel: CaptureChannel | null;
  problem: CaptureProblemKind;
  message: string;
  atMs: number;
}

export interface LiveDashboard {
  phase: 'idle' | 'live';
  agentName: string;
  startedAt: string | null;
  metrics: LiveMetricsSnapshot | null;
  card: { card: CoachingCard; atMs: number } | null;
  problems: readonly ShownProblem[];
  /** Set by 'saved': the call just stored. */
  savedCallId: number | null;
  /** Set by 'stopped' when main ended the call on its own (e.g. the recording failed). */
  stoppedReason: string | null;
}

export const IDLE_DASHBOARD: LiveDashboard = {
  phase: 'idle',
  agentName: '',
  startedAt: null,
  metrics: null,
  card: null,
  problems: [],
  savedCallId: null,
  stoppedReason: null,
};

export function reduceLiveUpdate(state: LiveDashboard, update: LiveUpdate): LiveDashboard {
  switch (update.type) {
    case 'started':
      return { ...IDLE_DASHBOARD, phase: 'live', agentName: update.agentName, startedAt: update.startedAt };
    case 'metrics': {
      const card = state.card && update.elapsedMs - state.card.atMs > CARD_VISIBLE_MS ? null : state.card;
      return { ...state, phase: 'live', metrics: update, card };
    }
    case 'card':
      return { ...state, card: { card: update.card, atMs: update.atMs } };
    case 'captureProblem': {
      const problem: ShownProblem = { channel: update.channel, problem: update.problem, message: update.message, atMs: update.atMs };
      // The same problem again (e.g. reported by two windows) replaces the old entry instead of piling up.
      const others = state.problems.filter((p) => !(p.channel === problem.channel && p.problem === problem.problem));
      return { ...state, problems: [...others, problem].slice(-MAX_PROBLEMS) };
    }
    case 'saved':
      return { ...state, phase: 'idle', savedCallId: update.callId, card: null };
    case 'stopped':
      return { ...state, phase: 'idle', stoppedReason: update.reason, card: null };
    case 'interruption': {
      // Counted on screen at once, not a snapshot later: the interruption is the cue the agent must
      // see within 1.2 s of its onset. The next snapshot carries the same count from main.
      if (state.metrics === null) return state;
      const interruptions = { ...state.metrics.interruptions, [update.by]: state.metrics.interruptions[update.by] + 1 };
      return { ...state, metrics: { ...state.metrics, interruptions } };
    }
    case 'backchannel':
    case 'monologue':
    case 'deadAir':
    case 'mark':
      // The events themselves are for the timeline; what they change arrives in the next snapshot.
      return state;
    default:
      return assertNever(update);
  }
}

export function dismissCard(state: LiveDashboard): LiveDashboard {
  return state.card === null ? state : { ...state, card: null };
}

/** Talk share position and whether it sits inside the target band (agent ≤ max). */
export function balanceOf(metrics: LiveMetricsSnapshot | null, targetAgentShareMax: number): { agentShare: number | null; withinTarget: boolean } {
  if (!metrics || metrics.agentTalkMs + metrics.customerTalkMs === 0) return { agentShare: null, withinTarget: true };
  return { agentShare: metrics.talkRatio, withinTarget: metrics.talkRatio <= targetAgentShareMax };
}

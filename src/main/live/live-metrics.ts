// The live call's running metrics, pure: the analyzer's conversation events of each frame and the
// audio time in, the state for a snapshot and the live-only events (monologue, dead air) out.
//
// Two timing facts of the analyzer shape this: a segment's start is confirmed a few frames late (its
// `segmentStarted` is dated in the past), and its end is known only once the 500 ms merge pause has
// passed. So an open segment counts as talk from its real start up to now, and when it closes, the
// trailing pause (at most the merge pause) is taken back; talk never counts time before a start.

import type { Speaker } from '../../shared/call-analysis';
import type { LiveEvent, LiveMetricsSnapshot } from '../../shared/live';
import { assertNever } from '../analysis/assert-never';
import type { ConversationEvent } from '../analysis/conversation-analyzer';

/** The talk ratio's recent window. */
export const RECENT_WINDOW_MS = 120_000;

interface Span {
  startMs: number;
  endMs: number;
}

export interface LiveMetricsState {
  /** Talk of closed segments, whole call. */
  closedTalkMs: Record<Speaker, number>;
  /** Closed segments that may still overlap the recent window, oldest first. */
  recentSpans: Record<Speaker, Span[]>;
  /** Start of each speaker's open segment. */
  openSinceMs: Record<Speaker, number | null>;
  interruptions: Record<Speaker, number>;
  /** End of each speaker's last closed segment. */
  lastEndMs: Record<Speaker, number | null>;
  /** An agent start seen while the customer's segment was still open (its end not yet known). */
  agentStartAwaitingCustomerEndMs: number | null;
  lastResponseGapMs: number | null;
  /** Start of the silence in progress once it counts as dead air. */
  deadAirSinceMs: number | null;
  /** Whether the agent's open segment was already reported as a monologue. */
  monologueReported: boolean;
}

export function initialLiveMetrics(): LiveMetricsState {
  return {
    closedTalkMs: { agent: 0, customer: 0 },
    recentSpans: { agent: [], customer: [] },
    openSinceMs: { agent: null, customer: null },
    interruptions: { agent: 0, customer: 0 },
    lastEndMs: { agent: null, customer: null },
    agentStartAwaitingCustomerEndMs: null,
    lastResponseGapMs: null,
    deadAirSinceMs: null,
    monologueReported: false,
  };
}

/** Live events from one frame; `interruption` and `backchannel` pass through, `monologue` and `deadAir` are made here. */
export type MetricsLiveEvent = Extract<LiveEvent, { type: 'interruption' | 'backchannel' | 'monologue' | 'deadAir' }>;

/**
 * Applies one frame's conversation events. `nowMs` is the audio time after the frame (the audio fed
 * so far); `monologueMs` the agent segment length that makes a monologue. Mutates and returns `state`
 * (it is owned by one session and updated 100 times a second).
 */
export function stepLiveMetrics(
  state: LiveMetricsState,
  events: readonly ConversationEvent[],
  nowMs: number,
  monologueMs: number,
): MetricsLiveEvent[] {
  const out: MetricsLiveEvent[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'segmentStarted':
        state.openSinceMs[event.speaker] = event.atMs;
        state.deadAirSinceMs = null;
        if (event.speaker === 'agent') {
          state.monologueReported = false;
          noteAgentStart(state, event.atMs);
        }
        break;
      case 'segmentEnded': {
        const span = { startMs: event.startMs, endMs: event.endMs };
        state.openSinceMs[event.speaker] = null;
        state.closedTalkMs[event.speaker] += span.endMs - span.startMs;
        state.recentSpans[event.speaker].push(span);
        state.lastEndMs[event.speaker] = span.endMs;
        if (event.speaker === 'customer' && state.agentStartAwaitingCustomerEndMs !== null) {
          const agentStartMs = state.agentStartAwaitingCustomerEndMs;
          state.agentStartAwaitingCustomerEndMs = null;
          if (span.endMs <= agentStartMs && (state.lastEndMs.agent ?? -Infinity) <= span.endMs) {
            state.lastResponseGapMs = agentStartMs - span.endMs;
          }
        }
        break;
      }
      case 'interruption':
        state.interruptions[event.by] += 1;
        out.push({ type: 'interruption', by: event.by, atMs: event.atMs, emittedAtMs: nowMs, overlapMs: event.overlapMs });
        break;
      case 'backchannel':
        out.push({ type: 'backchannel', by: event.by, atMs: event.atMs, emittedAtMs: nowMs });
        break;
      case 'deadAirStarted':
        state.deadAirSinceMs = event.atMs;
        out.push({ type: 'deadAir', atMs: event.atMs, emittedAtMs: nowMs, afterSpeaker: lastSpeaker(state) });
        break;
      default:
        return assertNever(event);
    }
  }
  const agentSinceMs = state.openSinceMs.agent;
  if (agentSinceMs !== null && !state.monologueReported && nowMs - agentSinceMs >= monologueMs) {
    state.monologueReported = true;
    out.push({ type: 'monologue', atMs: agentSinceMs, emittedAtMs: nowMs, durationMs: nowMs - agentSinceMs });
  }
  pruneRecent(state, nowMs);
  return out;
}

/** Response gap: an agent start while the customer is silent, after the customer was the last to stop. */
function noteAgentStart(state: LiveMetricsState, agentStartMs: number): void {
  if (state.openSinceMs.customer !== null) {
    // The customer's segment may have ended already (its end is only known after the merge pause).
    state.agentStartAwaitingCustomerEndMs = agentStartMs;
    return;
  }
  const customerEndMs = state.lastEndMs.customer;
  if (customerEndMs === null || customerEndMs > agentStartMs) return;
  if ((state.lastEndMs.agent ?? -Infinity) > customerEndMs) return;
  state.lastResponseGapMs = agentStartMs - customerEndMs;
}

function lastSpeaker(state: LiveMetricsState): Speaker | null {
  const { agent, customer } = state.lastEndMs;
  if (agent === null && customer === null) return null;
  return (agent ?? -Infinity) >= (customer ?? -Infinity) ? 'agent' : 'customer';
}

function pruneRecent(state: LiveMetricsState, nowMs: number): void {
  const windowStartMs = nowMs - RECENT_WINDOW_MS;
  for (const speaker of ['agent', 'customer'] as const) {
    const spans = state.recentSpans[speaker];
    let drop = 0;
    while (drop < spans.length && (spans[drop] as Span).endMs <= windowStartMs) drop += 1;
    if (drop > 0) spans.splice(0, drop);
  }
}

/** The metrics part of a snapshot at audio time `nowMs`. */
export type LiveMetricsView = Pick<
  LiveMetricsSnapshot,
  'talkRatio' | 'recentTalkRatio' | 'agentTalkMs' | 'customerTalkMs' | 'interruptions' | 'currentSpeaker' | 'agentMonologueMs' | 'lastResponseGapMs' | 'deadAirMs'
>;

export function viewLiveMetrics(state: LiveMetricsState, nowMs: number): LiveMetricsView {
  const openMs = (speaker: Speaker, fromMs: number): number => {
    const since = state.openSinceMs[speaker];
    return since === null ? 0 : Math.max(0, nowMs - Math.max(since, fromMs));
  };
  const agentTalkMs = state.closedTalkMs.agent + openMs('agent', -Infinity);
  const customerTalkMs = state.closedTalkMs.customer + openMs('customer', -Infinity);
  const windowStartMs = nowMs - RECENT_WINDOW_MS;
  const recent = (speaker: Speaker): number =>
    state.recentSpans[speaker].reduce((sum, span) => sum + Math.max(0, span.endMs - Math.max(span.startMs, windowStartMs)), 0) + openMs(speaker, windowStartMs);
  const recentAgentMs = recent('agent');
  const recentCustomerMs = recent('customer');
  const agentOpen = state.openSinceMs.agent !== null;
  const customerOpen = state.openSinceMs.customer !== null;
  return {
    talkRatio: agentTalkMs + customerTalkMs === 0 ? 0 : agentTalkMs / (agentTalkMs + customerTalkMs),
    recentTalkRatio: recentAgentMs + recentCustomerMs === 0 ? null : recentAgentMs / (recentAgentMs + recentCustomerMs),
    agentTalkMs,
    customerTalkMs,
    interruptions: { ...state.interruptions },
    currentSpeaker: agentOpen ? (customerOpen ? 'both' : 'agent') : customerOpen ? 'customer' : 'nobody',
    agentMonologueMs: openMs('agent', -Infinity),
    lastResponseGapMs: state.lastResponseGapMs,
    deadAirMs: state.deadAirSinceMs === null ? 0 : Math.max(0, nowMs - state.deadAirSinceMs),
  };
}

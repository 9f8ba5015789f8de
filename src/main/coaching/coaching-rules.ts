// The coach's rules, pure: turn events and audio time in, at most one card out per step. Sparse by
// design (agents switch off overlays that talk too much): one card at a time, a minimum gap between
// cards, no kind repeated within a window, never a card for a backchannel. A cue that the rate limit
// holds back is dropped, not queued: a late cue is about a moment that has passed. Transcript cues
// (from live speech recognition, seconds after the words) go through the same limits; two of them
// make cards: the agent sounding defensive, and the agent talking too fast.

import type { Speaker } from '../../shared/call-analysis';
import type { CardKind, CoachingCard, CoachingSettings } from '../../shared/live';
import type { TranscriptCue } from '../../shared/transcript';
import { assertNever } from '../analysis/assert-never';

/** What the rules hear about the call. Every time is audio time (ms from the call's start). */
export type CoachingInput =
  | { type: 'segmentStarted'; speaker: Speaker; atMs: number }
  | { type: 'segmentEnded'; speaker: Speaker; endMs: number }
  | { type: 'interruption'; by: Speaker; atMs: number }
  | { type: 'backchannel'; by: Speaker; atMs: number }
  | { type: 'monologue'; atMs: number; durationMs: number }
  /** A settled cue from the live transcript (its atMs is when the words were said). */
  | { type: 'transcriptCue'; cue: TranscriptCue }
  /** Time passes; lets silence-based rules fire. */
  | { type: 'tick' }
  /** The agent dismissed the visible card. */
  | { type: 'dismiss' };

export interface CoachingState {
  /** The card on screen, if any. */
  current: { kind: CardKind; shownAtMs: number } | null;
  /** When the last card of each kind was shown. */
  lastShownAtMs: Partial<Record<CardKind, number>>;
  /** Whether each speaker has a segment open. */
  speaking: Record<Speaker, boolean>;
  /** Set when the agent finished and the customer was not talking: the silence since then is the customer's to fill. */
  awaitingCustomerSinceMs: number | null;
}

/** A card the rules decided to show, with the audio time of what it is about. */
export interface CardDecision {
  card: CoachingCard & { kind: CardKind };
  /** The moment the cue is about (an interruption's onset, the monologue's start, the agent's last word). */
  atMs: number;
}

export interface CoachingStep {
  state: CoachingState;
  card: CardDecision | null;
}

/** A transcript cue about a moment longer ago than this (ms of audio) makes no card: it has passed. */
export const TRANSCRIPT_CUE_MAX_AGE_MS = 20_000;

/** The card a transcript cue calls for, if any: only the agent's own defensive phrases and rushed pace. */
export function cardKindForTranscriptCue(cue: TranscriptCue): CardKind | null {
  if (cue.by !== 'agent') return null;
  if (cue.type === 'defensive') return 'acknowledge-first';
  if (cue.type === 'fast-pace') return 'slow-down';
  return null;
}

export const INITIAL_COACHING_STATE: CoachingState = Object.freeze({
  current: null,
  lastShownAtMs: Object.freeze({}),
  speaking: Object.freeze({ agent: false, customer: false }),
  awaitingCustomerSinceMs: null,
});

/** The card text for each kind; the monologue's length comes from the settings. */
export function cardFor(kind: CardKind, settings: Pick<CoachingSettings, 'monologueMs' | 'customerQuietMs'>): CoachingCard & { kind: CardKind } {
  switch (kind) {
    case 'let-them-finish':
      return { kind, title: 'Let them finish', detail: 'You started talking while the customer was speaking.' };
    case 'monologue':
      return {
        kind,
        title: `You've talked ${formatSeconds(settings.monologueMs)} — check in with a question`,
        detail: 'A long stretch without the customer saying anything.',
      };
    case 'customer-quiet':
      return {
        kind,
        title: 'Customer has been quiet — check in',
        detail: `No answer for ${formatSeconds(settings.customerQuietMs)} after you finished.`,
      };
    case 'customer-cut-in':
      return { kind, title: 'Customer cut in — acknowledge and let them speak', detail: 'The customer started talking while you were speaking.' };
    case 'acknowledge-first':
      return { kind, title: 'Acknowledge, then explain', detail: 'Policy talk can sound defensive: name the customer’s concern before the rule.' };
    case 'slow-down':
      return { kind, title: 'Slow down', detail: 'You have been speaking fast for a while; pause so the customer can follow.' };
    default:
      return assertNever(kind);
  }
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

/**
 * One step of the rules at audio time `nowMs` (the audio fed so far). Returns the next state and the
 * card to show now, if any.
 */
export function stepCoaching(state: CoachingState, input: CoachingInput, nowMs: number, settings: CoachingSettings): CoachingStep {
  let next = state;
  let wanted: { kind: CardKind; atMs: number } | null = null;
  switch (input.type) {
    case 'segmentStarted':
      next = { ...next, speaking: { ...next.speaking, [input.speaker]: true }, awaitingCustomerSinceMs: null };
      break;
    case 'segmentEnded': {
      const speaking = { ...next.speaking, [input.speaker]: false };
      const awaiting = input.speaker === 'agent' && !speaking.customer ? input.endMs : next.awaitingCustomerSinceMs;
      next = { ...next, speaking, awaitingCustomerSinceMs: awaiting };
      break;
    }
    case 'interruption':
      wanted = { kind: input.by === 'agent' ? 'let-them-finish' : 'customer-cut-in', atMs: input.atMs };
      break;
    case 'backchannel':
      // "mm-hm" is good listening, never a cue.
      break;
    case 'monologue':
      wanted = { kind: 'monologue', atMs: input.atMs };
      break;
    case 'transcriptCue': {
      const kind = cardKindForTranscriptCue(input.cue);
      if (kind !== null && nowMs - input.cue.atMs <= TRANSCRIPT_CUE_MAX_AGE_MS) wanted = { kind, atMs: input.cue.atMs };
      break;
    }
    case 'tick':
      break;
    case 'dismiss':
      next = { ...next, current: null };
      break;
    default:
      return assertNever(input);
  }

  // The customer-quiet rule runs on every input, so time alone can fire it.
  if (wanted === null && next.awaitingCustomerSinceMs !== null && !next.speaking.agent && !next.speaking.customer) {
    if (nowMs - next.awaitingCustomerSinceMs >= settings.customerQuietMs) {
      wanted = { kind: 'customer-quiet', atMs: next.awaitingCustomerSinceMs };
      // One cue per silence, shown or not.
      next = { ...next, awaitingCustomerSinceMs: null };
    }
  }

  if (wanted === null || !mayShow(next, wanted.kind, nowMs, settings)) return { state: next, card: null };
  return {
    state: {
      ...next,
      current: { kind: wanted.kind, shownAtMs: nowMs },
      lastShownAtMs: { ...next.lastShownAtMs, [wanted.kind]: nowMs },
    },
    card: { card: cardFor(wanted.kind, settings), atMs: wanted.atMs },
  };
}

function mayShow(state: CoachingState, kind: CardKind, nowMs: number, settings: CoachingSettings): boolean {
  if (!settings.enabledCards[kind]) return false;
  // The gap counts from the last card shown, dismissed or not: one card at a time, and sparse.
  let lastAnyMs = -Infinity;
  for (const shownAtMs of Object.values(state.lastShownAtMs)) lastAnyMs = Math.max(lastAnyMs, shownAtMs);
  if (nowMs - lastAnyMs < settings.minCardGapMs) return false;
  const lastSameMs = state.lastShownAtMs[kind];
  return lastSameMs === undefined || nowMs - lastSameMs >= settings.noRepeatWithinMs;
}

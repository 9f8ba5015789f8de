// Target bands for a call's timing metrics and a good / needs-work signal for each, with the one thing
// to work on next: what turns the Analyse view and exported reports from measuring into coaching.
// The limits are the scorecard's defaults (src/main/transcript/scorecard.ts; a unit test keeps them in
// step), so a report, the scorecard and the listening score never disagree about the same call. Pure.

import type { CallMetrics } from './call-analysis';
import { formatDuration } from './time-format';

/** The agent's share of all speech up to which the balance is good (the scorecard's talkRatioMax). */
export const TALK_RATIO_TARGET_MAX = 0.6;
/** The median response gap up to which answering is good (the scorecard's responseGapMedianMaxMs). */
export const RESPONSE_GAP_TARGET_MAX_MS = 2_000;

export type TargetKey = 'talk-ratio' | 'interruptions' | 'response-gap' | 'dead-air';
export type TargetSignal = 'good' | 'needs-work' | 'no-data';

export interface TargetCheck {
  key: TargetKey;
  /** What is measured, for people: "Agent's share of the talk". */
  label: string;
  /** The call's figure as shown: "72%", "3", "2.4 s". */
  measured: string;
  /** The band it is judged against: "60% or less". */
  target: string;
  signal: TargetSignal;
  /** One sentence on what to do about it (needs-work) or why it is fine. */
  advice: string;
}

/** In order of what matters most to a customer (the listening score's weights): interrupting first. */
const PRIORITY: readonly TargetKey[] = ['interruptions', 'talk-ratio', 'response-gap', 'dead-air'];

export function checkTargets(metrics: CallMetrics): TargetCheck[] {
  const nobodySpoke = metrics.agent.talkMs + metrics.customer.talkMs <= 0;
  const agentPercent = Math.round(metrics.talkRatio * 100);
  const interruptions = metrics.agent.interruptions;
  const median = metrics.responseGapMs.median;
  const checks: Record<TargetKey, TargetCheck> = {
    interruptions: {
      key: 'interruptions',
      label: 'Agent interruptions',
      measured: String(interruptions),
      target: 'none',
      signal: nobodySpoke ? 'no-data' : interruptions === 0 ? 'good' : 'needs-work',
      advice:
        interruptions === 0
          ? 'The agent let the customer finish every time.'
          : `Let the customer finish: the agent cut in ${interruptions === 1 ? 'once' : `${interruptions} times`}; wait for a pause before answering.`,
    },
    'talk-ratio': {
      key: 'talk-ratio',
      label: "Agent's share of the talk",
      measured: nobodySpoke ? 'no speech' : `${agentPercent}%`,
      target: `${Math.round(TALK_RATIO_TARGET_MAX * 100)}% or less`,
      signal: nobodySpoke ? 'no-data' : metrics.talkRatio > TALK_RATIO_TARGET_MAX ? 'needs-work' : 'good',
      advice:
        metrics.talkRatio > TALK_RATIO_TARGET_MAX
          ? 'Talk less, ask more: an open question hands the call back to the customer.'
          : 'The customer had room to explain.',
    },
    'response-gap': {
      key: 'response-gap',
      label: 'Median response gap',
      measured: median === null ? 'no turn changes' : formatDuration(median),
      target: `${formatDuration(RESPONSE_GAP_TARGET_MAX_MS)} or less`,
      signal: median === null ? 'no-data' : median > RESPONSE_GAP_TARGET_MAX_MS ? 'needs-work' : 'good',
      advice:
        median !== null && median > RESPONSE_GAP_TARGET_MAX_MS
          ? 'Answer sooner once the customer stops, even with a short acknowledgement while you look things up.'
          : 'The agent answered promptly.',
    },
    'dead-air': {
      key: 'dead-air',
      label: 'Dead air (silences of 5 s or more)',
      measured: String(metrics.deadAir.length),
      target: 'none',
      signal: nobodySpoke ? 'no-data' : metrics.deadAir.length === 0 ? 'good' : 'needs-work',
      advice:
        metrics.deadAir.length === 0
          ? 'No long silences.'
          : 'Fill long waits: say what you are doing and how long it will take.',
    },
  };
  return PRIORITY.map((key) => checks[key]);
}

/** The most important check that needs work, or null when everything measured is within its target. */
export function nextFocus(checks: readonly TargetCheck[]): TargetCheck | null {
  return checks.find((check) => check.signal === 'needs-work') ?? null;
}

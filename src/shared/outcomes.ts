// Call outcomes (what happened for the customer) and the per-agent trends built on them: the shapes
// main stores and the renderer shows. Every field of an outcome is optional: supervisors fill in what
// they know, by hand or from a CSV export of their ticketing/survey tool.

/** Customer satisfaction, 1 (very unhappy) to 5 (very happy). */
export type CsatScore = 1 | 2 | 3 | 4 | 5;

export interface CallOutcome {
  /** null: not known. */
  csat: CsatScore | null;
  /** Resolved on first contact (no call-back, no escalation); null: not known. */
  resolvedFirstContact: boolean | null;
  /** The customer's name as the team writes it; null: not known. Matched without regard to case. */
  customerName: string | null;
  /** Account, customer or ticket-system id; null: not known. Matched without regard to case. */
  customerAccount: string | null;
}

export const EMPTY_CALL_OUTCOME: Readonly<CallOutcome> = Object.freeze({
  csat: null,
  resolvedFirstContact: null,
  customerName: null,
  customerAccount: null,
});

/** A stored call's outcome; updatedAt null when nothing was ever entered for it. */
export interface CallOutcomeRecord {
  callId: number;
  outcome: CallOutcome;
  /** ISO 8601, UTC. */
  updatedAt: string | null;
}

export type SetCallOutcomeResult = { ok: true; record: CallOutcomeRecord } | { ok: false; error: string };

/** One earlier (or later) call of the same customer. */
export interface CustomerHistoryCall {
  callId: number;
  startedAt: string;
  agentName: string;
  durationMs: number;
  talkRatio: number;
  outcome: CallOutcome;
  /** Which outcome field tied it to the customer. */
  matchedBy: 'name' | 'account' | 'name and account';
  /** Notes taken live plus supervisors' annotations: the feedback the earlier call carries. */
  noteCount: number;
}

export interface CustomerHistory {
  callId: number;
  /** What the history was looked up by; both null: the call has no customer yet, so there is no history. */
  customerName: string | null;
  customerAccount: string | null;
  /** The customer's other calls, newest first. */
  calls: CustomerHistoryCall[];
}

/** One problem row of an outcomes CSV; line is the 1-based line in the file (the header is line 1). */
export interface OutcomesImportProblem {
  line: number;
  reason: string;
}

export interface OutcomesImportSummary {
  /** Data rows read (header and blank lines not counted). */
  rows: number;
  /** Rows stored on a call. */
  matched: number;
  problems: OutcomesImportProblem[];
}

export type OutcomesImportResult = { ok: true; summary: OutcomesImportSummary } | { ok: false; error: string };

/** Which calls the trends cover; every field optional. Dates are YYYY-MM-DD, inclusive, UTC. */
export interface TrendsQuery {
  agentName?: string;
  fromDate?: string;
  toDate?: string;
}

/** One agent's figures over one week (Monday to Sunday, UTC). */
export interface TrendWeek {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string;
  calls: number;
  /** Mean agent share of talk time, 0–1. */
  talkRatio: number;
  /** Interruptions made by the agent, per call. */
  agentInterruptionsPerCall: number;
  /** Interruptions made by the customer, per call. */
  customerInterruptionsPerCall: number;
  /** Mean of the calls' median response gaps; null when no call had one. */
  responseGapMs: number | null;
  /** Mean listening score (0–100) of the calls that have one; null when none has. */
  listeningScore: number | null;
  /** How many calls the listening score is the mean of. */
  scoredCalls: number;
}

export interface AgentTrend {
  agentName: string;
  calls: number;
  weeks: TrendWeek[];
}

/** A count with the share it is of its group; rate null when the group is empty. */
export interface RateWithCount {
  calls: number;
  resolved: number;
  rate: number | null;
}

export interface CsatBand {
  /** e.g. "40–60 %". */
  label: string;
  /** Talk-ratio range of the band, [minRatio, maxRatio); maxRatio null: no upper bound. */
  minRatio: number;
  maxRatio: number | null;
  /** Calls in the band with a CSAT. */
  calls: number;
  meanCsat: number | null;
}

/** How the listening metrics relate to outcomes, over the calls the query covers. */
export interface OutcomeRelations {
  csatByTalkRatio: CsatBand[];
  /** First-contact resolution of calls where the agent interrupted at least once, and where not. */
  firstContactWithAgentInterruptions: RateWithCount;
  firstContactWithoutAgentInterruptions: RateWithCount;
  /** Groups smaller than this are shown as too few calls to read anything into. */
  minCallsToRead: number;
}

export interface TrendsReport {
  query: TrendsQuery;
  /** Every agent with at least one stored call (for the agent picker), whatever the query. */
  agentNames: string[];
  /** Calls the query covers. */
  calls: number;
  /** Of those, calls with any outcome field filled in. */
  callsWithOutcome: number;
  agents: AgentTrend[];
  relations: OutcomeRelations;
}

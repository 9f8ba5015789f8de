// The post-call listening scorecard: the transcript cues (and, when known, the call's timing metrics)
// summed up as a short list of points, each with a verdict and the moments in the call it rests on.

import type { CallMetrics } from '../../shared/call-analysis';
import type { TranscriptWord } from '../../shared/transcript';
import type { Scorecard, ScorecardMoment, ScorecardPoint, ScorecardPointKey } from '../../shared/scorecard';
import type { TranscriptCue, TranscriptCueType } from './cues';
import { findCustomerName } from './detectors';
import { defaultPhraseLists, type PhraseLists } from './phrases';
import { buildTurns, DEFAULT_TURN_GAP_MS } from './words';

export type { Scorecard, ScorecardMoment, ScorecardPoint, ScorecardPointKey, ScorecardVerdict } from '../../shared/scorecard';

export interface ScorecardOptions {
  /** Above this many fillers per minute of agent speech, the fillers point asks to improve. Default 4. */
  fillersPerMinuteMax: number;
  /** Above this agent share of the talk, the talk-ratio point asks to improve. Default 0.6. */
  talkRatioMax: number;
  /** Above this median response gap (ms), the response-gap point asks to improve. Default 2 000. */
  responseGapMedianMaxMs: number;
  turnGapMs: number;
  /** The phrase lists the cues were found with (for the customer's name); default phrases.en.json. */
  phrases?: PhraseLists;
}

export const DEFAULT_SCORECARD_OPTIONS: ScorecardOptions = { fillersPerMinuteMax: 4, talkRatioMax: 0.6, responseGapMedianMaxMs: 2_000, turnGapMs: DEFAULT_TURN_GAP_MS };

/** Sums up a call's cues (and its timing metrics, when given) as listening points with their moments. */
export function buildScorecard(
  words: readonly TranscriptWord[],
  cues: readonly TranscriptCue[],
  metrics?: CallMetrics,
  overrides: Partial<ScorecardOptions> = {},
): Scorecard {
  const options = { ...DEFAULT_SCORECARD_OPTIONS, ...overrides };
  const allTurns = buildTurns(words, options.turnGapMs);
  const agentTurns = allTurns.filter((turn) => turn.channel === 'agent');
  const speechMs = agentTurns.reduce((sum, turn) => sum + (turn.endMs - turn.startMs), 0);
  const agentWords = agentTurns.reduce((sum, turn) => sum + turn.words.length, 0);
  const perMinute = (count: number): number | null => (speechMs > 0 ? round1((count * 60_000) / speechMs) : null);
  const of = (...types: TranscriptCueType[]): ScorecardMoment[] =>
    cues.filter((cue) => types.includes(cue.type)).map((cue) => ({ atMs: cue.atMs, text: cue.text }));
  const counts = Object.fromEntries(
    (['fast-pace', 'filler', 'empathy', 'paraphrase', 'open-question', 'closed-question', 'defensive', 'thanks', 'intent-to-help', 'options-offered', 'name-used', 'next-step'] as const).map(
      (type) => [type, cues.filter((cue) => cue.type === type).length],
    ),
  ) as Record<TranscriptCueType, number>;
  const fillersPerMinute = perMinute(counts.filler);
  const wordsPerMinute = perMinute(agentWords);
  const lastWordMs = Math.max(0, ...words.map((word) => word.endMs));
  const points: ScorecardPoint[] = [];

  const pace = of('fast-pace');
  points.push({
    key: 'pace',
    verdict: pace.length > 0 ? 'improve' : wordsPerMinute === null ? 'info' : 'good',
    summary: pace.length > 0 ? `Spoke too fast ${pace.length} time(s); ${wordsPerMinute ?? 0} wpm overall` : wordsPerMinute === null ? 'The agent did not speak' : `A steady pace: ${wordsPerMinute} wpm overall`,
    value: wordsPerMinute,
    moments: pace,
  });
  points.push({
    key: 'fillers',
    verdict: fillersPerMinute === null ? 'info' : fillersPerMinute > options.fillersPerMinuteMax ? 'improve' : 'good',
    summary: `${counts.filler} filler(s)${fillersPerMinute === null ? '' : `, ${fillersPerMinute} per minute of speech`}`,
    value: fillersPerMinute,
    moments: of('filler'),
  });
  points.push(presence('empathy', of('empathy'), 'Showed empathy', 'No empathy statement ("I understand how…", "I\'m sorry to hear…")'));
  points.push(presence('paraphrase', of('paraphrase'), 'Checked back what the customer said', 'Never checked back what the customer said'));
  const open = counts['open-question'];
  const closed = counts['closed-question'];
  points.push({
    key: 'questions',
    verdict: open > 0 && open >= closed ? 'good' : open + closed === 0 ? 'info' : 'improve',
    summary: `${open} open and ${closed} closed question(s)`,
    value: open + closed > 0 ? round2(open / (open + closed)) : null,
    moments: of('open-question', 'closed-question'),
  });
  const defensive = of('defensive');
  points.push({
    key: 'defensive',
    verdict: defensive.length > 0 ? 'improve' : 'good',
    summary: defensive.length > 0 ? `Defensive language ${defensive.length} time(s)` : 'No defensive language',
    value: defensive.length,
    moments: defensive,
  });
  points.push(presence('acknowledgement', of('thanks', 'intent-to-help'), 'Thanked the customer or said they would help', 'Neither thanked the customer nor said they would help'));
  points.push({ ...presence('options', of('options-offered'), 'Offered options', 'Offered no options'), verdict: counts['options-offered'] > 0 ? 'good' : 'info' });
  const name = of('name-used');
  const nameGiven = findCustomerName(allTurns, options.phrases ?? defaultPhraseLists()) !== undefined;
  points.push({
    key: 'name',
    verdict: name.length > 0 ? 'good' : nameGiven ? 'improve' : 'info',
    summary: name.length > 0 ? `Used the customer's name ${name.length} time(s)` : "Did not use the customer's name",
    value: name.length,
    moments: name,
  });
  points.push(presence('next-step', of('next-step'), 'Summed up what happens next', 'Did not sum up what happens next at the end'));

  if (metrics !== undefined) {
    points.push({
      key: 'talk-ratio',
      verdict: metrics.talkRatio > options.talkRatioMax ? 'improve' : 'good',
      summary: `The agent talked ${Math.round(metrics.talkRatio * 100)}% of the time`,
      value: round2(metrics.talkRatio),
      moments: [],
    });
    const interruptions = metrics.interruptions.filter((record) => record.by === 'agent');
    points.push({
      key: 'interruptions',
      verdict: interruptions.length > 0 ? 'improve' : 'good',
      summary: `The agent interrupted ${interruptions.length} time(s)`,
      value: interruptions.length,
      moments: interruptions.map((record) => ({ atMs: record.atMs, text: `interrupted the customer (${record.overlapMs} ms overlap)` })),
    });
    const median = metrics.responseGapMs.median;
    points.push({
      key: 'response-gap',
      verdict: median === null ? 'info' : median > options.responseGapMedianMaxMs ? 'improve' : 'good',
      summary: median === null ? 'No response gaps measured' : `Median response gap ${median} ms`,
      value: median,
      moments: [],
    });
    points.push({
      key: 'dead-air',
      verdict: metrics.deadAir.length > 0 ? 'improve' : 'good',
      summary: `${metrics.deadAir.length} stretch(es) of dead air`,
      value: metrics.deadAir.length,
      moments: metrics.deadAir.map((record) => ({ atMs: record.atMs, text: `dead air for ${record.durationMs} ms` })),
    });
  }
  for (const point of points) point.moments.sort((a, b) => a.atMs - b.atMs);
  return {
    durationMs: metrics?.durationMs ?? lastWordMs,
    agent: { words: agentWords, speechMs, wordsPerMinute, fillers: counts.filler, fillersPerMinute },
    counts,
    timing: metrics !== undefined,
    points,
  };
}

function presence(key: ScorecardPointKey, moments: ScorecardMoment[], yes: string, no: string): ScorecardPoint {
  return { key, verdict: moments.length > 0 ? 'good' : 'improve', summary: moments.length > 0 ? `${yes} (${moments.length})` : no, value: moments.length, moments };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

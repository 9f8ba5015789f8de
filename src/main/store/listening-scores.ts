// Keeps calls.listening_score (migration 0006) in step with what a call's score rests on: its metrics
// when it is stored, and its transcript once that is finished. Reads the stored call, scores it with
// the pure module (src/main/library/listening-score.ts) and writes the column.

import type { CallMetrics } from '../../shared/call-analysis';
import type { TranscriptWord } from '../../shared/transcript';
import { computeListeningScore } from '../library/listening-score';
import { detectTranscriptCues } from '../transcript/detectors';
import { buildScorecard } from '../transcript/scorecard';
import type { SqliteDatabase } from './database';
import { getTranscript } from './transcripts-repository';

/** The score of a call with these metrics and transcript words ([] when it has none). */
export function scoreOfCall(metrics: CallMetrics, words: readonly TranscriptWord[]): number | null {
  if (words.length === 0) return computeListeningScore(metrics, null).score;
  const cues = detectTranscriptCues(words, { durationMs: metrics.durationMs });
  return computeListeningScore(metrics, buildScorecard(words, cues, metrics)).score;
}

/**
 * The stored metrics JSON as CallMetrics, or null when it is not (a damaged row): such a call gets no
 * score rather than stopping the library from opening.
 */
export function parseStoredMetrics(metricsJson: string): CallMetrics | null {
  try {
    const value = JSON.parse(metricsJson) as Partial<CallMetrics> | null;
    const looksRight =
      value !== null &&
      typeof value === 'object' &&
      typeof value.durationMs === 'number' &&
      typeof value.talkRatio === 'number' &&
      typeof value.agent?.talkMs === 'number' &&
      typeof value.customer?.talkMs === 'number' &&
      Array.isArray(value.interruptions) &&
      Array.isArray(value.deadAir) &&
      typeof value.responseGapMs === 'object';
    return looksRight ? (value as CallMetrics) : null;
  } catch {
    return null;
  }
}

/**
 * Scores call `callId` again from its stored metrics and transcript and stores the score. Returns the
 * new score (null: none), or undefined when there is no such call.
 */
export function refreshListeningScore(db: SqliteDatabase, callId: number): number | null | undefined {
  const metricsJson = db.prepare('SELECT metrics_json FROM calls WHERE id = ?').pluck().get(callId) as string | undefined;
  if (metricsJson === undefined) return undefined;
  const metrics = parseStoredMetrics(metricsJson);
  const score = metrics === null ? null : scoreOfCall(metrics, getTranscript(db, callId));
  db.prepare('UPDATE calls SET listening_score = ? WHERE id = ?').run(score, callId);
  return score;
}

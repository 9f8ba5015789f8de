// A stored call's transcript as its report shows it: the stored words, the cues the transcript
// detectors find in them, and the listening scorecard built from both and the call's timing metrics,
// with where transcription of the call stands (from the background transcriber). Electron-free.

import type { CallTranscript } from '../../shared/transcription';
import type { SqliteDatabase } from '../store/database';
import { getCall } from '../store/calls-repository';
import { getTranscript } from '../store/transcripts-repository';
import { detectTranscriptCues } from '../transcript/detectors';
import { buildScorecard } from '../transcript/scorecard';

/** Where transcription of one call stands, as the background transcriber knows it. */
export type CallTranscriptionState = (callId: number) => { state: CallTranscript['state']; problem: string | null };

/** Call `callId`'s transcript, cues and scorecard; null when no call has this id. */
export function loadCallTranscript(db: SqliteDatabase, callId: number, stateOf: CallTranscriptionState): CallTranscript | null {
  const call = getCall(db, callId);
  if (call === null) return null;
  const words = getTranscript(db, callId);
  const cues = words.length === 0 ? [] : detectTranscriptCues(words, { durationMs: call.durationMs });
  const scorecard = words.length === 0 ? null : buildScorecard(words, cues, call.metrics);
  const { state, problem } = stateOf(callId);
  // A call transcribed live has its words without ever passing through the background queue.
  const shownState = state === 'none' && words.length > 0 ? 'done' : state;
  return { callId, state: shownState, problem, words, cues, scorecard };
}

// `attune coach <transcript.json> [--json]`: the transcript detectors and the listening scorecard on a
// transcript made of Vosk's final results. Reading or validating the file fails with a TranscriptError
// (one line, exit 1).

import { readFile } from 'node:fs/promises';
import type { TranscriptCue } from '../transcript/cues';
import { detectTranscriptCues } from '../transcript/detectors';
import { buildScorecard, type Scorecard } from '../transcript/scorecard';
import { TranscriptError, wordsFromVoskTranscript } from '../transcript/vosk-transcript';

export interface CoachReport {
  cues: TranscriptCue[];
  scorecard: Scorecard;
}

export async function coachTranscriptFile(file: string): Promise<CoachReport> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new TranscriptError(`can't read ${file}: ${why}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TranscriptError(`${file} is not JSON: ${(error as Error).message}`);
  }
  let words;
  try {
    words = wordsFromVoskTranscript(value);
  } catch (error) {
    if (error instanceof TranscriptError) throw new TranscriptError(`${file}: ${error.message}`);
    throw error;
  }
  const cues = detectTranscriptCues(words);
  return { cues, scorecard: buildScorecard(words, cues) };
}

/** Exactly { cues: [{ type, by, atMs, text }], scorecard }. */
export function coachJson(report: CoachReport): string {
  const cues = report.cues.map((cue) => ({ type: cue.type, by: cue.by, atMs: cue.atMs, text: cue.text }));
  return `${JSON.stringify({ cues, scorecard: report.scorecard })}\n`;
}

function clock(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const tenths = Math.floor((ms % 1000) / 100);
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}.${tenths}`;
}

const VERDICT_MARK = { good: '✓', improve: '!', info: '·' } as const;

export function coachText(report: CoachReport): string {
  const { scorecard } = report;
  const lines: string[] = [];
  lines.push(`Listening scorecard (${clock(scorecard.durationMs)} of transcript, ${scorecard.agent.words} agent words)`);
  lines.push('');
  for (const point of scorecard.points) {
    lines.push(`  ${VERDICT_MARK[point.verdict]} ${point.summary}`);
    const shown = point.moments.slice(0, 5);
    for (const moment of shown) lines.push(`      ${clock(moment.atMs)}  ${moment.text}`);
    if (point.moments.length > shown.length) lines.push(`      … and ${point.moments.length - shown.length} more`);
  }
  lines.push('');
  lines.push(`Cues (${report.cues.length}):`);
  if (report.cues.length === 0) lines.push('  none');
  for (const cue of report.cues) lines.push(`  ${clock(cue.atMs).padStart(8)}  ${cue.type.padEnd(16)} ${cue.by.padEnd(8)} ${cue.text}`);
  lines.push('');
  lines.push('✓ good   ! to improve   · for information');
  return `${lines.join('\n')}\n`;
}

// Reads a transcript fixture (Vosk's final results per channel) into words, as `attune coach` does.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TranscriptWord } from '../../../src/shared/transcript';
import type { TranscriptCue, TranscriptCueType } from '../../../src/main/transcript/cues';
import { wordsFromVoskTranscript } from '../../../src/main/transcript/vosk-transcript';

export const TRANSCRIPTS_DIR = resolve(__dirname, '../../fixtures/transcripts');

export function loadTranscript(name: string): TranscriptWord[] {
  return wordsFromVoskTranscript(JSON.parse(readFileSync(resolve(TRANSCRIPTS_DIR, name), 'utf8')) as unknown);
}

/** The cues of one type as "atMs text" strings, for exact comparisons. */
export function cuesOf(cues: readonly TranscriptCue[], type: TranscriptCueType): string[] {
  return cues.filter((cue) => cue.type === type).map((cue) => `${cue.atMs} ${cue.text}`);
}

// The recognizer's final result as it reaches the main process (src/shared/transcript.ts
// RecognizedResult): Vosk's own object plus the channel. Validated here because it crosses from a
// renderer that runs third-party WASM: anything else is dropped.

import { z } from 'zod';
import type { TranscriptWord } from '../../shared/transcript';

/** Longer than any call: a time past this is a broken result, not a word. */
const MAX_SECONDS = 24 * 60 * 60;

const voskWordSchema = z
  .strictObject({
    word: z.string().trim().min(1),
    start: z.number().min(0).max(MAX_SECONDS),
    end: z.number().min(0).max(MAX_SECONDS),
    conf: z.number().min(0).max(1),
  })
  .refine((w) => w.end >= w.start, { message: 'a word ends before it starts' });

export const recognizedResultSchema = z.strictObject({
  channel: z.enum(['agent', 'customer']),
  text: z.string(),
  // Vosk leaves `result` out when it heard nothing.
  result: z.array(voskWordSchema).max(10_000).optional(),
});

export type ParsedRecognizedResult = z.infer<typeof recognizedResultSchema>;

/** The result's words in whole milliseconds, in time order. */
export function wordsOfResult(result: ParsedRecognizedResult): TranscriptWord[] {
  return (result.result ?? [])
    .map((w) => {
      const startMs = Math.round(w.start * 1000);
      return { channel: result.channel, word: w.word.trim(), startMs, endMs: Math.max(startMs, Math.round(w.end * 1000)), conf: w.conf };
    })
    .sort((a, b) => a.startMs - b.startMs);
}

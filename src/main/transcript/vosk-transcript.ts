// Reading a transcript made of Vosk's own final-result objects, one list per channel:
// { "agent": [ { "text", "result": [ { "word", "start", "end", "conf" } ] } ], "customer": [ … ] },
// times in seconds. Validated with zod, then checked for time order; any problem is one line.

import { z } from 'zod';
import type { TranscriptChannel, TranscriptWord } from '../../shared/transcript';

/** A transcript that cannot be used: the message is one line naming where and what. */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
}

// zod 4's number() refuses NaN and ±Infinity too.
const seconds = z.number({ error: 'must be a number of seconds' });

const voskWordSchema = z.object({
  word: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
  start: seconds.refine((value) => value >= 0, 'must not be negative'),
  end: seconds.refine((value) => value >= 0, 'must not be negative'),
  conf: z.number({ error: 'must be a number' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
});

/** Vosk leaves `result` out when it heard nothing; then `text` is "". */
const voskResultSchema = z
  .object({ text: z.string({ error: 'must be a string' }), result: z.array(voskWordSchema, { error: 'must be a list of words' }).optional() })
  .refine((value) => value.result !== undefined || value.text.trim() === '', { message: 'missing (needed when text is not empty)', path: ['result'] });

export const voskTranscriptSchema = z.object({
  agent: z.array(voskResultSchema, { error: 'must be a list of Vosk results' }),
  customer: z.array(voskResultSchema, { error: 'must be a list of Vosk results' }),
});

export type VoskTranscript = z.infer<typeof voskTranscriptSchema>;

/** Validates a parsed transcript and returns its words (ms), both channels, in time order. */
export function wordsFromVoskTranscript(value: unknown): TranscriptWord[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TranscriptError('a transcript must be an object with "agent" and "customer" lists of Vosk results');
  }
  const parsed = voskTranscriptSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const message = issue?.code === 'invalid_type' && isMissing(value, path) ? 'missing' : (issue?.message ?? 'invalid');
    throw new TranscriptError(`${formatPath(path)}: ${message}`);
  }
  const words: TranscriptWord[] = [];
  for (const channel of ['agent', 'customer'] as const) words.push(...channelWords(channel, parsed.data[channel]));
  return words.sort((a, b) => a.startMs - b.startMs);
}

function channelWords(channel: TranscriptChannel, results: VoskTranscript['agent']): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  let previous: { start: number; where: string } | undefined;
  results.forEach((result, r) => {
    (result.result ?? []).forEach((word, w) => {
      const where = `${channel}[${r}].result[${w}]`;
      if (word.end < word.start) throw new TranscriptError(`${where}: ends (${word.end} s) before it starts (${word.start} s)`);
      if (previous !== undefined && word.start < previous.start) {
        throw new TranscriptError(`${where}: starts at ${word.start} s, before the word before it (${previous.where}, ${previous.start} s): times must not go backwards`);
      }
      previous = { start: word.start, where };
      words.push({ channel, word: word.word, startMs: Math.round(word.start * 1000), endMs: Math.round(word.end * 1000), conf: word.conf });
    });
  });
  return words;
}

/** Whether the last key of `path` is absent from its parent (zod does not keep the input by default). */
function isMissing(root: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1];
  return last !== undefined && typeof parent === 'object' && parent !== null && (parent as Record<PropertyKey, unknown>)[last] === undefined;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return 'transcript';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('');
}

// The word stream the transcript detectors read: recognized words grouped into turns (consecutive
// words of one channel with short gaps), and each word split into normalized tokens so that phrase
// lists match "I'm", "i am" and "I am" alike.

import type { TranscriptChannel, TranscriptWord } from '../../shared/transcript';

/** A normalized piece of a word: lower case, contractions expanded; keeps the word's timing. */
export interface Token {
  text: string;
  startMs: number;
  endMs: number;
  /** Index of the word this token came from, within its turn. */
  wordIndex: number;
}

export interface Turn {
  channel: TranscriptChannel;
  words: TranscriptWord[];
  tokens: Token[];
  startMs: number;
  endMs: number;
}

/** Default longest silence inside one turn, in ms: a longer gap starts a new turn. */
export const DEFAULT_TURN_GAP_MS = 1_000;

/**
 * Groups the words of both channels into turns, ordered by start time. A turn is consecutive words
 * of one channel (in that channel's order) with gaps shorter than `turnGapMs`; the other channel
 * talking meanwhile does not split it (overlap is the timing analysis's business).
 */
export function buildTurns(words: readonly TranscriptWord[], turnGapMs: number = DEFAULT_TURN_GAP_MS): Turn[] {
  const turns: Turn[] = [];
  for (const channel of ['agent', 'customer'] as const) {
    const own = words.filter((word) => word.channel === channel).sort((a, b) => a.startMs - b.startMs);
    let current: TranscriptWord[] = [];
    for (const word of own) {
      const last = current[current.length - 1];
      if (last !== undefined && word.startMs - last.endMs >= turnGapMs) {
        turns.push(makeTurn(channel, current));
        current = [];
      }
      current.push(word);
    }
    if (current.length > 0) turns.push(makeTurn(channel, current));
  }
  return turns.sort((a, b) => a.startMs - b.startMs || (a.channel === 'agent' ? -1 : 1));
}

function makeTurn(channel: TranscriptChannel, words: TranscriptWord[]): Turn {
  const tokens = words.flatMap((word, wordIndex) =>
    normalizeWords(word.word).map((text) => ({ text, startMs: word.startMs, endMs: word.endMs, wordIndex })),
  );
  return { channel, words, tokens, startMs: words[0]?.startMs ?? 0, endMs: words[words.length - 1]?.endMs ?? 0 };
}

/** Whole-word contractions whose expansion is not the regular suffix rule. */
const IRREGULAR: Record<string, string> = {
  "can't": 'can not',
  cannot: 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "let's": 'let us',
  "i'm": 'i am',
  "y'all": 'you all',
};

const SUFFIXES: ReadonlyArray<[suffix: string, expansion: string]> = [
  ["n't", ' not'],
  ["'ll", ' will'],
  ["'re", ' are'],
  ["'ve", ' have'],
  ["'d", ' would'],
  ["'s", ' is'],
  ["'m", ' am'],
];

/**
 * Lower-cases, strips punctuation (Vosk gives none, but typed phrase lists may), and expands
 * contractions: "that's" → "that is", "don't" → "do not". A possessive "'s" also becomes "is"; the
 * phrase lists are written with that in mind.
 */
export function normalizeWords(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9'\s\-[\]*]/g, ' ')
    .replace(/-/g, ' ');
  const out: string[] = [];
  for (const raw of cleaned.split(/\s+/)) {
    const word = raw.replace(/^'+|'+$/g, '');
    if (word === '') continue;
    out.push(...expandContraction(word).split(' '));
  }
  return out;
}

function expandContraction(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  for (const [suffix, expansion] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length > suffix.length) return word.slice(0, -suffix.length) + expansion;
  }
  return word;
}

/** The turn's words as plain text, for cue texts. */
export function turnText(turn: Turn, fromToken = 0, toToken = turn.tokens.length): string {
  const from = turn.tokens[fromToken]?.wordIndex ?? turn.words.length;
  const to = turn.tokens[toToken - 1]?.wordIndex ?? from - 1;
  return turn.words
    .slice(from, to + 1)
    .map((word) => word.word)
    .join(' ');
}

// Finding phrases in a turn's tokens: exact token sequences with '*' gaps, context rules (words that
// must not come just before or after) and, for the kinds where it matters, negation.

import type { Phrase } from './phrases';
import type { Token } from './words';

/** How many tokens one '*' in a phrase may stand for. */
export const WILDCARD_MAX_TOKENS = 6;

export interface PhraseMatch {
  /** First token of the match. */
  start: number;
  /** One past the last token of the match. */
  end: number;
  phrase: Phrase;
}

/** End (exclusive) of `phrase` matched at token `at`, or -1. */
export function matchAt(tokens: readonly Token[], at: number, phrase: readonly string[], from = 0): number {
  if (from === phrase.length) return at;
  const want = phrase[from];
  if (want === '*') {
    for (let skip = 1; skip <= WILDCARD_MAX_TOKENS && at + skip <= tokens.length; skip++) {
      const end = matchAt(tokens, at + skip, phrase, from + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (tokens[at]?.text !== want) return -1;
  return matchAt(tokens, at + 1, phrase, from + 1);
}

export interface Negations {
  words: ReadonlySet<string>;
  /** Negation words that, right before a phrase, are an answer instead ("no, I understand"). */
  answerWords: ReadonlySet<string>;
}

/**
 * A match is negated when a negation word is one of the two tokens before it ("I'm not sorry to
 * hear", "no way I can help you") or the token right after it ("I understand nothing works"); an
 * answer word right before it does not count ("oh no, I'm so sorry").
 */
export function isNegated(tokens: readonly Token[], start: number, end: number, negations: Negations): boolean {
  const justBefore = tokens[start - 1]?.text;
  if (justBefore !== undefined && negations.words.has(justBefore) && !negations.answerWords.has(justBefore)) return true;
  return [tokens[start - 2], tokens[end]].some((token) => token !== undefined && negations.words.has(token.text));
}

export interface FindOptions {
  /** Drop matches that are negated (see isNegated). */
  negations?: Negations;
}

/** Every non-overlapping match of any of `phrases` in `tokens`, earliest first, the longest winning at one place. */
export function findPhrases(tokens: readonly Token[], phrases: readonly Phrase[], options: FindOptions = {}): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (let at = 0; at < tokens.length; at++) {
    for (const phrase of phrases) {
      const end = matchAt(tokens, at, phrase.tokens);
      if (end < 0) continue;
      const before = tokens[at - 1]?.text;
      const after = tokens[end]?.text;
      if (before !== undefined && phrase.notAfter.has(before)) continue;
      if (after !== undefined && phrase.notBefore.has(after)) continue;
      if (options.negations !== undefined && isNegated(tokens, at, end, options.negations)) continue;
      found.push({ start: at, end, phrase });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last !== undefined && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

// Redaction of a transcript's word stream before anything is written: card-like numbers and other
// long digit runs (written as digits, or spoken — Vosk writes "four five six seven"), and e-mail
// addresses (written, or spoken: "john dot smith at example dot com"). A redacted word becomes
// REDACTED_WORD and keeps its channel, timings and confidence, so the timeline stays whole.
// Pure: no clock, no I/O.

import { REDACTED_WORD, type TranscriptWord } from '../../shared/transcript';

/** A run of number words or digits holding at least this many digits is redacted. */
export const MIN_REDACTED_DIGITS = 6;

/** Number words further apart than this do not form one number. */
export const MAX_NUMBER_GAP_MS = 5_000;

/** How many digits a spoken number word stands for ("twenty" → 2: "twenty one" is 21). */
const SPOKEN_DIGITS: ReadonlyMap<string, number> = new Map([
  ...['zero', 'oh', 'o', 'nought', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((w) => [w, 1] as const),
  ...['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map((w) => [w, 2] as const),
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w) => [w, 2] as const),
  // Part of a spoken number without adding digits of their own: "double five", "one hundred".
  ...['double', 'triple', 'hundred', 'thousand', 'dash', 'hyphen'].map((w) => [w, 0] as const),
]);

/** Words that are only part of a number next to real digits ("oh" alone is an interjection). */
const DIGITLESS_NUMBER_WORDS = new Set(['double', 'triple', 'hundred', 'thousand', 'dash', 'hyphen']);

/** Top-level domains a spoken address ends with: "at the dot on the screen" is not an address. */
const TOP_LEVEL_DOMAINS = new Set([
  'com', 'org', 'net', 'edu', 'gov', 'io', 'co', 'uk', 'us', 'ca', 'au', 'de', 'fr', 'es', 'it', 'nl', 'be', 'ch', 'at',
  'ie', 'nz', 'in', 'info', 'biz', 'me', 'tv', 'app', 'dev', 'mil', 'int', 'eu',
]);

/** Words that cannot be the name of a mail domain ("meet me at the dot com party" is not an address). */
const NOT_A_DOMAIN = new Set(['the', 'a', 'an', 'this', 'that', 'my', 'your', 'our', 'their', 'his', 'her', 'its']);

/** Spoken separators inside the local part or the domain of an address. */
const SPOKEN_SEPARATORS = new Set(['dot', 'underscore', 'dash', 'hyphen']);

const WRITTEN_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const NUMERIC_TOKEN = /^[0-9][0-9-]*$/u;

/**
 * The words with sensitive ones replaced by REDACTED_WORD (same length, same order, timings kept).
 * Each channel's words are read in time order on their own; the input may interleave channels.
 */
export function redactWords(words: readonly TranscriptWord[]): TranscriptWord[] {
  const redact = new Set<number>();
  for (const channel of ['agent', 'customer'] as const) {
    const indexes = words.map((_, i) => i).filter((i) => words[i]!.channel === channel);
    indexes.sort((a, b) => words[a]!.startMs - words[b]!.startMs || a - b);
    const own = indexes.map((i) => words[i]!);
    for (const position of sensitivePositions(own)) redact.add(indexes[position]!);
  }
  return words.map((w, i) => (redact.has(i) ? { ...w, word: REDACTED_WORD } : w));
}

/**
 * How many of the trailing words of one channel's stream (in time order) are a number that may still
 * be going on: a streaming caller holds these back until the next result on the channel (or the
 * end of the call), since a card number read in groups arrives as several Vosk results.
 */
export function unfinishedNumberLength(words: readonly TranscriptWord[]): number {
  const runs = numberRuns(words);
  const last = runs.at(-1);
  return last !== undefined && last.end === words.length ? last.end - last.start : 0;
}

/** Positions (in `words`, one channel in time order) of the words to redact. */
function sensitivePositions(words: readonly TranscriptWord[]): number[] {
  const positions: number[] = [];
  words.forEach((w, i) => {
    if (longestDigitRun(w.word) >= MIN_REDACTED_DIGITS || WRITTEN_EMAIL.test(w.word)) positions.push(i);
  });
  for (const run of numberRuns(words)) {
    if (run.digits >= MIN_REDACTED_DIGITS) for (let i = run.start; i < run.end; i += 1) positions.push(i);
  }
  positions.push(...spokenEmailPositions(words.map((w) => normalized(w.word))));
  return positions;
}

interface NumberRun {
  start: number;
  /** Exclusive. */
  end: number;
  digits: number;
}

/** Maximal runs of number words and numeric tokens, broken by any other word or a long pause. */
function numberRuns(words: readonly TranscriptWord[]): NumberRun[] {
  const runs: NumberRun[] = [];
  let current: NumberRun | undefined;
  words.forEach((w, i) => {
    const digits = numberWordDigits(w.word);
    const previous = words[i - 1];
    const joins = current !== undefined && previous !== undefined && w.startMs - previous.endMs <= MAX_NUMBER_GAP_MS;
    if (digits === undefined) {
      current = undefined;
      return;
    }
    if (current === undefined || !joins) {
      current = { start: i, end: i + 1, digits };
      runs.push(current);
    } else {
      current.end = i + 1;
      current.digits += digits;
    }
  });
  // "double"/"hundred"… alone, or "oh" alone, are not numbers; they only join runs with real digits.
  return runs.filter((run) => run.digits > 0 || !words.slice(run.start, run.end).every((w) => DIGITLESS_NUMBER_WORDS.has(normalized(w.word))));
}

/** The digits a word stands for if it is a number word or a numeric token ("4111", "12-34"); else undefined. */
function numberWordDigits(word: string): number | undefined {
  const w = normalized(word);
  if (NUMERIC_TOKEN.test(w)) return digitCount(w);
  return SPOKEN_DIGITS.get(w);
}

/** Positions of spoken addresses: <name> (sep <name>)* at <domain> (dot <name>)* dot <tld>. */
function spokenEmailPositions(words: readonly string[]): number[] {
  const positions: number[] = [];
  words.forEach((word, at) => {
    if (word !== 'at' || at === 0) return;
    // The domain: "example dot com", "example dot co dot uk", or a written "example.com".
    let end = at + 1;
    const domain = words[end];
    if (domain === undefined || NOT_A_DOMAIN.has(domain) || SPOKEN_SEPARATORS.has(domain)) return;
    let valid = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.(\p{L}+)$/u.test(domain) && TOP_LEVEL_DOMAINS.has(domain.split('.').at(-1)!);
    end += 1;
    while (words[end] === 'dot' && words[end + 1] !== undefined) {
      valid = TOP_LEVEL_DOMAINS.has(words[end + 1]!);
      end += 2;
    }
    if (!valid) return;
    // The local part: the word before "at", and any "<name> dot|underscore|dash" before it.
    let start = at - 1;
    if (SPOKEN_SEPARATORS.has(words[start]!)) return;
    while (start >= 2 && SPOKEN_SEPARATORS.has(words[start - 1]!) && !SPOKEN_SEPARATORS.has(words[start - 2]!)) start -= 2;
    for (let i = start; i < end; i += 1) positions.push(i);
  });
  return positions;
}

function normalized(word: string): string {
  return word.toLowerCase();
}

/** Digits in the longest run of digits, spaces and dashes ("4111-1111" → 8; "$1,299.99" → 3). */
function longestDigitRun(text: string): number {
  return Math.max(0, ...(text.match(/[0-9](?:[0-9 -]*[0-9])?/gu) ?? []).map(digitCount));
}

function digitCount(text: string): number {
  return (text.match(/[0-9]/gu) ?? []).length;
}

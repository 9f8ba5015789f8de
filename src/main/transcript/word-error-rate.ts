// Word error rate: how far a recognizer's words are from what was really said, as the fewest word
// substitutions, deletions and insertions that turn the reference into the hypothesis (Levenshtein
// over words), divided by the reference's length. Pure: text in, counts out.
//
// Both sides are normalised first, so that only words count, not how they are written:
// - lower case (Unicode NFKC; curly apostrophes become straight ones);
// - punctuation is dropped; hyphens, slashes and dashes separate words ("catch-up" = "catch up");
//   apostrophes inside a word stay ("i'm", "don't": Vosk's own vocabulary writes them so), apostrophes
//   at a word's edge go;
// - digits become the words a speaker would say, because Vosk writes numbers as words: integers as US
//   cardinals without "and" ("105" → "one hundred five", "1,200" → "one thousand two hundred"); a run
//   with a leading zero or over nine digits digit by digit, zero as "zero" ("0800" → "zero eight zero
//   zero", as phone numbers are read); ordinals ("3rd" → "third", "21st" → "twenty first"); clock times
//   ("8:30" → "eight thirty", "8:00" → "eight", "8:05" → "eight oh five"); decimals ("3.5" → "three point
//   five"); "$25" → "twenty five dollars" ("$25.50" → "twenty five dollars fifty cents"); "50%" → "fifty
//   percent"; "&" → "and". Years are read as cardinals too ("1999" → "one thousand nine hundred ninety
//   nine"), so a reference should spell a year the way it was spoken.

/** The edit counts of one comparison (or a sum of several). */
export interface WordErrorCounts {
  substitutions: number;
  deletions: number;
  insertions: number;
  /** Words in the normalised reference (the denominator). */
  referenceWords: number;
  /** Words in the normalised hypothesis. */
  hypothesisWords: number;
}

export interface WordErrorResult extends WordErrorCounts {
  /**
   * (substitutions + deletions + insertions) / referenceWords. An empty reference gives 0 when the
   * hypothesis is empty too, and Infinity when it is not (every word inserted, nothing to divide by).
   */
  rate: number;
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: readonly [value: number, name: string][] = [
  [1_000_000, 'million'],
  [1_000, 'thousand'],
];
/** Ordinal forms of the last word of a cardinal ("twenty three" → "twenty third"). */
const ORDINAL_WORDS: Readonly<Record<string, string>> = {
  one: 'first', two: 'second', three: 'third', four: 'fourth', five: 'fifth', six: 'sixth', seven: 'seventh', eight: 'eighth',
  nine: 'ninth', ten: 'tenth', eleven: 'eleventh', twelve: 'twelfth', thirteen: 'thirteenth', fourteen: 'fourteenth',
  fifteen: 'fifteenth', sixteen: 'sixteenth', seventeen: 'seventeenth', eighteen: 'eighteenth', nineteen: 'nineteenth',
  twenty: 'twentieth', thirty: 'thirtieth', forty: 'fortieth', fifty: 'fiftieth', sixty: 'sixtieth', seventy: 'seventieth',
  eighty: 'eightieth', ninety: 'ninetieth', hundred: 'hundredth', thousand: 'thousandth', million: 'millionth', zero: 'zeroth',
};
/** Longest digit run read as one number; longer runs (account and phone numbers) are read digit by digit. */
const MAX_CARDINAL_DIGITS = 9;

function belowThousand(value: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  if (hundreds > 0) words.push(ONES[hundreds] as string, 'hundred');
  if (rest >= 20) {
    words.push(TENS[Math.floor(rest / 10)] as string);
    if (rest % 10 > 0) words.push(ONES[rest % 10] as string);
  } else if (rest > 0 || hundreds === 0) {
    words.push(ONES[rest] as string);
  }
  return words;
}

/** An integer 0 ≤ value < 10⁹ as US cardinal words, without "and". */
export function cardinalWords(value: number): string[] {
  if (!Number.isInteger(value) || value < 0 || value >= 1e9) throw new RangeError(`cardinalWords takes an integer in [0, 1e9), got ${value}`);
  if (value === 0) return ['zero'];
  const words: string[] = [];
  let rest = value;
  for (const [scale, name] of SCALES) {
    const count = Math.floor(rest / scale);
    if (count > 0) words.push(...belowThousand(count), name);
    rest %= scale;
  }
  if (rest > 0) words.push(...belowThousand(rest));
  return words;
}

function digitByDigit(digits: string): string[] {
  return [...digits].map((digit) => ONES[Number(digit)] as string);
}

/** A run of digits (commas as thousands separators allowed) as spoken words. */
function integerWords(run: string): string[] {
  const digits = run.replaceAll(',', '');
  if (digits.length > MAX_CARDINAL_DIGITS || (digits.length > 1 && digits.startsWith('0'))) return digitByDigit(digits);
  return cardinalWords(Number(digits));
}

function ordinalWords(digits: string): string[] {
  const words = integerWords(digits);
  const last = words[words.length - 1] as string;
  words[words.length - 1] = ORDINAL_WORDS[last] ?? last;
  return words;
}

/** Clock time: "8:30" → eight thirty, "8:00" → eight, "8:05" → eight oh five. */
function clockWords(hours: string, minutes: string): string[] {
  const minute = Number(minutes);
  if (minute === 0) return integerWords(hours);
  if (minute < 10) return [...integerWords(hours), 'oh', ...cardinalWords(minute)];
  return [...integerWords(hours), ...cardinalWords(minute)];
}

/** Rewrites every number-like piece of (already lower-cased) text as words, leaving the rest as it is. */
function spellNumbers(text: string): string {
  const spoken = (words: string[]): string => ` ${words.join(' ')} `;
  return text
    .replace(/\$(\d[\d,]*)(?:\.(\d{2}))?(?!\d)/g, (_m, dollars: string, cents: string | undefined) =>
      spoken([...integerWords(dollars), 'dollars', ...(cents === undefined || Number(cents) === 0 ? [] : [...cardinalWords(Number(cents)), 'cents'])]),
    )
    .replace(/(\d{1,2}):(\d{2})(?!\d)/g, (_m, hours: string, minutes: string) => spoken(clockWords(hours, minutes)))
    .replace(/(\d[\d,]*)(st|nd|rd|th)\b/g, (_m, digits: string) => spoken(ordinalWords(digits)))
    .replace(/(\d+)\.(\d+)/g, (_m, whole: string, fraction: string) => spoken([...integerWords(whole), 'point', ...digitByDigit(fraction)]))
    .replace(/\d{1,3}(?:,\d{3})+(?!\d)|\d+/g, (run) => spoken(integerWords(run)))
    .replaceAll('%', ' percent ')
    .replaceAll('&', ' and ');
}

/** The words of `text` as WER compares them (see the file comment for the rules). */
export function normalizeForWer(text: string): string[] {
  const lowered = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
  return (
    spellNumbers(lowered)
      // Anything that is not a letter, a digit or an apostrophe separates words.
      .split(/[^\p{L}\p{N}']+/u)
      .map((word) => word.replace(/^'+|'+$/g, ''))
      .filter((word) => word.length > 0)
  );
}

/**
 * Aligns two word lists with the fewest edits and counts each kind. Among alignments with the same
 * number of edits, the backtrace prefers a match or substitution, then a deletion, then an insertion
 * (the usual convention, e.g. sclite's), so the split into kinds is deterministic.
 */
export function countWordErrors(reference: readonly string[], hypothesis: readonly string[]): WordErrorCounts {
  const rows = reference.length;
  const columns = hypothesis.length;
  const width = columns + 1;
  // cost[i][j]: edits to turn reference[0, i) into hypothesis[0, j).
  const cost = new Uint32Array((rows + 1) * width);
  for (let j = 0; j <= columns; j++) cost[j] = j;
  for (let i = 1; i <= rows; i++) {
    cost[i * width] = i;
    for (let j = 1; j <= columns; j++) {
      const diagonal = (cost[(i - 1) * width + j - 1] as number) + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      const deletion = (cost[(i - 1) * width + j] as number) + 1;
      const insertion = (cost[i * width + j - 1] as number) + 1;
      cost[i * width + j] = Math.min(diagonal, deletion, insertion);
    }
  }
  const counts: WordErrorCounts = { substitutions: 0, deletions: 0, insertions: 0, referenceWords: rows, hypothesisWords: columns };
  let i = rows;
  let j = columns;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j] as number;
    if (i > 0 && j > 0) {
      const same = reference[i - 1] === hypothesis[j - 1];
      if ((cost[(i - 1) * width + j - 1] as number) + (same ? 0 : 1) === here) {
        if (!same) counts.substitutions += 1;
        i -= 1;
        j -= 1;
        continue;
      }
    }
    if (i > 0 && (cost[(i - 1) * width + j] as number) + 1 === here) {
      counts.deletions += 1;
      i -= 1;
    } else {
      counts.insertions += 1;
      j -= 1;
    }
  }
  return counts;
}

function withRate(counts: WordErrorCounts): WordErrorResult {
  const errors = counts.substitutions + counts.deletions + counts.insertions;
  const rate = counts.referenceWords === 0 ? (errors === 0 ? 0 : Infinity) : errors / counts.referenceWords;
  return { ...counts, rate };
}

/** WER of a hypothesis against a reference, both as text (normalised here). */
export function wordErrorRate(referenceText: string, hypothesisText: string): WordErrorResult {
  return withRate(countWordErrors(normalizeForWer(referenceText), normalizeForWer(hypothesisText)));
}

/** The pooled WER of several comparisons: all their edits over all their reference words (not a mean of rates). */
export function pooledWordErrorRate(results: readonly WordErrorCounts[]): WordErrorResult {
  const total: WordErrorCounts = { substitutions: 0, deletions: 0, insertions: 0, referenceWords: 0, hypothesisWords: 0 };
  for (const result of results) {
    total.substitutions += result.substitutions;
    total.deletions += result.deletions;
    total.insertions += result.insertions;
    total.referenceWords += result.referenceWords;
    total.hypothesisWords += result.hypothesisWords;
  }
  return withRate(total);
}

// Word error rate: the normalisation (case, punctuation, numbers as spoken words) and the edit counts,
// each case worked out by hand.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cardinalWords,
  countWordErrors,
  normalizeForWer,
  pooledWordErrorRate,
  wordErrorRate,
} from '../../../src/main/transcript/word-error-rate';

const words = (text: string): string[] => text.split(' ').filter((word) => word.length > 0);

describe('normalizeForWer', () => {
  it('lower-cases and drops punctuation, keeping apostrophes inside words', () => {
    assert.deepEqual(normalizeForWer("Wait, so I was undercharged before... and now I can't?!"), words("wait so i was undercharged before and now i can't"));
  });

  it('treats a curly apostrophe as a straight one, and drops apostrophes at word edges', () => {
    assert.deepEqual(normalizeForWer('I’m sure it’s the ‘right’ one, James\''), words("i'm sure it's the right one james"));
  });

  it('splits words at hyphens, slashes and dashes', () => {
    assert.deepEqual(normalizeForWer('a catch-up charge and/or a re-read — Mm-hm.'), words('a catch up charge and or a re read mm hm'));
  });

  it('spells integers as US cardinals without "and"', () => {
    assert.deepEqual(normalizeForWer('7 15 20 42 105 1,200 3000 19999 2000000'), [
      ...words('seven fifteen twenty forty two one hundred five one thousand two hundred three thousand'),
      ...words('nineteen thousand nine hundred ninety nine two million'),
    ]);
  });

  it('reads a leading-zero run or a very long run digit by digit, as phone and account numbers are read', () => {
    assert.deepEqual(normalizeForWer('call 0800 or 1234567890'), words('call zero eight zero zero or one two three four five six seven eight nine zero'));
  });

  it('spells ordinals, clock times, decimals, money and percentages', () => {
    assert.deepEqual(normalizeForWer('the 3rd, the 21st and the 100th'), words('the third the twenty first and the one hundredth'));
    assert.deepEqual(normalizeForWer('between 8:00 and 10:30, or at 9:05'), words('between eight and ten thirty or at nine oh five'));
    assert.deepEqual(normalizeForWer('3.5 gigabytes'), words('three point five gigabytes'));
    assert.deepEqual(normalizeForWer('$25 or $25.50 or $1,000.00'), words('twenty five dollars or twenty five dollars fifty cents or one thousand dollars'));
    assert.deepEqual(normalizeForWer('50% off & free'), words('fifty percent off and free'));
  });

  it('leaves words that are already spoken numbers as they are', () => {
    assert.deepEqual(normalizeForWer('twenty-three'), words('twenty three'));
  });

  it('gives nothing for text without words', () => {
    assert.deepEqual(normalizeForWer(' ... — !? '), []);
  });
});

describe('cardinalWords', () => {
  it('covers the edges of each scale', () => {
    assert.deepEqual(cardinalWords(0), ['zero']);
    assert.deepEqual(cardinalWords(19), ['nineteen']);
    assert.deepEqual(cardinalWords(90), ['ninety']);
    assert.deepEqual(cardinalWords(100), ['one', 'hundred']);
    assert.deepEqual(cardinalWords(1_001), ['one', 'thousand', 'one']);
    assert.deepEqual(cardinalWords(999_999_999), words('nine hundred ninety nine million nine hundred ninety nine thousand nine hundred ninety nine'));
  });

  it('refuses what it cannot read', () => {
    assert.throws(() => cardinalWords(-1), RangeError);
    assert.throws(() => cardinalWords(1.5), RangeError);
    assert.throws(() => cardinalWords(1e9), RangeError);
  });
});

describe('countWordErrors', () => {
  it('counts nothing for identical lists', () => {
    assert.deepEqual(countWordErrors(words('a b c'), words('a b c')), { substitutions: 0, deletions: 0, insertions: 0, referenceWords: 3, hypothesisWords: 3 });
  });

  it('counts a missing word as a deletion', () => {
    // the cat sat on [the] mat
    assert.deepEqual(countWordErrors(words('the cat sat on the mat'), words('the cat sat on mat')), { substitutions: 0, deletions: 1, insertions: 0, referenceWords: 6, hypothesisWords: 5 });
  });

  it('counts an extra word as an insertion and a wrong word as a substitution', () => {
    // a b→x c +d
    assert.deepEqual(countWordErrors(words('a b c'), words('a x c d')), { substitutions: 1, deletions: 0, insertions: 1, referenceWords: 3, hypothesisWords: 4 });
  });

  it('finds the cheapest alignment, not the position-by-position one', () => {
    // Position by position all four differ; the alignment is one insertion at the front and one deletion at the end.
    assert.deepEqual(countWordErrors(words('a b c d'), words('x a b c')), { substitutions: 0, deletions: 1, insertions: 1, referenceWords: 4, hypothesisWords: 4 });
  });

  it('prefers a substitution to a deletion plus an insertion of the same word position', () => {
    assert.deepEqual(countWordErrors(['a'], ['b']), { substitutions: 1, deletions: 0, insertions: 0, referenceWords: 1, hypothesisWords: 1 });
  });

  it('handles empty sides', () => {
    assert.deepEqual(countWordErrors(words('a b'), []), { substitutions: 0, deletions: 2, insertions: 0, referenceWords: 2, hypothesisWords: 0 });
    assert.deepEqual(countWordErrors([], words('a b')), { substitutions: 0, deletions: 0, insertions: 2, referenceWords: 0, hypothesisWords: 2 });
    assert.deepEqual(countWordErrors([], []), { substitutions: 0, deletions: 0, insertions: 0, referenceWords: 0, hypothesisWords: 0 });
  });
});

describe('wordErrorRate', () => {
  it('compares a script line with Vosk-style output: numbers, case and punctuation do not count', () => {
    const result = wordErrorRate('The earliest slot I have is tomorrow morning between 8 and 10.', 'the earliest slot i have is tomorrow morning between eight and ten');
    assert.equal(result.rate, 0);
  });

  it('is (S + D + I) / reference words', () => {
    // Reference: thank you for calling northwind energy (6 words).
    // Hypothesis: thank you for calling north wind energy today → northwind→north (S), +wind (I), +today (I).
    const result = wordErrorRate('Thank you for calling Northwind Energy.', 'thank you for calling north wind energy today');
    assert.deepEqual(result, { substitutions: 1, deletions: 0, insertions: 2, referenceWords: 6, hypothesisWords: 8, rate: 3 / 6 });
  });

  it('can exceed 1 when the recognizer adds many words', () => {
    assert.equal(wordErrorRate('yes', 'yes yes yes').rate, 2);
  });

  it('is 0 for two empty texts and Infinity for words against an empty reference', () => {
    assert.equal(wordErrorRate('', '').rate, 0);
    assert.equal(wordErrorRate('...', 'hello').rate, Infinity);
  });
});

describe('pooledWordErrorRate', () => {
  it('divides all edits by all reference words, so long channels weigh more than short ones', () => {
    const short = wordErrorRate('hello', 'yellow'); // 1 error in 1 word
    const long = wordErrorRate('one two three four five six seven eight nine', 'one two three four five six seven eight nine'); // 0 in 9
    const pooled = pooledWordErrorRate([short, long]);
    assert.equal(pooled.rate, 1 / 10);
    assert.equal(pooled.referenceWords, 10);
    assert.equal(pooled.hypothesisWords, 10);
  });

  it('is 0 for nothing at all', () => {
    assert.equal(pooledWordErrorRate([]).rate, 0);
  });
});

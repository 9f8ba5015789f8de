// The phrase lists are data: the English defaults validate, a bad edited file is one clear error, and
// changing a list changes what the detectors find.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import defaults from '../../../src/main/transcript/phrases.en.json';
import { detectTranscriptCues } from '../../../src/main/transcript/detectors';
import { defaultPhraseLists, parsePhraseLists, PhraseListError } from '../../../src/main/transcript/phrases';
import { normalizeWords } from '../../../src/main/transcript/words';
import type { TranscriptWord } from '../../../src/shared/transcript';

function says(text: string): TranscriptWord[] {
  return text.split(' ').map((word, i) => ({ channel: 'agent', word, startMs: i * 400, endMs: i * 400 + 300, conf: 1 }));
}

describe('phrase lists', () => {
  it('the English defaults load, normalized ("that\'s our policy" is "that is our policy")', () => {
    const lists = defaultPhraseLists();
    assert.ok(lists.defensive.some((phrase) => phrase.tokens.join(' ') === 'that is our policy'));
    assert.ok(lists.negations.has('not'));
    assert.ok(lists.empathy.length > 10);
  });

  it('a bad file names the first problem in one line', () => {
    assert.throws(() => parsePhraseLists({ ...defaults, empathy: 'sorry' }), (error: unknown) => error instanceof PhraseListError && error.message === 'empathy: must be a list of phrases');
    assert.throws(() => parsePhraseLists({ ...defaults, thanks: [{ phrase: 'thanks', alone: 'yes' }] }), {
      message: 'thanks.0: must be a phrase, or { "phrase", "notAfter", "notBefore", "alone" }',
    });
    const { stopwords: _dropped, ...withoutStopwords } = defaults;
    assert.throws(() => parsePhraseLists(withoutStopwords), { message: 'stopwords: missing' });
    assert.throws(() => parsePhraseLists({ ...defaults, negations: 'not' }), { message: 'negations: must be a list of words' });
    assert.throws(() => parsePhraseLists({ ...defaults, extra: [] }), PhraseListError);
  });

  it('editing the data changes detection: a new empathy phrase is found, a removed one is not', () => {
    const text = 'oh what a pain';
    assert.equal(detectTranscriptCues(says(text)).filter((cue) => cue.type === 'empathy').length, 0);
    const edited = parsePhraseLists({ ...defaults, empathy: [...defaults.empathy, 'what a pain'] });
    assert.deepEqual(
      detectTranscriptCues(says(text), { phrases: edited }).filter((cue) => cue.type === 'empathy').map((cue) => cue.text),
      ['what a pain'],
    );
    const without = parsePhraseLists({ ...defaults, defensive: [] });
    assert.equal(detectTranscriptCues(says("that's our policy"), { phrases: without }).length, 0);
    assert.equal(detectTranscriptCues(says("that's our policy")).length, 1);
  });

  it('"*" stands for one to six words', () => {
    const options = (text: string): number => detectTranscriptCues(says(text)).filter((cue) => cue.type === 'options-offered').length;
    assert.equal(options('you can either pay now or later'), 1);
    assert.equal(options('you can either or'), 0);
    assert.equal(options('you can either a b c d e f g or later'), 0);
  });
});

describe('normalizeWords', () => {
  it('lower-cases, strips punctuation and expands contractions', () => {
    assert.deepEqual(normalizeWords("I'm SORRY, that's"), ['i', 'am', 'sorry', 'that', 'is']);
    assert.deepEqual(normalizeWords("don't can't won't we'll they're I've she'd"), ['do', 'not', 'can', 'not', 'will', 'not', 'we', 'will', 'they', 'are', 'i', 'have', 'she', 'would']);
    assert.deepEqual(normalizeWords('follow-up \u2019cause'), ['follow', 'up', 'cause']);
  });
});

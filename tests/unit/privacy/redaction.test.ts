// Redaction of the word stream: what must go (card numbers written or spoken, long digit runs, e-mail
// addresses written or spoken) and what must stay (ordinary numbers, times, prices, "at" and "dot"
// in ordinary speech). Redacted words keep their timings.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactWords, unfinishedNumberLength } from '../../../src/main/privacy/redaction';
import { REDACTED_WORD, type TranscriptChannel, type TranscriptWord } from '../../../src/shared/transcript';

function said(text: string, channel: TranscriptChannel = 'customer', startMs = 0, stepMs = 400): TranscriptWord[] {
  return text.split(' ').map((word, i) => ({ channel, word, startMs: startMs + i * stepMs, endMs: startMs + i * stepMs + 300, conf: 0.8 }));
}

/** The text after redaction, with redacted words shown as #. */
function redacted(text: string): string {
  return redactWords(said(text)).map((w) => (w.word === REDACTED_WORD ? '#' : w.word)).join(' ');
}

describe('redactWords: positives', () => {
  const cases: Array<[string, string]> = [
    ['my card is 4111 1111 1111 1111 thanks', 'my card is # # # # thanks'],
    ['card 4111-1111-1111-1111 ok', 'card # ok'],
    ['it is 4111111111111111', 'it is #'],
    ['account 12345678 please', 'account # please'],
    ['code 123456', 'code #'],
    ['four one one one one one one one one one one one one one one one please', '# # # # # # # # # # # # # # # # please'],
    ['the number is four five six seven eight nine', 'the number is # # # # # #'],
    ['it is oh seven seven double nine one two', 'it is # # # # # # #'],
    ['forty five sixty seven eighty nine okay', '# # # # # # okay'],
    ['one hundred twenty three thousand four hundred fifty six dollars', '# # # # # # # # # dollars'],
    ['email me at john@example.com today', 'email me at # today'],
    ['it is john at example dot com', 'it is # # # # #'],
    ['write to john dot smith at mail dot example dot co dot uk thanks', 'write to # # # # # # # # # # # thanks'],
    ['send it to anna at gmail.com', 'send it to # # #'],
    ['mary underscore jones at outlook dot com', '# # # # # # #'],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}"`, () => assert.equal(redacted(input), expected));
  }
});

describe('redactWords: negatives', () => {
  const cases = [
    'there are two options',
    'call me at three thirty',
    'it costs nineteen ninety nine',
    'it was back in twenty twenty four',
    'i paid 199 dollars for 2 items',
    'order 12345 arrived',
    'oh no oh well',
    'the price is $1,299.99',
    'we open at 10:30',
    'look at the dot on the screen',
    'meet me at the office dot',
    'i am at home',
    'at example dot banana',
    'one two three four five',
    'a hundred thousand thanks',
  ];
  for (const input of cases) {
    it(`"${input}" stays`, () => assert.equal(redacted(input), input));
  }
});

describe('redactWords: stream details', () => {
  it('keeps channel, timings and confidence, and the words’ order', () => {
    const words = said('pin is 123456 ok', 'agent', 1_000);
    const out = redactWords(words);
    assert.deepEqual(out[2], { ...words[2]!, word: REDACTED_WORD });
    assert.deepEqual(out.filter((_, i) => i !== 2), words.filter((_, i) => i !== 2));
    assert.equal(words[2]!.word, '123456', 'the input is not changed');
  });

  it('reads each channel on its own, in time order, even when the input interleaves them', () => {
    const customer = said('four five six seven eight nine', 'customer', 0, 400);
    const agent = said('one two three', 'agent', 100, 400);
    const mixed = [customer[0]!, agent[0]!, customer[1]!, agent[1]!, customer[2]!, agent[2]!, ...customer.slice(3)];
    const out = redactWords(mixed);
    assert.deepEqual(out.filter((w) => w.channel === 'customer').map((w) => w.word), Array(6).fill(REDACTED_WORD));
    assert.deepEqual(out.filter((w) => w.channel === 'agent').map((w) => w.word), ['one', 'two', 'three']);
  });

  it('does not join digits across a long pause', () => {
    const words = [...said('one two three', 'customer', 0), ...said('four five six', 'customer', 20_000)];
    assert.deepEqual(redactWords(words).map((w) => w.word), words.map((w) => w.word));
    const close = [...said('one two three', 'customer', 0), ...said('four five six', 'customer', 3_000)];
    assert.ok(redactWords(close).every((w) => w.word === REDACTED_WORD));
  });

  it('says how many trailing words are a number that may go on', () => {
    assert.equal(unfinishedNumberLength(said('my card is four one one one')), 4);
    assert.equal(unfinishedNumberLength(said('four one one one thanks')), 0);
    assert.equal(unfinishedNumberLength(said('code 12 34')), 2);
    assert.equal(unfinishedNumberLength([]), 0);
  });
});

// The transcript detectors on fixtures written as Vosk output: for every cue type the phrases that
// must be found (with their moment) and those that must not (negation, speaker, context).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTranscriptCues } from '../../../src/main/transcript/detectors';
import type { TranscriptWord } from '../../../src/shared/transcript';
import { cuesOf, loadTranscript } from './load-fixture';

const cuesFor = (name: string): ReturnType<typeof detectTranscriptCues> => detectTranscriptCues(loadTranscript(name));

describe('detectors on a good call', () => {
  const cues = cuesFor('good-call.json');

  it('finds each cue the call was written to have, at the moment it was said', () => {
    assert.deepEqual(
      cues.map((cue) => `${cue.atMs} ${cue.type} ${cue.text}`),
      [
        '500 thanks thank you for calling',
        "11000 empathy i'm sorry to hear",
        '13000 name-used maria',
        "14000 paraphrase so what i'm hearing is",
        '21000 thanks thank you for telling me',
        '23600 open-question what happens on your screen when it drops',
        '29000 filler um',
        '30000 closed-question is the router plugged straight into the wall',
        "35400 intent-to-help i'm going to help you",
        '38800 options-offered you can either restart the router tonight or',
        '47400 name-used maria',
        '48400 next-step you will receive',
      ],
    );
  });

  it('attributes every cue to the agent and keeps time order', () => {
    assert.ok(cues.every((cue) => cue.by === 'agent'));
    assert.deepEqual(
      cues.map((cue) => cue.atMs),
      [...cues.map((cue) => cue.atMs)].sort((a, b) => a - b),
    );
  });
});

describe('negation and speaker context', () => {
  const cues = cuesFor('negations.json');

  it('"I understand nothing works" and "sorry to hear" from the customer, "I don\'t understand" and "I\'m not sorry to hear" from the agent: no empathy', () => {
    assert.deepEqual(cuesOf(cues, 'empathy'), []);
  });

  it('"I am not going to help you" is no intent to help; "what I\'ll do is…" is no question; "I like", "would like" are no fillers', () => {
    assert.deepEqual(cuesOf(cues, 'intent-to-help'), []);
    assert.deepEqual(cuesOf(cues, 'open-question'), []);
    assert.deepEqual(cuesOf(cues, 'filler'), []);
  });

  it("customers' questions are not counted; the agent's \"do you know your account number\" is a closed question, not a filler", () => {
    assert.deepEqual(cuesOf(cues, 'closed-question'), ['22200 do you know your account number']);
    assert.equal(cues.length, 1);
  });

  it('"I understand" after a negation, or followed by one, is not empathy even from the agent', () => {
    const words = agentSays(['i', 'understand', 'nothing', 'about', 'routers'], ['so', 'i', 'really', "don't", 'understand', 'how', 'it', 'broke']);
    assert.deepEqual(cuesOf(detectTranscriptCues(words), 'empathy'), []);
    const positive = agentSays(['i', 'understand', 'how', 'annoying', 'that', 'is']);
    assert.deepEqual(cuesOf(detectTranscriptCues(positive), 'empathy'), ['0 i understand how']);
  });

  it('"no" right before a phrase is an answer, not a negation ("oh no I\'m so sorry"); two words before, it negates ("no way I can help you")', () => {
    const cues = detectTranscriptCues(agentSays(['oh', 'no', "i'm", 'so', 'sorry'], ["there's", 'no', 'way', 'i', 'can', 'help', 'you']));
    assert.deepEqual(cuesOf(cues, 'empathy'), ["800 i'm so sorry"]);
    assert.deepEqual(cuesOf(cues, 'intent-to-help'), []);
  });
});

describe('fillers', () => {
  const cues = cuesFor('fillers.json');

  it('finds um, uh, er, a "like" set apart by pauses and a "you know" that means nothing', () => {
    assert.deepEqual(cuesOf(cues, 'filler'), ['500 um', '1900 like', '4100 uh', '6500 er', '8100 you know']);
  });

  it('"I like that plan", "looks like rain", "would you like", "do you know how" and "you know what happened" are not fillers', () => {
    const texts = cuesOf(cues, 'filler').join(' | ');
    assert.ok(!/1[2-9]\d\d\d/.test(texts), texts);
    assert.deepEqual(cuesOf(cues, 'closed-question'), ['16400 would you like a refund', '20500 do you know how to track it']);
  });

  it('"like" in the flow of speech (no pause either side) is not a filler, even where no rule names the word before it', () => {
    const words = agentSays(['the', 'screen', 'went', 'like', 'black']);
    assert.deepEqual(cuesOf(detectTranscriptCues(words), 'filler'), []);
  });
});

describe('questions', () => {
  const cues = cuesFor('questions.json');

  it('open questions by their opener, after lead-ins ("so", "okay", "and")', () => {
    assert.deepEqual(cuesOf(cues, 'open-question'), [
      '900 how can i help you today',
      '6400 can you tell me which card you used',
      '18500 why do you think it was declined',
    ]);
  });

  it('closed questions: an auxiliary verb then a subject; "do that first" and "when we reset it…" are not questions', () => {
    assert.deepEqual(cuesOf(cues, 'closed-question'), ['11000 is it the one ending in four two', '15900 do you have another card']);
  });

  it("the customer's questions (\"what do you mean\", \"are you sure\") are not the agent's", () => {
    assert.ok(cues.every((cue) => cue.atMs < 20_000 || cue.atMs >= 22_500));
    assert.equal(cues.filter((cue) => cue.atMs >= 30_000).length, 0);
  });
});

describe('paraphrase', () => {
  const cues = cuesFor('paraphrase.json');

  it('by overlap with the customer\'s previous turn, and by a check-back phrase; "let me pull up your account" is neither', () => {
    assert.deepEqual(cuesOf(cues, 'paraphrase'), ['6000 okay so the package went to the wrong address on maple street', '19500 if i understand correctly']);
  });

  it('"if I understand correctly" is a check-back, not empathy', () => {
    assert.deepEqual(cuesOf(cues, 'empathy'), []);
  });
});

describe('defensive language', () => {
  it('"that\'s our policy", "you should have read…", "there\'s nothing I can do"; not "you should have received…"', () => {
    assert.deepEqual(cuesOf(cuesFor('defensive.json'), 'defensive'), ["3000 that's our policy", '4800 you should have', "10000 there's nothing i can do"]);
  });

  it('a call without defensive language has none', () => {
    assert.deepEqual(cuesOf(cuesFor('good-call.json'), 'defensive'), []);
  });
});

describe('name-used and options-offered', () => {
  const cues = cuesFor('names.json');

  it('counts the name only after the customer said it ("my name is david"); "it\'s broken" gives no name', () => {
    assert.deepEqual(cuesOf(cues, 'name-used'), ['10900 david']);
  });

  it('"yes this is correct" and "it\'s really dead" give no name; "hi it\'s sam" does', () => {
    const customer = (text: string, atMs: number): TranscriptWord[] =>
      text.split(' ').map((w, i) => ({ channel: 'customer' as const, word: w, startMs: atMs + i * 400, endMs: atMs + i * 400 + 300, conf: 1 }));
    const agent = (text: string, atMs: number): TranscriptWord[] => customer(text, atMs).map((w) => ({ ...w, channel: 'agent' as const }));
    const noName = [...customer('yes this is correct', 0), ...customer("it's really dead", 3_000), ...agent('correct it is really dead', 6_000)];
    assert.deepEqual(cuesOf(detectTranscriptCues(noName), 'name-used'), []);
    const named = [...customer("hi it's sam", 0), ...agent('thanks sam', 3_000)];
    assert.deepEqual(cuesOf(detectTranscriptCues(named), 'name-used'), ['3400 sam']);
  });

  it('no name given, no name-used cue', () => {
    assert.deepEqual(cuesOf(cuesFor('questions.json'), 'name-used'), []);
  });

  it('"there are two ways", "one option is"', () => {
    assert.deepEqual(cuesOf(cues, 'options-offered'), ['11900 there are two ways', '16000 one option is']);
  });

  it('no options in a call without them', () => {
    assert.deepEqual(cuesOf(cuesFor('paraphrase.json'), 'options-offered'), []);
  });
});

describe('thanks and intent-to-help', () => {
  it('are absent from a call without them', () => {
    const cues = cuesFor('defensive.json');
    assert.deepEqual(cuesOf(cues, 'thanks'), []);
    assert.deepEqual(cuesOf(cues, 'intent-to-help'), []);
  });

  it('"thanks for letting me know" and "let me take care of that"; "I won\'t help" is none', () => {
    const cues = detectTranscriptCues(agentSays(['thanks', 'for', 'letting', 'me', 'know'], ['let', 'me', 'take', 'care', 'of', 'that'], ['i', "won't", 'help', 'you']));
    assert.deepEqual(cuesOf(cues, 'thanks'), ['0 thanks for letting me know']);
    assert.deepEqual(cuesOf(cues, 'intent-to-help'), ['5000 let me take care of']);
  });
});

describe('next-step', () => {
  const cues = cuesFor('next-step.json');

  it('counts a summary of what happens next in the last part of the call only (once per turn)', () => {
    assert.deepEqual(cuesOf(cues, 'next-step'), ['140800 the next step']);
  });
});

describe('turns', () => {
  it('a customer word between two agent words does not make the agent\'s words two turns; a 1 s gap does', () => {
    const words: TranscriptWord[] = [
      { channel: 'agent', word: 'i', startMs: 0, endMs: 200, conf: 1 },
      { channel: 'customer', word: 'mm', startMs: 250, endMs: 400, conf: 1 },
      { channel: 'agent', word: 'understand', startMs: 300, endMs: 700, conf: 1 },
      { channel: 'agent', word: 'how', startMs: 800, endMs: 1000, conf: 1 },
    ];
    assert.deepEqual(cuesOf(detectTranscriptCues(words), 'empathy'), ['0 i understand how']);
    const split = words.map((word) => (word.word === 'understand' ? { ...word, startMs: 1_300, endMs: 1_600 } : word.word === 'how' ? { ...word, startMs: 1_700, endMs: 1_900 } : word));
    assert.deepEqual(cuesOf(detectTranscriptCues(split), 'empathy'), []);
  });
});

/** Agent utterances of 400 ms words, each utterance starting 5 s after the previous one. */
function agentSays(...utterances: string[][]): TranscriptWord[] {
  return utterances.flatMap((utterance, u) =>
    utterance.map((word, w) => ({ channel: 'agent' as const, word, startMs: u * 5_000 + w * 400, endMs: u * 5_000 + w * 400 + 320, conf: 0.9 })),
  );
}

// The phrase lists the transcript detectors match: data, not code. The English defaults live in
// phrases.en.json; parsePhraseLists validates any such file with zod and compiles it into the
// normalized token sequences the matcher works on.

import { z } from 'zod';
import defaultPhrasesJson from './phrases.en.json';
import { normalizeWords } from './words';

const wordList = z.array(z.string().min(1, 'must not be empty'), {
  error: (issue) => (issue.input === undefined ? 'missing' : 'must be a list of words'),
});

const phraseEntrySchema = z.union(
  [
  z.string().min(1, 'must not be empty'),
  z.strictObject({
    phrase: z.string().min(1, 'must not be empty'),
    notAfter: wordList.optional(),
    notBefore: wordList.optional(),
    alone: z.boolean().optional(),
  }),
  ],
  { error: 'must be a phrase, or { "phrase", "notAfter", "notBefore", "alone" }' },
);

const phraseListSchema = z.array(phraseEntrySchema, {
  error: (issue) => (issue.input === undefined ? 'missing' : 'must be a list of phrases'),
});

export const phraseFileSchema = z.strictObject({
  $comment: z.string().optional(),
  negations: wordList,
  answerWords: wordList,
  fillers: phraseListSchema,
  empathy: phraseListSchema,
  paraphrase: phraseListSchema,
  defensive: phraseListSchema,
  thanks: phraseListSchema,
  intentToHelp: phraseListSchema,
  optionsOffered: phraseListSchema,
  nextStep: phraseListSchema,
  questions: z.strictObject({
    open: wordList,
    closed: wordList,
    closedSubjects: wordList,
    leadIns: wordList,
    notQuestions: wordList,
  }),
  names: z.strictObject({
    introductions: z.array(z.strictObject({ phrase: z.string().min(1), nearTurnStart: z.boolean().optional() })),
    notNames: wordList,
  }),
  stopwords: wordList,
});

export type PhraseFile = z.infer<typeof phraseFileSchema>;

/** One phrase, normalized: a sequence of tokens ('*' = 1 to WILDCARD_MAX_TOKENS tokens), with its context rules. */
export interface Phrase {
  tokens: string[];
  notAfter: ReadonlySet<string>;
  notBefore: ReadonlySet<string>;
  alone: boolean;
}

export interface PhraseLists {
  negations: ReadonlySet<string>;
  /** Negations that are an answer, not a negation, right before a phrase: "no, I understand". */
  answerWords: ReadonlySet<string>;
  fillers: Phrase[];
  empathy: Phrase[];
  paraphrase: Phrase[];
  defensive: Phrase[];
  thanks: Phrase[];
  intentToHelp: Phrase[];
  optionsOffered: Phrase[];
  nextStep: Phrase[];
  questions: {
    open: Phrase[];
    closed: ReadonlySet<string>;
    closedSubjects: ReadonlySet<string>;
    leadIns: ReadonlySet<string>;
    notQuestions: Phrase[];
  };
  names: { introductions: Array<{ tokens: string[]; nearTurnStart: boolean }>; notNames: ReadonlySet<string> };
  stopwords: ReadonlySet<string>;
}

/** A phrase file that does not validate: one line naming the first problem. */
export class PhraseListError extends Error {
  override readonly name = 'PhraseListError';
}

/** Validates a parsed phrase file (e.g. an edited copy of phrases.en.json) and compiles it. */
export function parsePhraseLists(value: unknown): PhraseLists {
  const result = phraseFileSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'phrase list' : issue.path.map(String).join('.');
    throw new PhraseListError(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  return compile(result.data);
}

let defaults: PhraseLists | undefined;

/** The English defaults from phrases.en.json (validated once). */
export function defaultPhraseLists(): PhraseLists {
  defaults ??= parsePhraseLists(defaultPhrasesJson);
  return defaults;
}

function compile(file: PhraseFile): PhraseLists {
  const words = (list: readonly string[]): ReadonlySet<string> => new Set(list.flatMap(normalizeWords));
  const phrases = (list: PhraseFile['fillers']): Phrase[] => list.map(compilePhrase).filter((phrase) => phrase.tokens.length > 0);
  return {
    negations: words(file.negations),
    answerWords: words(file.answerWords),
    fillers: phrases(file.fillers),
    empathy: phrases(file.empathy),
    paraphrase: phrases(file.paraphrase),
    defensive: phrases(file.defensive),
    thanks: phrases(file.thanks),
    intentToHelp: phrases(file.intentToHelp),
    optionsOffered: phrases(file.optionsOffered),
    nextStep: phrases(file.nextStep),
    questions: {
      open: phrases(file.questions.open),
      closed: words(file.questions.closed),
      closedSubjects: words(file.questions.closedSubjects),
      leadIns: words(file.questions.leadIns),
      notQuestions: phrases(file.questions.notQuestions),
    },
    names: {
      introductions: file.names.introductions.map((intro) => ({ tokens: normalizeWords(intro.phrase), nearTurnStart: intro.nearTurnStart ?? false })),
      notNames: words(file.names.notNames),
    },
    stopwords: words(file.stopwords),
  };
}

function compilePhrase(entry: PhraseFile['fillers'][number]): Phrase {
  const spec = typeof entry === 'string' ? { phrase: entry } : entry;
  return {
    tokens: normalizeWords(spec.phrase),
    notAfter: new Set((spec.notAfter ?? []).flatMap(normalizeWords)),
    notBefore: new Set((spec.notBefore ?? []).flatMap(normalizeWords)),
    alone: spec.alone ?? false,
  };
}

// The transcript detectors: a call's words in, timestamped cues out. Pure: no clock, no I/O; the phrase
// lists come in as data (phrases.en.json by default). Every cue but fast-pace is about what the agent
// said; the customer's words are context (the turn to paraphrase, the name to use).

import type { TranscriptWord } from '../../shared/transcript';
import type { TranscriptCue, TranscriptCueType } from './cues';
import { DEFAULT_PACE_OPTIONS, detectFastPace, type PaceOptions } from './pace';
import { findPhrases, matchAt, type Negations } from './phrase-match';
import { defaultPhraseLists, type Phrase, type PhraseLists } from './phrases';
import { buildTurns, DEFAULT_TURN_GAP_MS, turnText, type Token, type Turn } from './words';

export interface DetectorOptions {
  phrases: PhraseLists;
  pace: PaceOptions;
  /** Longest gap inside a turn, in ms. Default 1 000. */
  turnGapMs: number;
  /** A pause this long (ms) inside a turn starts a new clause (for questions) and isolates a filler "like". Default 300. */
  clausePauseMs: number;
  /** Paraphrase by overlap: least share of the customer's content words the agent repeats. Default 0.5. */
  paraphraseOverlap: number;
  /** Paraphrase by overlap: least number of shared content words. Default 3. */
  paraphraseMinSharedWords: number;
  /** next-step counts only in the call's last part: its last max(this share, lastPartMinMs). Default 0.25. */
  lastPartShare: number;
  /** Default 60 000 ms. */
  lastPartMinMs: number;
  /** Call length in ms, when known (e.g. from the timing analysis); otherwise the last word's end. */
  durationMs?: number;
}

export function defaultDetectorOptions(): DetectorOptions {
  return {
    phrases: defaultPhraseLists(),
    pace: DEFAULT_PACE_OPTIONS,
    turnGapMs: DEFAULT_TURN_GAP_MS,
    clausePauseMs: 300,
    paraphraseOverlap: 0.5,
    paraphraseMinSharedWords: 3,
    lastPartShare: 0.25,
    lastPartMinMs: 60_000,
  };
}

/** Runs every detector over a call's words; cues come back in time order. */
export function detectTranscriptCues(words: readonly TranscriptWord[], overrides: Partial<DetectorOptions> = {}): TranscriptCue[] {
  const options = { ...defaultDetectorOptions(), ...overrides };
  const turns = buildTurns(words, options.turnGapMs);
  const { phrases } = options;
  const durationMs = options.durationMs ?? Math.max(0, ...words.map((word) => word.endMs));
  const lastPartFromMs = durationMs - Math.max(durationMs * options.lastPartShare, options.lastPartMinMs);
  const cues: TranscriptCue[] = [...detectFastPace(turns, options.pace)];
  const customerName = findCustomerName(turns, phrases);
  let previousCustomerTurn: Turn | undefined;
  for (const turn of turns) {
    if (turn.channel === 'customer') {
      previousCustomerTurn = turn;
      continue;
    }
    const phraseCues = (type: TranscriptCueType, list: readonly Phrase[], negatable: boolean, oncePerTurn = false): void => {
      const matches = findPhrases(turn.tokens, list, negatable ? { negations: negationsOf(phrases) } : {});
      for (const match of oncePerTurn ? matches.slice(0, 1) : matches) {
        cues.push(cueAt(type, turn, match.start, match.end));
      }
    };
    cues.push(...detectFillers(turn, phrases, options.clausePauseMs));
    phraseCues('empathy', phrases.empathy, true);
    phraseCues('defensive', phrases.defensive, false);
    phraseCues('thanks', phrases.thanks, true);
    phraseCues('intent-to-help', phrases.intentToHelp, true);
    phraseCues('options-offered', phrases.optionsOffered, true);
    if (turn.startMs >= lastPartFromMs) phraseCues('next-step', phrases.nextStep, true, true);
    cues.push(...detectQuestions(turn, phrases, options.clausePauseMs));
    const paraphrase = detectParaphrase(turn, previousCustomerTurn, options);
    if (paraphrase !== undefined) cues.push(paraphrase);
    if (customerName !== undefined) {
      turn.tokens.forEach((token, index) => {
        if (token.text === customerName.name && token.startMs >= customerName.saidAtMs) cues.push(cueAt('name-used', turn, index, index + 1));
      });
    }
    // The customer's previous turn is the one before this agent turn, not before the agent's next one.
    previousCustomerTurn = undefined;
  }
  return cues.sort((a, b) => a.atMs - b.atMs);
}

function negationsOf(phrases: PhraseLists): Negations {
  return { words: phrases.negations, answerWords: phrases.answerWords };
}

function cueAt(type: TranscriptCueType, turn: Turn, start: number, end: number): TranscriptCue {
  return { type, by: turn.channel, atMs: turn.tokens[start]?.startMs ?? turn.startMs, text: turnText(turn, start, end) };
}

/** Gap before token `index` (ms), Infinity at the turn's start; likewise after. */
function gapBefore(tokens: readonly Token[], index: number): number {
  const previous = tokens[index - 1];
  const token = tokens[index];
  if (previous === undefined || token === undefined) return Number.POSITIVE_INFINITY;
  return previous.wordIndex === token.wordIndex ? 0 : token.startMs - previous.endMs;
}

function detectFillers(turn: Turn, phrases: PhraseLists, pauseMs: number): TranscriptCue[] {
  const matches = findPhrases(turn.tokens, phrases.fillers);
  const plainFillerAt = new Set(matches.filter((match) => !match.phrase.alone).map((match) => match.start));
  return matches
    .filter((match) => {
      if (!match.phrase.alone) return true;
      // "like" (and "sort of"…) is a filler only when set apart: a pause or a turn edge on one side,
      // or another filler next to it ("like um"). "I like it" has none of these and a notAfter word too.
      const pausedBefore = gapBefore(turn.tokens, match.start) >= pauseMs;
      const pausedAfter = gapBefore(turn.tokens, match.end) >= pauseMs;
      const besideFiller = plainFillerAt.has(match.end) || matches.some((other) => other.end === match.start && !other.phrase.alone);
      return pausedBefore || pausedAfter || besideFiller;
    })
    .map((match) => cueAt('filler', turn, match.start, match.end));
}

/** Clause starts: the turn's first token and each token after a pause of at least `pauseMs`. */
function clauseStarts(turn: Turn, pauseMs: number): number[] {
  const starts: number[] = [];
  turn.tokens.forEach((_, index) => {
    if (index === 0 || gapBefore(turn.tokens, index) >= pauseMs) starts.push(index);
  });
  return starts;
}

/**
 * Vosk gives no punctuation, so a question is recognized by how a clause begins: after optional
 * lead-ins ("so", "okay", "and"…), an open-question opener (what, how, why, tell me, can you tell me…)
 * makes an open question unless a notQuestions phrase matches there ("what I'll do is…"); an
 * auxiliary verb (do, is, can, are…) followed by a subject (you, it, there, the…) makes a closed one.
 */
function detectQuestions(turn: Turn, phrases: PhraseLists, pauseMs: number): TranscriptCue[] {
  const { questions } = phrases;
  const cues: TranscriptCue[] = [];
  const starts = clauseStarts(turn, pauseMs);
  starts.forEach((clauseStart, n) => {
    const clauseEnd = starts[n + 1] ?? turn.tokens.length;
    let at = clauseStart;
    while (at < clauseEnd - 1 && questions.leadIns.has(turn.tokens[at]?.text ?? '')) at++;
    const textEnd = Math.min(clauseEnd, at + 12);
    if (questions.notQuestions.some((phrase) => matchAt(turn.tokens, at, phrase.tokens) >= 0)) return;
    const open = questions.open.some((phrase) => {
      const end = matchAt(turn.tokens, at, phrase.tokens);
      return end >= 0 && end <= clauseEnd;
    });
    if (open) {
      cues.push(cueAt('open-question', turn, at, textEnd));
      return;
    }
    const first = turn.tokens[at]?.text ?? '';
    const second = at + 1 < clauseEnd ? (turn.tokens[at + 1]?.text ?? '') : '';
    if (questions.closed.has(first) && questions.closedSubjects.has(second)) cues.push(cueAt('closed-question', turn, at, textEnd));
  });
  return cues;
}

function contentWords(tokens: readonly Token[], stopwords: ReadonlySet<string>): Set<string> {
  const stem = (word: string): string => (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  return new Set(tokens.map((token) => token.text).filter((word) => word.length >= 3 && !stopwords.has(word) && !word.startsWith('[')).map(stem));
}

/**
 * A paraphrase is a check-back phrase, or the agent's turn repeating at least `paraphraseOverlap` of
 * the content words (not stopwords, 3+ letters) of the customer's turn just before it, and at least
 * `paraphraseMinSharedWords` of them.
 */
function detectParaphrase(turn: Turn, customerTurn: Turn | undefined, options: DetectorOptions): TranscriptCue | undefined {
  const [phrase] = findPhrases(turn.tokens, options.phrases.paraphrase, { negations: negationsOf(options.phrases) });
  if (phrase !== undefined) return cueAt('paraphrase', turn, phrase.start, phrase.end);
  if (customerTurn === undefined) return undefined;
  const theirs = contentWords(customerTurn.tokens, options.phrases.stopwords);
  if (theirs.size === 0) return undefined;
  const ours = contentWords(turn.tokens, options.phrases.stopwords);
  const shared = [...theirs].filter((word) => ours.has(word)).length;
  if (shared < options.paraphraseMinSharedWords || shared / theirs.size < options.paraphraseOverlap) return undefined;
  return { type: 'paraphrase', by: 'agent', atMs: turn.startMs, text: turnText(turn, 0, Math.min(turn.tokens.length, 16)) };
}

export interface CustomerName {
  name: string;
  /** When the customer said it (start of the name word). */
  saidAtMs: number;
}

/** The first name the customer gives ("my name is X", "this is X" / "it's X" near a turn's start). */
export function findCustomerName(turns: readonly Turn[], phrases: PhraseLists): CustomerName | undefined {
  for (const turn of turns) {
    if (turn.channel !== 'customer') continue;
    for (let at = 0; at < turn.tokens.length; at++) {
      for (const intro of phrases.names.introductions) {
        if (intro.nearTurnStart && at > 2) continue;
        const end = matchAt(turn.tokens, at, intro.tokens);
        const candidate = end >= 0 ? turn.tokens[end] : undefined;
        if (candidate === undefined || !looksLikeName(candidate.text, phrases)) continue;
        return { name: candidate.text, saidAtMs: candidate.startMs };
      }
    }
  }
  return undefined;
}

function looksLikeName(word: string, phrases: PhraseLists): boolean {
  if (phrases.names.notNames.has(word) || phrases.stopwords.has(word)) return false;
  if (!/^[a-z][a-z']+$/.test(word)) return false;
  // Adverbs, participles and past tenses ("really", "calling", "broken"-like "locked") are not names.
  return !(word.length >= 5 && /(ly|ing|ed)$/.test(word));
}

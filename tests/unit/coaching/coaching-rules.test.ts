// The coach's rules on scripted turn events: which card for which moment, the rate limit, one card
// at a time, nothing for backchannels, disabled kinds never shown, thresholds from the settings; and
// the cards live transcript cues make, under the same limits.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INITIAL_COACHING_STATE, TRANSCRIPT_CUE_MAX_AGE_MS, stepCoaching, type CoachingInput, type CoachingState } from '../../../src/main/coaching/coaching-rules';
import { DEFAULT_COACHING_SETTINGS, type CardKind, type CoachingSettings } from '../../../src/shared/live';
import { TRANSCRIPT_CUE_TYPES, type TranscriptCue } from '../../../src/shared/transcript';

const SETTINGS: CoachingSettings = { ...DEFAULT_COACHING_SETTINGS, enabledCards: { ...DEFAULT_COACHING_SETTINGS.enabledCards } };

interface Shown {
  kind: CardKind;
  title: string;
  atMs: number;
  shownAtMs: number;
}

/** Runs timed inputs through the rules, ticking every 100 ms in between, and lists the cards shown. */
function play(inputs: ReadonlyArray<[nowMs: number, input: CoachingInput]>, settings: CoachingSettings = SETTINGS, untilMs?: number): Shown[] {
  let state: CoachingState = INITIAL_COACHING_STATE;
  const shown: Shown[] = [];
  const step = (input: CoachingInput, nowMs: number): void => {
    const result = stepCoaching(state, input, nowMs, settings);
    state = result.state;
    if (result.card !== null) shown.push({ kind: result.card.card.kind, title: result.card.card.title, atMs: result.card.atMs, shownAtMs: nowMs });
  };
  const endMs = untilMs ?? Math.max(0, ...inputs.map(([nowMs]) => nowMs));
  let index = 0;
  for (let nowMs = 0; nowMs <= endMs; nowMs += 100) {
    while (index < inputs.length && (inputs[index]?.[0] ?? Infinity) <= nowMs) {
      const [, input] = inputs[index] as [number, CoachingInput];
      step(input, nowMs);
      index += 1;
    }
    step({ type: 'tick' }, nowMs);
  }
  return shown;
}

describe('coaching rules', () => {
  it('shows "Let them finish" when the agent interrupts, dated at the onset', () => {
    const shown = play([[31_000, { type: 'interruption', by: 'agent', atMs: 30_000 }]]);
    assert.deepEqual(shown, [{ kind: 'let-them-finish', title: 'Let them finish', atMs: 30_000, shownAtMs: 31_000 }]);
  });

  it('shows "Customer cut in" when the customer interrupts', () => {
    const shown = play([[5_000, { type: 'interruption', by: 'customer', atMs: 4_000 }]]);
    assert.deepEqual(shown.map((s) => s.title), ['Customer cut in — acknowledge and let them speak']);
  });

  it('never shows a card for a backchannel, from either side', () => {
    const inputs: Array<[number, CoachingInput]> = [];
    for (let i = 0; i < 20; i++) inputs.push([i * 5_000, { type: 'backchannel', by: i % 2 === 0 ? 'agent' : 'customer', atMs: i * 5_000 - 300 }]);
    assert.deepEqual(play(inputs), []);
  });

  it('names the monologue length from the settings', () => {
    assert.equal(play([[60_000, { type: 'monologue', atMs: 0, durationMs: 60_000 }]])[0]?.title, "You've talked 60 s — check in with a question");
    const shorter = { ...SETTINGS, monologueMs: 45_000 };
    assert.equal(play([[45_000, { type: 'monologue', atMs: 0, durationMs: 45_000 }]], shorter)[0]?.title, "You've talked 45 s — check in with a question");
  });

  it('shows "Customer has been quiet" once the customer stays silent customerQuietMs after the agent finished', () => {
    const shown = play(
      [
        [1_000, { type: 'segmentStarted', speaker: 'agent', atMs: 950 }],
        [4_500, { type: 'segmentEnded', speaker: 'agent', endMs: 4_000 }],
      ],
      SETTINGS,
      30_000,
    );
    assert.deepEqual(shown, [{ kind: 'customer-quiet', title: 'Customer has been quiet — check in', atMs: 4_000, shownAtMs: 12_000 }]);
  });

  it('stays quiet when someone speaks before customerQuietMs, and when the customer spoke last', () => {
    const answered = play(
      [
        [4_500, { type: 'segmentEnded', speaker: 'agent', endMs: 4_000 }],
        [11_000, { type: 'segmentStarted', speaker: 'customer', atMs: 10_900 }],
      ],
      SETTINGS,
      30_000,
    );
    assert.deepEqual(answered, []);
    const agentResumed = play(
      [
        [4_500, { type: 'segmentEnded', speaker: 'agent', endMs: 4_000 }],
        [9_000, { type: 'segmentStarted', speaker: 'agent', atMs: 8_950 }],
      ],
      SETTINGS,
      30_000,
    );
    assert.deepEqual(agentResumed, []);
    // The agent finished while the customer was still talking: the silence after is the agent's.
    const customerLast = play(
      [
        [1_000, { type: 'segmentStarted', speaker: 'customer', atMs: 900 }],
        [4_500, { type: 'segmentEnded', speaker: 'agent', endMs: 4_000 }],
        [6_500, { type: 'segmentEnded', speaker: 'customer', endMs: 6_000 }],
      ],
      SETTINGS,
      30_000,
    );
    assert.deepEqual(customerLast, []);
  });

  it('keeps at least minCardGapMs between cards and drops what the limit holds back', () => {
    const shown = play([
      [10_000, { type: 'interruption', by: 'agent', atMs: 9_000 }],
      [15_000, { type: 'interruption', by: 'customer', atMs: 14_000 }],
      [29_900, { type: 'monologue', atMs: 0, durationMs: 60_000 }],
      [30_000, { type: 'interruption', by: 'customer', atMs: 29_000 }],
    ]);
    assert.deepEqual(
      shown.map((s) => [s.kind, s.shownAtMs]),
      [
        ['let-them-finish', 10_000],
        ['customer-cut-in', 30_000],
      ],
    );
  });

  it('does not repeat a kind within noRepeatWithinMs', () => {
    const inputs: Array<[number, CoachingInput]> = [20_000, 45_000, 70_000, 95_000].map((nowMs) => [nowMs, { type: 'interruption', by: 'agent', atMs: nowMs - 1_000 }]);
    assert.deepEqual(
      play(inputs).map((s) => s.shownAtMs),
      [20_000, 95_000],
    );
  });

  it('follows configured gaps', () => {
    const settings = { ...SETTINGS, minCardGapMs: 5_000, noRepeatWithinMs: 10_000 };
    const inputs: Array<[number, CoachingInput]> = [1_000, 4_000, 8_000, 12_000].map((nowMs) => [nowMs, { type: 'interruption', by: 'customer', atMs: nowMs - 1_000 }]);
    assert.deepEqual(
      play(inputs, settings).map((s) => s.shownAtMs),
      [1_000, 12_000],
    );
  });

  it('shows one card at a time: a dismissed card still counts for the gap', () => {
    let state = INITIAL_COACHING_STATE;
    const first = stepCoaching(state, { type: 'interruption', by: 'agent', atMs: 0 }, 1_000, SETTINGS);
    assert.equal(first.state.current?.kind, 'let-them-finish');
    state = stepCoaching(first.state, { type: 'dismiss' }, 2_000, SETTINGS).state;
    assert.equal(state.current, null);
    assert.equal(stepCoaching(state, { type: 'interruption', by: 'customer', atMs: 2_000 }, 3_000, SETTINGS).card, null);
    const later = stepCoaching(state, { type: 'interruption', by: 'customer', atMs: 20_000 }, 21_000, SETTINGS);
    assert.equal(later.state.current?.kind, 'customer-cut-in', 'the new card replaces the old');
  });

  it('never shows a disabled kind', () => {
    const settings = { ...SETTINGS, enabledCards: { ...SETTINGS.enabledCards, 'let-them-finish': false, 'customer-quiet': false } };
    const shown = play(
      [
        [10_000, { type: 'interruption', by: 'agent', atMs: 9_000 }],
        [30_000, { type: 'segmentEnded', speaker: 'agent', endMs: 29_500 }],
        [50_000, { type: 'interruption', by: 'customer', atMs: 49_000 }],
      ],
      settings,
      60_000,
    );
    assert.deepEqual(
      shown.map((s) => s.kind),
      ['customer-cut-in'],
    );
  });
});

describe('coaching rules: transcript cues', () => {
  const cue = (type: TranscriptCue['type'], atMs: number, by: TranscriptCue['by'] = 'agent'): CoachingInput => ({
    type: 'transcriptCue',
    cue: { type, by, atMs, text: type === 'fast-pace' ? '190 wpm over the last 30 s' : 'that is our policy' },
  });

  it('turns the agent sounding defensive into "Acknowledge, then explain", dated when it was said', () => {
    const shown = play([[33_000, cue('defensive', 30_000)]]);
    assert.deepEqual(shown, [{ kind: 'acknowledge-first', title: 'Acknowledge, then explain', atMs: 30_000, shownAtMs: 33_000 }]);
    const step = stepCoaching(INITIAL_COACHING_STATE, cue('defensive', 30_000), 33_000, SETTINGS);
    assert.equal(step.card?.card.detail, 'Policy talk can sound defensive: name the customer’s concern before the rule.');
  });

  it('turns the agent talking too fast into "Slow down"', () => {
    const shown = play([[52_000, cue('fast-pace', 50_000)]]);
    assert.deepEqual(shown, [{ kind: 'slow-down', title: 'Slow down', atMs: 50_000, shownAtMs: 52_000 }]);
  });

  it('makes no card for any other cue, nor for the customer', () => {
    const inputs: Array<[number, CoachingInput]> = TRANSCRIPT_CUE_TYPES.filter((type) => type !== 'defensive' && type !== 'fast-pace').map(
      (type, i) => [10_000 + i * 30_000, cue(type, 9_000 + i * 30_000)],
    );
    inputs.push([500_000, cue('defensive', 499_000, 'customer')], [530_000, cue('fast-pace', 529_000, 'customer')]);
    assert.deepEqual(play(inputs), []);
  });

  it('drops a cue about a moment that has passed', () => {
    assert.deepEqual(play([[40_000 + TRANSCRIPT_CUE_MAX_AGE_MS + 100, cue('defensive', 40_000)]]), []);
    assert.equal(play([[40_000 + TRANSCRIPT_CUE_MAX_AGE_MS, cue('defensive', 40_000)]]).length, 1);
  });

  it('keeps the same limits as the timing cards: gap, no repeat, one at a time, disabled kinds', () => {
    const shown = play([
      [10_000, { type: 'interruption', by: 'agent', atMs: 9_000 }],
      [15_000, cue('defensive', 13_000)], // within minCardGapMs of the last card: dropped
      [31_000, cue('defensive', 29_000)],
      [52_000, cue('defensive', 50_000)], // within noRepeatWithinMs of the same kind: dropped
      [53_000, cue('fast-pace', 51_000)],
    ]);
    assert.deepEqual(
      shown.map((s) => [s.kind, s.shownAtMs]),
      [
        ['let-them-finish', 10_000],
        ['acknowledge-first', 31_000],
        ['slow-down', 53_000],
      ],
    );
    const off = { ...SETTINGS, enabledCards: { ...SETTINGS.enabledCards, 'acknowledge-first': false, 'slow-down': false } };
    assert.deepEqual(play([[31_000, cue('defensive', 29_000)], [60_000, cue('fast-pace', 58_000)]], off), []);
  });
});

// The listening scorecard: the cues summed up as points with verdicts, each with the moments it rests
// on; timing metrics added when the call's analysis is known.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectTranscriptCues } from '../../../src/main/transcript/detectors';
import { buildScorecard, type Scorecard, type ScorecardPointKey } from '../../../src/main/transcript/scorecard';
import type { CallMetrics } from '../../../src/shared/call-analysis';
import { loadTranscript } from './load-fixture';

function scorecardFor(name: string, metrics?: CallMetrics): Scorecard {
  const words = loadTranscript(name);
  return buildScorecard(words, detectTranscriptCues(words), metrics);
}

function point(card: Scorecard, key: ScorecardPointKey): Scorecard['points'][number] {
  const found = card.points.find((candidate) => candidate.key === key);
  assert.ok(found, `no ${key} point`);
  return found;
}

const METRICS: CallMetrics = {
  durationMs: 56_000,
  talkRatio: 0.72,
  agent: { talkMs: 30_000, longestMonologueMs: 9_000, interruptions: 1, segments: [] },
  customer: { talkMs: 12_000, longestMonologueMs: 5_000, interruptions: 0, segments: [] },
  interruptions: [
    { atMs: 19_000, by: 'agent', overlapMs: 600 },
    { atMs: 4_000, by: 'customer', overlapMs: 300 },
  ],
  backchannels: [],
  overlapMs: 900,
  silenceMs: 8_000,
  deadAir: [{ atMs: 40_000, durationMs: 6_000 }],
  responseGapMs: { median: 700, p90: 1_500 },
};

describe('listening scorecard', () => {
  it('a good call: every transcript point good, each linked to the moments of its cues', () => {
    const card = scorecardFor('good-call.json');
    assert.equal(card.timing, false);
    assert.deepEqual(
      card.points.map((p) => `${p.key}:${p.verdict}`),
      ['pace:good', 'fillers:good', 'empathy:good', 'paraphrase:good', 'questions:good', 'defensive:good', 'acknowledgement:good', 'options:good', 'name:good', 'next-step:good'],
    );
    assert.deepEqual(point(card, 'empathy').moments, [{ atMs: 11_000, text: "i'm sorry to hear" }]);
    assert.deepEqual(point(card, 'name').moments.map((m) => m.atMs), [13_000, 47_400]);
    assert.deepEqual(point(card, 'questions').moments.map((m) => m.atMs), [23_600, 30_000]);
    assert.equal(point(card, 'questions').value, 0.5);
    assert.deepEqual(point(card, 'acknowledgement').moments.map((m) => m.atMs), [500, 21_000, 35_400]);
    assert.equal(card.counts.thanks, 2);
    assert.equal(card.counts['fast-pace'], 0);
  });

  it('agent words, speech time, words and fillers per minute of speech', () => {
    const card = scorecardFor('good-call.json');
    assert.equal(card.agent.words, 88);
    assert.equal(card.agent.fillers, 1);
    assert.ok(card.agent.speechMs > 30_000 && card.agent.speechMs < 45_000, String(card.agent.speechMs));
    assert.equal(card.agent.fillersPerMinute, Math.round((60_000 / card.agent.speechMs) * 10) / 10);
    assert.equal(card.agent.wordsPerMinute, Math.round(((88 * 60_000) / card.agent.speechMs) * 10) / 10);
    assert.equal(card.durationMs, 53_820);
  });

  it('a defensive call: defensive, empathy, paraphrase and next-step to improve; no name given, so the name point is only information', () => {
    const card = scorecardFor('defensive.json');
    assert.equal(point(card, 'defensive').verdict, 'improve');
    assert.deepEqual(point(card, 'defensive').moments.map((m) => m.atMs), [3_000, 4_800, 10_000]);
    assert.equal(point(card, 'empathy').verdict, 'improve');
    assert.equal(point(card, 'paraphrase').verdict, 'improve');
    assert.equal(point(card, 'next-step').verdict, 'improve');
    assert.equal(point(card, 'name').verdict, 'info');
    assert.equal(point(card, 'options').verdict, 'info');
    assert.equal(point(card, 'questions').verdict, 'info');
  });

  it('the name point asks to improve when the customer gave a name the agent never used', () => {
    const words = loadTranscript('names.json').filter((word) => !(word.channel === 'agent' && word.word === 'david' && word.startMs > 8_000));
    const card = buildScorecard(words, detectTranscriptCues(words));
    assert.equal(point(card, 'name').verdict, 'improve');
  });

  it('fast pace and many fillers are to improve, with their moments', () => {
    const fast = scorecardFor('fast-pace.json');
    assert.equal(point(fast, 'pace').verdict, 'improve');
    assert.equal(point(fast, 'pace').moments.length, 2);
    const fillers = scorecardFor('fillers.json');
    assert.equal(point(fillers, 'fillers').verdict, 'improve');
    assert.deepEqual(point(fillers, 'fillers').moments.map((m) => m.text), ['um', 'like', 'uh', 'er', 'you know']);
  });

  it('more closed than open questions is to improve', () => {
    const card = scorecardFor('negations.json');
    assert.equal(point(card, 'questions').verdict, 'improve');
    assert.equal(point(card, 'questions').value, 0);
  });

  it('with timing metrics: talk ratio, the agent\'s interruptions and dead air with their moments, the response gap', () => {
    const card = scorecardFor('good-call.json', METRICS);
    assert.equal(card.timing, true);
    assert.equal(card.durationMs, 56_000);
    assert.deepEqual(point(card, 'talk-ratio'), { key: 'talk-ratio', verdict: 'improve', summary: 'The agent talked 72% of the time', value: 0.72, moments: [] });
    assert.deepEqual(point(card, 'interruptions').moments, [{ atMs: 19_000, text: 'interrupted the customer (600 ms overlap)' }]);
    assert.equal(point(card, 'interruptions').verdict, 'improve');
    assert.deepEqual(point(card, 'dead-air').moments, [{ atMs: 40_000, text: 'dead air for 6000 ms' }]);
    assert.equal(point(card, 'response-gap').verdict, 'good');
    assert.equal(point(card, 'response-gap').value, 700);
  });

  it('without metrics there are no timing points', () => {
    const keys = scorecardFor('good-call.json').points.map((p) => p.key);
    for (const key of ['talk-ratio', 'interruptions', 'response-gap', 'dead-air'] as const) assert.ok(!keys.includes(key));
  });

  it('an empty transcript: nothing to judge on pace and fillers', () => {
    const card = buildScorecard([], []);
    assert.equal(card.agent.wordsPerMinute, null);
    assert.equal(point(card, 'pace').verdict, 'info');
    assert.equal(point(card, 'fillers').verdict, 'info');
    assert.equal(card.durationMs, 0);
  });
});

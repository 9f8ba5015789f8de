// Accuracy on the generated calls (every script × clean, phone band + noise, speaker bleed, all of it):
// the issues' bars, per call and per kind of call (synthetic voices, real voices, the contact-centre
// recording). Also shows the bleed model is what clears them on the bleed calls.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import { ensureCallFixtures, type CallFixture } from '../fixtures/call-fixtures';
import { CALL_SCRIPTS } from '../fixtures/call-scripts';
import { callKind, f1, scoreCall, speechF1, type CallKind, type CallScore } from './call-scoring';

const MAX_TALK_RATIO_ERROR_POINTS = 2;
const MAX_SYNTHETIC_MEAN_ERROR_POINTS = 1;
const MIN_INTERRUPTION_F1 = 0.9;
/** Speech time (10 ms grid, both speakers pooled): per kind of call, and the least any one call may have. */
const MIN_SPEECH_F1: Record<CallKind, number> = { synthetic: 0.95, real: 0.96, 'contact-centre': 0.96 };
const MIN_CALL_SPEECH_F1 = 0.94;
/** The contact-centre call in its original form (gated agent line, noisy caller line): false interruptions per 4 minutes. */
const MAX_FALSE_INTERRUPTIONS_PER_4_MIN = 1;

function kindOf(fixture: CallFixture): CallKind {
  const script = CALL_SCRIPTS.find((s) => s.id === fixture.truth.script);
  if (script === undefined) throw new Error(`no script for ${fixture.id}`);
  return callKind(script);
}

describe('accuracy on generated calls', () => {
  let fixtures: CallFixture[] = [];
  const scores = new Map<string, CallScore>();

  before(async () => {
    fixtures = await ensureCallFixtures();
    for (const fixture of fixtures) scores.set(fixture.id, scoreCall(fixture.truth, await analyzeCallFile(fixture.wavPath)));
  });

  it('covers at least 12 calls across all four conditions', () => {
    assert.ok(fixtures.length >= 12, `only ${fixtures.length} calls`);
    assert.deepEqual(new Set(fixtures.map((f) => f.condition)), new Set(['clean', 'phone-noise', 'bleed', 'all']));
  });

  it(`keeps every call's talk ratio within ${MAX_TALK_RATIO_ERROR_POINTS} percentage points`, () => {
    const misses = fixtures
      .map((f) => ({ id: f.id, error: scores.get(f.id)!.talkRatioErrorPoints }))
      .filter((m) => m.error > MAX_TALK_RATIO_ERROR_POINTS);
    assert.deepEqual(misses, []);
  });

  it(`detects interruptions with F1 ≥ ${MIN_INTERRUPTION_F1} (onset within 700 ms, right speaker)`, () => {
    const score = f1([...scores.values()]);
    assert.ok(score >= MIN_INTERRUPTION_F1, `F1 ${score.toFixed(3)}`);
  });

  it(`keeps the synthetic voices' talk-ratio error within ${MAX_SYNTHETIC_MEAN_ERROR_POINTS} point on average`, () => {
    const errors = fixtures.filter((f) => kindOf(f) === 'synthetic').map((f) => scores.get(f.id)!.talkRatioErrorPoints);
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    assert.ok(mean <= MAX_SYNTHETIC_MEAN_ERROR_POINTS, `mean ${mean.toFixed(2)} points`);
  });

  it('finds speech time: F1 per kind of call (10 ms grid, both speakers pooled) and per call', () => {
    for (const kind of ['synthetic', 'real', 'contact-centre'] as const) {
      const ofKind = fixtures.filter((f) => kindOf(f) === kind).map((f) => scores.get(f.id)!);
      assert.ok(ofKind.length > 0, `no ${kind} calls`);
      const score = speechF1(ofKind);
      assert.ok(score >= MIN_SPEECH_F1[kind], `${kind}: speech F1 ${score.toFixed(3)} < ${MIN_SPEECH_F1[kind]}`);
    }
    const misses = fixtures
      .map((f) => ({ id: f.id, f1: Number(speechF1([scores.get(f.id)!]).toFixed(3)) }))
      .filter((m) => m.f1 < MIN_CALL_SPEECH_F1);
    assert.deepEqual(misses, []);
  });

  it(`hears no line noise as a voice on the contact-centre call in its original form (≤ ${MAX_FALSE_INTERRUPTIONS_PER_4_MIN} false interruption per 4 min)`, () => {
    const original = fixtures.filter((f) => f.truth.render.agentLineGated);
    assert.ok(original.length > 0, 'no call with a gated agent line');
    for (const fixture of original) {
      const perFourMinutes = (scores.get(fixture.id)!.falsePositives / fixture.truth.durationMs) * 240_000;
      assert.ok(perFourMinutes <= MAX_FALSE_INTERRUPTIONS_PER_4_MIN, `${fixture.id}: ${perFourMinutes.toFixed(2)} per 4 min`);
    }
  });

  it('never reports a backchannel as an interruption', () => {
    const misses = fixtures.filter((f) => scores.get(f.id)!.backchannelsAsInterruptions > 0).map((f) => f.id);
    assert.deepEqual(misses, []);
  });

  it('owes the bleed calls to the bleed model: a plain per-channel detector misses them badly', async () => {
    const bleedCalls = fixtures.filter((f) => f.condition === 'bleed');
    assert.ok(bleedCalls.length > 0);
    for (const fixture of bleedCalls) {
      const plain = await analyzeCallFile(fixture.wavPath, { tuning: { bleedCancellation: false } });
      const error = scoreCall(fixture.truth, plain).talkRatioErrorPoints;
      assert.ok(error > 5, `${fixture.id}: without the bleed model the error is only ${error.toFixed(2)} points`);
    }
  });
});

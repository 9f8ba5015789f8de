// Accuracy on the generated calls (every script × clean, phone band + noise, speaker bleed, all of it):
// the bars, per call. Also shows the bleed model is what clears them on the bleed calls.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import { ensureCallFixtures, type CallFixture } from '../fixtures/call-fixtures';
import { f1, scoreCall, type CallScore } from './call-scoring';

const MAX_TALK_RATIO_ERROR_POINTS = 2;
const MIN_INTERRUPTION_F1 = 0.9;

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

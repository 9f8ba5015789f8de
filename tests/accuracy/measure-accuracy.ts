// Prints the analyzer's accuracy on every generated call fixture: `npm run accuracy`.
// With --no-bleed-model, the same with the bleed model off, to show what it buys.

import { ensureCallFixtures } from '../fixtures/call-fixtures';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import type { BleedModelOptions } from '../../src/main/analysis/bleed-model';
import { DEFAULT_SIGNAL_TUNING, type SignalTuning } from '../../src/main/analysis/conversation-analyzer';
import type { VoiceDetectorOptions } from '../../src/main/analysis/voice-detector';
import { f1, scoreCall, type CallScore } from './call-scoring';

/** ATTUNE_TUNING='{"voice":{...}}' overrides signal tuning for experiments. */
function experimentTuning(): Partial<SignalTuning> {
  const raw = process.env['ATTUNE_TUNING'];
  if (raw === undefined) return {};
  const parsed = JSON.parse(raw) as { voice?: Partial<VoiceDetectorOptions>; bleed?: Partial<BleedModelOptions> };
  return {
    voice: { ...DEFAULT_SIGNAL_TUNING.voice, ...parsed.voice },
    bleed: { ...DEFAULT_SIGNAL_TUNING.bleed, ...parsed.bleed },
  };
}

async function main(): Promise<void> {
  const withoutBleedModel = process.argv.includes('--no-bleed-model');
  const fixtures = await ensureCallFixtures();
  const scores: CallScore[] = [];
  console.log('call                                  truth  found  err(pts)  TP FP FN  bc→int');
  for (const fixture of fixtures) {
    const analysis = await analyzeCallFile(fixture.wavPath, { tuning: { ...experimentTuning(), bleedCancellation: !withoutBleedModel } });
    const score = scoreCall(fixture.truth, analysis);
    scores.push(score);
    console.log(
      `${fixture.id.padEnd(36)} ${fixture.truth.talkRatio.toFixed(3)}  ${analysis.talkRatio.toFixed(3)}  ${score.talkRatioErrorPoints.toFixed(2).padStart(8)}  ${String(score.truePositives).padStart(2)} ${String(score.falsePositives).padStart(2)} ${String(score.falseNegatives).padStart(2)}  ${score.backchannelsAsInterruptions}`,
    );
  }
  const errors = scores.map((s) => s.talkRatioErrorPoints);
  console.log(
    `\n${scores.length} calls: talk-ratio error mean ${(errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2)} pts, max ${Math.max(...errors).toFixed(2)} pts; interruption F1 ${f1(scores).toFixed(3)}; backchannels reported as interruptions: ${scores.reduce((a, s) => a + s.backchannelsAsInterruptions, 0)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

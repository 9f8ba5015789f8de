// Prints the analyzer's accuracy on every generated call fixture: `npm run accuracy`.
// Per call: talk ratio, speech-time F1 (recall / precision), interruptions found; then per kind of call
// (synthetic voices, real voices, the contact-centre recording) and condition, with the most customer
// speech any one call counted as the agent's (bleed that got through).
//   --no-bleed-model   the same with the bleed model off, to show what it buys
//   --only <text>      only the calls whose id contains <text>
//   --json <file>      also write every call's figures to <file>

import { writeFile } from 'node:fs/promises';
import { ensureCallFixtures } from '../fixtures/call-fixtures';
import { CALL_CONDITIONS, CALL_SCRIPTS } from '../fixtures/call-scripts';
import { analyzeCallFile } from '../../src/main/services/call-file-analysis';
import type { BleedModelOptions } from '../../src/main/analysis/bleed-model';
import { DEFAULT_SIGNAL_TUNING, type SignalTuning } from '../../src/main/analysis/conversation-analyzer';
import type { VoiceDetectorOptions } from '../../src/main/analysis/voice-detector';
import { callKind, f1, scoreCall, speechF1, type CallKind, type CallScore } from './call-scoring';

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

interface Row {
  id: string;
  kind: CallKind;
  condition: string;
  durationMs: number;
  score: CallScore;
}

function argAfter(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function summary(label: string, rows: readonly Row[]): string {
  const errors = rows.map((r) => r.score.talkRatioErrorPoints);
  const scores = rows.map((r) => r.score);
  const falseInterruptions = scores.reduce((a, s) => a + s.falsePositives, 0);
  const minutes = rows.reduce((a, r) => a + r.durationMs, 0) / 60_000;
  return (
    `${label.padEnd(28)} ${String(rows.length).padStart(2)} calls  ratio err mean ${(errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2).padStart(5)} worst ${Math.max(...errors).toFixed(2).padStart(5)}` +
    `  speech F1 ${speechF1(scores).toFixed(3)}  intr F1 ${f1(scores).toFixed(3)}  false intr ${falseInterruptions} (${((falseInterruptions / minutes) * 4).toFixed(2)}/4 min)` +
    `  bc→int ${scores.reduce((a, s) => a + s.backchannelsAsInterruptions, 0)}  customer as agent ≤ ${Math.max(...scores.map((s) => s.customerAsAgentMs))} ms/call`
  );
}

async function main(): Promise<void> {
  const withoutBleedModel = process.argv.includes('--no-bleed-model');
  const only = argAfter('--only');
  const jsonPath = argAfter('--json');
  const fixtures = (await ensureCallFixtures()).filter((f) => only === undefined || f.id.includes(only));
  const rows: Row[] = [];
  console.log('call                                  truth  found  err(pts)  speechF1 (rec/prec)    TP FP FN  bc→int');
  for (const fixture of fixtures) {
    const analysis = await analyzeCallFile(fixture.wavPath, { tuning: { ...experimentTuning(), bleedCancellation: !withoutBleedModel } });
    const score = scoreCall(fixture.truth, analysis);
    const script = CALL_SCRIPTS.find((s) => s.id === fixture.truth.script);
    if (script === undefined) throw new Error(`no script for ${fixture.id}`);
    rows.push({ id: fixture.id, kind: callKind(script), condition: fixture.condition, durationMs: fixture.truth.durationMs, score });
    const recall = score.matchedSpeechMs / Math.max(1, score.truthSpeechMs);
    const precision = score.matchedSpeechMs / Math.max(1, score.reportedSpeechMs);
    console.log(
      `${fixture.id.padEnd(36)} ${fixture.truth.talkRatio.toFixed(3)}  ${analysis.talkRatio.toFixed(3)}  ${score.talkRatioErrorPoints.toFixed(2).padStart(8)}` +
        `  ${speechF1([score]).toFixed(3)} (${recall.toFixed(3)}/${precision.toFixed(3)})  ${String(score.truePositives).padStart(2)} ${String(score.falsePositives).padStart(2)} ${String(score.falseNegatives).padStart(2)}  ${score.backchannelsAsInterruptions}`,
    );
  }
  console.log('');
  for (const kind of ['synthetic', 'real', 'contact-centre'] as const) {
    const ofKind = rows.filter((r) => r.kind === kind);
    if (ofKind.length === 0) continue;
    console.log(summary(kind, ofKind));
    for (const condition of CALL_CONDITIONS) {
      const ofCondition = ofKind.filter((r) => r.condition === condition);
      if (ofCondition.length > 0) console.log(summary(`  ${condition}`, ofCondition));
    }
  }
  console.log(summary('all', rows));
  if (jsonPath !== undefined) await writeFile(jsonPath, `${JSON.stringify(rows, null, 1)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

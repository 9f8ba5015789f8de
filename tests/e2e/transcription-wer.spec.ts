// Word error rate on the fixture calls with a real Vosk model (ATTUNE_VOSK_MODEL=/path/to/vosk-model):
// each clean fixture call transcribed by the real vosk-browser in the built recognizer page, fed
// through the recognizer protocol as the app feeds it, and every channel with an English reference
// scored against what its script says. Without a model the test is skipped, and says so; no model can
// be downloaded on this machine, so here it always is.
//
// What is asserted is that the pipeline works, not how good a model is: every English channel
// produced words, and its WER is a finite number under a generous bound. A broken feed (wrong channel,
// sample rate or scaling) gives no words or a WER near or above 1; any working English model does far
// better than the bounds on these voices:
// - espeak-ng voices, < 0.6: formant-synthesized speech is unlike the recordings Vosk's models are
//   trained on, so even a good model misses words (names like "Northwind", clipped function words), but
//   clean espeak in a 16 kHz channel is intelligible and well above chance;
// - recorded English voices, < 0.8: Allison's prompts are 8 kHz telephone-band audio and the LibriVox
//   reader's lines are 19th-century prose ("Dashwood", "amiable") from a 64 kbit/s MP3, both harder
//   for a small model, and their channels are short, so one miss weighs more.
// Only the clean condition is asserted: noise and bleed (the other side's words on the agent's channel,
// which count as insertions) are conditions to measure, not to bound; `npm run bench` reports them all.

import { expect, test } from '@playwright/test';
import { wordErrorRate } from '../../src/main/transcript/word-error-rate';
import { callReferences, scriptOfFixture } from '../fixtures/call-references';
import { CALL_SCRIPTS } from '../fixtures/call-scripts';
import { renderFixtureCall } from './harness/fixture-calls';
import { startVoskTranscriber, voskModelFromEnv } from './harness/vosk-transcriber';

const modelFolder = voskModelFromEnv();

const WER_BOUND = { espeak: 0.6, recorded: 0.8 } as const;

test.describe('transcription with a real Vosk model', () => {
  test.skip(modelFolder === null, 'skipped: no model (ATTUNE_VOSK_MODEL unset)');

  test('every English channel of the clean fixture calls is transcribed, with a WER under the bound', async ({ browser }) => {
    // About 15 minutes of audio through a WASM recognizer on a shared machine.
    test.setTimeout(60 * 60_000);
    if (modelFolder === null) throw new Error('unreachable: skipped above');
    const scripts = CALL_SCRIPTS.filter((script) => callReferences(script).some((reference) => reference.text !== null));
    expect(scripts.length).toBeGreaterThan(0);
    // Rendered (or found in the cache) by a child process: the fixture module is ESM-flavoured.
    const fixtures: { id: string; wavPath: string }[] = [];
    for (const script of scripts) fixtures.push({ id: `${script.id}--clean`, wavPath: await renderFixtureCall(`${script.id}--clean`) });

    const transcriber = await startVoskTranscriber(modelFolder, { browser });
    const failures: string[] = [];
    try {
      for (const fixture of fixtures) {
        const transcription = await transcriber.transcribe(fixture.wavPath);
        for (const reference of callReferences(scriptOfFixture(fixture.id))) {
          if (reference.text === null) continue;
          const heard = transcription.channels[reference.speaker];
          const wer = wordErrorRate(reference.text, heard.text);
          const line = `${fixture.id} ${reference.speaker} (${reference.kind} ${reference.voice}): WER ${wer.rate.toFixed(3)} (S ${wer.substitutions}, D ${wer.deletions}, I ${wer.insertions} of ${wer.referenceWords}), ${heard.words} words, RTF ${(heard.busyMs / transcription.audioMs).toFixed(3)}`;
          console.log(line);
          test.info().annotations.push({ type: 'wer', description: line });
          if (heard.words === 0) failures.push(`${fixture.id} ${reference.speaker}: no words`);
          else if (!Number.isFinite(wer.rate) || wer.rate >= WER_BOUND[reference.kind]) failures.push(`${line} — bound ${WER_BOUND[reference.kind]}`);
        }
      }
    } finally {
      await transcriber.close();
    }
    expect(failures).toEqual([]);
  });
});

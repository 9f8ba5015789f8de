// Transcription benchmark (part of `npm run bench`; alone: `npx tsx bench/transcription-bench.ts`): with a
// Vosk model folder in ATTUNE_VOSK_MODEL, every generated call fixture transcribed by the real
// vosk-browser in the real recognizer page in Chromium (tests/e2e/harness/vosk-transcriber.ts), fed as
// the live path feeds it. Reports, per call and channel, the word error rate against what the script
// says (channels with an English reference only: see tests/fixtures/call-references.ts) and the
// recognizer's real-time factor; then WER pooled by voice kind, condition and channel. Figures, not
// pass/fail. Without the variable it prints one line saying it was skipped.
//
// Real-time factor = processing time / audio time (below 1 keeps up; 0.25 = four times faster than
// real time). "both" is the wall time for the two channels together, first block to the sync after
// the last one (one worker serves both, as in the app); per channel it is the worker's time on that
// channel's blocks. Needs the built renderer (npm run build).

import type { CallCondition } from '../tests/fixtures/call-scripts';
import { callReferences, scriptOfFixture, type ChannelReference, type VoiceKind } from '../tests/fixtures/call-references';
import { startVoskTranscriber, voskModelFromEnv, type CallTranscription, type VoskTranscriber } from '../tests/e2e/harness/vosk-transcriber';
import { pooledWordErrorRate, wordErrorRate, type WordErrorResult } from '../src/main/transcript/word-error-rate';
import type { RecognizerChannel } from '../src/shared/recognizer-protocol';

export const NO_MODEL_LINE = 'transcription: skipped: no model (set ATTUNE_VOSK_MODEL=/path/to/vosk-model)';

interface ChannelScore {
  fixtureId: string;
  condition: CallCondition;
  channel: RecognizerChannel;
  reference: ChannelReference;
  wer: WordErrorResult | null;
}

export interface TranscriptionBenchOptions {
  /** Only fixtures of these conditions (default: all four). */
  conditions?: readonly CallCondition[];
  log?: (text: string) => void;
}

const formatRate = (rate: number): string => (Number.isFinite(rate) ? rate.toFixed(3) : '∞');
const formatWer = (wer: WordErrorResult): string =>
  `WER ${formatRate(wer.rate)} (S ${wer.substitutions}, D ${wer.deletions}, I ${wer.insertions} of ${wer.referenceWords})`;

/** Returns false when the section could not run although a model was given (the caller sets the exit code). */
export async function runTranscriptionBench(options: TranscriptionBenchOptions = {}): Promise<boolean> {
  const log = options.log ?? ((text: string) => void process.stdout.write(text));
  const line = (label: string, value: string): void => log(`${label.padEnd(34)}${value}\n`);
  const modelFolder = voskModelFromEnv();
  if (modelFolder === null) {
    log(`${NO_MODEL_LINE}\n`);
    return true;
  }

  log(`\ntranscription (model ${modelFolder}; vosk-browser in Chromium, fed as 20 ms blocks)\n`);
  // The model first: a bad one is one line at once, before any fixture is rendered.
  let transcriber: VoskTranscriber;
  try {
    const loadStartedMs = performance.now();
    transcriber = await startVoskTranscriber(modelFolder);
    line('  model load', `${((performance.now() - loadStartedMs) / 1000).toFixed(1)} s (pack, serve, unpack in the page)`);
  } catch (error) {
    log(`transcription: failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
  const scores: ChannelScore[] = [];
  let audioMs = 0;
  let elapsedMs = 0;
  const busyMs: Record<RecognizerChannel, number> = { agent: 0, customer: 0 };
  try {
    const { ensureCallFixtures } = await import('../tests/fixtures/call-fixtures');
    const fixtures = (await ensureCallFixtures()).filter((fixture) => options.conditions === undefined || options.conditions.includes(fixture.condition));
    line('  calls', `${fixtures.length} generated fixtures (${options.conditions?.join(', ') ?? 'all conditions'})`);
    for (const fixture of fixtures) {
      const result: CallTranscription = await transcriber.transcribe(fixture.wavPath);
      audioMs += result.audioMs;
      elapsedMs += result.elapsedMs;
      const parts: string[] = [];
      for (const reference of callReferences(scriptOfFixture(fixture.id))) {
        const channel = reference.speaker;
        const heard = result.channels[channel];
        busyMs[channel] += heard.busyMs;
        let wer: WordErrorResult | null = null;
        let described: string;
        if (reference.text === null) described = `${heard.words} words, no WER (${reference.why})`;
        else described = formatWer((wer = wordErrorRate(reference.text, heard.text)));
        scores.push({ fixtureId: fixture.id, condition: fixture.condition, channel, reference, wer });
        parts.push(`${channel} ${described}, RTF ${(heard.busyMs / result.audioMs).toFixed(3)}`);
      }
      line(`  ${fixture.id}`, `${parts.join(' | ')} | both RTF ${(result.elapsedMs / result.audioMs).toFixed(3)}`);
    }
  } finally {
    await transcriber.close();
  }

  log('\n  word error rate, pooled (all edits over all reference words)\n');
  const kinds: VoiceKind[] = ['espeak', 'recorded'];
  const conditions = [...new Set(scores.map((score) => score.condition))];
  for (const kind of kinds) {
    for (const condition of conditions) {
      const parts: string[] = [];
      for (const channel of ['agent', 'customer'] as const) {
        const group = scores.filter((s) => s.reference.kind === kind && s.condition === condition && s.channel === channel && s.wer !== null);
        if (group.length > 0) parts.push(`${channel} ${formatWer(pooledWordErrorRate(group.map((s) => s.wer as WordErrorResult)))} [${group.length}]`);
      }
      if (parts.length > 0) line(`  ${kind === 'espeak' ? 'espeak-ng voices' : 'recorded English'}, ${condition}`, parts.join(' | '));
    }
  }
  const all = scores.flatMap((score) => (score.wer === null ? [] : [score.wer]));
  line('  all English channels', `${formatWer(pooledWordErrorRate(all))} [${all.length} channels]`);
  const unscored = scores.filter((score) => score.wer === null).length;
  if (unscored > 0) line('  not scored', `${unscored} channels (no English reference)`);

  log('\n  real-time factor (processing time / audio time)\n');
  line('  both channels, wall time', `${(elapsedMs / audioMs).toFixed(3)} over ${(audioMs / 60_000).toFixed(1)} min of calls`);
  line('  agent channel', `${(busyMs.agent / audioMs).toFixed(3)}`);
  line('  customer channel', `${(busyMs.customer / audioMs).toFixed(3)}`);
  return true;
}

if (process.argv[1]?.endsWith('transcription-bench.ts') === true) {
  runTranscriptionBench().then(
    (ran) => {
      if (!ran) process.exitCode = 1;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

// AudioWorklet processor (runs on the audio thread): two inputs, agent and customer; each is
// downmixed to mono, resampled to 16 kHz with the analysis core's anti-aliased polyphase resampler,
// packed into 20 ms planar Int16 blocks and posted to the main thread with the buffer transferred.
// Loaded as its own bundled file (`?worker&url`), so the page's CSP `script-src 'self'` allows it.

import { createResampler, type Resampler } from '../../../main/analysis/resampler';
import { createFramePacker } from './frame-packer';
import { ANALYSIS_SAMPLE_RATE_HZ, CAPTURE_PROCESSOR_NAME, FRAMES_PER_BLOCK, type WorkletMessage } from './worklet-protocol';

// The AudioWorkletGlobalScope's own globals; TypeScript's DOM lib does not describe that scope.
declare const sampleRate: number;
declare abstract class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

/** Averages an input's channels into `into`; an input without channels (device gone) gives zeros. */
function downmix(input: readonly Float32Array[] | undefined, into: Float32Array): Float32Array {
  const channels = input?.length ?? 0;
  if (!input || channels === 0) return into.fill(0);
  const first = input[0] as Float32Array;
  if (into.length !== first.length) into = new Float32Array(first.length);
  if (channels === 1) {
    into.set(first);
    return into;
  }
  const scale = 1 / channels;
  for (let i = 0; i < into.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += (input[c] as Float32Array)[i] as number;
    into[i] = sum * scale;
  }
  return into;
}

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly resamplers: [Resampler, Resampler] = [createResampler(sampleRate, ANALYSIS_SAMPLE_RATE_HZ), createResampler(sampleRate, ANALYSIS_SAMPLE_RATE_HZ)];
  private readonly packer = createFramePacker(FRAMES_PER_BLOCK);
  private mono: [Float32Array, Float32Array] = [new Float32Array(128), new Float32Array(128)];

  constructor() {
    super();
    const ready: WorkletMessage = { type: 'ready', inputSampleRateHz: sampleRate };
    this.port.postMessage(ready);
  }

  process(inputs: readonly (readonly Float32Array[])[]): boolean {
    this.mono[0] = downmix(inputs[0], this.mono[0]);
    this.mono[1] = downmix(inputs[1], this.mono[1]);
    const agent = this.resamplers[0].process(this.mono[0]);
    const customer = this.resamplers[1].process(this.mono[1]);
    for (const buffer of this.packer.push(agent, customer)) {
      const message: WorkletMessage = { type: 'block', buffer };
      this.port.postMessage(message, [buffer]);
    }
    // Keep running while the node exists, even through silence.
    return true;
  }
}

registerProcessor(CAPTURE_PROCESSOR_NAME, CaptureProcessor);

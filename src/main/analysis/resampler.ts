// Streaming sample-rate converter (pure): rational-ratio polyphase FIR with a Kaiser-windowed sinc.
// Used for whole files and for live capture chunks of any size; its state carries across `process`
// calls exactly, so feeding a signal in pieces gives the same samples as feeding it at once.
//
// Output sample n sits at input time n·from/to (no delay: the filter is centred, we simply wait for
// the input it needs), and a signal of N input samples yields exactly ceil(N·to/from) output samples.
// When downsampling to 16 kHz the filter passes 0–6.8 kHz (−0.5 dB at 7 kHz) and stops ≥ 9 kHz by
// ≥ 40 dB, so any tone that would fold back below 7 kHz is attenuated at least 40 dB.
// Cost is all in the taps (52 at 48 kHz): measured ~1100–1500× real time per channel from 48 kHz and
// ~1050× from 44.1 kHz on the 2-core dev box; that is why the transition band isn't narrower.

export interface Resampler {
  readonly fromHz: number;
  readonly toHz: number;
  /** Converts the next chunk. The returned array is new (the caller may keep it). */
  process(input: Float32Array): Float32Array;
  /** Emits the tail (input beyond the end is taken as silence) and resets to a fresh state. */
  flush(): Float32Array;
}

/** Stopband attenuation the Kaiser design aims for (dB); the analysis needs aliases ≥ 40 dB down. */
const STOPBAND_ATTENUATION_DB = 40;
/** Passband edge as a fraction of the lower of the two rates: 6.8 kHz at 16 kHz (−0.5 dB at 7 kHz). */
const PASSBAND_EDGE_FRACTION = 0.425;
/**
 * Stopband edge, same scale: 9 kHz at 16 kHz, so everything that would fold below 7 kHz is stopped.
 * A narrower transition costs taps linearly, and taps are the whole cost (≈ 1 multiply-add per ns in V8).
 */
const STOPBAND_EDGE_FRACTION = 0.5625;

export function createResampler(fromHz: number, toHz: number): Resampler {
  for (const [name, rateHz] of [['fromHz', fromHz], ['toHz', toHz]] as const) {
    if (!Number.isInteger(rateHz) || rateHz <= 0) throw new RangeError(`${name} must be a positive integer, got ${rateHz}`);
  }
  if (fromHz === toHz) return createIdentityResampler(fromHz);
  return createPolyphaseResampler(fromHz, toHz);
}

function createIdentityResampler(rateHz: number): Resampler {
  return {
    fromHz: rateHz,
    toHz: rateHz,
    // A copy, so the caller may reuse its capture buffer.
    process: (input) => input.slice(),
    flush: () => new Float32Array(0),
  };
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind (for the Kaiser window). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

interface PolyphaseDesign {
  /** Interpolation factor L (output = input · L / M). */
  upFactor: number;
  /** Decimation factor M. */
  downFactor: number;
  /** Taps per phase; every output sample reads this many consecutive input samples. */
  tapCount: number;
  /** Input samples before the output instant's floor index that the kernel reaches back to, minus one. */
  halfTaps: number;
  /** upFactor rows of tapCount coefficients; row p serves output instants p/L past an input sample. */
  coefficients: Float32Array;
}

function designPolyphase(fromHz: number, toHz: number): PolyphaseDesign {
  const divisor = greatestCommonDivisor(fromHz, toHz);
  const upFactor = toHz / divisor;
  const downFactor = fromHz / divisor;
  const lowerRateHz = Math.min(fromHz, toHz);
  // Normalised to the input rate (cycles per input sample).
  const cutoff = (lowerRateHz * (PASSBAND_EDGE_FRACTION + STOPBAND_EDGE_FRACTION)) / 2 / fromHz;
  const transition = (lowerRateHz * (STOPBAND_EDGE_FRACTION - PASSBAND_EDGE_FRACTION)) / fromHz;
  const attenuationDb = STOPBAND_ATTENUATION_DB;
  const beta = attenuationDb > 50 ? 0.1102 * (attenuationDb - 8.7) : 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  // Kaiser's length estimate, in input samples; even so the kernel is symmetric about each output instant.
  const order = Math.ceil((attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transition));
  // A multiple of four taps, for the unrolled inner loop.
  const halfTaps = Math.max(2, 2 * Math.ceil(order / 4));
  const tapCount = 2 * halfTaps;
  const coefficients = new Float32Array(upFactor * tapCount);
  const windowNorm = besselI0(beta);
  for (let phase = 0; phase < upFactor; phase++) {
    const frac = phase / upFactor;
    let rowSum = 0;
    const row = new Float64Array(tapCount);
    for (let tap = 0; tap < tapCount; tap++) {
      // Distance (input samples) from the output instant to the input sample this tap reads.
      const distance = frac + halfTaps - 1 - tap;
      const x = distance / halfTaps;
      const window = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / windowNorm;
      const arg = 2 * cutoff * distance;
      const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
      row[tap] = 2 * cutoff * sinc * window;
      rowSum += row[tap] ?? 0;
    }
    // Unity DC gain in every phase, so a constant stays constant (no phase-dependent ripple).
    for (let tap = 0; tap < tapCount; tap++) coefficients[phase * tapCount + tap] = (row[tap] ?? 0) / rowSum;
  }
  return { upFactor, downFactor, tapCount, halfTaps, coefficients };
}

function createPolyphaseResampler(fromHz: number, toHz: number): Resampler {
  const { upFactor, downFactor, tapCount, halfTaps, coefficients } = designPolyphase(fromHz, toHz);
  // Each output advances the input position by M/L = wholeStep + phaseStep/L.
  const wholeStep = Math.floor(downFactor / upFactor);
  const phaseStep = downFactor % upFactor;
  const historySamples = tapCount - 1;

  // `buffer[i]` holds absolute input sample `bufferStartIndex + i`; samples before 0 are silence.
  let buffer = new Float32Array(4096 + tapCount);
  let bufferStartIndex = 0;
  let bufferedSamples = 0;
  /** Absolute count of input samples received. */
  let receivedSamples = 0;
  /** Absolute index of the next output sample and its input instant (floor index + phase/L). */
  let outputIndex = 0;
  let baseIndex = 0;
  let phase = 0;

  function reset(): void {
    bufferStartIndex = -(halfTaps - 1);
    buffer.fill(0, 0, halfTaps - 1);
    bufferedSamples = halfTaps - 1;
    receivedSamples = 0;
    outputIndex = 0;
    baseIndex = 0;
    phase = 0;
  }
  reset();

  function append(input: Float32Array): void {
    const needed = bufferedSamples + input.length;
    if (needed > buffer.length) {
      const grown = new Float32Array(Math.max(needed, buffer.length * 2));
      grown.set(buffer.subarray(0, bufferedSamples));
      buffer = grown;
    }
    buffer.set(input, bufferedSamples);
    bufferedSamples += input.length;
  }

  /** Produces outputs while their last tap index is below `availableEnd`, up to `outputLimit` outputs in total. */
  function run(availableEnd: number, outputLimit: number): Float32Array {
    // Last tap of output n reads input baseIndex + halfTaps.
    const lastReadable = availableEnd - 1 - halfTaps;
    let count = 0;
    {
      let b = baseIndex;
      let p = phase;
      let n = outputIndex;
      while (b <= lastReadable && n < outputLimit) {
        count++;
        n++;
        b += wholeStep;
        p += phaseStep;
        if (p >= upFactor) {
          p -= upFactor;
          b++;
        }
      }
    }
    const output = new Float32Array(count);
    const data = buffer;
    const coeffs = coefficients;
    let b = baseIndex;
    let p = phase;
    if (upFactor === 1) {
      // Integer decimation (48, 32, 96 kHz → 16 kHz): one phase, whose kernel is symmetric about
      // tap halfTaps − 1 (the last tap sits on the window's zero). Folding it halves the multiplies.
      const centreTap = halfTaps - 1;
      const centreCoeff = coeffs[centreTap] as number;
      for (let i = 0; i < count; i++) {
        let low = b - halfTaps + 1 - bufferStartIndex;
        let high = low + 2 * centreTap;
        let acc0 = (data[low + centreTap] as number) * centreCoeff;
        let acc1 = 0;
        let tap = 0;
        for (; tap + 1 < centreTap; tap += 2, low += 2, high -= 2) {
          acc0 += ((data[low] as number) + (data[high] as number)) * (coeffs[tap] as number);
          acc1 += ((data[low + 1] as number) + (data[high - 1] as number)) * (coeffs[tap + 1] as number);
        }
        if (tap < centreTap) acc0 += ((data[low] as number) + (data[high] as number)) * (coeffs[tap] as number);
        output[i] = acc0 + acc1;
        b += wholeStep;
      }
    }
    for (let i = upFactor === 1 ? count : 0; i < count; i++) {
      let readAt = b - halfTaps + 1 - bufferStartIndex;
      let coeffAt = p * tapCount;
      const coeffEnd = coeffAt + tapCount;
      // Four accumulators: V8 does not vectorise, so this is what keeps it ≥ 1000× real time.
      let acc0 = 0;
      let acc1 = 0;
      let acc2 = 0;
      let acc3 = 0;
      for (; coeffAt < coeffEnd; coeffAt += 4, readAt += 4) {
        acc0 += (data[readAt] as number) * (coeffs[coeffAt] as number);
        acc1 += (data[readAt + 1] as number) * (coeffs[coeffAt + 1] as number);
        acc2 += (data[readAt + 2] as number) * (coeffs[coeffAt + 2] as number);
        acc3 += (data[readAt + 3] as number) * (coeffs[coeffAt + 3] as number);
      }
      output[i] = acc0 + acc1 + acc2 + acc3;
      b += wholeStep;
      p += phaseStep;
      if (p >= upFactor) {
        p -= upFactor;
        b++;
      }
    }
    baseIndex = b;
    phase = p;
    outputIndex += count;
    // Keep only what future outputs can still read.
    const keepFrom = Math.min(baseIndex - halfTaps + 1, bufferStartIndex + bufferedSamples) - bufferStartIndex;
    if (keepFrom > 0) {
      data.copyWithin(0, keepFrom, bufferedSamples);
      bufferedSamples -= keepFrom;
      bufferStartIndex += keepFrom;
    }
    return output;
  }

  return {
    fromHz,
    toHz,
    process(input) {
      append(input);
      receivedSamples += input.length;
      return run(receivedSamples, Number.POSITIVE_INFINITY);
    },
    flush() {
      const totalOutputs = Math.ceil((receivedSamples * upFactor) / downFactor);
      // Silence past the end lets the last outputs complete their kernels.
      append(new Float32Array(historySamples + 1));
      const tail = run(bufferStartIndex + bufferedSamples, totalOutputs);
      reset();
      return tail;
    },
  };
}

// Waveform peaks of a two-channel call, computed once so the replay can draw a 60-minute call without
// decoding it: the largest |sample| of each channel per bucket of 1/peaksPerSecond s, quantised to a
// byte. Pure (no files, no clock): samples in, peaks out; the binary form kept beside the recording
// is encoded and decoded here too.

/** 50 per second (20 ms each): enough for zooming to about 50 px/s, 180 000 bytes per channel per hour. */
export const DEFAULT_PEAKS_PER_SECOND = 50;

export interface ChannelPeaks {
  peaksPerSecond: number;
  /** Largest |sample| per bucket, scaled so 255 is full scale. */
  agent: Uint8Array;
  customer: Uint8Array;
}

export interface PeaksAccumulator {
  /** Equal-length blocks of the two channels, samples in [-1, 1]. */
  push(agent: Float32Array, customer: Float32Array): void;
  /** The peaks so far; a last bucket that is only partly filled counts. */
  finish(): ChannelPeaks;
}

export function createPeaksAccumulator(sampleRateHz: number, peaksPerSecond = DEFAULT_PEAKS_PER_SECOND): PeaksAccumulator {
  if (!(sampleRateHz > 0) || !(peaksPerSecond > 0)) throw new RangeError('sample rate and peaks per second must be positive');
  const samplesPerPeak = sampleRateHz / peaksPerSecond;
  const agent: number[] = [];
  const customer: number[] = [];
  let sampleIndex = 0;
  let bucketAgent = 0;
  let bucketCustomer = 0;
  let bucketIndex = 0;
  let bucketHasSamples = false;

  const closeBucket = (): void => {
    agent.push(quantise(bucketAgent));
    customer.push(quantise(bucketCustomer));
    bucketAgent = 0;
    bucketCustomer = 0;
    bucketHasSamples = false;
    bucketIndex += 1;
  };

  return {
    push(agentBlock, customerBlock) {
      if (agentBlock.length !== customerBlock.length) throw new RangeError('the two channels must come in equal blocks');
      for (let i = 0; i < agentBlock.length; i += 1) {
        // Fractional bucket widths (e.g. 44.1 kHz / 50) stay exact over an hour: bucket by index, not by count.
        while (sampleIndex >= (bucketIndex + 1) * samplesPerPeak) closeBucket();
        const a = Math.abs(agentBlock[i] ?? 0);
        const c = Math.abs(customerBlock[i] ?? 0);
        if (a > bucketAgent) bucketAgent = a;
        if (c > bucketCustomer) bucketCustomer = c;
        bucketHasSamples = true;
        sampleIndex += 1;
      }
    },
    finish() {
      if (bucketHasSamples) closeBucket();
      return { peaksPerSecond, agent: Uint8Array.from(agent), customer: Uint8Array.from(customer) };
    },
  };
}

function quantise(magnitude: number): number {
  // Any audible sample shows as at least 1, so quiet speech is not drawn as silence.
  if (magnitude <= 0) return 0;
  return Math.max(1, Math.min(255, Math.round(magnitude * 255)));
}

const MAGIC = 'ATPK';
const VERSION = 1;
/** magic (4) + version (1) + reserved (1) + peaksPerSecond (u16) + count per channel (u32). */
const HEADER_BYTES = 12;

/** The file form: a 12-byte header, then the agent's peaks, then the customer's. */
export function encodePeaks(peaks: ChannelPeaks): Uint8Array {
  if (peaks.agent.length !== peaks.customer.length) throw new RangeError('both channels need the same number of peaks');
  const count = peaks.agent.length;
  const bytes = new Uint8Array(HEADER_BYTES + 2 * count);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < MAGIC.length; i += 1) bytes[i] = MAGIC.charCodeAt(i);
  bytes[4] = VERSION;
  view.setUint16(6, peaks.peaksPerSecond, true);
  view.setUint32(8, count, true);
  bytes.set(peaks.agent, HEADER_BYTES);
  bytes.set(peaks.customer, HEADER_BYTES + count);
  return bytes;
}

/** The peaks in a file written by encodePeaks, or null when it is not one (damaged, other version). */
export function decodePeaks(bytes: Uint8Array): ChannelPeaks | null {
  if (bytes.length < HEADER_BYTES) return null;
  for (let i = 0; i < MAGIC.length; i += 1) if (bytes[i] !== MAGIC.charCodeAt(i)) return null;
  if (bytes[4] !== VERSION) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const peaksPerSecond = view.getUint16(6, true);
  const count = view.getUint32(8, true);
  if (peaksPerSecond === 0 || bytes.length !== HEADER_BYTES + 2 * count) return null;
  return {
    peaksPerSecond,
    agent: bytes.slice(HEADER_BYTES, HEADER_BYTES + count),
    customer: bytes.slice(HEADER_BYTES + count),
  };
}

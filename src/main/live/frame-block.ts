// Decodes one frame-port message (renderer → main) into the agent's and the customer's samples.
// Electron may deliver the transferred buffer as an ArrayBuffer, a Node Buffer / Uint8Array, or an
// Int16Array view; anything else, or a length that is not a whole number of 10 ms frames of both
// channels, is rejected with a reason. The layout is in src/shared/live.ts: planar, agent first.

import { FRAME_BLOCK_MAX_FRAMES, FRAME_BLOCK_SAMPLES_PER_FRAME } from '../../shared/live';

export type FrameBlockResult = { ok: true; agent: Int16Array; customer: Int16Array; frames: number } | { ok: false; reason: string };

const MAX_SAMPLES = 2 * FRAME_BLOCK_SAMPLES_PER_FRAME * FRAME_BLOCK_MAX_FRAMES;

export function decodeFrameBlock(data: unknown): FrameBlockResult {
  let samples: Int16Array;
  if (data instanceof Int16Array) {
    samples = data;
  } else if (data instanceof ArrayBuffer) {
    if (data.byteLength % 2 !== 0) return { ok: false, reason: `odd byte length ${data.byteLength}` };
    if (data.byteLength > MAX_SAMPLES * 2) return tooLong(data.byteLength / 2);
    samples = new Int16Array(data);
  } else if (data instanceof Uint8Array) {
    // A Node Buffer is a Uint8Array, often at an odd offset into a shared pool: copy to align
    // (Buffer's own slice() would not copy).
    if (data.byteLength % 2 !== 0) return { ok: false, reason: `odd byte length ${data.byteLength}` };
    if (data.byteLength > MAX_SAMPLES * 2) return tooLong(data.byteLength / 2);
    if (data.byteOffset % 2 === 0) {
      samples = new Int16Array(data.buffer, data.byteOffset, data.byteLength / 2);
    } else {
      const aligned = new Uint8Array(data.byteLength);
      aligned.set(data);
      samples = new Int16Array(aligned.buffer);
    }
  } else {
    return { ok: false, reason: `expected an ArrayBuffer of Int16 samples, got ${describe(data)}` };
  }
  if (samples.length > MAX_SAMPLES) return tooLong(samples.length);
  const perChannel = samples.length / 2;
  if (samples.length === 0 || !Number.isInteger(perChannel) || perChannel % FRAME_BLOCK_SAMPLES_PER_FRAME !== 0) {
    return { ok: false, reason: `${samples.length} samples is not a whole number of ${FRAME_BLOCK_SAMPLES_PER_FRAME}-sample frames for both channels` };
  }
  return { ok: true, agent: samples.subarray(0, perChannel), customer: samples.subarray(perChannel), frames: perChannel / FRAME_BLOCK_SAMPLES_PER_FRAME };
}

function tooLong(sampleCount: number): FrameBlockResult {
  return { ok: false, reason: `${sampleCount} samples is more than ${FRAME_BLOCK_MAX_FRAMES} frames of both channels` };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return typeof value;
}

/** Packs both channels as one planar block (what the renderer posts; the CLI and tests use it too). */
export function encodeFrameBlock(agent: Int16Array, customer: Int16Array): Int16Array {
  const block = new Int16Array(agent.length + customer.length);
  block.set(agent, 0);
  block.set(customer, agent.length);
  return block;
}

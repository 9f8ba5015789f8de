// Frame-port messages as Electron may deliver them (ArrayBuffer, Node Buffer at any offset, Int16Array
// view) decode to the same planar agent/customer samples; anything else is rejected with a reason.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeFrameBlock, encodeFrameBlock } from '../../../src/main/live/frame-block';

const AGENT = Int16Array.from({ length: 320 }, (_, i) => i - 160);
const CUSTOMER = Int16Array.from({ length: 320 }, (_, i) => 1000 + i);
const BLOCK = encodeFrameBlock(AGENT, CUSTOMER);

function assertDecodes(data: unknown): void {
  const result = decodeFrameBlock(data);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  assert.equal(result.frames, 2);
  assert.deepEqual(Array.from(result.agent), Array.from(AGENT));
  assert.deepEqual(Array.from(result.customer), Array.from(CUSTOMER));
}

describe('frame blocks', () => {
  it('decode from an ArrayBuffer, an Int16Array view, a Uint8Array and a Node Buffer at an odd offset', () => {
    assertDecodes(BLOCK.buffer.slice(0));
    assertDecodes(BLOCK);
    assertDecodes(new Uint8Array(BLOCK.buffer.slice(0)));
    const pool = Buffer.alloc(BLOCK.byteLength + 1);
    Buffer.from(BLOCK.buffer).copy(pool, 1);
    const odd = pool.subarray(1);
    assert.equal(odd.byteOffset % 2, 1);
    assertDecodes(odd);
  });

  const rejected: Array<[what: string, data: unknown, reason: RegExp]> = [
    ['a string', 'frames', /got string/],
    ['null', null, /got null/],
    ['a plain object', { agent: [1, 2] }, /got Object/],
    ['Float32 samples', new Float32Array(640), /got Float32Array/],
    ['an odd byte length', new ArrayBuffer(641), /odd byte length/],
    ['no samples', new ArrayBuffer(0), /not a whole number/],
    ['a partial frame', new Int16Array(2 * 100), /not a whole number of 160-sample frames/],
    ['channels of unequal halves', new Int16Array(160 * 3), /not a whole number/],
    ['more than 100 frames', new Int16Array(2 * 160 * 101), /more than 100 frames/],
  ];
  for (const [what, data, reason] of rejected) {
    it(`reject ${what}`, () => {
      const result = decodeFrameBlock(data);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, reason);
    });
  }
});

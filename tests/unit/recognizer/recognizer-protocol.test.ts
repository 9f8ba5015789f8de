import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  frameBlockProblem,
  modelLoadErrorMessage,
  parseRecognizerRequest,
  splitFrameBlock,
} from '../../../src/shared/recognizer-protocol';

/** A planar block: `frames` 10 ms frames per channel, agent samples then customer samples. */
function block(frames: number, agent: number, customer: number): ArrayBuffer {
  const n = frames * 160;
  const samples = new Int16Array(2 * n);
  samples.fill(agent, 0, n);
  samples.fill(customer, n);
  return samples.buffer;
}

describe('recognizer protocol', () => {
  it('accepts load-model with and without a timeout, frames, reset and sync', () => {
    assert.deepEqual(parseRecognizerRequest({ type: 'load-model', url: 'attune-model://small/model.tar.gz' }), {
      ok: true,
      request: { type: 'load-model', url: 'attune-model://small/model.tar.gz' },
    });
    assert.deepEqual(parseRecognizerRequest({ type: 'load-model', url: 'x', timeoutMs: 500 }), {
      ok: true,
      request: { type: 'load-model', url: 'x', timeoutMs: 500 },
    });
    const frames = block(2, 1, 2);
    assert.deepEqual(parseRecognizerRequest({ type: 'frames', block: frames }), { ok: true, request: { type: 'frames', block: frames } });
    assert.deepEqual(parseRecognizerRequest({ type: 'reset' }), { ok: true, request: { type: 'reset' } });
    assert.deepEqual(parseRecognizerRequest({ type: 'sync', id: 7, extra: true }), { ok: true, request: { type: 'sync', id: 7 } });
  });

  it('refuses malformed requests with a reason', () => {
    const refused = [
      [null, /must be an object/],
      [{ type: 'eval', code: '1' }, /unknown recognizer request type "eval"/],
      [{ type: 'load-model' }, /needs a url/],
      [{ type: 'load-model', url: 'x', timeoutMs: -1 }, /positive/],
      [{ type: 'frames', block: [1, 2] }, /ArrayBuffer/],
      [{ type: 'frames', block: new ArrayBuffer(6) }, /two equal Int16 halves/],
      [{ type: 'frames', block: new ArrayBuffer(4 * 100) }, /whole 10 ms frames/],
      [{ type: 'frames', block: block(101, 0, 0) }, /at most 100 frames/],
      [{ type: 'sync' }, /sync needs a non-negative integer id/],
      [{ type: 'sync', id: '3' }, /sync needs a non-negative integer id/],
      [{ type: 'sync', id: 1.5 }, /sync needs a non-negative integer id/],
      [{ type: 'sync', id: -1 }, /sync needs a non-negative integer id/],
    ] as const;
    for (const [data, reason] of refused) {
      const parsed = parseRecognizerRequest(data);
      assert.equal(parsed.ok, false, JSON.stringify(data));
      if (!parsed.ok) assert.match(parsed.reason, reason);
    }
  });

  it('splits a planar block into agent and customer halves scaled to [-1, 1)', () => {
    assert.equal(frameBlockProblem(block(100, 0, 0)), null);
    const halves = splitFrameBlock(block(1, 16_384, -32_768));
    assert.equal(halves.agent.length, 160);
    assert.equal(halves.customer.length, 160);
    assert.equal(halves.agent[0], 0.5);
    assert.equal(halves.customer[159], -1);
  });

  it('names the model URL and the reason in the load error', () => {
    assert.equal(
      modelLoadErrorMessage('attune-model://small/model.tar.gz', 'HTTP error! status: 404'),
      'The speech model at attune-model://small/model.tar.gz could not be loaded: HTTP error! status: 404',
    );
  });
});

// The Live view's caption line: words in progress per channel, finals kept to fade (an empty partial
// follows every final), words in progress retracted by an empty partial.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_CAPTIONS, reduceCaption, type LiveCaptions } from '../../../src/renderer/src/lib/live-captions';
import type { TranscriptChannel } from '../../../src/shared/transcript';

type Update = [channel: TranscriptChannel, text: string, final: boolean];
const fold = (updates: readonly Update[]): LiveCaptions => updates.reduce((state, [channel, text, final]) => reduceCaption(state, { channel, text, final }), NO_CAPTIONS);

test('partials replace each other per channel; a final stays through the empty partial after it', () => {
  const state = fold([
    ['agent', 'how can', false],
    ['customer', 'hi', false],
    ['agent', 'how can I help', false],
    ['agent', 'how can I help', true],
    ['agent', '', false],
  ]);
  assert.deepEqual(state.agent && { text: state.agent.text, final: state.agent.final }, { text: 'how can I help', final: true });
  assert.deepEqual(state.customer && { text: state.customer.text, final: state.customer.final }, { text: 'hi', final: false });
});

test('an empty partial retracts words in progress; each new line counts up (restarting its fade)', () => {
  const state = fold([
    ['customer', 'um', false],
    ['customer', '', false],
  ]);
  assert.equal(state.customer, null);
  const twice = fold([
    ['agent', 'one', true],
    ['agent', 'two', true],
  ]);
  assert.equal(twice.agent?.sequence, 2);
});

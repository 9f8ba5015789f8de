// The recognizer page's session, driven through its message protocol with a stand-in for vosk-browser's
// Model (no Vosk model can be downloaded here; the real loading is covered by the Chromium tests): one
// recognizer per channel with word timings on, each half of a frame block to its channel, partials
// without repeats, finals as Vosk's own objects, reset flushing both, and every refusal as an error event.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RecognizerEvent, VoskFinalResult } from '../../../src/shared/recognizer-protocol';
import {
  createRecognizerSession,
  type ChannelRecognizer,
  type LoadedModel,
  type VoskRecognizerMessage,
} from '../../../src/renderer/src/recognizer/recognizer-session';

class FakeRecognizer implements ChannelRecognizer {
  words = false;
  readonly chunks: Array<{ first: number; length: number; sampleRate: number }> = [];
  finalRequests = 0;
  private readonly listeners = new Map<string, (message: VoskRecognizerMessage) => void>();
  constructor(readonly sampleRate: number) {}
  setWords(words: boolean): void {
    this.words = words;
  }
  on(event: VoskRecognizerMessage['event'], listener: (message: VoskRecognizerMessage) => void): void {
    this.listeners.set(event, listener);
  }
  acceptWaveformFloat(buffer: Float32Array, sampleRate: number): void {
    this.chunks.push({ first: buffer[0] ?? NaN, length: buffer.length, sampleRate });
  }
  retrieveFinalResult(): void {
    this.finalRequests += 1;
  }
  send(message: VoskRecognizerMessage): void {
    this.listeners.get(message.event)?.(message);
  }
}

function fakeModel(): { model: LoadedModel; recognizers: FakeRecognizer[] } {
  const recognizers: FakeRecognizer[] = [];
  const model: LoadedModel = {
    KaldiRecognizer: class extends FakeRecognizer {
      constructor(sampleRate: number) {
        super(sampleRate);
        recognizers.push(this);
      }
    },
  };
  return { model, recognizers };
}

/** A block of `frames` 10 ms frames: agent samples all `agent`, customer samples all `customer`. */
function block(frames: number, agent: number, customer: number): ArrayBuffer {
  const samples = new Int16Array(2 * frames * 160);
  samples.fill(agent, 0, frames * 160);
  samples.fill(customer, frames * 160);
  return samples.buffer;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function readySession(): Promise<{ session: ReturnType<typeof createRecognizerSession>; events: RecognizerEvent[]; agent: FakeRecognizer; customer: FakeRecognizer; loads: Array<[string, number]> }> {
  const events: RecognizerEvent[] = [];
  const loads: Array<[string, number]> = [];
  const { model, recognizers } = fakeModel();
  const session = createRecognizerSession({
    emit: (event) => events.push(event),
    loadModel: (url, timeoutMs) => {
      loads.push([url, timeoutMs]);
      return Promise.resolve(model);
    },
  });
  session.handle({ type: 'load-model', url: 'attune-model://small/model.tar.gz' });
  await tick();
  const [agent, customer] = recognizers;
  assert.ok(agent && customer && recognizers.length === 2);
  return { session, events, agent, customer, loads };
}

describe('recognizer session', () => {
  it('loads the model with the default 30 s timeout and starts one 16 kHz recognizer per channel with words on', async () => {
    const { events, agent, customer, loads } = await readySession();
    assert.deepEqual(loads, [['attune-model://small/model.tar.gz', 30_000]]);
    assert.deepEqual(events, [{ type: 'ready' }]);
    for (const recognizer of [agent, customer]) {
      assert.equal(recognizer.sampleRate, 16_000);
      assert.equal(recognizer.words, true);
    }
  });

  it('feeds each half of a frame block to its own channel', async () => {
    const { session, agent, customer } = await readySession();
    session.handle({ type: 'frames', block: block(3, 8_192, -16_384) });
    assert.deepEqual(agent.chunks, [{ first: 0.25, length: 480, sampleRate: 16_000 }]);
    assert.deepEqual(customer.chunks, [{ first: -0.5, length: 480, sampleRate: 16_000 }]);
  });

  it('sends partials only when they change, and finals as Vosk gave them, per channel', async () => {
    const { events, agent, customer } = await readySession();
    agent.send({ event: 'partialresult', recognizerId: 'a', result: { partial: 'thank' } });
    agent.send({ event: 'partialresult', recognizerId: 'a', result: { partial: 'thank' } });
    agent.send({ event: 'partialresult', recognizerId: 'a', result: { partial: 'thank you' } });
    const final: VoskFinalResult = { text: 'thank you', result: [{ word: 'thank', start: 1.2, end: 1.4, conf: 0.98 }, { word: 'you', start: 1.4, end: 1.6, conf: 1 }] };
    agent.send({ event: 'result', recognizerId: 'a', result: final });
    customer.send({ event: 'error', recognizerId: 'c', error: 'out of memory' });
    assert.deepEqual(events.slice(1), [
      { type: 'partial', channel: 'agent', text: 'thank' },
      { type: 'partial', channel: 'agent', text: 'thank you' },
      { type: 'final', channel: 'agent', result: final },
      { type: 'error', message: 'Speech recognition failed on the customer channel: out of memory' },
    ]);
  });

  it('flushes both channels on reset', async () => {
    const { session, agent, customer } = await readySession();
    session.handle({ type: 'reset' });
    assert.equal(agent.finalRequests, 1);
    assert.equal(customer.finalRequests, 1);
  });

  it('drops frames while no model is ready, reports a failed load, and refuses a second load', async () => {
    const events: RecognizerEvent[] = [];
    let loads = 0;
    const session = createRecognizerSession({
      emit: (event) => events.push(event),
      loadModel: () => {
        loads += 1;
        return Promise.reject(new Error('The speech model at x could not be loaded: HTTP error! status: 404'));
      },
    });
    session.handle({ type: 'frames', block: block(1, 1, 1) });
    session.handle({ type: 'load-model', url: 'x', timeoutMs: 5_000 });
    session.handle({ type: 'load-model', url: 'y' });
    await tick();
    session.handle({ type: 'frames', block: block(1, 1, 1) });
    assert.equal(loads, 1);
    assert.deepEqual(events, [
      { type: 'error', message: 'A speech model is already loaded or loading in this recognizer.' },
      { type: 'error', message: 'The speech model at x could not be loaded: HTTP error! status: 404' },
    ]);
  });

  it('answers a malformed request with an error and goes on', async () => {
    const { session, events, agent } = await readySession();
    session.handle({ type: 'frames', block: new ArrayBuffer(10) });
    session.handle('load everything');
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    assert.deepEqual(events.slice(1), [
      { type: 'error', message: 'Refused a recognizer request: a frame block must hold two equal Int16 halves, got 10 bytes' },
      { type: 'error', message: 'Refused a recognizer request: a recognizer request must be an object with a type' },
    ]);
    assert.equal(agent.chunks.length, 1);
  });
});

describe('recognizer session sync', () => {
  const partial = (text: string): VoskRecognizerMessage => ({ event: 'partialresult', recognizerId: 'r', result: { partial: text } });
  const result = (text: string): VoskRecognizerMessage => ({ event: 'result', recognizerId: 'r', result: { text } });

  it('answers a sync at once when nothing is outstanding', async () => {
    const { session, events } = await readySession();
    session.handle({ type: 'sync', id: 1 });
    assert.deepEqual(events.slice(1), [{ type: 'synced', id: 1 }]);
  });

  it('answers a sync only after both channels answered every block sent before it, after those answers', async () => {
    const { session, events, agent, customer } = await readySession();
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'sync', id: 4 });
    agent.send(partial('hel'));
    agent.send(result('hello'));
    customer.send(partial(''));
    assert.ok(!events.some((event) => event.type === 'synced'), 'the customer channel still owes one answer');
    customer.send(partial(''));
    assert.deepEqual(events.slice(1), [
      { type: 'partial', channel: 'agent', text: 'hel' },
      { type: 'final', channel: 'agent', result: { text: 'hello' } },
      { type: 'synced', id: 4 },
    ]);
  });

  it('counts a repeated partial, which is not emitted, as an answer', async () => {
    const { session, events, agent, customer } = await readySession();
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'sync', id: 1 });
    for (const recognizer of [agent, customer]) {
      recognizer.send(partial('so'));
      recognizer.send(partial('so'));
    }
    assert.deepEqual(events.slice(1), [
      { type: 'partial', channel: 'agent', text: 'so' },
      { type: 'partial', channel: 'customer', text: 'so' },
      { type: 'synced', id: 1 },
    ]);
  });

  it('answers several syncs in order, each when its own blocks are answered', async () => {
    const { session, events, agent, customer } = await readySession();
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'sync', id: 1 });
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'sync', id: 2 });
    agent.send(partial('a'));
    customer.send(partial('b'));
    assert.deepEqual(events.filter((event) => event.type === 'synced'), [{ type: 'synced', id: 1 }]);
    agent.send(partial('a'));
    customer.send(partial('b'));
    assert.deepEqual(events.filter((event) => event.type === 'synced'), [{ type: 'synced', id: 1 }, { type: 'synced', id: 2 }]);
  });

  it('waits after a reset for both final results, so the last words come out before synced', async () => {
    const { session, events, agent, customer } = await readySession();
    session.handle({ type: 'reset' });
    session.handle({ type: 'sync', id: 9 });
    agent.send(result('bye now'));
    assert.ok(!events.some((event) => event.type === 'synced'));
    customer.send(result(''));
    assert.deepEqual(events.slice(1), [
      { type: 'final', channel: 'agent', result: { text: 'bye now' } },
      { type: 'final', channel: 'customer', result: { text: '' } },
      { type: 'synced', id: 9 },
    ]);
  });

  it('counts a recognizer error as the answer to its block, but never runs ahead of what was sent', async () => {
    const { session, events, agent, customer } = await readySession();
    agent.send({ event: 'error', recognizerId: 'a', error: 'stray' });
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'sync', id: 3 });
    customer.send(partial(''));
    assert.ok(!events.some((event) => event.type === 'synced'), 'the stray error before the block must not count');
    agent.send({ event: 'error', recognizerId: 'a', error: 'bad buffer' });
    assert.deepEqual(events.at(-1), { type: 'synced', id: 3 });
  });

  it('answers a sync at once while no model is loaded, while loading and after a failed load', async () => {
    const events: RecognizerEvent[] = [];
    let failLoad: (error: Error) => void = () => undefined;
    const session = createRecognizerSession({
      emit: (event) => events.push(event),
      loadModel: () => new Promise<LoadedModel>((_resolve, reject) => { failLoad = reject; }),
    });
    session.handle({ type: 'sync', id: 1 });
    session.handle({ type: 'load-model', url: 'x' });
    session.handle({ type: 'frames', block: block(1, 0, 0) });
    session.handle({ type: 'sync', id: 2 });
    failLoad(new Error('broken archive'));
    await tick();
    session.handle({ type: 'sync', id: 3 });
    assert.deepEqual(events, [
      { type: 'synced', id: 1 },
      { type: 'synced', id: 2 },
      { type: 'error', message: 'broken archive' },
      { type: 'synced', id: 3 },
    ]);
  });
});

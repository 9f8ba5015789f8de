// The main process's recognizer link, talking over an asynchronous in-memory port to the page's real
// session code (createRecognizerSession) with a stand-in for vosk-browser's model — the same stand-in the
// session tests use; the page in Chromium is covered by the e2e tests. Load outcomes (ready, error,
// silence until the timeout), outputs, sync order, errors after load, and close.

import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import type { RecognizerEvent } from '../../../src/shared/recognizer-protocol';
import {
  createRecognizerSession,
  type ChannelRecognizer,
  type LoadedModel,
  type VoskRecognizerMessage,
} from '../../../src/renderer/src/recognizer/recognizer-session';
import {
  createRecognizerLink,
  type RecognizerOutput,
  type RecognizerPort,
} from '../../../src/main/transcription/recognizer-link';

class FakeRecognizer implements ChannelRecognizer {
  private readonly listeners = new Map<string, (message: VoskRecognizerMessage) => void>();
  setWords(): void {}
  on(event: VoskRecognizerMessage['event'], listener: (message: VoskRecognizerMessage) => void): void {
    this.listeners.set(event, listener);
  }
  acceptWaveformFloat(): void {}
  retrieveFinalResult(): void {}
  send(message: VoskRecognizerMessage): void {
    this.listeners.get(message.event)?.(message);
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A block of one 10 ms frame per channel. */
const oneFrame = (): ArrayBuffer => new Int16Array(320).buffer;

interface PageOptions {
  loadModel?: (url: string, timeoutMs: number) => Promise<LoadedModel>;
}

/** A recognizer page behind a port that, like a MessagePort, delivers in a later turn each way. */
function fakePage(options: PageOptions = {}) {
  const recognizers: FakeRecognizer[] = [];
  const model: LoadedModel = {
    KaldiRecognizer: class extends FakeRecognizer {
      constructor() {
        super();
        recognizers.push(this);
      }
    },
  };
  const received: unknown[] = [];
  const listeners = new Set<(data: unknown) => void>();
  let closed = false;
  const session = createRecognizerSession({
    emit: (event: RecognizerEvent) => setImmediate(() => { if (!closed) for (const listener of listeners) listener(event); }),
    loadModel: options.loadModel ?? (() => Promise.resolve(model)),
  });
  const port: RecognizerPort = {
    postMessage(message) {
      received.push(message);
      setImmediate(() => session.handle(message));
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
    },
  };
  /** Sends anything to the host, as a misbehaving page could. */
  const sendRaw = (data: unknown): void => {
    setImmediate(() => { for (const listener of listeners) listener(data); });
  };
  return {
    port,
    received,
    sendRaw,
    get closed() { return closed; },
    channels: (): { agent: FakeRecognizer; customer: FakeRecognizer } => {
      const [agent, customer] = recognizers;
      assert.ok(agent && customer);
      return { agent, customer };
    },
  };
}

describe('recognizer link', () => {
  afterEach(() => mock.timers.reset());

  it('loads a model: posts load-model with the 30 s default and resolves when the page is ready', async () => {
    const page = fakePage();
    const link = createRecognizerLink(page.port);
    await link.load('attune-model://library/small-en/model.tar.gz');
    assert.deepEqual(page.received, [{ type: 'load-model', url: 'attune-model://library/small-en/model.tar.gz', timeoutMs: 30_000 }]);
  });

  it('rejects the load with the page\'s one-line message', async () => {
    const page = fakePage({ loadModel: () => Promise.reject(new Error('The speech model at x could not be loaded: HTTP error! status: 404')) });
    const link = createRecognizerLink(page.port);
    await assert.rejects(link.load('x', 1_000), { message: 'The speech model at x could not be loaded: HTTP error! status: 404' });
  });

  it('gives up on a silent page after its timeout plus 5 s', async () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const page = fakePage({ loadModel: () => new Promise<LoadedModel>(() => undefined) });
    const link = createRecognizerLink(page.port);
    const seen: { outcome: string | null } = { outcome: null };
    link.load('x', 2_000).then(() => { seen.outcome = 'ready'; }, (error: Error) => { seen.outcome = error.message; });
    mock.timers.tick(6_999);
    await tick();
    assert.equal(seen.outcome, null);
    mock.timers.tick(1);
    await tick();
    assert.equal(seen.outcome, 'The speech recognizer did not answer within 7 s while loading the model.');
  });

  it('refuses a second load on the same link', async () => {
    const link = createRecognizerLink(fakePage().port);
    await link.load('x');
    await assert.rejects(link.load('y'), { message: 'This speech recognizer has already been given a model.' });
  });

  it('passes partials and finals to every output listener until it unsubscribes', async () => {
    const page = fakePage();
    const link = createRecognizerLink(page.port);
    await link.load('x');
    const outputs: RecognizerOutput[] = [];
    const late: RecognizerOutput[] = [];
    const stop = link.onOutput((output) => outputs.push(output));
    link.onOutput((output) => late.push(output));
    const { agent, customer } = page.channels();
    agent.send({ event: 'partialresult', recognizerId: 'a', result: { partial: 'thank' } });
    customer.send({ event: 'result', recognizerId: 'c', result: { text: 'no', result: [{ word: 'no', start: 0.5, end: 0.7, conf: 0.9 }] } });
    await tick();
    stop();
    agent.send({ event: 'result', recognizerId: 'a', result: { text: 'thank you' } });
    await tick();
    assert.deepEqual(outputs, [
      { type: 'partial', channel: 'agent', text: 'thank' },
      { type: 'final', channel: 'customer', result: { text: 'no', result: [{ word: 'no', start: 0.5, end: 0.7, conf: 0.9 }] } },
    ]);
    assert.equal(late.length, 3);
  });

  it('resolves syncs in order, each after the outputs for the blocks before it', async () => {
    const page = fakePage();
    const link = createRecognizerLink(page.port);
    await link.load('x');
    const log: string[] = [];
    link.onOutput((output) => log.push(output.type === 'final' ? `final ${output.channel} ${output.result.text}` : `partial ${output.channel} ${output.text}`));
    link.sendFrames(oneFrame());
    const first = link.sync().then(() => log.push('synced 1'));
    link.sendFrames(oneFrame());
    const second = link.sync().then(() => log.push('synced 2'));
    await tick();
    await tick();
    assert.deepEqual(log, [], 'nothing is answered before the recognizers answer');
    const { agent, customer } = page.channels();
    agent.send({ event: 'partialresult', recognizerId: 'a', result: { partial: 'good' } });
    customer.send({ event: 'partialresult', recognizerId: 'c', result: { partial: '' } });
    await first;
    agent.send({ event: 'result', recognizerId: 'a', result: { text: 'good morning' } });
    customer.send({ event: 'partialresult', recognizerId: 'c', result: { partial: '' } });
    await second;
    // The customer's empty partials are not news (deduplicated) but still answer their blocks.
    assert.deepEqual(log, ['partial agent good', 'synced 1', 'final agent good morning', 'synced 2']);
    assert.deepEqual(page.received.map((message) => (message as { type: string }).type), ['load-model', 'frames', 'sync', 'frames', 'sync']);
  });

  it('sends reset, and a sync after it resolves once both final results are out', async () => {
    const page = fakePage();
    const link = createRecognizerLink(page.port);
    await link.load('x');
    const finals: string[] = [];
    link.onOutput((output) => { if (output.type === 'final') finals.push(output.result.text); });
    link.reset();
    const synced = link.sync();
    await tick();
    await tick();
    const { agent, customer } = page.channels();
    agent.send({ event: 'result', recognizerId: 'a', result: { text: 'see you' } });
    customer.send({ event: 'result', recognizerId: 'c', result: { text: 'bye' } });
    await synced;
    assert.deepEqual(finals, ['see you', 'bye']);
  });

  it('reports errors after load to error listeners and ignores messages that are not recognizer events', async () => {
    const page = fakePage();
    const link = createRecognizerLink(page.port);
    await link.load('x');
    const errors: string[] = [];
    const outputs: RecognizerOutput[] = [];
    link.onError((message) => errors.push(message));
    link.onOutput((output) => outputs.push(output));
    page.channels().customer.send({ event: 'error', recognizerId: 'c', error: 'out of memory' });
    page.sendRaw({ type: 'final', channel: 'robot', result: { text: 'x' } });
    page.sendRaw({ type: 'partial', channel: 'agent' });
    page.sendRaw('ready');
    page.sendRaw({ type: 'synced', id: 'one' });
    await tick();
    assert.deepEqual(errors, ['Speech recognition failed on the customer channel: out of memory']);
    assert.deepEqual(outputs, []);
  });

  it('close rejects a pending load and pending syncs, closes the port and stops listening', async () => {
    const page = fakePage({ loadModel: () => new Promise<LoadedModel>(() => undefined) });
    const link = createRecognizerLink(page.port);
    const loading = link.load('x');
    const syncing = link.sync();
    const outputs: RecognizerOutput[] = [];
    link.onOutput((output) => outputs.push(output));
    link.close();
    await assert.rejects(loading, { message: 'The speech recognizer was closed.' });
    await assert.rejects(syncing, { message: 'The speech recognizer was closed.' });
    await assert.rejects(link.sync(), { message: 'The speech recognizer was closed.' });
    assert.equal(page.closed, true);
    const sentBeforeClose = page.received.length;
    link.sendFrames(oneFrame());
    link.reset();
    assert.equal(page.received.length, sentBeforeClose, 'nothing is posted after close');
    page.sendRaw({ type: 'partial', channel: 'agent', text: 'late' });
    await tick();
    assert.deepEqual(outputs, []);
  });
});

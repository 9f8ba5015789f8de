// The preload as Electron runs it, minus Electron: src/preload/index.ts is bundled to one CommonJS
// file with rolldown (the bundler electron-vite uses for it), run in an "isolated world" (a vm context) whose only requirable module
// is a fake `electron`, and `contextBridge.executeInMainWorld` compiles the main-world function from
// its source text in a second context, the "main world" — so a function that leaned on its module
// scope would fail here as it would in Electron. Real MessageChannels carry the frames.

import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MessageChannel, type MessagePort as NodeMessagePort } from 'node:worker_threads';
import vm from 'node:vm';
import { rolldown } from 'rolldown';
import { ATTUNE_IPC_METHODS, FRAME_PORT_CHANNEL, LIVE_UPDATE_CHANNEL } from '../../../src/shared/ipc-contract';

const root = join(import.meta.dirname, '../../..');

async function bundlePreload(): Promise<string> {
  const bundle = await rolldown({ input: join(root, 'src/preload/index.ts'), external: ['electron'], platform: 'node', logLevel: 'silent' });
  try {
    const { output } = await bundle.generate({ format: 'cjs' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

interface WindowMessage {
  source: unknown;
  data: unknown;
  ports: readonly NodeMessagePort[];
}

/** Loads the preload into fresh worlds; returns the handles a test drives. */
async function loadPreload() {
  const source = await bundlePreload();
  const required: string[] = [];
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const posted: Array<{ channel: string; message: unknown; transfer: readonly NodeMessagePort[] }> = [];
  const ipcEvents = new EventEmitter();

  // The page's world: a window that dispatches 'message' events to its listeners.
  const listeners = new Set<(event: WindowMessage) => void>();
  const mainWorld = vm.createContext({
    addEventListener: (type: string, listener: (event: WindowMessage) => void) => {
      if (type === 'message') listeners.add(listener);
    },
    removeEventListener: (type: string, listener: (event: WindowMessage) => void) => {
      if (type === 'message') listeners.delete(listener);
    },
  });
  const mainGlobal: unknown = vm.runInContext('globalThis', mainWorld);
  const dispatch = (event: WindowMessage): void => {
    for (const listener of [...listeners]) listener(event);
  };
  // What the isolated world posts with window.postMessage, before it is delivered (as a browser does, later).
  const windowPosts: Array<{ data: unknown; targetOrigin: string; transfer: readonly NodeMessagePort[] }> = [];

  const fakeElectron = {
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invoked.push({ channel, args });
        return Promise.resolve(`result of ${channel}`);
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => ipcEvents.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => ipcEvents.removeListener(channel, listener),
      postMessage: (channel: string, message: unknown, transfer: readonly NodeMessagePort[] = []) => posted.push({ channel, message, transfer }),
    },
    webUtils: { getPathForFile: () => '/dropped/call.wav' },
    contextBridge: {
      executeInMainWorld: ({ func, args }: { func: (...args: unknown[]) => unknown; args: unknown[] }) => {
        const compiled = vm.runInContext(`(${func.toString()})`, mainWorld) as (...args: unknown[]) => unknown;
        return compiled(...args);
      },
      exposeInMainWorld: () => {
        throw new Error('the preload should install the bridge with executeInMainWorld');
      },
    },
  };

  const isolatedWorld = vm.createContext({
    MessageChannel,
    console,
    postMessage: (data: unknown, targetOrigin: string, transfer: readonly NodeMessagePort[]) => {
      windowPosts.push({ data, targetOrigin, transfer });
      // A browser delivers window messages in a later task.
      setImmediate(() => dispatch({ source: mainGlobal, data, ports: transfer }));
    },
  });
  const module = { exports: {} };
  const requireInPreload = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return fakeElectron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const wrapper = vm.runInContext(`(function (require, module, exports) {\n${source}\n})`, isolatedWorld) as (
    require: (name: string) => unknown,
    module: { exports: object },
    exports: object,
  ) => void;
  wrapper(requireInPreload, module, module.exports);

  const attune = vm.runInContext('globalThis.attune', mainWorld) as Record<string, (...args: unknown[]) => unknown>;
  return { attune, mainWorld, mainGlobal, dispatch, required, invoked, posted, ipcEvents, windowPosts, listeners };
}

function receiveOne(port: NodeMessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once('message', resolve));
}

describe('preload bridge', () => {
  it('requires nothing but electron and defines a frozen window.attune with exactly the contract', async () => {
    const { attune, mainWorld, required } = await loadPreload();
    assert.deepEqual([...new Set(required)], ['electron']);
    const expected = [...ATTUNE_IPC_METHODS, 'pathForDroppedFile', 'openFramePort', 'onLiveUpdate', 'onAppCommand', 'onTranscriptionUpdate', 'onImportProgress'].sort();
    assert.deepEqual(Object.keys(attune).sort(), expected);
    assert.equal(Object.isFrozen(attune), true);
    // The page cannot swap the bridge for its own.
    vm.runInContext('globalThis.attune = 1', mainWorld);
    assert.equal(typeof vm.runInContext('globalThis.attune', mainWorld), 'object');
  });

  it('forwards a contract method to ipcRenderer.invoke on its channel', async () => {
    const { attune, invoked } = await loadPreload();
    assert.equal(await attune['startLiveCall']?.({ agentName: 'Sam' }), 'result of attune:startLiveCall');
    assert.deepEqual(invoked, [{ channel: 'attune:startLiveCall', args: [{ agentName: 'Sam' }] }]);
  });

  it('openFramePort hands main one end and resolves the page-world promise with the other, and frames flow', async () => {
    const { attune, posted, windowPosts, listeners } = await loadPreload();
    const port = (await attune['openFramePort']?.()) as NodeMessagePort;
    assert.equal(posted.length, 1);
    assert.equal(posted[0]?.channel, FRAME_PORT_CHANNEL);
    assert.equal(posted[0]?.message, null);
    assert.equal(posted[0]?.transfer.length, 1);
    assert.equal(windowPosts[0]?.targetOrigin, '*');
    assert.equal(listeners.size, 0, 'the one-shot listener is removed once the port arrived');

    // A frame block posted by the page arrives, transferred, at main's end.
    const mainEnd = posted[0]?.transfer[0];
    assert.ok(mainEnd);
    const block = new Int16Array([1, -2, 3, -4]).buffer;
    const arrived = receiveOne(mainEnd);
    port.postMessage(block, [block]);
    const data = await arrived;
    assert.ok(data instanceof ArrayBuffer);
    assert.deepEqual([...new Int16Array(data)], [1, -2, 3, -4]);
    assert.equal(block.byteLength, 0, 'the buffer was transferred, not copied');
    port.close();
    mainEnd.close();
  });

  it('ignores port messages from another source or for another request', async () => {
    const { attune, dispatch, windowPosts } = await loadPreload();
    const pending = attune['openFramePort']?.() as Promise<NodeMessagePort>;
    const real = windowPosts[0]!.data as { type: string; requestId: string };
    const decoy = new MessageChannel();
    // Before the real message is delivered: a frame of another origin, and a stale request id.
    dispatch({ source: {}, data: real, ports: [decoy.port1] });
    dispatch({ source: vm.runInContext('globalThis', vm.createContext({})), data: real, ports: [decoy.port1] });
    const port = await pending;
    assert.notEqual(port, decoy.port1);
    decoy.port1.close();
    port.close();
  });

  it('two calls get two distinct ports', async () => {
    const { attune, posted } = await loadPreload();
    const [first, second] = (await Promise.all([attune['openFramePort']?.(), attune['openFramePort']?.()])) as NodeMessagePort[];
    assert.notEqual(first, second);
    assert.equal(posted.length, 2);
    first?.close();
    second?.close();
    for (const { transfer } of posted) transfer[0]?.close();
  });

  it('onLiveUpdate hands the listener the payload only, and its unsubscribe stops it', async () => {
    const { attune, ipcEvents } = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = attune['onLiveUpdate']?.((...args: unknown[]) => received.push(args)) as () => void;
    const update = { type: 'saved', callId: 7 };
    ipcEvents.emit(LIVE_UPDATE_CHANNEL, { sender: 'the IPC event must not reach the page' }, update);
    assert.deepEqual(received, [[update]]);
    unsubscribe();
    ipcEvents.emit(LIVE_UPDATE_CHANNEL, {}, update);
    assert.equal(received.length, 1);
    assert.equal(ipcEvents.listenerCount(LIVE_UPDATE_CHANNEL), 0);
  });
});

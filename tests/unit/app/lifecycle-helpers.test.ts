import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFramePortRegistry } from '../../../src/main/app/frame-port-registry';
import { createShutdownGuard } from '../../../src/main/app/shutdown-guard';

function fakePort(name: string, closed: string[]) {
  return { name, close: () => closed.push(name) };
}

describe('frame port registry', () => {
  it('closes the previous port when a new one arrives, and the current one on stop', () => {
    const closed: string[] = [];
    const registry = createFramePortRegistry<ReturnType<typeof fakePort>>();
    const first = fakePort('first', closed);
    const second = fakePort('second', closed);
    registry.accept(first);
    assert.equal(registry.current, first);
    registry.accept(second);
    assert.deepEqual(closed, ['first']);
    assert.equal(registry.current, second);
    registry.closeCurrent();
    assert.deepEqual(closed, ['first', 'second']);
    assert.equal(registry.current, null);
    registry.closeCurrent();
    assert.deepEqual(closed, ['first', 'second']);
  });

  it('closeIfCurrent leaves a newer port alone', () => {
    const closed: string[] = [];
    const registry = createFramePortRegistry<ReturnType<typeof fakePort>>();
    const old = fakePort('old', closed);
    const fresh = fakePort('fresh', closed);
    registry.accept(old);
    registry.accept(fresh);
    registry.closeIfCurrent(old);
    assert.deepEqual(closed, ['old']);
    assert.equal(registry.current, fresh);
  });
});

describe('shutdown guard', () => {
  it('holds the first quit back, cleans up once, then quits for real', async () => {
    const log: string[] = [];
    let finishCleanUp: () => void = () => {};
    const cleanUpDone = new Promise<void>((resolve) => (finishCleanUp = resolve));
    let quits = 0;
    let quitCalled: () => void = () => {};
    const quitted = new Promise<void>((resolve) => (quitCalled = resolve));
    const guard = createShutdownGuard(
      async () => {
        log.push('clean-up');
        await cleanUpDone;
      },
      () => {
        quits += 1;
        quitCalled();
      },
      () => log.push('error'),
    );
    const prevented: boolean[] = [];
    const event = () => ({ preventDefault: () => prevented.push(true) });
    guard.onBeforeQuit(event());
    guard.onBeforeQuit(event()); // a second Cmd+Q while cleaning
    assert.deepEqual(log, ['clean-up']);
    assert.equal(prevented.length, 2);
    assert.equal(quits, 0);
    finishCleanUp();
    await quitted;
    assert.equal(quits, 1);
    guard.onBeforeQuit(event()); // the real quit passes
    assert.equal(prevented.length, 2);
  });

  it('still quits when the clean-up fails, and logs it', async () => {
    const errors: string[] = [];
    let quitCalled: () => void = () => {};
    const quitted = new Promise<void>((resolve) => (quitCalled = resolve));
    const guard = createShutdownGuard(() => Promise.reject(new Error('disk gone')), quitCalled, (message) => errors.push(message));
    guard.onBeforeQuit({ preventDefault: () => {} });
    await quitted;
    assert.equal(errors.length, 1);
  });
});

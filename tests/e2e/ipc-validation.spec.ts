// Malformed IPC payloads from the renderer are rejected by main's validation before any service runs.

import { test, expect } from './harness/attune-fixture';
import type { AttuneBridge } from '../../src/shared/ipc-contract';

/** `window.attune` as the page sees it (the test project has no DOM lib, so reach it via globalThis). */
interface BridgeGlobals {
  attune: Record<keyof AttuneBridge, (...args: unknown[]) => Promise<unknown>>;
}

const MALFORMED: ReadonlyArray<{ what: string; method: 'analyzeCallFile' | 'chooseCallFile'; args: unknown[]; mentions: RegExp }> = [
  { what: 'a number as path', method: 'analyzeCallFile', args: [{ path: 42 }], mentions: /path: Invalid input: expected string, received number/ },
  { what: 'a relative path', method: 'analyzeCallFile', args: [{ path: 'call.wav' }], mentions: /path: must be an absolute file path/ },
  { what: 'an unknown channel', method: 'analyzeCallFile', args: [{ path: '/tmp/call.wav', agentChannel: 'middle' }], mentions: /agentChannel/ },
  { what: 'an unexpected field', method: 'analyzeCallFile', args: [{ path: '/tmp/call.wav', shell: 'rm -rf /' }], mentions: /shell/ },
  { what: 'no request at all', method: 'analyzeCallFile', args: [], mentions: /expected at least 1 argument/ },
  { what: 'arguments to a method that takes none', method: 'chooseCallFile', args: ['/etc/passwd'], mentions: /expected at most 0 argument/ },
];

for (const { what, method, args, mentions } of MALFORMED) {
  test(`${method} with ${what} is rejected with a clear validation error`, async ({ attune }) => {
    const outcome = await attune.page.evaluate(
      async ({ method: name, args: payload }) => {
        const { attune: bridge } = globalThis as unknown as BridgeGlobals;
        try {
          return { settled: 'resolved', value: JSON.stringify(await bridge[name](...payload)) } as const;
        } catch (error) {
          return { settled: 'rejected', value: error instanceof Error ? error.message : String(error) } as const;
        }
      },
      { method, args },
    );

    expect(outcome.settled).toBe('rejected');
    expect(outcome.value).toContain(`Invalid request to attune:${method}`);
    expect(outcome.value).toMatch(mentions);
    expect(attune.serviceCalls).toEqual([]);
  });
}

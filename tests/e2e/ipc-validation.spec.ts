// Malformed IPC payloads from the renderer are rejected by main's validation before any service runs:
// the call analysis, and the speech model, privacy and transcript methods (nothing is selected,
// downloaded, imported or stored for a bad request).

import { test, expect } from './harness/attune-fixture';
import type { AttuneBridge } from '../../src/shared/ipc-contract';

/** `window.attune` as the page sees it (the test project has no DOM lib, so reach it via globalThis). */
interface BridgeGlobals {
  attune: Record<keyof AttuneBridge, (...args: unknown[]) => Promise<unknown>>;
}

const MALFORMED: ReadonlyArray<{ what: string; method: keyof AttuneBridge; args: unknown[]; mentions: RegExp }> = [
  { what: 'a number as path', method: 'analyzeCallFile', args: [{ path: 42 }], mentions: /path: Invalid input: expected string, received number/ },
  { what: 'a relative path', method: 'analyzeCallFile', args: [{ path: 'call.wav' }], mentions: /path: must be an absolute file path/ },
  { what: 'an unknown channel', method: 'analyzeCallFile', args: [{ path: '/tmp/call.wav', agentChannel: 'middle' }], mentions: /agentChannel/ },
  { what: 'an unexpected field', method: 'analyzeCallFile', args: [{ path: '/tmp/call.wav', shell: 'rm -rf /' }], mentions: /shell/ },
  { what: 'no request at all', method: 'analyzeCallFile', args: [], mentions: /expected at least 1 argument/ },
  { what: 'arguments to a method that takes none', method: 'chooseCallFile', args: ['/etc/passwd'], mentions: /expected at most 0 argument/ },
  { what: 'a path as model id', method: 'downloadSpeechModel', args: ['../../etc/passwd'], mentions: /argument 1: must be a model id/ },
  { what: 'a URL as model id', method: 'selectSpeechModel', args: ['https://example.com/model.zip'], mentions: /argument 1: must be a model id/ },
  { what: 'a relative model path', method: 'importSpeechModel', args: ['Downloads/vosk-model'], mentions: /argument 1: must be an absolute path/ },
  { what: 'an unknown source kind', method: 'chooseSpeechModelSource', args: ['url'], mentions: /argument 1: Invalid option/ },
  { what: 'a zero retention', method: 'setPrivacySettings', args: [{ redactTranscripts: true, retentionDays: 0 }], mentions: /retentionDays/ },
  { what: 'an extra privacy field', method: 'setPrivacySettings', args: [{ redactTranscripts: true, retentionDays: null, share: true }], mentions: /Unrecognized key: "share"/ },
  { what: 'a call id as text', method: 'getCallTranscript', args: ['1'], mentions: /argument 1: Invalid input: expected number/ },
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

test('after bad speech model and privacy requests nothing changed: no model selected, privacy settings as they were', async ({ attune }) => {
  const after = await attune.page.evaluate(async () => {
    const { attune: bridge } = globalThis as unknown as BridgeGlobals;
    for (const [method, args] of [
      ['selectSpeechModel', ['../models/x']],
      ['setPrivacySettings', [{ redactTranscripts: false, retentionDays: -1 }]],
    ] as const) {
      await bridge[method](...args).catch(() => undefined);
    }
    return { models: await bridge.getSpeechModels(), privacy: await bridge.getPrivacySettings() };
  });
  expect((after.models as { selectedModelId: string | null }).selectedModelId).toBeNull();
  expect(after.privacy).toEqual({ redactTranscripts: true, retentionDays: null });
});

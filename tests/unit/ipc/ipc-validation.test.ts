// The IPC layer without Electron: contract-derived channels and client, zod validation in the
// dispatcher (handlers never see a bad payload), and the handlers' mapping of service outcomes.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { devServerPages, builtFilesPages, isAppPageUrl } from '../../../src/main/app/app-pages';
import { AudioInputError } from '../../../src/main/audio/audio-input-error';
import { createAttuneHandlers, UNEXPECTED_ANALYSIS_ERROR, type AttuneServices } from '../../../src/main/ipc/attune-handlers';
import { createValidatedDispatcher, IpcValidationError } from '../../../src/main/ipc/validated-dispatch';
import { openLibrary } from '../../../src/main/library/library';
import { createLiveCallService } from '../../../src/main/services/live-call-service';
import { DEFAULT_COACHING_SETTINGS, type CoachingSettings } from '../../../src/shared/live';
import type { CallAnalysis } from '../../../src/shared/call-analysis';
import { ATTUNE_IPC_METHODS, channelForMethod, createIpcClient, type AttuneIpcApi } from '../../../src/shared/ipc-contract';

const CALL_PATH = '/calls/monday.wav';

const ANALYSIS: CallAnalysis = {
  file: CALL_PATH,
  durationMs: 60_000,
  talkRatio: 0.5,
  agent: { talkMs: 20_000, longestMonologueMs: 8_000, interruptions: 1, segments: [[0, 20_000]] },
  customer: { talkMs: 20_000, longestMonologueMs: 9_000, interruptions: 0, segments: [[21_000, 41_000]] },
  interruptions: [{ atMs: 30_000, by: 'agent', overlapMs: 1_200 }],
  backchannels: [],
  overlapMs: 1_200,
  silenceMs: 20_000,
  deadAir: [],
  responseGapMs: { median: 1_000, p90: 1_000 },
};

const LIBRARY_DIR = mkdtempSync(join(tmpdir(), 'attune-ipc-'));
const LIBRARY = openLibrary(LIBRARY_DIR);
after(() => {
  LIBRARY.close();
  rmSync(LIBRARY_DIR, { recursive: true, force: true });
});

/** Services that record calls and answer with `outcome`; a real library and live call service in a temp folder. */
function recordingServices(outcome: () => Promise<CallAnalysis> = () => Promise.resolve(ANALYSIS)) {
  const calls: Array<{ path: string; agentChannel: string | undefined }> = [];
  const logged: string[] = [];
  const overlay: string[] = [];
  const services: AttuneServices = {
    analyzeCallFile: (path, options) => {
      calls.push({ path, agentChannel: options?.agentChannel });
      return outcome();
    },
    chooseCallFile: () => Promise.resolve('/calls/chosen.wav'),
    library: LIBRARY,
    liveCalls: createLiveCallService({ library: LIBRARY, broadcast: () => undefined, logError: (message) => logged.push(message) }),
    setOverlayClickThrough: (enabled) => void overlay.push(`click-through ${enabled}`),
    setOverlayVisible: (visible) => void overlay.push(`visible ${visible}`),
    returnFocus: () => void overlay.push('return focus'),
    dismissCard: () => void overlay.push('dismiss card'),
    logError: (message) => logged.push(message),
  };
  return { services, calls, logged, overlay };
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => assert.fail('expected a rejection'),
    (rejection: unknown) => rejection,
  );
  assert.ok(error instanceof Error);
  return error;
}

describe('IPC contract', () => {
  it('lists every method once and names channels attune:<method>', () => {
    assert.deepEqual([...ATTUNE_IPC_METHODS].sort(), [
      'addLiveNote',
      'analyzeCallFile',
      'chooseCallFile',
      'dismissCard',
      'getCall',
      'getCoachingSettings',
      'getLiveStatus',
      'getUiPreferences',
      'listCalls',
      'reportCaptureProblem',
      'returnFocus',
      'setCoachingSettings',
      'setOverlayClickThrough',
      'setOverlayVisible',
      'setUiPreferences',
      'startLiveCall',
      'stopLiveCall',
    ]);
    assert.equal(channelForMethod('analyzeCallFile'), 'attune:analyzeCallFile');
  });

  it('builds a client that forwards each method, arguments untouched, to its channel', async () => {
    const sent: Array<[string, readonly unknown[]]> = [];
    const client = createIpcClient((channel, args) => {
      sent.push([channel, args]);
      return Promise.resolve(null);
    });
    await client.analyzeCallFile({ path: CALL_PATH, agentChannel: 'right' });
    await client.chooseCallFile();
    assert.deepEqual(sent, [
      ['attune:analyzeCallFile', [{ path: CALL_PATH, agentChannel: 'right' }]],
      ['attune:chooseCallFile', []],
    ]);
  });
});

describe('validated dispatch', () => {
  const malformed: ReadonlyArray<[what: string, args: unknown[], mentions: RegExp]> = [
    ['a number as path', [{ path: 42 }], /argument 1\.path: Invalid input: expected string, received number/],
    ['a relative path', [{ path: 'monday.wav' }], /argument 1\.path: must be an absolute file path/],
    ['an empty path', [{ path: '' }], /argument 1\.path: must not be empty/],
    ['a NUL in the path', [{ path: '/calls/a\0b.wav' }], /must not contain NUL/],
    ['an unknown channel', [{ path: CALL_PATH, agentChannel: 'centre' }], /argument 1\.agentChannel/],
    ['an unexpected field', [{ path: CALL_PATH, exec: 'rm' }], /Unrecognized key: "exec"/],
    ['a string instead of a request', [CALL_PATH], /argument 1: Invalid input: expected object/],
    ['no arguments', [], /expected at least 1 argument/],
    ['an extra argument', [{ path: CALL_PATH }, 'more'], /expected at most 1 argument/],
  ];

  for (const [what, args, mentions] of malformed) {
    it(`rejects analyzeCallFile with ${what} and never calls the service`, async () => {
      const { services, calls } = recordingServices(() => Promise.resolve(ANALYSIS));
      const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
      const error = await rejectionOf(dispatch('analyzeCallFile', args));
      assert.ok(error instanceof IpcValidationError);
      assert.match(error.message, /^Invalid request to attune:analyzeCallFile: /);
      assert.match(error.message, mentions);
      assert.doesNotMatch(error.message, /\n/, 'one line, no stack');
      assert.deepEqual(calls, []);
    });
  }

  it('rejects arguments to chooseCallFile, which takes none', async () => {
    let dialogs = 0;
    const handlers: AttuneIpcApi = {
      ...createAttuneHandlers(recordingServices().services),
      analyzeCallFile: () => assert.fail('not this one'),
      chooseCallFile: () => {
        dialogs += 1;
        return Promise.resolve(null);
      },
    };
    const error = await rejectionOf(createValidatedDispatcher(handlers)('chooseCallFile', ['/etc/passwd']));
    assert.equal(error.message, 'Invalid request to attune:chooseCallFile: expected at most 0 argument(s)');
    assert.equal(dialogs, 0);
  });

  it('passes a valid request through to the service', async () => {
    const { services, calls } = recordingServices(() => Promise.resolve(ANALYSIS));
    const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
    assert.deepEqual(await dispatch('analyzeCallFile', [{ path: CALL_PATH, agentChannel: 'right' }]), { ok: true, analysis: ANALYSIS });
    assert.deepEqual(await dispatch('analyzeCallFile', [{ path: CALL_PATH }]), { ok: true, analysis: ANALYSIS });
    assert.equal(await dispatch('chooseCallFile', []), '/calls/chosen.wav');
    assert.deepEqual(calls, [
      { path: CALL_PATH, agentChannel: 'right' },
      { path: CALL_PATH, agentChannel: undefined },
    ]);
  });
});

const SETTINGS: CoachingSettings = { ...DEFAULT_COACHING_SETTINGS, enabledCards: { ...DEFAULT_COACHING_SETTINGS.enabledCards } };

describe('validated dispatch of the live-call methods', () => {
  const malformed: ReadonlyArray<[method: Parameters<ReturnType<typeof createValidatedDispatcher>>[0], what: string, args: unknown[], mentions: RegExp]> = [
    ['startLiveCall', 'no request', [], /expected at least 1 argument/],
    ['startLiveCall', 'a number as agent name', [{ agentName: 7 }], /argument 1\.agentName/],
    ['startLiveCall', 'a newline in the agent name', [{ agentName: 'Dana\nrm -rf' }], /one line/],
    ['startLiveCall', 'an unexpected field', [{ agentName: 'Dana', path: '/tmp/x' }], /Unrecognized key: "path"/],
    ['stopLiveCall', 'an argument', [{ save: false }], /expected at most 0 argument/],
    ['reportCaptureProblem', 'an unknown problem', [{ channel: 'agent', problem: 'on-fire', message: 'x' }], /argument 1\.problem/],
    ['reportCaptureProblem', 'an unknown channel', [{ channel: 'both', problem: 'track-ended', message: 'x' }], /argument 1\.channel/],
    ['reportCaptureProblem', 'an empty message', [{ channel: null, problem: 'track-ended', message: '' }], /argument 1\.message: must not be empty/],
    ['addLiveNote', 'a negative time', [{ text: 'hi', atMs: -5 }], /argument 1\.atMs: must not be negative/],
    ['addLiveNote', 'a note that is not text', [{ text: { evil: true } }], /argument 1\.text/],
    ['addLiveNote', 'a note far too long', [{ text: 'x'.repeat(501) }], /at most 500 characters/],
    ['getLiveStatus', 'an argument', [1], /expected at most 0 argument/],
    ['setCoachingSettings', 'a negative gap', [{ ...SETTINGS, minCardGapMs: -1 }], /argument 1\.minCardGapMs/],
    ['setCoachingSettings', 'an unknown card', [{ ...SETTINGS, enabledCards: { ...SETTINGS.enabledCards, 'be-nice': true } }], /enabledCards/],
    ['setCoachingSettings', 'a missing field', [{ ...SETTINGS, monologueMs: undefined }], /argument 1\.monologueMs/],
    ['setUiPreferences', 'a string flag', [{ consentReminderAcknowledged: 'yes' }], /consentReminderAcknowledged/],
    ['listCalls', 'an argument', ['all'], /expected at most 0 argument/],
    ['getCall', 'no id', [], /expected at least 1 argument/],
    ['getCall', 'an id as text', ['1'], /argument 1: Invalid input: expected number, received string/],
    ['getCall', 'a zero id', [0], /argument 1: must be a positive call id/],
    ['getCall', 'a negative id', [-3], /argument 1: must be a positive call id/],
    ['getCall', 'a fractional id', [1.5], /argument 1: must be a whole number/],
    ['getCall', 'an id that is not a number', [Number.NaN], /argument 1: Invalid input: expected number, received NaN/],
    ['getCall', 'a query object', [{ id: 1 }], /argument 1: Invalid input: expected number/],
    ['getCall', 'two ids', [1, 2], /expected at most 1 argument/],
    ['setOverlayClickThrough', 'a string', ['on'], /argument 1: Invalid input: expected boolean/],
    ['setOverlayVisible', 'no argument', [], /expected at least 1 argument/],
    ['returnFocus', 'an argument', [true], /expected at most 0 argument/],
    ['dismissCard', 'an argument', ['let-them-finish'], /expected at most 0 argument/],
  ];

  for (const [method, what, args, mentions] of malformed) {
    it(`rejects ${method} with ${what}, and nothing happens`, async () => {
      const { services, overlay } = recordingServices();
      const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
      const error = await rejectionOf(dispatch(method, args));
      assert.ok(error instanceof IpcValidationError);
      assert.match(error.message, new RegExp(`^Invalid request to attune:${method}: `));
      assert.match(error.message, mentions);
      assert.doesNotMatch(error.message, /\n/, 'one line, no stack');
      assert.deepEqual(overlay, []);
      assert.deepEqual(await services.liveCalls.getLiveStatus(), { state: 'idle' });
    });
  }

  it('passes valid requests through: settings and preferences persist, a live call starts and stops, the overlay is driven', async () => {
    const { services, overlay } = recordingServices();
    const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
    assert.deepEqual(await dispatch('getCoachingSettings', []), DEFAULT_COACHING_SETTINGS);
    const changed = { ...SETTINGS, minCardGapMs: 30_000, enabledCards: { ...SETTINGS.enabledCards, monologue: false } };
    assert.deepEqual(await dispatch('setCoachingSettings', [changed]), changed);
    assert.deepEqual(await dispatch('getCoachingSettings', []), changed);
    assert.deepEqual(await dispatch('getUiPreferences', []), { consentReminderAcknowledged: false });
    await dispatch('setUiPreferences', [{ consentReminderAcknowledged: true }]);
    assert.deepEqual(await dispatch('getUiPreferences', []), { consentReminderAcknowledged: true });

    const started = await dispatch('startLiveCall', [{ agentName: 'Dana' }]);
    assert.ok(started.ok);
    services.liveCalls.handleFrameMessage(new Int16Array(2 * 160 * 50));
    assert.deepEqual(await dispatch('addLiveNote', [{ text: 'callback tomorrow' }]), { ok: true, atMs: 500 });
    await dispatch('reportCaptureProblem', [{ channel: 'customer', problem: 'track-ended', message: 'The customer audio stopped.' }]);
    const stopped = await dispatch('stopLiveCall', []);
    assert.ok(stopped.ok);
    const rows = await dispatch('listCalls', []);
    assert.equal(rows[0]?.id, stopped.callId);
    assert.equal(rows[0]?.agentName, 'Dana');
    const stored = await dispatch('getCall', [stopped.callId]);
    assert.ok(stored, 'the stopped call is stored');
    assert.equal(stored.id, stopped.callId);
    assert.equal(stored.agentName, 'Dana');
    assert.equal(stored.source, 'live');
    assert.equal(stored.durationMs, 500);
    assert.deepEqual(
      stored.notes.map((note) => [note.atMs, note.text]),
      [
        [500, 'callback tomorrow'],
        [500, "Capture problem (customer's channel, track-ended): The customer audio stopped."],
      ],
    );
    assert.equal(await dispatch('getCall', [stopped.callId + 1000]), null, 'an id with no call');

    await dispatch('setOverlayClickThrough', [true]);
    await dispatch('setOverlayVisible', [false]);
    await dispatch('returnFocus', []);
    await dispatch('dismissCard', []);
    assert.deepEqual(overlay, ['click-through true', 'visible false', 'return focus', 'dismiss card']);
  });
});

describe('analyzeCallFile handler', () => {
  it("returns an AudioInputError's message as the user-facing error", async () => {
    const message = 'monday.wav has 1 channel; Attune needs a stereo recording';
    const { services, logged } = recordingServices(() => Promise.reject(new AudioInputError(message, 'not-stereo')));
    const result = await createAttuneHandlers(services).analyzeCallFile({ path: CALL_PATH });
    assert.deepEqual(result, { ok: false, error: message });
    assert.deepEqual(logged, [], 'a bad file is not an app fault');
  });

  it('hides unexpected errors behind a generic message and logs them', async () => {
    const { services, logged } = recordingServices(() => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")));
    const result = await createAttuneHandlers(services).analyzeCallFile({ path: CALL_PATH });
    assert.deepEqual(result, { ok: false, error: UNEXPECTED_ANALYSIS_ERROR });
    assert.equal(logged.length, 1);
    assert.match(logged[0] ?? '', /monday\.wav/);
  });
});

describe('trusted IPC senders', () => {
  const built = builtFilesPages('/opt/attune/out/renderer', '/opt/attune/out/renderer/index.html');

  it('accepts the built renderer and rejects other files and origins', () => {
    assert.equal(isAppPageUrl('file:///opt/attune/out/renderer/index.html', built), true);
    assert.equal(isAppPageUrl('file:///opt/attune/out/renderer/index.html#/analyse', built), true);
    assert.equal(isAppPageUrl('file:///opt/attune/out/renderer/../main/index.js', built), false);
    assert.equal(isAppPageUrl('file:///home/user/Downloads/evil.html', built), false);
    assert.equal(isAppPageUrl('https://example.com/', built), false);
    assert.equal(isAppPageUrl('not a url', built), false);
    assert.equal(isAppPageUrl('', built), false);
  });

  it('accepts only the dev server origin in development', () => {
    const dev = devServerPages('http://localhost:5173/');
    assert.equal(isAppPageUrl('http://localhost:5173/index.html', dev), true);
    assert.equal(isAppPageUrl('http://localhost:5174/', dev), false);
    assert.equal(isAppPageUrl('http://127.0.0.1:5173/', dev), false);
  });
});

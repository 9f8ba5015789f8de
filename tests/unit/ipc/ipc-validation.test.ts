// The IPC layer without Electron: contract-derived channels and client, zod validation in the
// dispatcher (handlers never see a bad payload), and the handlers' mapping of service outcomes.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { devServerPages, builtFilesPages, isAppPageUrl, isRecognizerPageUrl, isTrustedSenderPageUrl } from '../../../src/main/app/app-pages';
import { AudioInputError } from '../../../src/main/audio/audio-input-error';
import { createAttuneHandlers, UNEXPECTED_ANALYSIS_ERROR, type AttuneServices, type TranscriptionServices } from '../../../src/main/ipc/attune-handlers';
import { createValidatedDispatcher, IpcValidationError } from '../../../src/main/ipc/validated-dispatch';
import { openLibrary } from '../../../src/main/library/library';
import { createCallImportSession } from '../../../src/main/services/call-import-session';
import { createLiveCallService } from '../../../src/main/services/live-call-service';
import { DEFAULT_COACHING_SETTINGS, type CoachingSettings } from '../../../src/shared/live';
import type { CallAnalysis } from '../../../src/shared/call-analysis';
import { ATTUNE_IPC_METHODS, channelForMethod, createIpcClient, type AttuneIpcApi } from '../../../src/shared/ipc-contract';
import type { PrivacySettings } from '../../../src/shared/transcript';
import type { SpeechModelsStatus } from '../../../src/shared/transcription';
import { insertCall } from '../../../src/main/store/calls-repository';
import { appendTranscriptWords } from '../../../src/main/store/transcripts-repository';

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

const STATUS: SpeechModelsStatus = {
  models: [],
  selectedModelId: null,
  download: null,
  transcription: { state: 'off', reason: 'No speech model is selected.' },
  background: { queuedCalls: 0, current: null, paused: true },
};

/**
 * A recording stand-in for the speech model service behind the handlers (the real one is tested in
 * tests/unit/models): each action answers from `answers`, and what the handlers asked is recorded.
 */
function recordingTranscription(answers: { error?: string } = {}) {
  const asked: string[] = [];
  const answer = <T extends object>(what: string, ok: T) => {
    asked.push(what);
    return Promise.resolve(answers.error === undefined ? { ok: true as const, ...ok } : { ok: false as const, error: answers.error });
  };
  const transcription: TranscriptionServices = {
    models: {
      select: (modelId) => answer(`select ${String(modelId)}`, {}),
      download: (modelId) => answer(`download ${modelId}`, { modelId }),
      cancelDownload: () => void asked.push('cancel'),
      importFrom: (path) => answer(`import ${path}`, { modelId: 'imported' }),
    },
    status: () => Promise.resolve(STATUS),
    modelChanged: () => void asked.push('model changed'),
    callState: (callId) => (callId === 1 ? { state: 'queued', problem: null } : { state: 'none', problem: null }),
  };
  return { transcription, asked };
}

/** Services that record calls and answer with `outcome`; a real library and live call service in a temp folder. */
function recordingServices(outcome: () => Promise<CallAnalysis> = () => Promise.resolve(ANALYSIS), modelAnswers: { error?: string } = {}) {
  const calls: Array<{ path: string; agentChannel: string | undefined }> = [];
  const logged: string[] = [];
  const overlay: string[] = [];
  const privacyChanges: Array<[PrivacySettings, PrivacySettings]> = [];
  const { transcription, asked } = recordingTranscription(modelAnswers);
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
    transcription,
    chooseSpeechModelSource: (kind) => Promise.resolve(kind === 'folder' ? '/models/vosk-small' : '/models/vosk-small.zip'),
    chooseImportSources: (kind) => Promise.resolve(kind === 'folder' ? ['/calls'] : ['/calls/monday.wav']),
    chooseOutcomesCsv: () => Promise.resolve('/exports/outcomes.csv'),
    callImports: createCallImportSession({ library: LIBRARY, push: () => undefined, enqueueTranscription: () => undefined, logError: (message) => logged.push(message) }),
    privacySettingsChanged: (previous, next) => void privacyChanges.push([previous, next]),
    logError: (message) => logged.push(message),
  };
  return { services, calls, logged, overlay, asked, privacyChanges };
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
      'addAnnotation',
      'addLiveNote',
      'analyzeCallFile',
      'cancelSpeechModelDownload',
      'chooseCallFile',
      'chooseImportSources',
      'chooseOutcomesCsv',
      'chooseSpeechModelSource',
      'deleteAnnotation',
      'deleteCall',
      'dismissCard',
      'downloadSpeechModel',
      'exportCallReport',
      'exportLibraryCsv',
      'getAnnotationAuthor',
      'getAnnotationTags',
      'getCall',
      'getCallOutcome',
      'getCallReplay',
      'getCallTranscript',
      'getCoachingSettings',
      'getCustomerHistory',
      'getLiveStatus',
      'getPrivacySettings',
      'getSpeechModels',
      'getTrends',
      'getUiPreferences',
      'importCalls',
      'importOutcomesCsv',
      'importSpeechModel',
      'listAnnotations',
      'listCalls',
      'queryCalls',
      'reportCaptureProblem',
      'returnFocus',
      'searchLibrary',
      'selectSpeechModel',
      'setAnnotationAuthor',
      'setAnnotationTags',
      'setCallOutcome',
      'setCoachingSettings',
      'setOverlayClickThrough',
      'setOverlayVisible',
      'setPrivacySettings',
      'setUiPreferences',
      'startLiveCall',
      'stopLiveCall',
      'updateAnnotation',
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

  it('never trusts the recognizer page (vosk-browser under a looser CSP), built or in development', () => {
    const dev = devServerPages('http://localhost:5173/');
    assert.equal(isRecognizerPageUrl('file:///opt/attune/out/renderer/recognizer.html', built), true);
    assert.equal(isTrustedSenderPageUrl('file:///opt/attune/out/renderer/recognizer.html', built), false);
    assert.equal(isTrustedSenderPageUrl('http://localhost:5173/recognizer.html', dev), false);
    assert.equal(isTrustedSenderPageUrl('file:///opt/attune/out/renderer/index.html', built), true);
    assert.equal(isTrustedSenderPageUrl('file:///opt/attune/out/renderer/overlay.html', built), true);
    assert.equal(isTrustedSenderPageUrl('http://localhost:5173/overlay.html', dev), true);
    assert.equal(isRecognizerPageUrl('file:///home/user/recognizer.html', built), false, 'not one of ours at all');
  });

  it('accepts only the dev server origin in development', () => {
    const dev = devServerPages('http://localhost:5173/');
    assert.equal(isAppPageUrl('http://localhost:5173/index.html', dev), true);
    assert.equal(isAppPageUrl('http://localhost:5174/', dev), false);
    assert.equal(isAppPageUrl('http://127.0.0.1:5173/', dev), false);
  });
});

describe('validated dispatch of the speech model, privacy and transcript methods', () => {
  const malformed: ReadonlyArray<[method: Parameters<ReturnType<typeof createValidatedDispatcher>>[0], what: string, args: unknown[], mentions: RegExp]> = [
    ['getSpeechModels', 'an argument', ['all'], /expected at most 0 argument/],
    ['downloadSpeechModel', 'no model id', [], /expected at least 1 argument/],
    ['downloadSpeechModel', 'an empty id', [''], /argument 1: must not be empty/],
    ['downloadSpeechModel', 'a path as id', ['../../etc'], /argument 1: must be a model id/],
    ['downloadSpeechModel', 'a URL as id', ['https://evil.example/model.zip'], /argument 1: must be a model id/],
    ['downloadSpeechModel', 'an id as object', [{ id: 'vosk-small' }], /argument 1: Invalid input: expected string/],
    ['cancelSpeechModelDownload', 'an argument', ['vosk-small'], /expected at most 0 argument/],
    ['chooseSpeechModelSource', 'an unknown kind', ['url'], /argument 1: Invalid option/],
    ['chooseSpeechModelSource', 'no kind', [], /expected at least 1 argument/],
    ['importSpeechModel', 'a relative path', ['models/vosk'], /argument 1: must be an absolute path/],
    ['importSpeechModel', 'a NUL in the path', ['/models/a\0b'], /must not contain NUL/],
    ['importSpeechModel', 'two paths', ['/models/a', '/models/b'], /expected at most 1 argument/],
    ['selectSpeechModel', 'no argument', [], /expected at least 1 argument/],
    ['selectSpeechModel', 'a hidden folder', ['.partial-download'], /argument 1: must be a model id/],
    ['selectSpeechModel', 'a number', [3], /argument 1: Invalid input: expected string/],
    ['setPrivacySettings', 'no settings', [], /expected at least 1 argument/],
    ['setPrivacySettings', 'zero days', [{ redactTranscripts: true, retentionDays: 0 }], /argument 1\.retentionDays/],
    ['setPrivacySettings', 'fractional days', [{ redactTranscripts: true, retentionDays: 1.5 }], /argument 1\.retentionDays/],
    ['setPrivacySettings', 'redaction as text', [{ redactTranscripts: 'no', retentionDays: null }], /argument 1\.redactTranscripts/],
    ['setPrivacySettings', 'a missing field', [{ redactTranscripts: false }], /argument 1\.retentionDays/],
    ['setPrivacySettings', 'an unexpected field', [{ redactTranscripts: false, retentionDays: null, upload: true }], /Unrecognized key: "upload"/],
    ['getPrivacySettings', 'an argument', [true], /expected at most 0 argument/],
    ['getCallTranscript', 'no id', [], /expected at least 1 argument/],
    ['getCallReplay', 'no id', [], /expected at least 1 argument/],
    ['getCallReplay', 'a fractional id', [1.5], /argument 1: must be a whole number/],
    ['getCallTranscript', 'a zero id', [0], /argument 1: must be a positive call id/],
    ['getCallTranscript', 'an id as text', ['7'], /argument 1: Invalid input: expected number, received string/],
  ];

  for (const [method, what, args, mentions] of malformed) {
    it(`rejects ${method} with ${what}, and nothing happens`, async () => {
      const { services, asked, privacyChanges } = recordingServices();
      const before = await createAttuneHandlers(services).getPrivacySettings();
      const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
      const error = await rejectionOf(dispatch(method, args));
      assert.ok(error instanceof IpcValidationError);
      assert.match(error.message, new RegExp(`^Invalid request to attune:${method}: `));
      assert.match(error.message, mentions);
      assert.doesNotMatch(error.message, /\n/, 'one line, no stack');
      assert.deepEqual(asked, [], 'the model service was not asked');
      assert.deepEqual(privacyChanges, []);
      assert.deepEqual(await createAttuneHandlers(services).getPrivacySettings(), before, 'bad input loses nothing');
    });
  }

  it('model actions answer with the new status and tell the recognizers; cancel and the dialog pass through', async () => {
    const { services, asked } = recordingServices();
    const dispatch = createValidatedDispatcher(createAttuneHandlers(services));
    assert.deepEqual(await dispatch('getSpeechModels', []), STATUS);
    assert.deepEqual(await dispatch('downloadSpeechModel', ['vosk-model-small-en-us-0.15']), { ok: true, status: STATUS });
    assert.deepEqual(await dispatch('importSpeechModel', ['/models/vosk-small.zip']), { ok: true, status: STATUS });
    assert.deepEqual(await dispatch('selectSpeechModel', [null]), { ok: true, status: STATUS });
    await dispatch('cancelSpeechModelDownload', []);
    assert.equal(await dispatch('chooseSpeechModelSource', ['folder']), '/models/vosk-small');
    assert.equal(await dispatch('chooseSpeechModelSource', ['archive']), '/models/vosk-small.zip');
    assert.deepEqual(asked, [
      'download vosk-model-small-en-us-0.15',
      'model changed',
      'import /models/vosk-small.zip',
      'model changed',
      'select null',
      'model changed',
      'cancel',
    ]);
  });

  it("a failed model action resolves with the service's one-line error and leaves the recognizers alone", async () => {
    const error = 'The model "vosk-x" is not installed: download or import it first.';
    const { services, asked } = recordingServices(undefined, { error });
    const handlers = createAttuneHandlers(services);
    assert.deepEqual(await handlers.selectSpeechModel('vosk-x'), { ok: false, error });
    assert.deepEqual(await handlers.downloadSpeechModel('vosk-x'), { ok: false, error });
    assert.deepEqual(await handlers.importSpeechModel('/models/nothing'), { ok: false, error });
    assert.deepEqual(asked, ['select vosk-x', 'download vosk-x', 'import /models/nothing']);
  });

  it('privacy settings persist and the schedule hears of each change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attune-ipc-privacy-'));
    const library = openLibrary(dir);
    try {
      const { services, privacyChanges } = recordingServices();
      const dispatch = createValidatedDispatcher(createAttuneHandlers({ ...services, library }));
      assert.deepEqual(await dispatch('getPrivacySettings', []), { redactTranscripts: true, retentionDays: null });
      const shorter = { redactTranscripts: false, retentionDays: 30 };
      assert.deepEqual(await dispatch('setPrivacySettings', [shorter]), shorter);
      assert.deepEqual(await dispatch('getPrivacySettings', []), shorter);
      assert.deepEqual(privacyChanges, [[{ redactTranscripts: true, retentionDays: null }, shorter]]);
    } finally {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('getCallTranscript: the stored words with their cues and scorecard, the state from the transcriber; null for no call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attune-ipc-transcript-'));
    const library = openLibrary(dir);
    try {
      const { services } = recordingServices();
      const handlers = createAttuneHandlers({ ...services, library });
      const { file: _file, ...metrics } = ANALYSIS;
      const callOf = (key: string) =>
        insertCall(library.db, {
          recordingKey: key,
          agentName: 'Dana',
          startedAt: '2026-12-01T10:00:00.000Z',
          durationMs: 60_000,
          recordingPath: null,
          metrics,
          cards: [],
          notes: [],
          recovered: false,
          source: 'live',
        });
      const queued = callOf('queued');
      const spoken = callOf('spoken');
      assert.equal(queued, 1, 'the stand-in transcriber says call 1 is queued');
      const words = ['thank', 'you', 'for', 'calling', 'how', 'can', 'i', 'help', 'you', 'today'].map((word, index) => ({
        channel: 'agent' as const,
        word,
        startMs: 1_000 + index * 300,
        endMs: 1_250 + index * 300,
        conf: 0.9,
      }));
      appendTranscriptWords(library.db, spoken, words);

      assert.deepEqual(await handlers.getCallTranscript(queued), { callId: queued, state: 'queued', problem: null, words: [], cues: [], scorecard: null });
      const transcript = await handlers.getCallTranscript(spoken);
      assert.ok(transcript);
      assert.equal(transcript.state, 'done', 'transcribed live: done without the background queue');
      assert.deepEqual(transcript.words, words);
      assert.ok(transcript.cues.some((cue) => cue.type === 'thanks' && cue.by === 'agent'), JSON.stringify(transcript.cues));
      assert.ok(transcript.scorecard);
      assert.equal(transcript.scorecard.timing, true, 'the call timing metrics were combined in');
      assert.equal(await handlers.getCallTranscript(spoken + 100), null);
    } finally {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

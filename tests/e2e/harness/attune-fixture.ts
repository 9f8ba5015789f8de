// Playwright fixture that runs the real renderer against the real main-process code in this Node
// process: the built UI is served over http, `context.exposeBinding` stands in for ipcMain/ipcRenderer,
// and an init script assembles `window.attune` from the contract's method list as the preload does.
// Behind the bridge: the real IPC validation and handlers, a real call library (SQLite) in a temp
// folder, and the real live call service; frame-port messages reach its handleFrameMessage as
// ArrayBuffers, and its broadcasts reach every page's onLiveUpdate listeners. Transcription runs as in
// the app (createTranscriptionRuntime: model service, live recognizer, background transcriber, status
// pushes to every page's onTranscriptionUpdate), with recognizer pages opened by the recognizer bridge.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { devServerPages, isAppPageUrl } from '../../../src/main/app/app-pages';
import { createAttuneHandlers, type AttuneServices } from '../../../src/main/ipc/attune-handlers';
import { recordingPathOfCall } from '../../../src/main/replay/call-replay';
import { createValidatedDispatcher, type IpcDispatcher } from '../../../src/main/ipc/validated-dispatch';
import { openLibrary, type Library } from '../../../src/main/library/library';
import { loadModelManifest, SOURCE_MANIFEST_PATH } from '../../../src/main/models/model-manifest';
import { createRetentionSchedule, type RetentionSchedule } from '../../../src/main/privacy/retention-schedule';
import { analyzeCallFile } from '../../../src/main/services/call-file-analysis';
import { createCallImportSession } from '../../../src/main/services/call-import-session';
import { createLiveCallService, type LiveCallService } from '../../../src/main/services/live-call-service';
import { createTranscriptionRuntime, type TranscriptionRuntime } from '../../../src/main/transcription/transcription-runtime';
import { ATTUNE_CHANNEL_PREFIX, ATTUNE_IPC_METHODS, type AgentChannel, type AppCommand } from '../../../src/shared/ipc-contract';
import type { LiveUpdate } from '../../../src/shared/live';
import type { ImportProgress } from '../../../src/shared/call-import';
import type { TranscriptionUpdate } from '../../../src/shared/transcription';
import { BINDING_PREFIX, FRAME_BINDING, installPageBridge, PUSH_HOOK } from './page-bridge';
import { createRecognizerBridge, type RecognizerBridge } from './recognizer-bridge';
import { setRecordingLookup, startRendererServer } from './renderer-server';

export interface AnalyzeCall {
  path: string;
  agentChannel: AgentChannel | undefined;
}

/** One broadcast of the live call service, with the audio fed when it went out. */
export interface RecordedUpdate {
  update: LiveUpdate;
  /** The service's elapsedMs at the broadcast. */
  elapsedMs: number;
}

/** What the overlay window controls were asked to do (the Electron glue does these in the app). */
export interface OverlayControlCalls {
  clickThrough: boolean[];
  visible: boolean[];
  returnFocus: number;
}

export interface AttuneHarness {
  page: Page;
  context: BrowserContext;
  rendererUrl: string;
  /** What the next `chooseCallFile()` resolves to (the "user" picks this file in the dialog). */
  setChosenFile(path: string | null): void;
  /** `pathForDroppedFile(file)` answers `<dropDir>/<file.name>`; put files to drop here. */
  dropDir: string;
  /** Every call that reached the analysis service, after validation. */
  serviceCalls: readonly AnalyzeCall[];
  /** Problems the pages reported: uncaught errors and CSP violations. Checked empty after each test. */
  pageProblems: readonly string[];
  /**
   * Holds every analysis at the service's door until the returned function is called, so a test can
   * observe the "analysing" state without racing a fast analysis.
   */
  holdAnalyses(): () => void;
  /** The live call service in use now (replaced by restartServices). */
  liveService(): LiveCallService;
  /** The library folder (a temp folder, removed after the test). */
  dataDir: string;
  /** Everything the live call service broadcast, in order. */
  updates: readonly RecordedUpdate[];
  /** Frame-port messages received, and how many of them were not ArrayBuffers. */
  frameStats: { blocks: number; malformed: number };
  overlayCalls: OverlayControlCalls;
  /** Sends an app command (global shortcut / tray) to every page. */
  sendAppCommand(command: AppCommand): Promise<void>;
  /** Opens the overlay page in a second tab of the same context (same bridge). */
  openOverlay(): Promise<Page>;
  /** "Quits and restarts main": disposes the service, closes the library, reopens both on the same folder. */
  restartServices(): Promise<void>;
  /** Everything main pushed on the transcription channel (status and captions), in order. */
  transcriptionUpdates: readonly TranscriptionUpdate[];
  /** Pushes a transcription update to every page as main would (e.g. a caption, without a model). */
  pushTranscriptionUpdate(update: TranscriptionUpdate): Promise<void>;
  /** What the next `chooseSpeechModelSource()` resolves to (the "user" picks this folder or archive). */
  setChosenModelSource(path: string | null): void;
  /** What the next `chooseImportSources()` resolves to (the "user" picks these files or folders). */
  setChosenImportSources(paths: string[] | null): void;
  /** What the next `chooseOutcomesCsv()` resolves to (the "user" picks this CSV). */
  setChosenOutcomesCsv(path: string | null): void;
  /** What the next export's save dialog resolves to (null: the "user" cancels); the file names it proposed. */
  setChosenReportPath(path: string | null): void;
  proposedReportNames: readonly string[];
  /** What the library CSV export's save dialog resolves to next (null: the "user" cancels). */
  setChosenLibraryCsvPath(path: string | null): void;
  /** Every import progress push, in order. */
  importProgress: readonly ImportProgress[];
  /** The fetch model downloads use (default: the global fetch; there is no network in tests). */
  setModelFetch(fetch: typeof globalThis.fetch): void;
  /** The transcription runtime in use now (replaced by restartServices). */
  transcription(): TranscriptionRuntime;
  /** Recognizer pages (the app's hidden recognizer windows) open now. */
  recognizers: RecognizerBridge;
  /** Every line main logged, in order (allowed or not). */
  mainLog: readonly string[];
  /**
   * Main log lines matching `pattern` are expected by this test (e.g. a model that fails to load is
   * logged), so they do not count as page problems.
   */
  allowMainLog(pattern: RegExp): void;
}

interface WorkerFixtures {
  rendererUrl: string;
}

export const test = base.extend<{ attune: AttuneHarness }, WorkerFixtures>({
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form.
    async ({}, use) => {
      const server = await startRendererServer();
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  attune: async ({ page, context, browser, rendererUrl }, use) => {
    const dropDir = await mkdtemp(join(tmpdir(), 'attune-e2e-drop-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'attune-e2e-library-'));
    const serviceCalls: AnalyzeCall[] = [];
    const pageProblems: string[] = [];
    const updates: RecordedUpdate[] = [];
    const frameStats = { blocks: 0, malformed: 0 };
    const overlayCalls: OverlayControlCalls = { clickThrough: [], visible: [], returnFocus: 0 };
    let chosenFile: string | null = null;
    let chosenModelSource: string | null = null;
    let chosenReportPath: string | null = null;
    let chosenLibraryCsvPath: string | null = null;
    const proposedReportNames: string[] = [];
    let chosenImportSources: string[] | null = null;
    let chosenOutcomesCsv: string | null = null;
    const importProgress: ImportProgress[] = [];
    let modelFetch: typeof globalThis.fetch = globalThis.fetch;
    const transcriptionUpdates: TranscriptionUpdate[] = [];
    let analysisGate: Promise<void> = Promise.resolve();
    const mainLog: string[] = [];
    const allowedMainLog: RegExp[] = [];
    const logError = (message: string, error: unknown): void => {
      const line = `main logged: ${message}: ${String(error)}`;
      mainLog.push(line);
      if (!allowedMainLog.some((pattern) => pattern.test(line))) pageProblems.push(line);
    };

    /** Delivers a push to every open page of the app, as main's webContents.send does. */
    const pushToPages = (kind: 'live' | 'command' | 'transcription' | 'import', value: unknown): Promise<void> =>
      Promise.all(
        context.pages().map((target) =>
          target
            .evaluate(([hook, k, v]) => (globalThis as unknown as Record<string, (kind: string, value: unknown) => void>)[hook]?.(k, v), [PUSH_HOOK, kind, value] as const)
            // A page closing mid-push is not the test's concern.
            .catch(() => undefined),
        ),
      ).then(() => undefined);

    const recognizers = createRecognizerBridge({
      browser,
      rendererUrl,
      dataDir: () => dataDir,
      logProblem: (message) => pageProblems.push(message),
    });
    const manifest = loadModelManifest(SOURCE_MANIFEST_PATH);

    // Main's side: the library, the live call service, transcription and the handlers over them. Rebuilt by restartServices.
    let library: Library | null = null;
    let liveService: LiveCallService | null = null;
    let runtime: TranscriptionRuntime | null = null;
    let retention: RetentionSchedule | null = null;
    let dispatch: IpcDispatcher | null = null;
    const startServices = (): { library: Library; liveService: LiveCallService; dispatch: IpcDispatcher } => {
      const opened = openLibrary(dataDir);
      setRecordingLookup((callId) => recordingPathOfCall(opened.db, callId));
      const transcription = createTranscriptionRuntime({
        library: opened,
        dataDir,
        manifest,
        openRecognizer: recognizers.openRecognizer,
        push: (update) => {
          transcriptionUpdates.push(update);
          void pushToPages('transcription', update);
        },
        onCue: (cue) => service.handleTranscriptCue(cue),
        fetch: (...args) => modelFetch(...args),
        logError,
      });
      runtime = transcription;
      const service = createLiveCallService({
        library: opened,
        broadcast: (update) => {
          updates.push({ update, elapsedMs: service.elapsedMs });
          void pushToPages('live', update);
        },
        lifecycle: transcription.lifecycle,
        logError,
      });
      liveService = service;
      const schedule = createRetentionSchedule({ library: opened, logError });
      retention = schedule;
      const services: AttuneServices = {
        analyzeCallFile: async (path, options) => {
          serviceCalls.push({ path, agentChannel: options?.agentChannel });
          await analysisGate;
          return analyzeCallFile(path, options);
        },
        chooseCallFile: () => Promise.resolve(chosenFile),
        logError,
        library: opened,
        liveCalls: service,
        setOverlayClickThrough: (enabled) => {
          overlayCalls.clickThrough.push(enabled);
        },
        setOverlayVisible: (visible) => {
          overlayCalls.visible.push(visible);
        },
        returnFocus: () => {
          overlayCalls.returnFocus += 1;
        },
        // As the app does (src/main/index.ts): the session, then every window.
        dismissCard: async () => {
          service.dismissCard();
          await pushToPages('command', 'dismiss-card');
        },
        transcription,
        chooseSpeechModelSource: () => Promise.resolve(chosenModelSource),
        chooseReportPath: (defaultFileName) => {
          proposedReportNames.push(defaultFileName);
          return Promise.resolve(chosenReportPath);
        },
        chooseLibraryCsvPath: () => Promise.resolve(chosenLibraryCsvPath),
        chooseImportSources: () => Promise.resolve(chosenImportSources),
        chooseOutcomesCsv: () => Promise.resolve(chosenOutcomesCsv),
        callImports: createCallImportSession({
          library: opened,
          push: (progress) => {
            importProgress.push(progress);
            void pushToPages('import', progress);
          },
          enqueueTranscription: (callId) => transcription.background.enqueue(callId),
          logError,
        }),
        privacySettingsChanged: (previous, next) => schedule.settingsChanged(previous, next),
        // The renderer server answers /recordings/call/<id> with the app's attune-recording: handler.
        replayAudioUrl: (callId) => new URL(`recordings/call/${callId}`, rendererUrl).href,
      };
      // As the app does after recovery: retention, the selected model, stored calls without a transcript.
      schedule.start();
      void transcription.start();
      transcription.background.enqueueUntranscribed();
      // The very code main registers with ipcMain: zod validation, then the handlers.
      return { library: opened, liveService: service, dispatch: createValidatedDispatcher(createAttuneHandlers(services)) };
    };
    ({ library, liveService, dispatch } = startServices());
    const currentService = (): LiveCallService => {
      if (!liveService) throw new Error('the live call service is not running');
      return liveService;
    };
    const stopServices = async (): Promise<void> => {
      await liveService?.dispose();
      retention?.stop();
      await runtime?.dispose();
      library?.close();
      liveService = null;
      runtime = null;
      retention = null;
      library = null;
      dispatch = null;
    };
    const appPages = devServerPages(rendererUrl);

    for (const method of ATTUNE_IPC_METHODS) {
      await context.exposeBinding(`${BINDING_PREFIX}${method}`, (source, ...rawArgs: unknown[]) => {
        // Mirrors register-handlers.ts: only the app's own pages may call main.
        if (!isAppPageUrl(source.frame.url(), appPages)) throw new Error(`Refused ${ATTUNE_CHANNEL_PREFIX}${method} from ${source.frame.url()}`);
        if (!dispatch) throw new Error('main is restarting');
        return dispatch(method, rawArgs);
      });
    }
    await context.exposeBinding(FRAME_BINDING, (source, payload: unknown) => {
      if (!isAppPageUrl(source.frame.url(), appPages)) return;
      if (typeof payload !== 'string') {
        frameStats.malformed += 1;
        currentService().handleFrameMessage(payload);
        return;
      }
      frameStats.blocks += 1;
      // What Electron hands main for a transferred ArrayBuffer: an ArrayBuffer of the same bytes.
      const bytes = Buffer.from(payload, 'base64');
      const block = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      // As registerFramePortChannel's onFrameMessage in the app: the live call, then the live recognizer.
      currentService().handleFrameMessage(block);
      runtime?.handleFrames(block);
    });

    await context.addInitScript(installPageBridge, {
      methods: [...ATTUNE_IPC_METHODS],
      bindingPrefix: BINDING_PREFIX,
      channelPrefix: ATTUNE_CHANNEL_PREFIX,
      frameBinding: FRAME_BINDING,
      pushHook: PUSH_HOOK,
      dropDirectory: dropDir,
      separator: sep,
    });

    const watchPage = (target: Page): void => {
      target.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
      target.on('console', (message) => {
        if (/Content[- ]Security[- ]Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
      });
    };
    watchPage(page);

    await page.goto(rendererUrl);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    await use({
      page,
      context,
      rendererUrl,
      setChosenFile: (path) => {
        chosenFile = path;
      },
      dropDir,
      serviceCalls,
      pageProblems,
      holdAnalyses: () => {
        let release = (): void => {};
        analysisGate = new Promise<void>((resolveGate) => {
          release = resolveGate;
        });
        return () => {
          release();
          analysisGate = Promise.resolve();
        };
      },
      liveService: currentService,
      dataDir,
      updates,
      frameStats,
      overlayCalls,
      sendAppCommand: (command) => pushToPages('command', command),
      openOverlay: async () => {
        // A popup window, not a tab: like the app's overlay window it is visible at the same time as
        // the main window (a background tab would have its rendering deferred).
        const [overlay] = await Promise.all([
          context.waitForEvent('page'),
          page.evaluate((url) => {
            (globalThis as unknown as { open(url: string, target: string, features: string): unknown }).open(url, 'attune-overlay', 'popup,width=340,height=250');
          }, new URL('overlay.html', rendererUrl).href),
        ]);
        watchPage(overlay);
        await overlay.waitForLoadState();
        await expect(overlay.getByTestId('overlay')).toBeVisible();
        return overlay;
      },
      restartServices: async () => {
        await stopServices();
        ({ library, liveService, dispatch } = startServices());
      },
      transcriptionUpdates,
      pushTranscriptionUpdate: (update) => pushToPages('transcription', update),
      setChosenReportPath: (path) => {
        chosenReportPath = path;
      },
      proposedReportNames,
      setChosenLibraryCsvPath: (path) => {
        chosenLibraryCsvPath = path;
      },
      setChosenModelSource: (path) => {
        chosenModelSource = path;
      },
      setChosenOutcomesCsv: (path) => {
        chosenOutcomesCsv = path;
      },
      setChosenImportSources: (paths) => {
        chosenImportSources = paths;
      },
      importProgress,
      setModelFetch: (fetch) => {
        modelFetch = fetch;
      },
      transcription: () => {
        if (!runtime) throw new Error('transcription is not running');
        return runtime;
      },
      recognizers,
      mainLog,
      allowMainLog: (pattern) => {
        allowedMainLog.push(pattern);
      },
    });

    await stopServices();
    await recognizers.closeAll();
    expect(pageProblems, 'the page reported errors or CSP violations').toEqual([]);
    await rm(dropDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };

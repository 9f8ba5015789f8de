// Composition root of the main process: wires the library, the live call service, transcription (speech
// models, hidden recognizer windows, background transcription), retention, IPC, the windows, the
// shortcuts and the tray to the app's lifecycle. No logic here: each piece lives in its own module.

import { join } from 'node:path';
import { app, dialog, Notification, session, type MessagePortMain } from 'electron';
import type { LiveUpdate } from '../shared/live';
import { runAppAction, type AppAction, type AppActionTargets } from './app/app-actions';
import { builtFilesPages, devServerPages, isTrustedSenderPageUrl, type AppPages } from './app/app-pages';
import { installRecordingProtocol, registerPrivilegedSchemes } from './app/app-schemes';
import { createAppTray, trayIconPath } from './app/app-tray';
import { chooseCallFileWithDialog } from './app/choose-call-file';
import { chooseImportSourcesWithDialog } from './app/choose-import-sources';
import { chooseOutcomesCsvWithDialog } from './app/choose-outcomes-csv';
import { chooseSpeechModelSourceWithDialog } from './app/choose-model-source';
import { chooseReportPathWithDialog } from './app/choose-report-path';
import { chooseLibraryCsvPathWithDialog } from './app/choose-library-csv-path';
import { printHtmlToPdf } from './app/print-report-pdf';
import { createFramePortRegistry } from './app/frame-port-registry';
import { registerGlobalShortcuts, type ShortcutRegistration } from './app/global-shortcuts';
import { createAppWindows, type AppWindows } from './app/app-windows';
import { OVERLAY_POSITION_PREFERENCE_KEY, savedOverlayPositionSchema } from './app/overlay-placement';
import { createRecognizerWindows } from './app/recognizer-windows';
import { hardenAllWebContents, installContentSecurityPolicyHeader, installMediaPermissions } from './app/security';
import { createShutdownGuard } from './app/shutdown-guard';
import { broadcastImportProgress, broadcastTranscriptionUpdate, createLiveUpdateBroadcaster } from './app/window-messages';
import { createAttuneHandlers } from './ipc/attune-handlers';
import { registerFramePortChannel, registerIpcHandlers } from './ipc/register-handlers';
import { resolveDataDir } from './library/data-dir';
import { electronNativeBindingPath } from './library/electron-native-binding';
import { openLibrary, type Library } from './library/library';
import { isLibraryError } from './library/library-error';
import { loadModelManifest, type ModelManifest } from './models/model-manifest';
import { createRetentionSchedule } from './privacy/retention-schedule';
import { createCallImportSession } from './services/call-import-session';
import { recordingPathOfCall } from './replay/call-replay';
import { createPeaksKeeper } from './replay/peaks-keeper';
import { recoverUnfinishedCalls } from './services/call-recovery';
import { analyzeCallFile } from './services/call-file-analysis';
import { createLiveCallService, type LiveCallService } from './services/live-call-service';
import { readPreference, writePreference } from './store/preferences';
import { createTranscriptionRuntime } from './transcription/transcription-runtime';

const logError = (message: string, error: unknown): void => {
  if (error === null || error === undefined) console.error(message);
  else console.error(message, error);
};

// electron-vite sets ELECTRON_RENDERER_URL for `npm run dev`; a packaged app never trusts it.
const devRendererUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererDir = join(__dirname, '../renderer');
const pages: AppPages = devRendererUrl ? devServerPages(devRendererUrl) : builtFilesPages(rendererDir, join(rendererDir, 'index.html'));
const preloadPath = join(__dirname, '../preload/index.js');
const recognizerPreloadPath = join(__dirname, '../preload/recognizer.js');
// The recognizer page is one of ours but runs under a looser CSP: it never calls main.
const isTrustedSenderUrl = (url: string): boolean => isTrustedSenderPageUrl(url, pages);

// attune-model: and attune-recording: must be privileged (fetch, CORS, streaming) before 'ready'.
registerPrivilegedSchemes();

// The library folder is Electron's userData (the CLI computes the same folder without Electron);
// ATTUNE_DATA_DIR moves both. It must be set before 'ready'.
const dataDir = resolveDataDir();
app.setPath('userData', dataDir);

// One Attune at a time: two would fight over the global shortcuts and record the same call twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  hardenAllWebContents();
  void app.whenReady().then(start);
}

function openLibraryOrExplain(): Library | null {
  try {
    return openLibrary(dataDir, { nativeBinding: electronNativeBindingPath(app.getAppPath(), process.versions.electron, app.isPackaged) });
  } catch (error) {
    logError('attune: opening the library failed', error);
    const detail = isLibraryError(error)
      ? error.message
      : `Attune could not open its library in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`;
    dialog.showErrorBox('Attune cannot start', `${detail}\n\nSet ATTUNE_DATA_DIR to use another folder.`);
    return null;
  }
}

/** The speech models offered for download; without a readable list the app runs on, offering none. */
function loadManifestOrNone(): ModelManifest {
  const path = join(app.getAppPath(), 'models', 'manifest.json');
  try {
    return loadModelManifest(path);
  } catch (error) {
    logError('attune: the speech model list could not be read; no model is offered for download', error);
    return { version: 1, models: [] };
  }
}

function start(): void {
  const library = openLibraryOrExplain();
  if (library === null) {
    app.exit(1);
    return;
  }

  installContentSecurityPolicyHeader(session.defaultSession, pages);
  installMediaPermissions(session.defaultSession, pages, logError);
  // The replay plays stored recordings over attune-recording:, answered from the library.
  installRecordingProtocol(session.defaultSession, (callId) => recordingPathOfCall(library.db, callId));
  // Each call's waveform peaks are computed once as it is stored, so its replay opens at once.
  const peaks = createPeaksKeeper({ db: () => library.db, logError });

  const broadcaster = createLiveUpdateBroadcaster();
  const framePorts = createFramePortRegistry<MessagePortMain>();
  let callLive = false;
  // Assigned below; live updates only flow once a call starts, long after.
  let windows: AppWindows | null = null;

  const onLiveUpdate = (update: LiveUpdate): void => {
    switch (update.type) {
      case 'started':
        callLive = true;
        // The overlay is the point of a live call: bring it up, without taking the keyboard.
        windows?.overlay.setVisible(true);
        break;
      case 'stopped':
      case 'saved':
        callLive = false;
        // The call is over: a renderer still posting frames on its port is no longer heard.
        framePorts.closeCurrent();
        if (update.type === 'saved') peaks.keep(update.callId);
        break;
      default:
        break;
    }
    broadcaster.push(update);
  };

  // Transcription: hidden recognizer windows, the speech model service, the live recognizer (part of the
  // live call's lifecycle), background transcription of stored calls, status pushes to the windows.
  // With no model the state is 'off' and everything else works as before.
  const recognizerWindows = createRecognizerWindows({ pages, preloadPath: recognizerPreloadPath, dataDir, logError });
  // Assigned right below; a cue can only come from a live call, long after.
  let liveCallsForCues: LiveCallService | null = null;
  const transcription = createTranscriptionRuntime({
    library,
    dataDir,
    manifest: loadManifestOrNone(),
    openRecognizer: recognizerWindows.openRecognizer,
    push: broadcastTranscriptionUpdate,
    onCue: (cue) => liveCallsForCues?.handleTranscriptCue(cue),
    logError,
  });
  const liveCalls = createLiveCallService({ library, broadcast: onLiveUpdate, logError, lifecycle: transcription.lifecycle });
  liveCallsForCues = liveCalls;
  const retention = createRetentionSchedule({
    library,
    logError,
    onDeleted: (result) => console.info(`attune: retention deleted ${result.deleted.length} call(s) started before ${result.cutoff ?? '?'}`),
  });

  const stopLiveCallIfAny = async (): Promise<void> => {
    if ((await liveCalls.getLiveStatus()).state !== 'live') return;
    const result = await liveCalls.stopLiveCall();
    if (!result.ok) logError(`attune: stopping the call failed: ${result.error}`, null);
  };

  const appWindows = createAppWindows({
    pages,
    preloadPath,
    platform: process.platform,
    loadOverlayPosition: () => readPreference(library.db, OVERLAY_POSITION_PREFERENCE_KEY, savedOverlayPositionSchema),
    saveOverlayPosition: (position) => writePreference(library.db, OVERLAY_POSITION_PREFERENCE_KEY, position),
    onMainWindowClosed: () => {
      // The main window runs the capture: without it the call cannot go on, so it is stopped and stored.
      stopLiveCallIfAny().catch((error: unknown) => logError('attune: stopping the call after the window closed failed', error));
      framePorts.closeCurrent();
      // The hidden overlay would otherwise keep the app alive with no way back but the tray.
      if (process.platform === 'darwin') appWindows.overlay.setVisible(false);
      else app.quit();
    },
    logError,
  });
  windows = appWindows;
  const overlay = appWindows.overlay;

  const targets: AppActionTargets = {
    isCallLive: () => callLive,
    sendToMainWindow: (command) => appWindows.sendToMainWindow(command),
    sendToOverlay: (command) => appWindows.sendToOverlay(command),
    sendToAllWindows: (command) => appWindows.sendToAllWindows(command),
    dismissCardInSession: () => liveCalls.dismissCard(),
    isOverlayVisible: () => overlay.isVisible(),
    setOverlayVisible: (visible) => overlay.setVisible(visible),
    focusOverlayForNote: () => {
      overlay.focusForNote().catch((error: unknown) => logError('attune: opening the note failed', error));
    },
    showMainWindow: () => {
      appWindows.openMainWindow();
    },
    quit: () => app.quit(),
  };
  const runAction = (action: AppAction): void => {
    try {
      runAppAction(action, targets);
    } catch (error) {
      logError(`attune: the ${action} action failed`, error);
    }
  };

  registerIpcHandlers(
    createAttuneHandlers({
      analyzeCallFile,
      chooseCallFile: chooseCallFileWithDialog,
      library,
      liveCalls,
      logError,
      setOverlayClickThrough: (enabled) => overlay.setClickThrough(enabled),
      setOverlayVisible: (visible) => overlay.setVisible(visible),
      returnFocus: () => overlay.returnFocus(),
      // The same as the shortcut: the session, then every window.
      dismissCard: () => runAction('dismiss-card'),
      transcription,
      chooseSpeechModelSource: chooseSpeechModelSourceWithDialog,
      chooseReportPath: chooseReportPathWithDialog,
      chooseLibraryCsvPath: chooseLibraryCsvPathWithDialog,
      printReportToPdf: printHtmlToPdf,
      chooseImportSources: chooseImportSourcesWithDialog,
      chooseOutcomesCsv: chooseOutcomesCsvWithDialog,
      callImports: createCallImportSession({
        library,
        push: broadcastImportProgress,
        enqueueTranscription: (callId) => {
          transcription.background.enqueue(callId);
          peaks.keep(callId);
        },
        logError,
      }),
      privacySettingsChanged: (previous, next) => retention.settingsChanged(previous, next),
    }),
    { isTrustedSenderUrl },
  );
  const stopFramePorts = registerFramePortChannel({
    isTrustedSenderUrl,
    // The same frames feed the live call (metrics, cards, recording) and the live recognizer.
    onFrameMessage: (data) => {
      liveCalls.handleFrameMessage(data);
      transcription.handleFrames(data);
    },
    registry: framePorts,
    logError,
  });

  appWindows.openMainWindow();
  void overlay.whenLoaded();
  // The live recognizer loads the selected model (if any) while the window comes up.
  transcription.start().catch((error: unknown) => logError('attune: starting transcription failed', error));

  const shortcuts: ShortcutRegistration = registerGlobalShortcuts(runAction, logError);
  // Kept in a variable for the app's lifetime: a garbage-collected Tray disappears from the tray.
  const tray = createAppTray(trayIconPath(app.getAppPath(), process.platform), runAction, logError);

  // Calls an earlier run left unfinished (crash, power loss) are repaired and stored in the
  // background; the app is usable meanwhile (quitting waits for it, so the library is not closed under it).
  const recovery = recoverUnfinishedCalls(library, { logError })
    .then((recovered) => {
      if (recovered.length === 0) return;
      const message =
        recovered.length === 1 ? 'A call that was cut off last time was recovered and saved to the library.' : `${recovered.length} calls that were cut off were recovered and saved to the library.`;
      console.info(`attune: ${message}`);
      if (Notification.isSupported()) new Notification({ title: 'Attune', body: message }).show();
      // The windows hear of each as a saved call (their call lists refresh and mark it), but not in
      // the middle of a call, where 'saved' would read as that call's end; they list it afterwards.
      // Sent past onLiveUpdate: it is not the end of a call, so no frame port is closed.
      if (!callLive) for (const { callId } of recovered) broadcaster.push({ type: 'saved', callId });
      for (const { callId } of recovered) peaks.keep(callId);
    })
    .catch((error: unknown) => logError('attune: recovering unfinished calls failed', error))
    .then(() => {
      // After recovery, so recovered calls count: old calls go, and every stored call without a
      // transcript (recovered, imported, recorded without a model) waits for background transcription.
      retention.start();
      transcription.background.enqueueUntranscribed();
    })
    .catch((error: unknown) => logError('attune: starting retention and background transcription failed', error));

  // macOS keeps apps alive without windows; clicking the dock icon should bring the main window back.
  app.on('activate', () => {
    if (!appWindows.hasMainWindow()) appWindows.openMainWindow();
  });
  app.on('second-instance', () => {
    appWindows.openMainWindow();
  });

  const guard = createShutdownGuard(
    async () => {
      shortcuts.unregisterAll();
      tray?.destroy();
      // A call still running is stopped and stored, so quitting never loses it.
      await liveCalls.dispose();
      await recovery;
      retention.stop();
      // After the call: its last words are stored before the recognizers close.
      await transcription.dispose();
      recognizerWindows.closeAll();
      stopFramePorts();
      broadcaster.dispose();
      overlay.destroy();
      library.close();
    },
    () => app.quit(),
    logError,
  );
  app.on('before-quit', (event) => guard.onBeforeQuit(event));
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Sends main's push messages to the windows: live updates to every window (main and overlay), with
// metrics snapshots coalesced to at most 10 per second of wall time (live-update-coalescer.ts).

import { BrowserWindow } from 'electron';
import { APP_COMMAND_CHANNEL, LIVE_UPDATE_CHANNEL, TRANSCRIPTION_UPDATE_CHANNEL, type AppCommand } from '../../shared/ipc-contract';
import { IMPORT_PROGRESS_CHANNEL, type ImportProgress } from '../../shared/call-import';
import type { TranscriptionUpdate } from '../../shared/transcription';
import type { LiveUpdate } from '../../shared/live';
import { createLiveUpdateCoalescer, type LiveUpdateCoalescer } from './live-update-coalescer';
import { isRecognizerWindow } from './recognizer-windows';

function sendTo(window: BrowserWindow, channel: string, payload: unknown): void {
  // Hidden recognizer windows only talk over their own port.
  if (window.isDestroyed() || window.webContents.isDestroyed() || isRecognizerWindow(window)) return;
  window.webContents.send(channel, payload);
}

/** Every open window gets every update; a window that is still loading misses none once it listens (it asks getLiveStatus). */
export function createLiveUpdateBroadcaster(): LiveUpdateCoalescer {
  return createLiveUpdateCoalescer(
    (update: LiveUpdate) => {
      for (const window of BrowserWindow.getAllWindows()) sendTo(window, LIVE_UPDATE_CHANNEL, update);
    },
    {
      nowMs: () => performance.now(),
      schedule(run, delayMs) {
        const timer = setTimeout(run, delayMs);
        return () => clearTimeout(timer);
      },
    },
  );
}

export function sendAppCommand(window: BrowserWindow, command: AppCommand): void {
  sendTo(window, APP_COMMAND_CHANNEL, command);
}

/** Speech model status and live captions to every app window. */
export function broadcastTranscriptionUpdate(update: TranscriptionUpdate): void {
  for (const window of BrowserWindow.getAllWindows()) sendTo(window, TRANSCRIPTION_UPDATE_CHANNEL, update);
}

/** The progress of an import to every app window (the Library view shows it). */
export function broadcastImportProgress(progress: ImportProgress): void {
  for (const window of BrowserWindow.getAllWindows()) sendTo(window, IMPORT_PROGRESS_CHANNEL, progress);
}

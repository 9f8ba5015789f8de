// Composition root of the main process: wires app lifecycle, security, IPC and the window. No logic here.

import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { builtFilesPages, devServerPages, isAppPageUrl, type AppPages } from './app/app-pages';
import { chooseCallFileWithDialog } from './app/choose-call-file';
import { createMainWindow } from './app/main-window';
import { denyAllPermissions, hardenAllWebContents, installContentSecurityPolicyHeader } from './app/security';
import { createAttuneHandlers } from './ipc/attune-handlers';
import { registerIpcHandlers } from './ipc/register-handlers';
import { analyzeCallFile } from './services/call-file-analysis';

// electron-vite sets ELECTRON_RENDERER_URL for `npm run dev`; a packaged app never trusts it.
const devRendererUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererDir = join(__dirname, '../renderer');
const pages: AppPages = devRendererUrl ? devServerPages(devRendererUrl) : builtFilesPages(rendererDir, join(rendererDir, 'index.html'));
const preloadPath = join(__dirname, '../preload/index.js');

hardenAllWebContents();

void app.whenReady().then(() => {
  installContentSecurityPolicyHeader(session.defaultSession, pages);
  denyAllPermissions(session.defaultSession);
  registerIpcHandlers(createAttuneHandlers({ analyzeCallFile, chooseCallFile: chooseCallFileWithDialog }), {
    isTrustedSenderUrl: (url) => isAppPageUrl(url, pages),
  });
  createMainWindow({ pages, preloadPath });

  // macOS keeps apps alive without windows; clicking the dock icon should bring one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ pages, preloadPath });
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// The native save dialog behind the `exportLibraryCsv` IPC method: where to write the library's CSV.

import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';

export async function chooseLibraryCsvPathWithDialog(defaultFileName: string): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Export calls as CSV',
    buttonLabel: 'Export',
    defaultPath: join(app.getPath('documents'), defaultFileName),
    filters: [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  // Modal to the focused window (a sheet on macOS).
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  return result.filePath;
}

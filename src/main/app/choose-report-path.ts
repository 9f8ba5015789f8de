// The native save dialog behind the `exportCallReport` IPC method: where to write a call's report.

import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { CallReportFormat } from '../../shared/report-export';

export async function chooseReportPathWithDialog(defaultFileName: string, format: CallReportFormat): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Export call report',
    buttonLabel: 'Export',
    defaultPath: join(app.getPath('documents'), defaultFileName),
    filters: format === 'pdf' ? [{ name: 'PDF document', extensions: ['pdf'] }] : [{ name: 'Web page (HTML)', extensions: ['html', 'htm'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  // Modal to the focused window (a sheet on macOS).
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  return result.filePath;
}

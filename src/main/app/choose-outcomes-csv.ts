// The native dialog behind the `chooseOutcomesCsv` IPC method: a CSV of call outcomes to import.

import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

export async function chooseOutcomesCsvWithDialog(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Import call outcomes',
    buttonLabel: 'Import',
    properties: ['openFile'],
    filters: [
      { name: 'Outcomes (CSV)', extensions: ['csv', 'CSV', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  // Attach the dialog to the focused window so it is modal to it (a sheet on macOS).
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

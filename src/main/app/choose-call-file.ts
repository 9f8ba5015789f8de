// The native "open recording" dialog behind the `chooseCallFile` IPC method.

import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

export async function chooseCallFileWithDialog(): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open call recording',
    buttonLabel: 'Analyse',
    properties: ['openFile'],
    filters: [{ name: 'Call recordings (WAV)', extensions: ['wav', 'WAV'] }],
  };
  // Attach the dialog to the focused window so it is modal to it (a sheet on macOS).
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

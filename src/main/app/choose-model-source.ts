// The native dialog behind the `chooseSpeechModelSource` IPC method: a Vosk model the user already has,
// as an unpacked folder or as the .zip / .tar.gz archive it came in.

import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

export async function chooseSpeechModelSourceWithDialog(kind: 'folder' | 'archive'): Promise<string | null> {
  const options: OpenDialogOptions =
    kind === 'folder'
      ? { title: 'Choose a Vosk model folder', buttonLabel: 'Use this model', properties: ['openDirectory'] }
      : {
          title: 'Choose a Vosk model archive',
          buttonLabel: 'Use this model',
          properties: ['openFile'],
          filters: [{ name: 'Vosk model archives (.zip, .tar.gz)', extensions: ['zip', 'gz', 'tgz'] }],
        };
  // Attach the dialog to the focused window so it is modal to it (a sheet on macOS).
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

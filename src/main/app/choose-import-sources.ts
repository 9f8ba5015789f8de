// The native dialog behind the `chooseImportSources` IPC method: recorded calls to import, as several
// files or as folders (searched for audio files by the import). Linux and Windows can't offer files and
// folders in one dialog, so the renderer asks for one kind.

import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import { AUDIO_EXTENSIONS } from '../services/import-file-list';

export async function chooseImportSourcesWithDialog(kind: 'files' | 'folder'): Promise<string[] | null> {
  const options: OpenDialogOptions =
    kind === 'folder'
      ? { title: 'Choose folders of recorded calls', buttonLabel: 'Import', properties: ['openDirectory', 'multiSelections'] }
      : {
          title: 'Choose recorded calls',
          buttonLabel: 'Import',
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: 'Call recordings', extensions: [...AUDIO_EXTENSIONS].map((extension) => extension.slice(1)) },
            { name: 'All files', extensions: ['*'] },
          ],
        };
  // Attach the dialog to the focused window so it is modal to it (a sheet on macOS).
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return null;
  return result.filePaths;
}

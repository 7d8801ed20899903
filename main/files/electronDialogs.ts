import { BrowserWindow, dialog, webContents, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { FileDialogs } from './fileDialogs';

/** The native open and save dialogs, attached to the asking window (sheets on macOS). */
export function createElectronDialogs(): FileDialogs {
  const windowOf = (owner: number) => {
    const contents = webContents.fromId(owner);
    return contents ? BrowserWindow.fromWebContents(contents) : null;
  };
  return {
    async chooseFileToOpen(owner, { filters }) {
      const options: OpenDialogOptions = { properties: ['openFile'], filters };
      const window = windowOf(owner);
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveLocation(owner, { defaultPath, filters }) {
      const options: SaveDialogOptions = { defaultPath, filters, properties: ['showOverwriteConfirmation', 'createDirectory'] };
      const window = windowOf(owner);
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

import type { TokenOwner } from './pathTokens';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * The native dialogs the file service needs, injected (main/files/electronDialogs.ts is the
 * real one; tests answer with paths of their choosing). A dialog returns null when cancelled.
 */
export interface FileDialogs {
  chooseFileToOpen(owner: TokenOwner, options: { filters: FileFilter[] }): Promise<string | null>;
  chooseSaveLocation(owner: TokenOwner, options: { defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

export const FAULTLINE_FILTERS: FileFilter[] = [
  { name: 'Faultline sandbox', extensions: ['faultline'] },
  { name: 'All files', extensions: ['*'] },
];

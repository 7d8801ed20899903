import type { AppInfo } from './appInfo';
import type { DocumentState, ExportRequest, ExportResult, OpenResult, RecoveryEntry, RestoreResult, SaveAsRequest, SaveRequest, SaveResult, StoreRecoveryRequest } from './files';
import type { MenuChecks, MenuCommand } from './menuCommands';

export type { AppInfo } from './appInfo';
export type { MenuCommand } from './menuCommands';

/** The global name the preload exposes the bridge under: `window.faultline`. */
export const BRIDGE_GLOBAL_NAME = 'faultline';

/**
 * Everything the desktop renderer may ask of the main process, exposed by the preload as
 * `window.faultline`. The page never sees `ipcRenderer`, channels or Electron events: only these
 * methods, whose results are validated before they are handed over.
 */
export interface FaultlineBridge {
  getAppInfo(): Promise<AppInfo>;
  /** Subscribes to native menu commands; returns a function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Which settings are on, for the native menu's checkbox items. */
  setMenuChecks(checks: MenuChecks): Promise<null>;
  /** Puts text (a share code) on the system clipboard. */
  writeClipboardText(text: string): Promise<null>;

  // Files (issue 9): main's dialogs choose paths; the page holds only tokens.
  openFile(): Promise<OpenResult>;
  saveFile(request: SaveRequest): Promise<SaveResult>;
  saveFileAs(request: SaveAsRequest): Promise<SaveResult>;
  revertFile(token: string): Promise<OpenResult>;
  exportFile(request: ExportRequest): Promise<ExportResult>;
  /** Files the OS asked to open before the page was ready; afterwards they come through onFileOpened. */
  takePendingOpens(): Promise<OpenResult[]>;
  onFileOpened(listener: (result: OpenResult) => void): () => void;
  storeRecovery(request: StoreRecoveryRequest): Promise<null>;
  clearRecovery(): Promise<null>;
  listRecovery(): Promise<RecoveryEntry[]>;
  restoreRecovery(id: string): Promise<RestoreResult>;
  discardRecovery(id: string): Promise<null>;
  setDocumentState(state: DocumentState): Promise<null>;
  closeWindowNow(): Promise<null>;
  /** The user chose Save in the close confirmation: save, then call closeWindowNow. */
  onSaveBeforeClose(listener: () => void): () => void;

  /** Asks main for a simulation engine; its MessagePort arrives as a window message (shared/ipc/engineChannels.ts). */
  connectEngine(): void;
}

/** The bridge's members, for tests and checks that it exposes exactly these. */
export const BRIDGE_METHODS = [
  'getAppInfo',
  'onMenuCommand',
  'setMenuChecks',
  'writeClipboardText',
  'openFile',
  'saveFile',
  'saveFileAs',
  'revertFile',
  'exportFile',
  'takePendingOpens',
  'onFileOpened',
  'storeRecovery',
  'clearRecovery',
  'listRecovery',
  'restoreRecovery',
  'discardRecovery',
  'setDocumentState',
  'closeWindowNow',
  'onSaveBeforeClose',
  'connectEngine',
] as const satisfies readonly (keyof FaultlineBridge)[];

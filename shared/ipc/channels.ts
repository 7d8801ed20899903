import type { AppInfo } from './appInfo';
import type { DocumentState, ExportRequest, ExportResult, OpenResult, RecoveryEntry, RestoreResult, SaveAsRequest, SaveRequest, SaveResult, StoreRecoveryRequest } from './files';
import type { MenuChecks, MenuCommand } from './menuCommands';

/**
 * Every IPC channel between main and the preload, declared once. Kept deliberately small: each
 * channel is attack surface that needs a sender check and a payload validator.
 */
export const IPC_CHANNELS = {
  /** renderer → main (invoke): the program's name, version and component versions. */
  getAppInfo: 'app:getInfo',
  /** main → renderer (event): a native menu item was chosen. */
  menuCommand: 'menu:command',
  /** renderer → main (invoke): which settings are on, for the native menu's check marks (Dark Theme, Classroom Mode). */
  menuSetChecks: 'menu:setChecks',
  /**
   * renderer → main (invoke): put text (a share code) on the clipboard. Through main's clipboard,
   * because the window's session denies every permission request (DESIGN §8), the clipboard
   * write that navigator.clipboard asks for included.
   */
  clipboardWriteText: 'clipboard:writeText',
  // Files (issue 9). Paths never come from the page: main's dialogs hand out tokens.
  fileOpen: 'file:open',
  fileSave: 'file:save',
  fileSaveAs: 'file:saveAs',
  fileRevert: 'file:revert',
  fileExport: 'file:export',
  /** Files the OS asked main to open before the page was ready (launch arguments). */
  fileTakePending: 'file:takePending',
  /** main → renderer (event): a file opened outside the page (the OS, a second instance, the native Open Recent). */
  fileOpened: 'file:opened',
  recoveryStore: 'recovery:store',
  recoveryClear: 'recovery:clear',
  recoveryList: 'recovery:list',
  recoveryRestore: 'recovery:restore',
  recoveryDiscard: 'recovery:discard',
  /** The page's title and dirty flag, for close confirmation and macOS's edited marker. */
  windowSetDocumentState: 'window:setDocumentState',
  /** Close the window without asking again (after the page saved on request). */
  windowCloseNow: 'window:closeNow',
  /** main → renderer (event): the user chose Save in the close confirmation. */
  windowSaveBeforeClose: 'window:saveBeforeClose',
} as const;

/** Request/response channels (`ipcRenderer.invoke` ↔ `ipcMain.handle`): argument tuple and result. */
export interface InvokeContract {
  'app:getInfo': { args: []; result: AppInfo };
  'menu:setChecks': { args: [checks: MenuChecks]; result: null };
  'clipboard:writeText': { args: [text: string]; result: null };
  'file:open': { args: []; result: OpenResult };
  'file:save': { args: [request: SaveRequest]; result: SaveResult };
  'file:saveAs': { args: [request: SaveAsRequest]; result: SaveResult };
  'file:revert': { args: [token: string]; result: OpenResult };
  'file:export': { args: [request: ExportRequest]; result: ExportResult };
  'file:takePending': { args: []; result: OpenResult[] };
  'recovery:store': { args: [request: StoreRecoveryRequest]; result: null };
  'recovery:clear': { args: []; result: null };
  'recovery:list': { args: []; result: RecoveryEntry[] };
  'recovery:restore': { args: [id: string]; result: RestoreResult };
  'recovery:discard': { args: [id: string]; result: null };
  'window:setDocumentState': { args: [state: DocumentState]; result: null };
  'window:closeNow': { args: []; result: null };
}

/** Event channels main sends to the renderer (`webContents.send` → `ipcRenderer.on`): the payload. */
export interface EventContract {
  'menu:command': MenuCommand;
  'file:opened': OpenResult;
  'window:saveBeforeClose': 'close';
}

export type InvokeChannel = keyof InvokeContract;
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeContract[C]['result'];
export type EventChannel = keyof EventContract;

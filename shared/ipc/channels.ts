import type { AppInfo } from './appInfo';
import type { MenuCommand } from './menuCommands';

/**
 * Every IPC channel between main and the preload, declared once. Kept deliberately small: each
 * channel is attack surface that needs a sender check and a payload validator.
 */
export const IPC_CHANNELS = {
  /** renderer → main (invoke): the program's name, version and component versions. */
  getAppInfo: 'app:getInfo',
  /** main → renderer (event): a native menu item was chosen. */
  menuCommand: 'menu:command',
} as const;

/** Request/response channels (`ipcRenderer.invoke` ↔ `ipcMain.handle`): argument tuple and result. */
export interface InvokeContract {
  'app:getInfo': { args: []; result: AppInfo };
}

/** Event channels main sends to the renderer (`webContents.send` → `ipcRenderer.on`): the payload. */
export interface EventContract {
  'menu:command': MenuCommand;
}

export type InvokeChannel = keyof InvokeContract;
export type InvokeArgs<C extends InvokeChannel> = InvokeContract[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeContract[C]['result'];
export type EventChannel = keyof EventContract;

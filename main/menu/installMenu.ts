import { BrowserWindow, Menu, type BaseWindow } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { MenuCommand } from '../../shared/ipc/menuCommands';
import { sendEvent } from '../ipc/sendEvent';
import type { Logger } from '../log';
import { buildMenuTemplate } from './menuTemplate';

/** The window a menu command is for: the one Electron says was focused, else any of ours. */
function targetWindow(window: BaseWindow | undefined): BrowserWindow | null {
  if (window instanceof BrowserWindow) return window;
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

export function installApplicationMenu(options: { platform: string; isDev: boolean; appName: string; log: Logger }): void {
  const { log } = options;
  const dispatch = (command: MenuCommand, window: BaseWindow | undefined) => {
    const target = targetWindow(window);
    if (!target || target.isDestroyed()) {
      log.warn(`menu command ${command} has no window to go to`);
      return;
    }
    sendEvent(target.webContents, IPC_CHANNELS.menuCommand, command);
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ ...options, dispatch })));
}

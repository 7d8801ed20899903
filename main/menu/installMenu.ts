import { BrowserWindow, Menu, type BaseWindow } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { MenuChecks, MenuCommand } from '../../shared/ipc/menuCommands';
import { sendEvent } from '../ipc/sendEvent';
import type { Logger } from '../log';
import { buildMenuTemplate, type RecentMenu } from './menuTemplate';

/** The window a menu command is for: the one Electron says was focused, else any of ours. */
function targetWindow(window: BaseWindow | undefined): BrowserWindow | null {
  if (window instanceof BrowserWindow) return window;
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

/**
 * Builds and sets the application menu. Returns a function that rebuilds it (call it when the
 * recent-files list or the settings' check marks change: Electron menus are immutable once built).
 */
export function installApplicationMenu(options: {
  platform: string;
  isDev: boolean;
  appName: string;
  log: Logger;
  recent?: () => Omit<RecentMenu, 'open'> & { open: (id: string, window: BrowserWindow | null) => void };
  /** Which settings are on (the page says: menu:setChecks), for the check marks. */
  checked?: () => MenuChecks;
}): () => void {
  const { log } = options;
  const dispatch = (command: MenuCommand, window: BaseWindow | undefined) => {
    const target = targetWindow(window);
    if (!target || target.isDestroyed()) {
      log.warn(`menu command ${command} has no window to go to`);
      return;
    }
    sendEvent(target.webContents, IPC_CHANNELS.menuCommand, command);
  };
  const install = () => {
    const source = options.recent?.();
    const recent: RecentMenu | undefined = source && { ...source, open: (id, window) => source.open(id, targetWindow(window)) };
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ ...options, dispatch, recent, checked: options.checked?.() })));
  };
  install();
  return install;
}

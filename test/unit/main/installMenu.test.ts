import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => {
  class BrowserWindow {
    static focused: BrowserWindow | null = null;
    static all: BrowserWindow[] = [];
    static getFocusedWindow = () => BrowserWindow.focused;
    static getAllWindows = () => BrowserWindow.all;
    webContents = { send: vi.fn() };
    isDestroyed = () => false;
  }
  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
  return { BrowserWindow, Menu };
});

vi.mock('electron', () => electron);

const { installApplicationMenu } = await import('../../../main/menu/installMenu');

function installedTemplate(): MenuItemConstructorOptions[] {
  return electron.Menu.buildFromTemplate.mock.calls[0][0] as MenuItemConstructorOptions[];
}

function clickItem(id: string, window: unknown) {
  const find = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined =>
    items.map((item) => (item.id === id ? item : Array.isArray(item.submenu) ? find(item.submenu) : undefined)).find(Boolean);
  find(installedTemplate())!.click!({} as never, window as never, {} as never);
}

describe('installApplicationMenu', () => {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  beforeEach(() => {
    electron.Menu.buildFromTemplate.mockClear();
    electron.BrowserWindow.focused = null;
    electron.BrowserWindow.all = [];
    installApplicationMenu({ platform: 'linux', isDev: false, appName: 'Faultline', log });
  });

  it('sets the application menu built from the template', () => {
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith({ template: installedTemplate() });
  });

  it('sends menu:command to the window Electron reports as focused', () => {
    const window = new electron.BrowserWindow();
    clickItem('file.save', window);
    expect(window.webContents.send).toHaveBeenCalledWith('menu:command', 'file.save');
  });

  it('falls back to the focused window, then any window, and logs when there is none', () => {
    const any = new electron.BrowserWindow();
    electron.BrowserWindow.all = [any];
    clickItem('sim.playPause', undefined);
    expect(any.webContents.send).toHaveBeenCalledWith('menu:command', 'sim.playPause');

    electron.BrowserWindow.all = [];
    clickItem('sim.step', undefined);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('sim.step'));
  });
});

describe('installApplicationMenu: check marks', () => {
  it('builds the settings checked as the page last said, and again on each rebuild', () => {
    electron.Menu.buildFromTemplate.mockClear();
    let checks: Record<string, boolean> = {};
    const rebuild = installApplicationMenu({ platform: 'linux', isDev: false, appName: 'Faultline', log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() }, checked: () => checks });
    const item = (call: number, id: string) => {
      const find = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined =>
        items.map((entry) => (entry.id === id ? entry : Array.isArray(entry.submenu) ? find(entry.submenu) : undefined)).find(Boolean);
      return find(electron.Menu.buildFromTemplate.mock.calls[call][0] as MenuItemConstructorOptions[]);
    };
    expect(item(0, 'view.toggleDarkMode')).toMatchObject({ type: 'checkbox', checked: false });
    checks = { 'view.toggleDarkMode': true, 'view.toggleClassroomMode': true };
    rebuild();
    expect(item(1, 'view.toggleDarkMode')).toMatchObject({ type: 'checkbox', checked: true });
    expect(item(1, 'view.toggleClassroomMode')).toMatchObject({ type: 'checkbox', checked: true });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { CommandDispatcher, WEB_EDIT_COMMANDS, type WebEditCommand } from '../../../renderer/app/menu/commandDispatcher';
import { webShortcutFor } from '../../../renderer/app/menu/webShortcuts';
import { buildMenuModel } from '../../../renderer/app/menu/menuModel';
import { buildMenuTemplate } from '../../../main/menu/menuTemplate';
import type { MenuItemConstructorOptions } from 'electron';

describe('CommandDispatcher', () => {
  it('runs the registered handler, and reports unknown or disabled commands as not run', () => {
    const dispatcher = new CommandDispatcher();
    const run = vi.fn();
    let enabled = true;
    const remove = dispatcher.register('file.save', { run, isEnabled: () => enabled });
    expect(dispatcher.run('file.save')).toBe(true);
    enabled = false;
    expect(dispatcher.isAvailable('file.save')).toBe(false);
    expect(dispatcher.run('file.save')).toBe(false);
    expect(dispatcher.run('file.open')).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
    remove();
    expect(dispatcher.isAvailable('file.save')).toBe(false);
  });

  it('a later registration takes over, and removing the earlier one does not remove it', () => {
    const dispatcher = new CommandDispatcher();
    const first = vi.fn();
    const second = vi.fn();
    const removeFirst = dispatcher.register('edit.undo', { run: first });
    dispatcher.register('edit.undo', { run: second });
    removeFirst();
    dispatcher.run('edit.undo');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalled();
  });

  it('reports a failing handler (sync or async) instead of throwing at the menu', async () => {
    const reported: string[] = [];
    const dispatcher = new CommandDispatcher((command, error) => reported.push(`${command}: ${(error as Error).message}`));
    dispatcher.register('file.new', { run: () => { throw new Error('sync'); } });
    dispatcher.register('file.open', { run: async () => { throw new Error('async'); } });
    expect(() => dispatcher.run('file.new')).not.toThrow();
    dispatcher.run('file.open');
    await vi.waitFor(() => expect(reported).toEqual(['file.new: sync', 'file.open: async']));
  });

  it('says whether a toggle is on (its handler\'s isChecked), and nothing of other commands', () => {
    const dispatcher = new CommandDispatcher();
    let dark = false;
    dispatcher.register('view.toggleDarkMode', { run: () => void (dark = !dark), isChecked: () => dark });
    dispatcher.register('view.fit', { run: () => {} });
    expect(dispatcher.isChecked('view.toggleDarkMode')).toBe(false);
    dispatcher.run('view.toggleDarkMode');
    expect(dispatcher.isChecked('view.toggleDarkMode')).toBe(true);
    expect(dispatcher.isChecked('view.fit')).toBeUndefined();
    expect(dispatcher.isChecked('view.toggleClassroomMode')).toBeUndefined();
  });

  it('tells subscribers when handlers change', () => {
    const dispatcher = new CommandDispatcher();
    const listener = vi.fn();
    dispatcher.subscribe(listener);
    const before = dispatcher.getVersion();
    dispatcher.register('sim.step', { run: () => {} })();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(dispatcher.getVersion()).toBe(before + 2);
  });
});

describe('menus and shortcuts', () => {
  const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it('maps Ctrl/Cmd+N, O, S, Shift+S, Shift+E, J, ] and [, and nothing else', () => {
    expect(webShortcutFor(key('n', { ctrlKey: true }))).toBe('file.new');
    // Browsers keep Ctrl+N for a new window: the web edition's New is Alt+N, and says so.
    expect(webShortcutFor(key('n', { altKey: true }))).toBe('file.new');
    // Faster / slower, as the menu and the guide say (only the desktop bound them before).
    expect(webShortcutFor(key(']', { ctrlKey: true }))).toBe('sim.speedUp');
    expect(webShortcutFor(key('[', { metaKey: true }))).toBe('sim.speedDown');
    expect(buildMenuModel('Ctrl')[0].items.find((item) => item.type === 'command' && item.command === 'file.new')).toMatchObject({ shortcut: 'Alt+N' });
    expect(webShortcutFor(key('o', { metaKey: true }))).toBe('file.open');
    expect(webShortcutFor(key('s', { ctrlKey: true }))).toBe('file.save');
    expect(webShortcutFor(key('S', { ctrlKey: true, shiftKey: true }))).toBe('file.saveAs');
    expect(webShortcutFor(key('E', { ctrlKey: true, shiftKey: true }))).toBe('file.exportPng');
    expect(webShortcutFor(key('j', { ctrlKey: true }))).toBe('view.togglePanel');
    expect(webShortcutFor(key('b', { ctrlKey: true }))).toBe('view.togglePalette');
    expect(webShortcutFor(key('i', { metaKey: true }))).toBe('view.toggleInspector');
    // Ctrl+Shift+I stays the browser's developer tools; B and I alone are typed.
    for (const event of [key('I', { ctrlKey: true, shiftKey: true }), key('b'), key('i')]) expect(webShortcutFor(event)).toBeNull();
    for (const event of [key('j'), key('J', { ctrlKey: true, shiftKey: true }), key('s'), key('s', { altKey: true, ctrlKey: true }), key('z', { ctrlKey: true }), key('N', { ctrlKey: true, shiftKey: true })]) expect(webShortcutFor(event)).toBeNull();
  });

  it('gives no two commands the same keys, in the page’s menus or the native menu', () => {
    const shortcuts = buildMenuModel('Ctrl')
      .flatMap((menu) => menu.items)
      .flatMap((item) => (item.type === 'command' && item.shortcut ? [item.shortcut] : []));
    expect(shortcuts.length).toBeGreaterThan(10);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    const accelerators: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]): void =>
      items.forEach((item) => {
        if (typeof item.accelerator === 'string') accelerators.push(item.accelerator);
        if (Array.isArray(item.submenu)) walk(item.submenu);
      });
    walk(buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch: () => {} }));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('maps F1 alone to Help → Lessons', () => {
    expect(webShortcutFor(key('F1'))).toBe('help.lessons');
    expect(webShortcutFor(key('F1', { ctrlKey: true }))).toBeNull();
  });

  it('the in-page menu offers the native menu’s commands with the same shortcuts', () => {
    const native = new Map<string, string | undefined>();
    const walk = (items: MenuItemConstructorOptions[]) =>
      items.forEach((item) => {
        if (item.id && item.click && item.visible !== false) native.set(item.id, item.accelerator as string | undefined);
        if (Array.isArray(item.submenu)) walk(item.submenu);
      });
    walk(buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch: () => {} }));
    // A radio group's choices are commands like any other.
    const page = buildMenuModel('Ctrl')
      .flatMap((menu) => menu.items)
      .flatMap((item) => (item.type === 'radio' ? item.items : [item]))
      .filter((item) => item.type === 'command');
    // The web-only Edit items are the native Edit menu's roles there.
    const nativeEditRoles = new Set(
      (buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch: () => {} }).find((menu) => menu.label === '&Edit' || menu.label === 'Edit')!.submenu as MenuItemConstructorOptions[]).map((item) => item.role),
    );
    const roleOf: Record<WebEditCommand, string> = { 'edit.cut': 'cut', 'edit.copy': 'copy', 'edit.paste': 'paste' };
    for (const item of page) {
      if ((WEB_EDIT_COMMANDS as readonly string[]).includes(item.command)) {
        expect(nativeEditRoles.has(roleOf[item.command as WebEditCommand] as never), item.command).toBe(true);
        continue;
      }
      expect(native.has(item.command), item.command).toBe(true);
      const accelerator = native.get(item.command);
      // The one deliberate difference: a browser keeps Ctrl+N for itself, so New is Alt+N in the page.
      if (item.command === 'file.new') expect(item.shortcut).toBe('Alt+N');
      else if (accelerator && /CmdOrCtrl/.test(accelerator)) expect(item.shortcut, item.command).toBe(accelerator.replace('CmdOrCtrl', 'Ctrl'));
    }
    // Settings are checkbox items in both menus, with the same labels ("Dark Theme", not "Toggle Dark Mode").
    const nativeItems = new Map<string, MenuItemConstructorOptions>();
    const collect = (items: MenuItemConstructorOptions[]): void =>
      items.forEach((item) => {
        if (item.id) nativeItems.set(item.id, item);
        if (Array.isArray(item.submenu)) collect(item.submenu);
      });
    collect(buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch: () => {} }));
    const toggles = page.filter((item) => item.checkbox);
    expect(toggles.map((item) => [item.command, item.label])).toEqual([['view.toggleDarkMode', 'Dark Theme'], ['view.toggleClassroomMode', 'Classroom Mode'], ['view.togglePanel', 'Run Panels'], ['view.togglePalette', 'Palette'], ['view.toggleInspector', 'Inspector']]);
    for (const item of toggles) expect(nativeItems.get(item.command), item.command).toMatchObject({ type: 'checkbox', label: item.label });
    // The speeds are radio items in both menus, with the same labels.
    const speeds = buildMenuModel('Ctrl').flatMap((menu) => menu.items).filter((item) => item.type === 'radio').flatMap((group) => group.items);
    expect(speeds.map((item) => item.command)).toEqual(['sim.speedSlowMotion', 'sim.speedOneTenth', 'sim.speedRealTime', 'sim.speedTenTimes', 'sim.speedHundredTimes', 'sim.speedFastest']);
    for (const item of speeds) expect(nativeItems.get(item.command), item.command).toMatchObject({ type: 'radio', label: item.label });
    for (const item of page.filter((item) => !item.checkbox && !speeds.some((speed) => speed.command === item.command))) expect(nativeItems.get(item.command)?.type, item.command).toBeUndefined();
    expect(page.map((item) => item.command)).toEqual(expect.arrayContaining(['file.new', 'file.open', 'file.save', 'file.saveAs', 'file.revert', 'file.copyShareCode', 'file.openShareCode', 'file.exportPng', 'file.exportReport', 'file.exportTimelineCsv']));
  });
});

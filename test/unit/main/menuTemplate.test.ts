import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../../main/menu/menuTemplate';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/menuCommands';

type Item = MenuItemConstructorOptions;

function build(platform: string, isDev = false) {
  const dispatch = vi.fn<(command: MenuCommand, window: BaseWindow | undefined) => void>();
  return { template: buildMenuTemplate({ platform, isDev, appName: 'Faultline', dispatch }), dispatch };
}

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function byId(items: Item[], id: string): Item {
  const found = flatten(items).filter((item) => item.id === id);
  expect(found, `menu item ${id}`).toHaveLength(1);
  return found[0];
}

function topLabels(items: Item[]): string[] {
  return items.map((item) => item.label ?? item.role ?? '?');
}

function submenuOf(items: Item[], label: string): Item[] {
  const menu = items.find((item) => item.label?.replace('&', '') === label);
  expect(menu, `${label} menu`).toBeDefined();
  return menu!.submenu as Item[];
}

describe('buildMenuTemplate on Windows and Linux', () => {
  const { template, dispatch } = build('linux');

  it('has File, Edit, View, Simulation and Help with Alt mnemonics, and no app menu', () => {
    expect(topLabels(template)).toEqual(['&File', '&Edit', '&View', '&Simulation', '&Help']);
  });

  it.each([
    ['file.new', 'New', 'CmdOrCtrl+N'],
    ['file.open', 'Open…', 'CmdOrCtrl+O'],
    ['file.save', 'Save', 'CmdOrCtrl+S'],
    ['file.saveAs', 'Save As…', 'CmdOrCtrl+Shift+S'],
    ['file.exportPng', 'Export PNG…', 'CmdOrCtrl+Shift+E'],
    ['edit.undo', 'Undo', 'CmdOrCtrl+Z'],
    ['edit.redo', 'Redo', 'CmdOrCtrl+Shift+Z'],
    ['edit.selectAll', 'Select All', 'CmdOrCtrl+A'],
    ['view.zoomIn', 'Zoom In', 'CmdOrCtrl+='],
    ['view.zoomOut', 'Zoom Out', 'CmdOrCtrl+-'],
    ['view.zoomReset', 'Actual Size', 'CmdOrCtrl+0'],
    ['view.toggleDarkMode', 'Dark Theme', undefined],
    ['view.toggleClassroomMode', 'Classroom Mode', undefined],
    ['view.togglePanel', 'Run Panels', 'CmdOrCtrl+J'],
    ['view.togglePalette', 'Palette', 'CmdOrCtrl+B'],
    ['view.toggleInspector', 'Inspector', 'CmdOrCtrl+I'],
    ['sim.step', 'Step', 'F10'],
    ['sim.reset', 'Reset', undefined],
    ['sim.speedSlowMotion', 'Slow Motion (1/100×)', undefined],
    ['sim.speedOneTenth', '1/10×', undefined],
    ['sim.speedRealTime', 'Real Time (1×)', undefined],
    ['sim.speedTenTimes', '10×', undefined],
    ['sim.speedHundredTimes', '100×', undefined],
    ['sim.speedFastest', 'As Fast as Possible (Max)', undefined],
    ['sim.speedUp', 'Faster', 'CmdOrCtrl+]'],
    ['sim.speedDown', 'Slower', 'CmdOrCtrl+['],
    ['help.lessons', 'Lessons', 'F1'],
    ['help.documentation', 'Documentation', undefined],
    ['help.about', 'About Faultline', undefined],
  ])('%s is "%s" with accelerator %s', (id, label, accelerator) => {
    const item = byId(template, id);
    expect(item.label).toBe(label);
    expect(item.accelerator).toBe(accelerator);
    expect(item.registerAccelerator).toBeUndefined();
  });

  it('shows Space for Play / Pause, F for Fit and Delete for Delete without registering them (they would eat typed characters)', () => {
    for (const [id, label, key] of [['sim.playPause', 'Play / Pause', 'Space'], ['view.fit', 'Fit to Content', 'F'], ['edit.delete', 'Delete', 'Delete']]) {
      const item = byId(template, id);
      expect(item.label).toBe(label);
      expect(item.accelerator).toBe(key);
      expect(item.registerAccelerator).toBe(false);
    }
  });

  it('registers no accelerator without a modifier except function keys', () => {
    for (const item of flatten(template)) {
      if (!item.accelerator || item.registerAccelerator === false) continue;
      expect(item.accelerator, item.label).toMatch(/(CmdOrCtrl|Ctrl|Cmd|Alt|Shift)\+|^F\d+$/);
    }
  });

  it('has Ctrl+Y as a hidden second Redo and Ctrl+Plus as a hidden second Zoom In', () => {
    const hidden = flatten(template).filter((item) => item.visible === false);
    expect(hidden.map((item) => [item.label, item.accelerator])).toEqual([
      ['Redo', 'Ctrl+Y'],
      ['Zoom In', 'CmdOrCtrl+Plus'],
    ]);
    hidden[0].click!({} as never, undefined, {} as never);
    expect(dispatch).toHaveBeenLastCalledWith('edit.redo', undefined);
  });

  it('has an empty Open Recent submenu with a disabled placeholder', () => {
    const recent = byId(template, 'file.openRecent');
    expect(recent.submenu).toEqual([{ id: 'file.openRecent.none', label: 'No Recent Files', enabled: false }]);
  });

  it('ends File with Quit, and uses native roles for the clipboard and full screen', () => {
    const file = submenuOf(template, 'File');
    expect(file.at(-1)).toEqual({ role: 'quit' });
    const editRoles = submenuOf(template, 'Edit').map((item) => item.role).filter(Boolean);
    expect(editRoles).toEqual(['cut', 'copy', 'paste']);
    expect(submenuOf(template, 'View').map((item) => item.role)).toContain('togglefullscreen');
  });

  it('sends Delete and Select All to the page (the diagram’s on the canvas, the text field’s in one), not as roles', () => {
    const edit = submenuOf(template, 'Edit');
    expect(edit.map((item) => item.id ?? item.role ?? item.type)).toEqual(['edit.undo', 'edit.redo', undefined, 'separator', 'cut', 'copy', 'paste', 'edit.duplicate', 'edit.delete', 'separator', 'edit.selectAll']);
    for (const id of ['edit.delete', 'edit.selectAll']) {
      const item = byId(template, id);
      expect(item.role, id).toBeUndefined();
      dispatch.mockClear();
      item.click!({} as never, undefined, {} as never);
      expect(dispatch).toHaveBeenCalledWith(id, undefined);
    }
  });

  it('leaves developer tools out of a production menu', () => {
    const roles = flatten(template).map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
  });

  it('does not use the page-zoom roles (zoom acts on the canvas)', () => {
    const roles = flatten(template).map((item) => item.role);
    for (const role of ['zoomIn', 'zoomOut', 'resetZoom']) expect(roles).not.toContain(role);
  });

  it('offers every menu command, and each item dispatches its own command with the window', () => {
    const window = { id: 3 } as unknown as BaseWindow;
    const offered = new Set<string>();
    for (const item of flatten(template)) {
      if (!item.id || !item.click) continue;
      dispatch.mockClear();
      item.click({} as never, window, {} as never);
      expect(dispatch).toHaveBeenCalledWith(item.id, window);
      offered.add(item.id);
    }
    expect([...offered].sort()).toEqual([...MENU_COMMANDS].sort());
  });
});

describe('buildMenuTemplate in development', () => {
  it('adds Reload, Force Reload and Toggle Developer Tools to View', () => {
    const { template } = build('linux', true);
    const roles = submenuOf(template, 'View').map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });
});

describe('buildMenuTemplate on macOS', () => {
  const { template } = build('darwin');

  it('starts with the app menu, adds Window, and uses no mnemonics', () => {
    expect(topLabels(template)).toEqual(['Faultline', 'File', 'Edit', 'View', 'Simulation', 'windowMenu', 'Help']);
    const appMenu = template[0].submenu as Item[];
    expect(appMenu.map((item) => item.role ?? item.id).filter(Boolean)).toEqual(['help.about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('closes the window from File, quits from the app menu, and keeps About out of Help', () => {
    expect(submenuOf(template, 'File').at(-1)).toEqual({ role: 'close' });
    expect(submenuOf(template, 'Help').map((item) => item.id)).toEqual(['help.lessons', 'help.documentation']);
    expect(template.at(-1)?.role).toBe('help');
  });

  it('puts the Space and F hints into the label, since macOS would register them', () => {
    for (const [id, label] of [['sim.playPause', 'Play / Pause (Space)'], ['view.fit', 'Fit to Content (F)']]) {
      const item = byId(template, id);
      expect(item.label).toBe(label);
      expect(item).not.toHaveProperty('accelerator');
    }
  });

  it('has Delete (no shortcut: Backspace and Delete reach the page) and Select All (Cmd+A) as commands', () => {
    expect(byId(template, 'edit.delete')).toMatchObject({ label: 'Delete' });
    expect(byId(template, 'edit.delete')).not.toHaveProperty('accelerator');
    expect(byId(template, 'edit.selectAll')).toMatchObject({ label: 'Select All', accelerator: 'CmdOrCtrl+A' });
    expect(submenuOf(template, 'Edit').map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste']);
  });

  it('has no Ctrl+Y Redo alias', () => {
    expect(flatten(template).some((item) => item.accelerator === 'Ctrl+Y')).toBe(false);
  });
});

describe('buildMenuTemplate Open Recent', () => {
  it('lists recent files newest first, opens the chosen one by id, and offers Clear Recent', () => {
    const open = vi.fn();
    const clear = vi.fn();
    const template = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      appName: 'Faultline',
      dispatch: vi.fn(),
      recent: { files: [{ id: 'id-b', name: 'B & C.faultline', location: '/x/B & C.faultline' }, { id: 'id-a', name: 'a.faultline', location: '/x/a.faultline' }], open, clear },
    });
    const submenu = byId(template, 'file.openRecent').submenu as Item[];
    expect(submenu.map((item) => item.label ?? item.type)).toEqual(['B && C.faultline', 'a.faultline', 'separator', 'Clear Recent']);
    expect(submenu[0].toolTip).toBe('/x/B & C.faultline');
    const window = { id: 1 } as unknown as BaseWindow;
    submenu[1].click!({} as never, window, {} as never);
    expect(open).toHaveBeenCalledWith('id-a', window);
    submenu[3].click!({} as never, undefined, {} as never);
    expect(clear).toHaveBeenCalled();
  });
});


describe('buildMenuTemplate: settings are checkbox items', () => {
  it('Dark Theme and Classroom Mode are checkbox items, unchecked unless the page says the setting is on', () => {
    const dispatch = vi.fn();
    const off = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch });
    for (const id of ['view.toggleDarkMode', 'view.toggleClassroomMode']) expect(byId(off, id)).toMatchObject({ type: 'checkbox', checked: false });
    const on = buildMenuTemplate({ platform: 'darwin', isDev: false, appName: 'Faultline', dispatch, checked: { 'view.toggleDarkMode': true, 'view.toggleClassroomMode': false } });
    expect(byId(on, 'view.toggleDarkMode')).toMatchObject({ label: 'Dark Theme', type: 'checkbox', checked: true });
    expect(byId(on, 'view.toggleClassroomMode')).toMatchObject({ label: 'Classroom Mode', type: 'checkbox', checked: false });
    // Still a command: choosing it asks the page to toggle (the page then reports the new state).
    byId(on, 'view.toggleClassroomMode').click!({} as never, undefined, {} as never);
    expect(dispatch).toHaveBeenCalledWith('view.toggleClassroomMode', undefined);
  });
});

describe('buildMenuTemplate: the speeds are radio items', () => {
  const speeds = ['sim.speedSlowMotion', 'sim.speedOneTenth', 'sim.speedRealTime', 'sim.speedTenTimes', 'sim.speedHundredTimes', 'sim.speedFastest'];

  it('lists every preset, slowest first, adjacent (one radio group), the one the page says checked', () => {
    const dispatch = vi.fn();
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch, checked: { 'sim.speedTenTimes': true, 'sim.speedRealTime': false } });
    const submenu = byId(template, 'sim.speed').submenu as MenuItemConstructorOptions[];
    expect(submenu.slice(0, 6).map((item) => item.id)).toEqual(speeds);
    expect(submenu.slice(0, 6).map((item) => [item.type, item.checked])).toEqual([
      ['radio', false],
      ['radio', false],
      ['radio', false],
      ['radio', true],
      ['radio', false],
      ['radio', false],
    ]);
    expect(submenu[6].type).toBe('separator');
    byId(template, 'sim.speedOneTenth').click!({} as never, undefined, {} as never);
    expect(dispatch).toHaveBeenLastCalledWith('sim.speedOneTenth', undefined);
  });

  it('checks none before the page has said (no engine yet)', () => {
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Faultline', dispatch: vi.fn() });
    for (const id of speeds) expect(byId(template, id)).toMatchObject({ type: 'radio', checked: false });
  });
});

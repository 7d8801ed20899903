import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import { SPEED_COMMANDS, SPEED_MENU_LABELS, type MenuChecks, type MenuCommand, type SpeedCommand, type ToggleCommand } from '../../shared/ipc/menuCommands';
import { displayOnlyShortcut, hiddenAlias, menuTitle } from './shortcuts';

export interface MenuTemplateOptions {
  /** `process.platform`. */
  platform: string;
  /** Adds Reload and Toggle Developer Tools. */
  isDev: boolean;
  appName: string;
  /** Delivers a chosen command; `window` is the focused window Electron passes to click. */
  dispatch: (command: MenuCommand, window: BaseWindow | undefined) => void;
  /** Open Recent's entries (newest first) and what choosing one, or Clear, does. */
  recent?: RecentMenu;
  /** Which settings are on (Dark Theme, Classroom Mode) and which speed is current, for their check marks. */
  checked?: MenuChecks;
}

export interface RecentMenu {
  files: readonly { id: string; name: string; location: string }[];
  open: (id: string, window: BaseWindow | undefined) => void;
  clear: () => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu (DESIGN §7). Items that act on the document or the simulation send a
 * `menu:command` to the page, identified by `id` (= the command) so later code can enable or
 * check them with Menu.getMenuItemById. Clipboard, window and app items use Electron roles,
 * which do the native thing (text fields included) and fire the page's copy/paste events.
 * Delete and Select All are commands, not roles: a role would only ever act on the page's text,
 * so on the canvas Select All would select the page and Delete do nothing. The page does the
 * text field's native action itself when one has focus (renderer/app/menu/nativeMenuCommands).
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, appName, dispatch, recent, checked = {} } = options;
  const isMac = platform === 'darwin';

  const command = (commandId: MenuCommand, props: MenuItemConstructorOptions): MenuItemConstructorOptions => ({
    ...props,
    id: commandId,
    click: (_item, window) => dispatch(commandId, window),
  });
  // A setting: a checkbox item, checked while it is on (the page says which are; see MenuChecks).
  const toggle = (commandId: ToggleCommand, label: string, accelerator?: string): MenuItemConstructorOptions =>
    command(commandId, { label, type: 'checkbox', checked: checked[commandId] === true, ...(accelerator ? { accelerator } : {}) });
  // A speed preset: adjacent radio items form one group, the run's current speed checked.
  const speed = (commandId: SpeedCommand): MenuItemConstructorOptions => command(commandId, { label: SPEED_MENU_LABELS[commandId], type: 'radio', checked: checked[commandId] === true });

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      command('help.about', { label: `About ${appName}` }),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: menuTitle('File', platform),
    submenu: [
      command('file.new', { label: 'New', accelerator: 'CmdOrCtrl+N' }),
      command('file.open', { label: 'Open…', accelerator: 'CmdOrCtrl+O' }),
      {
        id: 'file.openRecent',
        label: 'Open Recent',
        submenu: recentSubmenu(recent),
      },
      separator,
      command('file.save', { label: 'Save', accelerator: 'CmdOrCtrl+S' }),
      command('file.saveAs', { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S' }),
      command('file.revert', { label: 'Revert to Saved' }),
      separator,
      command('file.copyShareCode', { label: 'Copy Share Code' }),
      command('file.openShareCode', { label: 'Open Share Code…' }),
      separator,
      command('file.exportPng', { label: 'Export PNG…', accelerator: 'CmdOrCtrl+Shift+E' }),
      command('file.exportReport', { label: 'Export Run Report (JSON)…' }),
      command('file.exportTimelineCsv', { label: 'Export Timeline (CSV)…' }),
      separator,
      // macOS quits from the app menu and closes windows from File; elsewhere File ends with Quit.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const redo = command('edit.redo', { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' });
  const editMenu: MenuItemConstructorOptions = {
    label: menuTitle('Edit', platform),
    submenu: [
      // The document's history, not the text field's: the page routes Undo to a focused text field itself.
      command('edit.undo', { label: 'Undo', accelerator: 'CmdOrCtrl+Z' }),
      redo,
      // Ctrl+Y is Redo on Windows and Linux; on macOS Cmd+Y is not a Redo convention.
      ...(isMac ? [] : [hiddenAlias(redo, 'Ctrl+Y')]),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      command('edit.duplicate', { label: 'Duplicate', accelerator: 'CmdOrCtrl+D' }),
      // The page handles the Delete and Backspace keys itself (a registered Delete would take the
      // key from text fields); macOS shows no key here, as for its own Delete item.
      command('edit.delete', isMac ? { label: 'Delete' } : displayOnlyShortcut('Delete', 'Delete', platform)),
      separator,
      // Registered like the role's: a text field's own Ctrl+A and the canvas's both select all, so
      // whichever of page and menu sees the key first, the result is the same.
      command('edit.selectAll', { label: 'Select All', accelerator: 'CmdOrCtrl+A' }),
    ],
  };

  // Zoom acts on the canvas, not the page (the roles zoomIn/zoomOut would scale the whole UI).
  const zoomIn = command('view.zoomIn', { label: 'Zoom In', accelerator: 'CmdOrCtrl+=' });
  const viewMenu: MenuItemConstructorOptions = {
    label: menuTitle('View', platform),
    submenu: [
      zoomIn,
      // Ctrl+Plus: the shifted = key on US layouts and the keypad plus.
      hiddenAlias(zoomIn, 'CmdOrCtrl+Plus'),
      command('view.zoomOut', { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' }),
      command('view.zoomReset', { label: 'Actual Size', accelerator: 'CmdOrCtrl+0' }),
      command('view.fit', displayOnlyShortcut('Fit to Content', 'F', platform)),
      separator,
      toggle('view.toggleDarkMode', 'Dark Theme'),
      toggle('view.toggleClassroomMode', 'Classroom Mode'),
      // The panel key of VS Code and most IDEs.
      toggle('view.togglePanel', 'Run Panels', 'CmdOrCtrl+J'),
      // The side bar key of VS Code, and I for Inspector (the page's keys: renderer/app/menu/webShortcuts.ts).
      toggle('view.togglePalette', 'Palette', 'CmdOrCtrl+B'),
      toggle('view.toggleInspector', 'Inspector', 'CmdOrCtrl+I'),
      separator,
      ...(isDev ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] satisfies MenuItemConstructorOptions[] : []),
      { role: 'togglefullscreen' },
    ],
  };

  const simulationMenu: MenuItemConstructorOptions = {
    label: menuTitle('Simulation', platform),
    submenu: [
      command('sim.playPause', displayOnlyShortcut('Play / Pause', 'Space', platform)),
      // F10 is "step" in every debugger and types nothing in a text field.
      command('sim.step', { label: 'Step', accelerator: 'F10' }),
      // No shortcut: Reset throws away the current run; it should take a deliberate click.
      command('sim.reset', { label: 'Reset' }),
      separator,
      {
        id: 'sim.speed',
        label: 'Speed',
        submenu: [
          ...SPEED_COMMANDS.map(speed),
          separator,
          command('sim.speedUp', { label: 'Faster', accelerator: 'CmdOrCtrl+]' }),
          command('sim.speedDown', { label: 'Slower', accelerator: 'CmdOrCtrl+[' }),
        ],
      },
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: menuTitle('Help', platform),
    // On macOS the help role adds the menu-search field.
    ...(isMac ? { role: 'help' as const } : {}),
    submenu: [
      command('help.lessons', { label: 'Lessons', accelerator: 'F1' }),
      command('help.documentation', { label: 'Documentation' }),
      ...(isMac ? [] : [separator, command('help.about', { label: `About ${appName}` })]),
    ],
  };

  return [
    ...(isMac ? [appMenu] : []),
    fileMenu,
    editMenu,
    viewMenu,
    simulationMenu,
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
    helpMenu,
  ];
}

/** Open Recent: the files, then Clear; with none, a disabled placeholder (an empty submenu looks broken). */
function recentSubmenu(recent: RecentMenu | undefined): MenuItemConstructorOptions[] {
  if (!recent || recent.files.length === 0) return [{ id: 'file.openRecent.none', label: 'No Recent Files', enabled: false }];
  return [
    ...recent.files.map(
      (file): MenuItemConstructorOptions => ({
        // An & marks a mnemonic on Windows and Linux; doubled, it shows as itself.
        label: file.name.replace(/&/g, '&&'),
        toolTip: file.location,
        click: (_item, window) => recent.open(file.id, window),
      }),
    ),
    separator,
    { id: 'file.openRecent.clear', label: 'Clear Recent', click: () => recent.clear() },
  ];
}

import { SPEED_COMMANDS, SPEED_MENU_LABELS } from '../../../shared/ipc/menuCommands';
import { WEB_NEW_KEYS } from './webShortcuts';
import type { AppCommand } from './commandDispatcher';

export interface MenuCommandItem {
  type: 'command';
  command: AppCommand;
  label: string;
  /** As shown; the keys themselves are bound by webShortcuts.ts (web) or the native menu (desktop). */
  shortcut?: string;
  /** An on/off setting: shown with a check mark when on (role menuitemcheckbox), as the native menu's checkbox items are. */
  checkbox?: boolean;
}

/** File → Open Recent: a submenu of the page's own recent files (HostFiles.recent), then Clear Recent. */
export interface MenuRecentItem {
  type: 'recent';
  label: string;
}

/** Mutually exclusive choices (the speed presets): radio items (role menuitemradio), the current one checked. */
export interface MenuRadioGroupItem {
  type: 'radio';
  /** The group's accessible name. */
  label: string;
  items: MenuCommandItem[];
}

export type MenuItemModel = MenuCommandItem | MenuRecentItem | MenuRadioGroupItem | { type: 'separator' };

export interface MenuModel {
  label: string;
  items: MenuItemModel[];
}

const item = (command: AppCommand, label: string, shortcut?: string): MenuCommandItem => ({ type: 'command', command, label, shortcut });
const toggle = (command: AppCommand, label: string, shortcut?: string): MenuCommandItem => ({ type: 'command', command, label, shortcut, checkbox: true });
const separator = { type: 'separator' } as const;

/**
 * The in-page menus (File / Edit / View / Simulation / Help) of the web edition. The same
 * commands as the native menu (main/menu/menuTemplate.ts). Open Recent is there only with
 * `openRecent`: where the browser can keep file handles (File System Access API and IndexedDB),
 * the page keeps its own list (renderer/host/web/recentFiles.ts); elsewhere a browser tells a
 * page nothing of the files it opened before. `mod` is "Ctrl" or "⌘".
 */
export function buildMenuModel(mod: string, options: { openRecent?: boolean } = {}): MenuModel[] {
  return [
    {
      label: 'File',
      items: [
        item('file.new', 'New', WEB_NEW_KEYS),
        item('file.open', 'Open…', `${mod}+O`),
        ...(options.openRecent ? [{ type: 'recent', label: 'Open Recent' } as const] : []),
        separator,
        item('file.save', 'Save', `${mod}+S`),
        item('file.saveAs', 'Save As…', `${mod}+Shift+S`),
        item('file.revert', 'Revert to Saved'),
        separator,
        item('file.copyShareCode', 'Copy Share Code'),
        item('file.openShareCode', 'Open Share Code…'),
        separator,
        item('file.exportPng', 'Export PNG…', `${mod}+Shift+E`),
        item('file.exportReport', 'Export Run Report (JSON)…'),
        item('file.exportTimelineCsv', 'Export Timeline (CSV)…'),
      ],
    },
    {
      label: 'Edit',
      items: [
        item('edit.undo', 'Undo', `${mod}+Z`),
        item('edit.redo', 'Redo', `${mod}+Shift+Z`),
        separator,
        item('edit.cut', 'Cut', `${mod}+X`),
        item('edit.copy', 'Copy', `${mod}+C`),
        item('edit.paste', 'Paste', `${mod}+V`),
        item('edit.duplicate', 'Duplicate', `${mod}+D`),
        item('edit.delete', 'Delete', 'Delete'),
        separator,
        item('edit.selectAll', 'Select All', `${mod}+A`),
      ],
    },
    {
      label: 'View',
      items: [
        item('view.zoomIn', 'Zoom In', `${mod}+=`),
        item('view.zoomOut', 'Zoom Out', `${mod}+-`),
        item('view.zoomReset', 'Actual Size', `${mod}+0`),
        item('view.fit', 'Fit to Content', 'F'),
        separator,
        toggle('view.toggleDarkMode', 'Dark Theme'),
        toggle('view.toggleClassroomMode', 'Classroom Mode'),
        toggle('view.togglePanel', 'Run Panels', `${mod}+J`),
        toggle('view.togglePalette', 'Palette', `${mod}+B`),
        toggle('view.toggleInspector', 'Inspector', `${mod}+I`),
      ],
    },
    {
      label: 'Simulation',
      items: [
        item('sim.playPause', 'Play / Pause', 'Space'),
        item('sim.step', 'Step', 'F10'),
        item('sim.reset', 'Reset'),
        separator,
        { type: 'radio', label: 'Speed', items: SPEED_COMMANDS.map((command) => item(command, SPEED_MENU_LABELS[command])) },
        separator,
        item('sim.speedUp', 'Faster', `${mod}+]`),
        item('sim.speedDown', 'Slower', `${mod}+[`),
      ],
    },
    {
      label: 'Help',
      items: [item('help.lessons', 'Lessons', 'F1'), item('help.documentation', 'Documentation'), separator, item('help.about', 'About Faultline')],
    },
  ];
}

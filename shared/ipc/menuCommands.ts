import { describeValue, invalid, valid, type Validation } from './validation';

/**
 * Every command the native menu can send to the renderer (`menu:command`). The renderer owns what
 * each one does; main only says which item was chosen. Speed presets are separate commands rather
 * than a number so the payload stays a closed set that is trivial to validate.
 */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.revert',
  'file.copyShareCode',
  'file.openShareCode',
  'file.exportPng',
  'file.exportReport',
  'file.exportTimelineCsv',
  'edit.undo',
  'edit.redo',
  'edit.duplicate',
  'edit.delete',
  'edit.selectAll',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'view.fit',
  'view.toggleDarkMode',
  'view.toggleClassroomMode',
  'view.togglePanel',
  'view.togglePalette',
  'view.toggleInspector',
  'sim.playPause',
  'sim.step',
  'sim.reset',
  'sim.speedSlowMotion',
  'sim.speedOneTenth',
  'sim.speedRealTime',
  'sim.speedTenTimes',
  'sim.speedHundredTimes',
  'sim.speedFastest',
  'sim.speedUp',
  'sim.speedDown',
  'help.lessons',
  'help.documentation',
  'help.about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The commands that turn a setting on and off: checkbox items, checked while the setting is on. */
export const TOGGLE_COMMANDS = ['view.toggleDarkMode', 'view.toggleClassroomMode', 'view.togglePanel', 'view.togglePalette', 'view.toggleInspector'] as const satisfies readonly MenuCommand[];
export type ToggleCommand = (typeof TOGGLE_COMMANDS)[number];
/**
 * The speed presets, slowest first (1/100×, 1/10×, 1×, 10×, 100×, as fast as possible): radio
 * items, the one the run is at checked. The page maps each to its speed (renderer/live/speedPresets.ts).
 */
export const SPEED_COMMANDS = ['sim.speedSlowMotion', 'sim.speedOneTenth', 'sim.speedRealTime', 'sim.speedTenTimes', 'sim.speedHundredTimes', 'sim.speedFastest'] as const satisfies readonly MenuCommand[];
export type SpeedCommand = (typeof SPEED_COMMANDS)[number];
/** The Simulation menu's speed items, in both menus (native and in-page). */
export const SPEED_MENU_LABELS: Readonly<Record<SpeedCommand, string>> = {
  'sim.speedSlowMotion': 'Slow Motion (1/100×)',
  'sim.speedOneTenth': '1/10×',
  'sim.speedRealTime': 'Real Time (1×)',
  'sim.speedTenTimes': '10×',
  'sim.speedHundredTimes': '100×',
  'sim.speedFastest': 'As Fast as Possible (Max)',
};
/** The items the menu shows checked: settings that are on and the current speed. */
export const CHECKED_COMMANDS = [...TOGGLE_COMMANDS, ...SPEED_COMMANDS] as const;
export type CheckedCommand = (typeof CHECKED_COMMANDS)[number];
/** Which settings are on and which speed is current, as the page last said (missing: off). */
export type MenuChecks = Partial<Record<CheckedCommand, boolean>>;

const knownCommands: ReadonlySet<string> = new Set(MENU_COMMANDS);

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && knownCommands.has(value);
}

export function parseMenuCommand(value: unknown): Validation<MenuCommand> {
  return isMenuCommand(value) ? valid(value) : invalid(`expected a menu command, got ${describeValue(value)}`);
}

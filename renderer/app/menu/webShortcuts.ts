import type { AppCommand } from './commandDispatcher';

/**
 * The web edition's menu shortcuts (files, speed, the run panels, palette and inspector, and F1 for the lessons), where the page is the only
 * menu. On the desktop the native menu owns these accelerators and sends the command itself, so
 * binding them here too would run each command twice.
 */
export function webShortcutFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): AppCommand | null {
  if (event.key === 'F1' && !(event.ctrlKey || event.metaKey || event.altKey || event.shiftKey)) return 'help.lessons';
  // Browsers keep Ctrl/Cmd+N for a new window and never pass it to the page: New is Alt+N here
  // (Ctrl+N still works where a browser does pass it, e.g. an installed app window).
  if (event.altKey && !(event.ctrlKey || event.metaKey || event.shiftKey) && event.key.toLowerCase() === 'n') return 'file.new';
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'n' && !event.shiftKey) return 'file.new';
  if (key === 'o' && !event.shiftKey) return 'file.open';
  if (key === 's') return event.shiftKey ? 'file.saveAs' : 'file.save';
  if (key === 'e' && event.shiftKey) return 'file.exportPng';
  if (key === 'j' && !event.shiftKey) return 'view.togglePanel';
  if (key === 'b' && !event.shiftKey) return 'view.togglePalette';
  // Without Shift only: Ctrl+Shift+I is the browser's developer tools.
  if (key === 'i' && !event.shiftKey) return 'view.toggleInspector';
  // Faster / slower, as the Simulation menu and the guide say.
  if (event.key === ']') return 'sim.speedUp';
  if (event.key === '[') return 'sim.speedDown';
  return null;
}

/** The keys for New that the web edition advertises (see webShortcutFor). */
export const WEB_NEW_KEYS = 'Alt+N';

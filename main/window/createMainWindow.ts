import { BrowserWindow } from 'electron';
import type { Logger } from '../log';
import { createWindowOptions } from './windowOptions';

/**
 * Opens the main window: secure options, shown once its first paint is ready, loading the
 * renderer entry. Navigation and window-open hardening is attached app-wide in main/index.ts
 * (`web-contents-created`), before this window's page can run.
 */
export function createMainWindow(options: { preloadPath: string; entryUrl: string; log: Logger }): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(options.preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.entryUrl).catch((error: unknown) => {
    options.log.error(`could not load ${options.entryUrl}`, error);
    // ready-to-show never comes for a page that failed to load; an invisible window would
    // leave the user with a running app and nothing to close.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

import type { BrowserWindowConstructorOptions } from 'electron';

/** The canvas background, so the window does not flash white before the first frame. */
export const WINDOW_BACKGROUND = '#0e1116';

/**
 * The main window's options. Every web preference that matters for security is written out,
 * even where it equals Electron's default, so that a default changing upstream cannot loosen it
 * and a test can assert each one.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Faultline',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show', once the first paint is ready.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window must reach the page's drop handler, not navigate to file://.
      navigateOnDragDrop: false,
      // A page that loops on alert() can be stopped by the user.
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

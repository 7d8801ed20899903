import type { AppInfo } from './appInfo';
import type { MenuCommand } from './menuCommands';

export type { AppInfo } from './appInfo';
export type { MenuCommand } from './menuCommands';

/** The global name the preload exposes the bridge under: `window.faultline`. */
export const BRIDGE_GLOBAL_NAME = 'faultline';

/**
 * Everything the desktop renderer may ask of the main process, exposed by the preload as
 * `window.faultline`. The page never sees `ipcRenderer`, channels or Electron events: only these
 * methods, whose results are validated before they are handed over.
 */
export interface FaultlineBridge {
  getAppInfo(): Promise<AppInfo>;
  /** Subscribes to native menu commands; returns a function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The bridge's members, for tests and checks that it exposes exactly these. */
export const BRIDGE_METHODS = ['getAppInfo', 'onMenuCommand'] as const satisfies readonly (keyof FaultlineBridge)[];

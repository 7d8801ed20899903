import type { AppInfo, MenuCommand } from '../../shared/ipc/bridge';
import type { MenuChecks } from '../../shared/ipc/menuCommands';
import type { EngineConnection } from '../engine/engineConnection';
import type { HostFiles } from './hostFiles';

/**
 * Everything the renderer may ask of the world outside the page. The desktop host wraps the
 * preload bridge, the web host wraps browser APIs; nothing else in the renderer knows which
 * one it runs in.
 */
export interface Host {
  readonly edition: 'desktop' | 'web';
  /** Human name of the host, for the status bar. */
  readonly label: string;
  getAppInfo(): Promise<AppInfo>;
  /** Native menu commands (desktop); the web edition never emits any. Returns an unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Tells the native menu which settings are on, for its check marks (desktop; the in-page menu asks the handlers itself). */
  setMenuChecks?(checks: MenuChecks): void;
  /** Puts text on the clipboard where the page itself may not (desktop: the session denies permissions). */
  writeClipboardText?(text: string): Promise<void>;
  /** Open, save, export, autosave and recovery (renderer/host/hostFiles.ts). */
  readonly files: HostFiles;
  /** Starts a simulation engine for this window (renderer/engine/engineClient.ts wraps the connection). */
  connectEngine(): Promise<EngineConnection>;
}

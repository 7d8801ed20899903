import { join } from 'node:path';
import type { FileSystem } from '../files/fileSystem';
import type { Logger } from '../log';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** How much of the window's title bar must be on a screen for the window to count as reachable. */
const MIN_VISIBLE = 100;

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof record[key] === 'number' && Number.isFinite(record[key]));
}

/**
 * Where to reopen the window: the saved bounds if enough of the title bar lands on a display that
 * exists now (a monitor may have been unplugged), clamped to the minimum size; otherwise null
 * (let the OS place a default window).
 */
export function restoreBounds(saved: unknown, workAreas: readonly Rectangle[], minimum: { width: number; height: number }): SavedWindowState | null {
  if (typeof saved !== 'object' || saved === null) return null;
  const { bounds, maximized } = saved as Record<string, unknown>;
  if (!isRectangle(bounds)) return null;
  const width = Math.max(Math.round(bounds.width), minimum.width);
  const height = Math.max(Math.round(bounds.height), minimum.height);
  const x = Math.round(bounds.x);
  const y = Math.round(bounds.y);
  const titleBarReachable = workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const titleY = y + 10;
    return overlapX >= Math.min(MIN_VISIBLE, width) && titleY >= area.y && titleY < area.y + area.height;
  });
  if (!titleBarReachable) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

/** The window's size and place, kept in `<userData>/window-state.json`. A damaged file means defaults. */
export class WindowStateFile {
  private readonly file: string;

  constructor(private readonly deps: { fs: FileSystem; userDataDir: string; log: Logger }) {
    this.file = join(deps.userDataDir, 'window-state.json');
  }

  async load(): Promise<unknown> {
    try {
      return JSON.parse((await this.deps.fs.readFile(this.file)).toString('utf8'));
    } catch {
      return null;
    }
  }

  async save(state: SavedWindowState): Promise<void> {
    try {
      await this.deps.fs.mkdir(this.deps.userDataDir);
      await this.deps.fs.writeAtomic(this.file, JSON.stringify(state));
    } catch (error) {
      this.deps.log.warn(`could not remember the window's size: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

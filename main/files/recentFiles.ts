import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import type { Logger } from '../log';
import type { FileSystem } from './fileSystem';

/** An Open Recent entry: the menu shows name and location and answers with the id. */
export interface RecentFile {
  id: string;
  name: string;
  location: string;
}

/** Open Recent shows this many. */
export const MAX_RECENT_FILES = 10;

/**
 * The Open Recent list, newest first, persisted as JSON in the user-data folder. The native menu
 * shows each entry and answers with its id; only main turns an id back into a path.
 * A damaged list file is treated as empty, with a log line: it is a convenience, not user work.
 */
export class RecentFiles {
  private paths: string[] = [];
  private readonly ids = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private readonly file: string;

  constructor(
    private readonly deps: { fs: FileSystem; userDataDir: string; log: Logger },
  ) {
    this.file = join(deps.userDataDir, 'recent-files.json');
  }

  async load(): Promise<void> {
    try {
      const parsed: unknown = JSON.parse((await this.deps.fs.readFile(this.file)).toString('utf8'));
      const files = typeof parsed === 'object' && parsed !== null && 'files' in parsed ? parsed.files : null;
      if (!Array.isArray(files)) throw new Error('no "files" list');
      this.paths = files.filter((path): path is string => typeof path === 'string' && path.length > 0 && path.length < 4096).slice(0, MAX_RECENT_FILES);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') this.deps.log.warn(`ignoring a damaged recent-files list (${error instanceof Error ? error.message : String(error)})`);
      this.paths = [];
    }
    this.emit();
  }

  list(): RecentFile[] {
    return this.paths.map((path) => ({ id: this.idFor(path), name: basename(path), location: path }));
  }

  resolve(id: string): string | undefined {
    return this.ids.get(id);
  }

  async add(path: string): Promise<void> {
    this.paths = [path, ...this.paths.filter((known) => known !== path)].slice(0, MAX_RECENT_FILES);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    if (!this.paths.includes(path)) return;
    this.paths = this.paths.filter((known) => known !== path);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.persist();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private idFor(path: string): string {
    for (const [id, known] of this.ids) if (known === path) return id;
    const id = randomBytes(16).toString('base64url');
    this.ids.set(id, path);
    return id;
  }

  private async persist(): Promise<void> {
    this.emit();
    try {
      await this.deps.fs.mkdir(this.deps.userDataDir);
      await this.deps.fs.writeAtomic(this.file, `${JSON.stringify({ version: 1, files: this.paths }, null, 2)}\n`);
    } catch (error) {
      this.deps.log.error('could not save the recent-files list', error);
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

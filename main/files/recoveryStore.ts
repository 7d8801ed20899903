import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MAX_RECOVERY_ENTRIES, type RecoveryEntry } from '../../shared/ipc/files';
import type { Logger } from '../log';
import { errorCode, type FileFingerprint, type FileSystem } from './fileSystem';
import type { TokenOwner } from './pathTokens';

const RECOVERY_FORMAT = 'faultline-recovery';
const RECOVERY_VERSION = 1;
const DAMAGED = 'This recovery data is damaged and cannot be restored.';

/** One autosave of a window's unsaved work. */
interface RecoveryRecord {
  format: typeof RECOVERY_FORMAT;
  version: typeof RECOVERY_VERSION;
  savedAt: number;
  title: string;
  /** The file the work belongs to, when it had one. */
  filePath: string | null;
  /**
   * What that file was when the work was last in step with it (opened or saved). A restored
   * window's save compares the disk with this, so a file changed since is not silently
   * overwritten. Absent in records written before it was kept.
   */
  fileFingerprint?: FileFingerprint;
  text: string;
}

/**
 * Unsaved work, autosaved every few seconds to `<userData>/recovery/<session>-<window>.json`
 * (atomically), removed when the work is saved or deliberately discarded. Whatever is left at
 * start-up was left by a session that crashed or was killed: `list` offers it, `restore` hands it
 * to a window (the file becomes that window's own, so autosave keeps it current), `discard`
 * deletes it. Damaged data is listed with a notice — it never throws.
 */
export class RecoveryStore {
  private readonly dir: string;
  private readonly ids = new Map<string, string>();
  /**
   * Each window's writes, clears and set-asides, one after another: a clear that overtook an
   * autosave still being written would be undone by it (the rename lands after the unlink), and
   * a crash set-aside racing a write would keep the older copy.
   */
  private readonly pending = new Map<TokenOwner, Promise<unknown>>();

  constructor(
    private readonly deps: {
      fs: FileSystem;
      userDataDir: string;
      /** Unique per process run, so this session's own files are never offered back to it. */
      sessionId: string;
      clock: () => number;
      log: Logger;
    },
  ) {
    this.dir = join(deps.userDataDir, 'recovery');
  }

  async store(owner: TokenOwner, work: { text: string; title: string; filePath: string | null; fileFingerprint?: FileFingerprint }): Promise<void> {
    const record: RecoveryRecord = { format: RECOVERY_FORMAT, version: RECOVERY_VERSION, savedAt: this.deps.clock(), title: work.title, filePath: work.filePath, text: work.text };
    if (work.fileFingerprint !== undefined) record.fileFingerprint = work.fileFingerprint;
    await this.inTurn(owner, async () => {
      await this.deps.fs.mkdir(this.dir);
      await this.deps.fs.writeAtomic(this.ownFile(owner), JSON.stringify(record));
    });
  }

  async clear(owner: TokenOwner): Promise<void> {
    await this.inTurn(owner, () => this.removeQuietly(this.ownFile(owner)));
  }

  /** Runs `task` after the window's earlier recovery operations, whatever became of them. */
  private inTurn<T>(owner: TokenOwner, task: () => Promise<T>): Promise<T> {
    const previous = this.pending.get(owner) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.pending.set(owner, settled);
    // Forget a window's chain once it has drained (windows come and go).
    void settled.then(() => {
      if (this.pending.get(owner) === settled) this.pending.delete(owner);
    });
    return next;
  }

  /**
   * The window's page crashed: its autosaved work no longer belongs to a live page, so it is
   * renamed out of this session's names and will be offered (to the reloaded page, or at the
   * next start) like the work of a crashed session.
   */
  async orphan(owner: TokenOwner): Promise<void> {
    await this.inTurn(owner, async () => {
      try {
        await this.deps.fs.rename(this.ownFile(owner), join(this.dir, `orphaned-${randomBytes(9).toString('base64url')}.json`));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') this.deps.log.warn(`could not set aside the crashed page's work: ${String(error)}`);
      }
    });
  }

  /** Work left behind by earlier sessions, newest first (at most MAX_RECOVERY_ENTRIES). */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await this.deps.fs.readdir(this.dir);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') this.deps.log.warn(`cannot list recovery data: ${String(error)}`);
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith(`${this.deps.sessionId}-`)) continue;
      const id = this.idFor(name);
      const read = await this.read(name);
      entries.push(
        read.ok
          ? { id, title: read.record.title, savedAt: read.record.savedAt, fileName: read.record.filePath === null ? null : baseName(read.record.filePath), problem: null }
          : { id, title: name, savedAt: 0, fileName: null, problem: read.problem },
      );
    }
    // The newest ones: the renderer takes at most MAX_RECOVERY_ENTRIES, and a longer list would
    // be refused whole (leftovers pile up when the user chooses "later").
    return entries.sort((a, b) => b.savedAt - a.savedAt).slice(0, MAX_RECOVERY_ENTRIES);
  }

  /**
   * Hands earlier work to a window. The file is renamed to the window's own name rather than
   * copied, so there is always exactly one copy and the window's autosave keeps it current.
   * `problemOf` is asked first: work it refuses (one that cannot be opened) is left where it is,
   * offered again, rather than become the window's and be overwritten by its next autosave.
   */
  async restore(owner: TokenOwner, id: string, problemOf: (text: string) => string | null = () => null): Promise<{ ok: true; text: string; filePath: string | null; fileFingerprint?: FileFingerprint } | { ok: false; message: string }> {
    const name = this.ids.get(id);
    if (name === undefined) return { ok: false, message: 'That recovery data is no longer available.' };
    const read = await this.read(name);
    if (!read.ok) return { ok: false, message: read.problem };
    const problem = problemOf(read.record.text);
    if (problem !== null) return { ok: false, message: `The recovered work “${read.record.title}”: ${problem}` };
    try {
      await this.deps.fs.mkdir(this.dir);
      await this.deps.fs.rename(join(this.dir, name), this.ownFile(owner));
    } catch (error) {
      this.deps.log.warn(`could not adopt recovery file ${name}: ${String(error)}`);
      // The work is in memory now and autosave will write it again; the old file stays, harmless.
    }
    this.ids.delete(id);
    return { ok: true, text: read.record.text, filePath: read.record.filePath, ...(read.record.fileFingerprint ? { fileFingerprint: read.record.fileFingerprint } : {}) };
  }

  async discard(id: string): Promise<void> {
    const name = this.ids.get(id);
    if (name === undefined) return;
    await this.removeQuietly(join(this.dir, name));
    this.ids.delete(id);
  }

  private ownFile(owner: TokenOwner): string {
    return join(this.dir, `${this.deps.sessionId}-${owner}.json`);
  }

  private idFor(name: string): string {
    for (const [id, known] of this.ids) if (known === name) return id;
    const id = randomBytes(16).toString('base64url');
    this.ids.set(id, name);
    return id;
  }

  private async read(name: string): Promise<{ ok: true; record: RecoveryRecord } | { ok: false; problem: string }> {
    try {
      const value: unknown = JSON.parse((await this.deps.fs.readFile(join(this.dir, name))).toString('utf8'));
      const record = asRecord(value);
      if (!record) return { ok: false, problem: DAMAGED };
      return { ok: true, record };
    } catch (error) {
      this.deps.log.warn(`recovery file ${name} is unreadable: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, problem: DAMAGED };
    }
  }

  private async removeQuietly(path: string): Promise<void> {
    try {
      await this.deps.fs.unlink(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') this.deps.log.warn(`could not remove ${path}: ${String(error)}`);
    }
  }
}

function asRecord(value: unknown): RecoveryRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Partial<Record<keyof RecoveryRecord, unknown>>;
  if (record.format !== RECOVERY_FORMAT || record.version !== RECOVERY_VERSION) return null;
  if (typeof record.savedAt !== 'number' || !Number.isFinite(record.savedAt)) return null;
  if (typeof record.title !== 'string' || record.title.length > 1000 || typeof record.text !== 'string') return null;
  if (record.filePath !== null && typeof record.filePath !== 'string') return null;
  const result: RecoveryRecord = { format: RECOVERY_FORMAT, version: RECOVERY_VERSION, savedAt: record.savedAt, title: record.title, filePath: record.filePath, text: record.text };
  const fingerprint = asFingerprint(record.fileFingerprint);
  if (fingerprint !== null) result.fileFingerprint = fingerprint;
  return result;
}

function asFingerprint(value: unknown): FileFingerprint | null {
  if (typeof value !== 'object' || value === null) return null;
  const { size, mtimeMs, sha256 } = value as Partial<Record<keyof FileFingerprint, unknown>>;
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof sha256 !== 'string') return null;
  return { size, mtimeMs, sha256 };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function newSessionId(): string {
  return randomBytes(9).toString('base64url');
}

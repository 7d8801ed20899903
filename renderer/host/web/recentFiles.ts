import type { FileHandle } from './fileSystemAccess';

/** Open Recent shows this many (as on the desktop, main/files/recentFiles.ts). */
export const MAX_RECENT_FILES = 10;

/** One remembered file: the handle the browser gave, and an id the menu answers with. */
export interface RecentRecord {
  id: string;
  name: string;
  handle: FileHandle;
}

/**
 * Where the list is kept. The web edition keeps it in IndexedDB (handles are structured-cloneable
 * there and nowhere else); tests use an in-memory one.
 */
export interface RecentPersistence {
  load(): Promise<RecentRecord[]>;
  save(records: RecentRecord[]): Promise<void>;
}

/** What the menu shows. */
export interface RecentEntry {
  id: string;
  name: string;
}

export type RecentReadResult = { ok: true; record: RecentRecord } | { ok: false; message: string };

/** Chromium's permission calls on a handle; absent elsewhere (then reading simply is allowed or fails). */
interface PermissionHandle {
  queryPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'read' | 'readwrite' }): Promise<PermissionState>;
  isSameEntry?(other: FileHandle): Promise<boolean>;
}

async function sameEntry(a: FileHandle, b: FileHandle): Promise<boolean> {
  if (a === b) return true;
  const check = (a as FileHandle & PermissionHandle).isSameEntry;
  if (!check) return false;
  try {
    return await check.call(a, b);
  } catch {
    return false;
  }
}

/**
 * Asks for read access to a remembered file: granted already, or asked for now (a prompt that
 * needs the click that chose the menu item, so this must be the first thing that click awaits).
 */
export async function ensureReadPermission(handle: FileHandle): Promise<boolean> {
  const permissions = handle as FileHandle & PermissionHandle;
  if (!permissions.queryPermission) return true;
  if ((await permissions.queryPermission({ mode: 'read' })) === 'granted') return true;
  if (!permissions.requestPermission) return false;
  return (await permissions.requestPermission({ mode: 'read' })) === 'granted';
}

/**
 * The web edition's Open Recent list: newest first, at most MAX_RECENT_FILES, one entry per file
 * (`isSameEntry`, so a file saved under a name it was opened with is not listed twice). Every
 * change reads the stored list first, so two tabs adding files both keep theirs (unless they
 * change it at the very same moment). When the stored list cannot be read it is marked
 * unavailable and the menu leaves Open Recent out, as it does in a browser without handles.
 */
export class RecentFilesStore {
  private records: RecentRecord[] = [];
  private available = true;
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(
    private readonly persistence: RecentPersistence,
    // Unique across tabs (each adds to the same list): a UUID where the page is a secure context.
    private readonly newId: () => string = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${(this.nextId++).toString(36)}`,
  ) {}

  isAvailable(): boolean {
    return this.available;
  }

  /** The entries as last loaded (refresh() reads them again). */
  entries(): RecentEntry[] {
    return this.records.map(({ id, name }) => ({ id, name }));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the stored list (another tab may have changed it). */
  async refresh(): Promise<void> {
    await this.load();
    this.emit();
  }

  /** Puts a file first (moving it there if it is already listed). */
  async add(handle: FileHandle): Promise<void> {
    await this.change(async (records) => {
      const kept: RecentRecord[] = [];
      for (const record of records) if (!(await sameEntry(record.handle, handle))) kept.push(record);
      return [{ id: this.newId(), name: handle.name, handle }, ...kept].slice(0, MAX_RECENT_FILES);
    });
  }

  async remove(id: string): Promise<void> {
    await this.change(async (records) => records.filter((record) => record.id !== id));
  }

  async clear(): Promise<void> {
    await this.change(async () => []);
  }

  /**
   * The file behind an entry, if it may still be read: permission is asked for first, then the
   * file looked at. A file that is gone, or that the user would not let the page read, leaves the
   * list and gets a message saying so.
   */
  async access(id: string): Promise<RecentReadResult> {
    const record = this.records.find((known) => known.id === id);
    if (!record) return { ok: false, message: 'That file is no longer in Open Recent.' };
    let allowed: boolean;
    try {
      allowed = await ensureReadPermission(record.handle);
    } catch {
      allowed = false;
    }
    if (!allowed) {
      await this.remove(id).catch(() => {});
      return { ok: false, message: `Faultline was not allowed to read “${record.name}”, so it was removed from Open Recent. Open it with Open… to use it again.` };
    }
    try {
      await record.handle.getFile();
    } catch (error) {
      if (!isGone(error)) throw error;
      await this.remove(id).catch(() => {});
      return { ok: false, message: `“${record.name}” is no longer there (moved, renamed or deleted), so it was removed from Open Recent.` };
    }
    return { ok: true, record };
  }

  private async load(): Promise<RecentRecord[]> {
    try {
      this.records = (await this.persistence.load()).filter(isRecord).slice(0, MAX_RECENT_FILES);
    } catch (error) {
      this.unavailable(error);
    }
    return this.records;
  }

  private async change(update: (records: RecentRecord[]) => Promise<RecentRecord[]>): Promise<void> {
    if (!this.available) return;
    const next = await update(await this.load());
    if (!this.available) return;
    this.records = next;
    this.emit();
    try {
      await this.persistence.save(next);
    } catch (error) {
      // This change is lost (a handle the browser would not store, a full disk); the list goes
      // back to what is stored, and Open Recent stays unless storage cannot even be read.
      console.warn('Faultline: could not store the Open Recent list', error);
      await this.refresh();
    }
  }

  private unavailable(error: unknown): void {
    if (this.available) console.warn('Faultline: Open Recent is off, the browser would not store its list', error);
    this.available = false;
    this.records = [];
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function isRecord(value: unknown): value is RecentRecord {
  const record = value as Partial<RecentRecord> | null;
  return typeof record === 'object' && record !== null && typeof record.id === 'string' && typeof record.name === 'string' && typeof record.handle === 'object' && record.handle !== null;
}

/** The file was moved, renamed or deleted since its handle was kept. */
function isGone(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'NotReadableError');
}

const DB_NAME = 'faultline';
const DB_STORE = 'recent-files';
const DB_KEY = 'list';

/** The list as one value in IndexedDB (FileSystemFileHandles are stored as they are). */
export function indexedDbRecentPersistence(factory: IDBFactory): RecentPersistence {
  let opened: Promise<IDBDatabase> | null = null;
  const database = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB would not open'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opened = null;
      throw error;
    }));
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await database();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(DB_STORE, mode);
      const request = work(transaction.objectStore(DB_STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB aborted'));
    });
  };
  return {
    async load() {
      const value: unknown = await run('readonly', (store) => store.get(DB_KEY));
      return Array.isArray(value) ? (value as RecentRecord[]) : [];
    },
    async save(records) {
      await run('readwrite', (store) => store.put(records, DB_KEY));
    },
  };
}

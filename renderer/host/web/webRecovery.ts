import type { RecoveryEntry } from '../hostFiles';

/** The part of `localStorage` recovery uses (tests pass a Map-backed fake). */
export interface KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const WORK_PREFIX = 'faultline.recovery.';
const ALIVE_PREFIX = 'faultline.alive.';
/** A tab writes its heartbeat this often… */
export const HEARTBEAT_MS = 5000;
/** …and is taken for gone when its heartbeat is older than this. */
const GONE_AFTER_MS = 3 * HEARTBEAT_MS;
const DAMAGED = 'This recovery data is damaged and cannot be restored.';

interface StoredWork {
  format: 'faultline-recovery';
  savedAt: number;
  title: string;
  fileName: string | null;
  text: string;
}

/**
 * Autosave and recovery in the browser. Each tab keeps its unsaved work under its own key, so two
 * tabs never overwrite each other, and stamps a heartbeat; work whose tab stopped beating (closed,
 * crashed, killed) is offered on the next start. A full storage (quota) is reported, not thrown.
 */
export class WebRecovery {
  readonly tabId: string;
  /**
   * The tab is going (pagehide): autosave still writes the edits of its last seconds then, and
   * must not stamp the heartbeat that `leave` removed, or the next start — a reload, seconds
   * later — takes the tab for open and offers none of that work.
   */
  private leaving = false;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly clock: () => number,
    tabId?: string,
  ) {
    this.tabId = tabId ?? randomId();
  }

  /** Stamps this tab as alive; call every HEARTBEAT_MS. */
  beat(): void {
    try {
      this.storage.setItem(ALIVE_PREFIX + this.tabId, String(this.clock()));
    } catch {
      // Storage full: the work key matters more than the heartbeat; recovery may then be offered early, never lost.
    }
  }

  /** Returns an error sentence when the browser refused to store it (usually: over quota). */
  store(work: { text: string; title: string; fileName: string | null }): string | null {
    const record: StoredWork = { format: 'faultline-recovery', savedAt: this.clock(), title: work.title, fileName: work.fileName, text: work.text };
    try {
      this.storage.setItem(WORK_PREFIX + this.tabId, JSON.stringify(record));
      if (!this.leaving) this.beat();
      return null;
    } catch {
      return 'Autosave is paused: this sandbox does not fit in the browser’s storage. Save it to a file to keep it safe.';
    }
  }

  clear(): void {
    this.storage.removeItem(WORK_PREFIX + this.tabId);
  }

  /** This tab is closing normally: it no longer needs a heartbeat (its work key, if any, stays). */
  leave(): void {
    this.leaving = true;
    this.storage.removeItem(ALIVE_PREFIX + this.tabId);
  }

  /**
   * Work of tabs that are gone, newest first. `liveTabs`: the tabs open now by the lock each holds
   * for its lifetime (see tabLockName), where the browser has Web Locks. The lock is the sure sign
   * both ways: a browser throttles or freezes a background tab's timers (a silent tab is not a
   * closed one), and a crashed tab's lock goes with it while its last heartbeat still looks fresh
   * (a reload straight after a crash found nothing to recover). Null: no locks, the heartbeat decides.
   */
  list(liveTabs: ReadonlySet<string> | null = null): RecoveryEntry[] {
    const entries: RecoveryEntry[] = [];
    for (const key of this.keys(WORK_PREFIX)) {
      const tab = key.slice(WORK_PREFIX.length);
      if (tab === this.tabId || (liveTabs !== null ? liveTabs.has(tab) : this.isAlive(tab))) continue;
      const record = this.read(key);
      entries.push(
        record
          ? { id: tab, title: record.title, savedAt: record.savedAt, fileName: record.fileName, problem: null }
          : { id: tab, title: 'Unsaved work', savedAt: 0, fileName: null, problem: DAMAGED },
      );
    }
    return entries.sort((a, b) => b.savedAt - a.savedAt);
  }

  /**
   * Takes another tab's work over: it becomes this tab's, so autosave keeps exactly one copy.
   * `problemOf` is asked first: work it refuses (one that cannot be opened) is left where it is.
   */
  restore(id: string, problemOf: (text: string) => string | null = () => null): { ok: true; text: string; fileName: string | null } | { ok: false; message: string } {
    const key = WORK_PREFIX + id;
    const raw = this.storage.getItem(key);
    if (raw === null) return { ok: false, message: 'That recovery data is no longer available.' };
    const record = this.read(key);
    if (!record) return { ok: false, message: DAMAGED };
    const problem = problemOf(record.text);
    if (problem !== null) return { ok: false, message: `The recovered work “${record.title}”: ${problem}` };
    try {
      this.storage.setItem(WORK_PREFIX + this.tabId, raw);
      this.storage.removeItem(key);
      this.storage.removeItem(ALIVE_PREFIX + id);
    } catch {
      // Could not move it; it stays under the old key and is offered again next time. Nothing lost.
    }
    // The file name the work had (null for work never saved, or a record from before names were kept).
    return { ok: true, text: record.text, fileName: record.fileName };
  }

  discard(id: string): void {
    this.storage.removeItem(WORK_PREFIX + id);
    this.storage.removeItem(ALIVE_PREFIX + id);
  }

  private isAlive(tab: string): boolean {
    const stamp = Number(this.storage.getItem(ALIVE_PREFIX + tab));
    return Number.isFinite(stamp) && stamp > 0 && this.clock() - stamp < GONE_AFTER_MS;
  }

  private read(key: string): StoredWork | null {
    try {
      const value = JSON.parse(this.storage.getItem(key) ?? '') as Partial<StoredWork> | null;
      if (!value || value.format !== 'faultline-recovery' || typeof value.text !== 'string' || typeof value.title !== 'string') return null;
      if (typeof value.savedAt !== 'number' || !Number.isFinite(value.savedAt)) return null;
      return { format: 'faultline-recovery', savedAt: value.savedAt, title: value.title.slice(0, 1000), fileName: typeof value.fileName === 'string' ? value.fileName.slice(0, 1000) : null, text: value.text };
    } catch {
      return null;
    }
  }

  private keys(prefix: string): string[] {
    const keys: string[] = [];
    for (let index = 0; index < this.storage.length; index++) {
      const key = this.storage.key(index);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    return keys;
  }
}

/** The name of the lock a tab holds while it is open (the Web Locks API releases it when the tab goes). */
export function tabLockName(tabId: string): string {
  return `${ALIVE_PREFIX}${tabId}`;
}

/** The tab ids whose locks are held now: open tabs, however long their timers have been asleep. */
export function liveTabsFromLocks(held: readonly { name?: string }[]): Set<string> {
  const tabs = new Set<string>();
  for (const lock of held) if (lock.name?.startsWith(ALIVE_PREFIX)) tabs.add(lock.name.slice(ALIVE_PREFIX.length));
  return tabs;
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/model/document';
import { saveDocument } from '../../../shared/model/save';
import { createWebFiles } from '../../../renderer/host/web/webFiles';
import { HEARTBEAT_MS, liveTabsFromLocks, tabLockName, WebRecovery, type KeyValueStorage } from '../../../renderer/host/web/webRecovery';

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  quota = Infinity;
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

describe('WebRecovery (web edition autosave)', () => {
  it('offers the work of a tab that stopped beating, and not of one still open', () => {
    const storage = new MemoryStorage();
    let now = 0;
    const clock = () => now;
    const crashed = new WebRecovery(storage, clock, 'crashed');
    const open = new WebRecovery(storage, clock, 'open');
    crashed.store({ text: 'lost work', title: 'A', fileName: 'a.faultline' });
    open.store({ text: 'live work', title: 'B', fileName: null });
    now = 10 * HEARTBEAT_MS;
    open.beat(); // still alive
    const next = new WebRecovery(storage, clock, 'next');
    expect(next.list()).toEqual([{ id: 'crashed', title: 'A', savedAt: 0, fileName: 'a.faultline', problem: null }]);
    expect(next.restore('crashed')).toEqual({ ok: true, text: 'lost work', fileName: 'a.faultline' });
    expect(storage.getItem('faultline.recovery.next')).toContain('lost work'); // now this tab's own
    expect(next.list()).toEqual([]);
  });

  it('a background tab whose heartbeat the browser has put to sleep is not taken for closed while it holds its lock', () => {
    const storage = new MemoryStorage();
    let now = 0;
    const clock = () => now;
    const sleeping = new WebRecovery(storage, clock, 'sleeping');
    sleeping.store({ text: 'work in an open tab', title: 'A', fileName: null });
    now = 10 * HEARTBEAT_MS; // no beat for 50 s: throttled timers in a background tab
    const next = new WebRecovery(storage, clock, 'next');
    const held = liveTabsFromLocks([{ name: tabLockName('sleeping') }, { name: 'some-other-lock' }, {}]);
    expect([...held]).toEqual(['sleeping']);
    expect(next.list(held)).toEqual([]);
    // Once its lock is gone (the tab closed, crashed or was discarded), its work is offered.
    expect(next.list(new Set()).map((entry) => entry.id)).toEqual(['sleeping']);
  });

  it('where the browser has locks, a crashed tab’s work is offered at once, though its last heartbeat is fresh', () => {
    // A crashed tab skips pagehide: its heartbeat stays, but the browser releases its lock.
    const storage = new MemoryStorage();
    let now = 60_000;
    const clock = () => now;
    new WebRecovery(storage, clock, 'crashed').store({ text: 'work before the crash', title: 'A', fileName: null });
    now += 1_500; // the reload straight after the crash
    const next = new WebRecovery(storage, clock, 'next');
    expect(next.list(null)).toEqual([]); // without locks the heartbeat decides: it looks alive
    expect(next.list(new Set(['next'])).map((entry) => entry.id)).toEqual(['crashed']);
  });

  it('work that cannot be opened stays where it was when restoring it is refused, and this tab’s autosave leaves it alone', () => {
    const storage = new MemoryStorage();
    let now = 0;
    const clock = () => now;
    new WebRecovery(storage, clock, 'older').store({ text: 'from a newer app', title: 'Lesson plan', fileName: null });
    now = 10 * HEARTBEAT_MS;
    const next = new WebRecovery(storage, clock, 'next');
    expect(next.restore('older', () => 'it could not be opened (newer).')).toEqual({ ok: false, message: 'The recovered work “Lesson plan”: it could not be opened (newer).' });
    next.store({ text: 'new work', title: 'Something else', fileName: null });
    expect(storage.getItem('faultline.recovery.older')).toContain('from a newer app');
    now = 20 * HEARTBEAT_MS;
    expect(new WebRecovery(storage, clock, 'later').list().map((entry) => entry.title)).toEqual(['Something else', 'Lesson plan']);
  });

  it('a tab that closed normally (pagehide → leave) leaves its unsaved work for the next start', () => {
    const storage = new MemoryStorage();
    const tab = new WebRecovery(storage, () => 0, 'tab');
    tab.store({ text: 'w', title: 'T', fileName: null });
    tab.leave();
    expect(new WebRecovery(storage, () => 1, 'later').list().map((entry) => entry.id)).toEqual(['tab']);
  });

  it('work autosave writes as the tab goes (its pagehide flush runs after leave) is offered at the very next start', () => {
    const storage = new MemoryStorage();
    const tab = new WebRecovery(storage, () => 60_000, 'tab');
    tab.leave();
    tab.store({ text: 'the last seconds of edits', title: 'T', fileName: null });
    // A reload starts a second later, well inside the heartbeat's grace: the tab is gone all the same.
    expect(new WebRecovery(storage, () => 61_000, 'reloaded').list().map((entry) => entry.id)).toEqual(['tab']);
  });

  it('damaged data is listed with a notice and refused on restore, never thrown', () => {
    const storage = new MemoryStorage();
    storage.setItem('faultline.recovery.bad', '{"format":"faultline-recovery","text":');
    const tab = new WebRecovery(storage, () => 100_000, 'me');
    expect(tab.list()).toEqual([{ id: 'bad', title: 'Unsaved work', savedAt: 0, fileName: null, problem: expect.stringMatching(/damaged/) }]);
    expect(tab.restore('bad')).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
    tab.discard('bad');
    expect(tab.list()).toEqual([]);
  });

  it('reports a full storage as a sentence instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.quota = 100;
    const tab = new WebRecovery(storage, () => 0, 'me');
    expect(tab.store({ text: 'x'.repeat(1000), title: 'Big', fileName: null })).toMatch(/does not fit in the browser’s storage/);
    expect(tab.store({ text: 'x', title: 'Small', fileName: null })).toBeNull();
  });
});

describe('web files: restoring recovered work', () => {
  /** A page with the little createWebFiles asks of a window (no pickers, no Web Locks). */
  const page = () => Object.assign(new EventTarget(), { setInterval: () => 0 }) as unknown as Window;
  const work = saveDocument(createEmptyDocument());

  it('work from a file comes back with that file’s name, for the title and Save As', async () => {
    const storage = new MemoryStorage();
    new WebRecovery(storage, () => 0, 'crashed').store({ text: work, title: 'Lesson', fileName: 'lesson.faultline' });
    const files = createWebFiles({ window: page(), storage, clock: () => 10 * HEARTBEAT_MS, recentPersistence: null });
    const restored = await files.restoreRecovery('crashed');
    expect(restored).toEqual({ status: 'restored', text: work, file: { key: expect.any(String), name: 'lesson.faultline', location: null, writable: false } });
    // No handle came with it (that went with the crashed tab): Save asks where, and Revert has nothing to read.
    if (restored.status === 'restored' && restored.file) expect(files.canRevert(restored.file)).toBe(false);
  });

  it('work never saved to a file, and a record written before names were kept, come back with no file', async () => {
    const storage = new MemoryStorage();
    new WebRecovery(storage, () => 0, 'unsaved').store({ text: work, title: 'Untitled', fileName: null });
    storage.setItem('faultline.recovery.older', JSON.stringify({ format: 'faultline-recovery', savedAt: 0, title: 'Old', text: work }));
    const files = createWebFiles({ window: page(), storage, clock: () => 10 * HEARTBEAT_MS, recentPersistence: null });
    expect(await files.restoreRecovery('unsaved')).toEqual({ status: 'restored', text: work, file: null });
    expect(await files.restoreRecovery('older')).toEqual({ status: 'restored', text: work, file: null });
  });
});

describe('web files without storage', () => {
  it('autosave says it is off instead of silently keeping nothing', async () => {
    const files = createWebFiles({ window: new EventTarget() as unknown as Window, storage: null });
    await expect(files.storeRecovery('{}', 'Untitled', null)).rejects.toThrow(/Autosave is off: this browser does not let the page store data/);
  });
});

describe('web export after a long computation', () => {
  it('falls back to a download when the save picker refuses (the click that asked has expired)', async () => {
    const downloads: string[] = [];
    const win = Object.assign(new EventTarget(), {
      showSaveFilePicker: async () => {
        throw new DOMException("Failed to execute 'showSaveFilePicker' on 'Window': Must be handling a user gesture to show a file picker.", 'SecurityError');
      },
    });
    const originalCreate = globalThis.document;
    // download() makes an anchor and clicks it: a minimal document records what was downloaded.
    (globalThis as { document?: unknown }).document = {
      createElement: () => ({ style: {}, href: '', click() {}, remove() {}, set download(name: string) { downloads.push(name); } }),
      body: { append() {}, removeChild() {} },
    };
    (globalThis as { URL: typeof URL }).URL.createObjectURL ??= () => 'blob:x';
    (globalThis as { URL: typeof URL }).URL.revokeObjectURL ??= () => {};
    try {
      const files = createWebFiles({ window: win as unknown as Window, storage: null });
      const result = await files.exportFile({ kind: 'json', suggestedName: 'lesson-report.json', data: '{}' });
      expect(result).toEqual({ status: 'saved', name: 'lesson-report.json (downloaded)' });
      expect(downloads).toEqual(['lesson-report.json']);
    } finally {
      (globalThis as { document?: unknown }).document = originalCreate;
    }
  });
});

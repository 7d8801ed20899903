import { describe, expect, it, vi } from 'vitest';
import type { FileHandle } from '../../../renderer/host/web/fileSystemAccess';
import { MAX_RECENT_FILES, RecentFilesStore, type RecentPersistence, type RecentRecord } from '../../../renderer/host/web/recentFiles';
import { createWebFiles } from '../../../renderer/host/web/webFiles';

/** A disk of named files; handles point at a path, as the browser's do (two handles, one file). */
function fakeDisk() {
  const files = new Map<string, { text: string; lastModified: number }>();
  let permission: PermissionState = 'granted';
  let answer: PermissionState = 'granted';
  const requests: string[] = [];
  const handle = (path: string) => {
    const result = {
      name: path.split('/').pop()!,
      path,
      async getFile() {
        const file = files.get(path);
        if (!file) throw new DOMException('A requested file could not be found.', 'NotFoundError');
        return new File([file.text], result.name, { lastModified: file.lastModified });
      },
      async createWritable() {
        return {
          write: async (data: string | Blob | BufferSource) => void files.set(path, { text: String(data), lastModified: (files.get(path)?.lastModified ?? 0) + 1 }),
          close: async () => {},
        };
      },
      isSameEntry: async (other: FileHandle) => (other as unknown as { path: string }).path === path,
      queryPermission: vi.fn(async () => permission),
      requestPermission: vi.fn(async () => {
        requests.push(path);
        if (answer === 'granted') permission = 'granted';
        return answer;
      }),
    };
    return result;
  };
  return {
    files,
    handle,
    requests,
    write: (path: string, text: string) => files.set(path, { text, lastModified: 1 }),
    /** What the browser says for handles kept from an earlier visit, and what the prompt answers. */
    permissions: (now: PermissionState, onRequest: PermissionState) => {
      permission = now;
      answer = onRequest;
    },
  };
}

/** IndexedDB's stand-in: a stored copy of the list (a new array, as structured clone gives). */
function memoryPersistence(): RecentPersistence & { stored: RecentRecord[]; fail: boolean; failSaves: boolean } {
  const persistence = {
    stored: [] as RecentRecord[],
    fail: false,
    failSaves: false,
    async load() {
      if (persistence.fail) throw new DOMException('The operation failed for reasons unrelated to the database itself', 'UnknownError');
      return persistence.stored.map((record) => ({ ...record }));
    },
    async save(records: RecentRecord[]) {
      if (persistence.fail || persistence.failSaves) throw new DOMException('quota', 'QuotaExceededError');
      persistence.stored = records.map((record) => ({ ...record }));
    },
  };
  return persistence;
}

const names = (store: RecentFilesStore) => store.entries().map((entry) => entry.name);

describe('web Open Recent: the list', () => {
  it('is newest first, one entry per file (isSameEntry, not the handle object), at most ten', async () => {
    const disk = fakeDisk();
    const store = new RecentFilesStore(memoryPersistence());
    await store.add(disk.handle('/a.faultline'));
    await store.add(disk.handle('/b.faultline'));
    await store.add(disk.handle('/a.faultline')); // a new handle to the same file
    expect(names(store)).toEqual(['a.faultline', 'b.faultline']);
    for (let i = 0; i < 12; i++) await store.add(disk.handle(`/f${i}.faultline`));
    expect(store.entries()).toHaveLength(MAX_RECENT_FILES);
    expect(names(store)[0]).toBe('f11.faultline');
    expect(names(store)).not.toContain('a.faultline');
    expect(new Set(store.entries().map((entry) => entry.id)).size).toBe(MAX_RECENT_FILES);
  });

  it('is kept: a later page (a new store over the same storage) lists it, and sees what another tab added', async () => {
    const disk = fakeDisk();
    const persistence = memoryPersistence();
    const first = new RecentFilesStore(persistence);
    await first.add(disk.handle('/a.faultline'));
    const later = new RecentFilesStore(persistence);
    expect(later.entries()).toEqual([]);
    await later.refresh();
    expect(names(later)).toEqual(['a.faultline']);
    await later.add(disk.handle('/b.faultline'));
    // The first tab adds after the second did: both files stay.
    await first.add(disk.handle('/c.faultline'));
    expect(names(first)).toEqual(['c.faultline', 'b.faultline', 'a.faultline']);
  });

  it('tells subscribers of changes; Clear Recent empties it, in storage too', async () => {
    const disk = fakeDisk();
    const persistence = memoryPersistence();
    const store = new RecentFilesStore(persistence);
    const listener = vi.fn();
    store.subscribe(listener);
    await store.add(disk.handle('/a.faultline'));
    expect(listener).toHaveBeenCalled();
    await store.clear();
    expect(store.entries()).toEqual([]);
    expect(persistence.stored).toEqual([]);
  });

  it('ignores damaged stored entries', async () => {
    const persistence = memoryPersistence();
    persistence.stored = [null, { id: 1 }, { id: 'x', name: 'x.faultline', handle: fakeDisk().handle('/x.faultline') }] as unknown as RecentRecord[];
    const store = new RecentFilesStore(persistence);
    await store.refresh();
    expect(names(store)).toEqual(['x.faultline']);
  });

  it('a change the browser will not store is dropped: the list stays what is stored', async () => {
    const disk = fakeDisk();
    const persistence = memoryPersistence();
    const store = new RecentFilesStore(persistence);
    await store.add(disk.handle('/a.faultline'));
    persistence.failSaves = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await store.add(disk.handle('/b.faultline'));
    expect(names(store)).toEqual(['a.faultline']);
    expect(store.isAvailable()).toBe(true);
    warn.mockRestore();
  });

  it('when the browser will not even read it, the list is marked unavailable (the menu then leaves it out)', async () => {
    const persistence = memoryPersistence();
    persistence.fail = true;
    const store = new RecentFilesStore(persistence);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await store.refresh();
    expect(store.isAvailable()).toBe(false);
    await store.add(fakeDisk().handle('/a.faultline'));
    expect(store.entries()).toEqual([]);
    warn.mockRestore();
  });
});

describe('web Open Recent: choosing a file', () => {
  it('a file still readable is given back; permission already granted asks nothing', async () => {
    const disk = fakeDisk();
    disk.write('/a.faultline', 'A');
    const store = new RecentFilesStore(memoryPersistence());
    await store.add(disk.handle('/a.faultline'));
    const access = await store.access(store.entries()[0].id);
    expect(access).toMatchObject({ ok: true, record: { name: 'a.faultline' } });
    expect(disk.requests).toEqual([]);
  });

  it('asks for permission when the browser has forgotten it, and opens when the user allows', async () => {
    const disk = fakeDisk();
    disk.write('/a.faultline', 'A');
    const store = new RecentFilesStore(memoryPersistence());
    await store.add(disk.handle('/a.faultline'));
    disk.permissions('prompt', 'granted');
    expect(await store.access(store.entries()[0].id)).toMatchObject({ ok: true });
    expect(disk.requests).toEqual(['/a.faultline']);
  });

  it('a refused permission says so and removes the entry', async () => {
    const disk = fakeDisk();
    disk.write('/a.faultline', 'A');
    disk.write('/b.faultline', 'B');
    const persistence = memoryPersistence();
    const store = new RecentFilesStore(persistence);
    await store.add(disk.handle('/a.faultline'));
    await store.add(disk.handle('/b.faultline'));
    disk.permissions('prompt', 'denied');
    const access = await store.access(store.entries()[1].id);
    expect(access).toEqual({ ok: false, message: expect.stringContaining('not allowed to read “a.faultline”') });
    expect(names(store)).toEqual(['b.faultline']);
    expect(persistence.stored.map((record) => record.name)).toEqual(['b.faultline']);
  });

  it('a file that is gone says so and removes the entry; an id no longer listed is refused', async () => {
    const disk = fakeDisk();
    const store = new RecentFilesStore(memoryPersistence());
    await store.add(disk.handle('/gone.faultline'));
    const id = store.entries()[0].id;
    const access = await store.access(id);
    expect(access).toEqual({ ok: false, message: expect.stringContaining('“gone.faultline” is no longer there') });
    expect(access.ok === false && access.message).toContain('removed from Open Recent');
    expect(store.entries()).toEqual([]);
    expect(await store.access(id)).toEqual({ ok: false, message: expect.stringContaining('no longer in Open Recent') });
  });
});

describe('web Open Recent: the web host', () => {
  const pickerWindow = (picked: () => FileHandle) => {
    const win = new EventTarget() as unknown as Window & Record<string, unknown>;
    Object.assign(win, { showOpenFilePicker: async () => [picked()], showSaveFilePicker: async () => picked(), setInterval: () => 0 });
    return win;
  };

  it('records files opened and saved through a handle, and opens them again', async () => {
    const disk = fakeDisk();
    disk.write('/a.faultline', 'AAA');
    let next = '/a.faultline';
    const files = createWebFiles({ window: pickerWindow(() => disk.handle(next) as unknown as FileHandle), storage: null, recentPersistence: memoryPersistence() });
    expect(files.recent).toBeDefined();
    const recent = files.recent!;
    expect(await files.open()).toMatchObject({ status: 'opened', text: 'AAA' });
    next = '/b.faultline';
    expect(await files.saveAs('BBB', 'b.faultline')).toMatchObject({ status: 'saved' });
    expect(recent.entries().map((entry) => entry.name)).toEqual(['b.faultline', 'a.faultline']);

    const opened = await recent.open(recent.entries()[1].id);
    expect(opened).toMatchObject({ status: 'opened', text: 'AAA', file: { name: 'a.faultline', writable: true } });
    expect(recent.entries().map((entry) => entry.name)).toEqual(['a.faultline', 'b.faultline']);
    // Opened from the list, it saves back through its handle (and so can be reverted).
    if (opened.status !== 'opened') throw new Error('not opened');
    expect(files.canRevert(opened.file)).toBe(true);
    await files.save(opened.file, 'A2', { overwriteChanged: false });
    expect(disk.files.get('/a.faultline')?.text).toBe('A2');

    disk.files.delete('/b.faultline');
    // Named, so the report's title can name the file (problemWording).
    expect(await recent.open(recent.entries()[1].id)).toEqual({ status: 'failed', message: expect.stringContaining('“b.faultline” is no longer there'), name: 'b.faultline' });
    expect(recent.entries().map((entry) => entry.name)).toEqual(['a.faultline']);
    await recent.clear();
    expect(recent.entries()).toEqual([]);
  });

  it('has no Open Recent without the File System Access API or without storage for it', () => {
    const plain = new EventTarget() as unknown as Window;
    expect(createWebFiles({ window: plain, storage: null }).recent).toBeUndefined();
    const noIndexedDb = pickerWindow(() => fakeDisk().handle('/a') as unknown as FileHandle);
    expect(createWebFiles({ window: noIndexedDb, storage: null }).recent).toBeUndefined();
    expect(createWebFiles({ window: noIndexedDb, storage: null, recentPersistence: null }).recent).toBeUndefined();
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../main/files/fileSystem';
import { RecoveryStore } from '../../../main/files/recoveryStore';
import { makeService, makeTempDir, silentLog } from './helpers';
import { recoveredWorkProblem } from '../../../shared/model/recoveredWork';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.cleanup());

function session(sessionId: string, now = 1_000) {
  return new RecoveryStore({ fs: nodeFileSystem, userDataDir: temp.dir, sessionId, clock: () => now, log: silentLog() });
}

const WORK = '{ "format": "faultline", "version": 1, "meta": { "title": "Unsaved ✓" } }\n';

describe('RecoveryStore', () => {
  it('round trip: work autosaved by a session that died is offered to the next one, byte for byte', async () => {
    const crashed = session('crashed', 5_000);
    await crashed.store(3, { text: WORK, title: 'Unsaved ✓', filePath: '/home/me/lesson.faultline' });
    await crashed.store(3, { text: `${WORK} `, title: 'Unsaved ✓', filePath: '/home/me/lesson.faultline' }); // a later autosave replaces the earlier
    expect(await crashed.list()).toEqual([]); // a session never offers its own work back to itself

    const next = session('next');
    const [entry, ...rest] = await next.list();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ title: 'Unsaved ✓', savedAt: 5_000, fileName: 'lesson.faultline', problem: null });
    expect(await next.restore(1, entry.id)).toEqual({ ok: true, text: `${WORK} `, filePath: '/home/me/lesson.faultline' });
    // Restored work became the new window's own recovery file: one copy, kept current by its autosave.
    expect(await readdir(join(temp.dir, 'recovery'))).toEqual(['next-1.json']);
    expect(await next.list()).toEqual([]);
    await next.clear(1);
    expect(await readdir(join(temp.dir, 'recovery'))).toEqual([]);
  });

  it('work that cannot be opened (from a newer Faultline) stays where it was, offered again; the window’s autosave cannot overwrite it', async () => {
    const newer = '{ "format": "faultline", "version": 99, "meta": { "title": "From a newer app" } }\n';
    const crashed = session('crashed', 5_000);
    await crashed.store(3, { text: newer, title: 'Lesson plan', filePath: null });
    const next = session('next');
    const [entry] = await next.list();
    const refused = await next.restore(1, entry.id, recoveredWorkProblem);
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^The recovered work “Lesson plan”: it could not be opened \(.*newer version of Faultline.*\)\. It is kept as it was/) });
    // The window goes on and autosaves its own work: the refused work is untouched, and offered again.
    await next.store(1, { text: WORK, title: 'Something else', filePath: null });
    expect((await session('later').list()).map((offered) => offered.title).sort()).toEqual(['Lesson plan', 'Something else']);
  });

  it('clear removes only the window’s own work, and is harmless when there is none', async () => {
    const store = session('s');
    await store.clear(1);
    await store.store(1, { text: 'a', title: 'A', filePath: null });
    await store.store(2, { text: 'b', title: 'B', filePath: null });
    await store.clear(1);
    expect(await readdir(join(temp.dir, 'recovery'))).toEqual(['s-2.json']);
  });

  it.each([
    ['not JSON', '{"format":"faultline-recovery", "text": "unterminated'],
    ['a different format', JSON.stringify({ format: 'other', version: 1, savedAt: 1, title: 't', filePath: null, text: 'x' })],
    ['a missing text', JSON.stringify({ format: 'faultline-recovery', version: 1, savedAt: 1, title: 't', filePath: null })],
    ['a non-finite time', '{"format":"faultline-recovery","version":1,"savedAt":1e999,"title":"t","filePath":null,"text":"x"}'],
    ['binary garbage', '\u0000\u00ff\u0001'],
  ])('damaged data (%s) is listed with a notice, cannot be restored, and can be discarded — never a throw', async (_name, contents) => {
    const store = session('now');
    await nodeFileSystem.mkdir(join(temp.dir, 'recovery'));
    await writeFile(join(temp.dir, 'recovery', 'old-1.json'), contents);
    const [entry] = await store.list();
    expect(entry).toMatchObject({ problem: expect.stringMatching(/damaged/), savedAt: 0 });
    expect(await store.restore(1, entry.id)).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
    await store.discard(entry.id);
    expect(await store.list()).toEqual([]);
  });

  it('a crashed page’s work is set aside and offered within the same session', async () => {
    const store = session('live', 42);
    await store.store(5, { text: WORK, title: 'Crashed page', filePath: null });
    await store.orphan(5);
    const [entry] = await store.list();
    expect(entry).toMatchObject({ title: 'Crashed page', savedAt: 42, problem: null });
    expect(await store.restore(5, entry.id)).toEqual({ ok: true, text: WORK, filePath: null });
    await expect(store.orphan(9)).resolves.toBeUndefined(); // nothing to set aside: harmless
  });

  it('lists nothing when there is no recovery folder, and refuses unknown ids', async () => {
    const store = session('fresh');
    expect(await store.list()).toEqual([]);
    expect(await store.restore(1, 'A'.repeat(22))).toEqual({ ok: false, message: expect.stringMatching(/no longer available/) });
    await expect(store.discard('A'.repeat(22))).resolves.toBeUndefined();
  });

  it('offers several crashed windows newest first', async () => {
    await session('a', 100).store(1, { text: 'old', title: 'Old', filePath: null });
    await session('b', 300).store(1, { text: 'new', title: 'New', filePath: null });
    expect((await session('c').list()).map((entry) => entry.title)).toEqual(['New', 'Old']);
  });
});

describe('RecoveryStore, one window\'s operations in turn', () => {
  it('a clear sent while an autosave is still being written wins (the work was saved or discarded)', async () => {
    const store = session('s');
    const writing = store.store(1, { text: 'x'.repeat(2_000_000), title: 'doc', filePath: null });
    const clearing = store.clear(1);
    await Promise.all([writing, clearing]);
    expect(await readdir(join(temp.dir, 'recovery'))).toEqual([]);
    expect(await session('next').list()).toEqual([]);
  });

  it('a crash set-aside waits for the autosave in flight, so the newest work is what is offered', async () => {
    const store = session('s');
    await store.store(1, { text: 'v4', title: 'doc', filePath: null });
    const newest = store.store(1, { text: 'v5-newest', title: 'doc', filePath: null });
    const crashed = store.orphan(1);
    await Promise.all([newest, crashed]);
    const [entry, ...rest] = await store.list();
    expect(rest).toEqual([]);
    expect(await store.restore(1, entry.id)).toMatchObject({ ok: true, text: 'v5-newest' });
  });
});

describe('RecoveryStore.list', () => {
  it('offers at most the newest 100 (a longer answer would be refused whole by the page)', async () => {
    for (let i = 0; i < 105; i++) await session(`old${i}`, 1_000 + i).store(1, { text: WORK, title: `work ${i}`, filePath: null });
    const entries = await session('next').list();
    expect(entries).toHaveLength(100);
    expect(entries[0].title).toBe('work 104');
    expect(entries.at(-1)!.title).toBe('work 5');
  });
});

describe('restored work and the file it belongs to', () => {
  it('a save after restoring notices that the file changed since the work was autosaved (it overwrote it silently)', async () => {
    const path = join(temp.dir, 'lesson.faultline');
    await writeFile(path, 'V1');
    // Session 1 opens the file, edits, autosaves, dies.
    const first = await makeService(temp.dir);
    const opened = await first.files.openPath(1, path);
    if (opened.status !== 'opened') throw new Error('open failed');
    const file = first.files.fileOf(1, opened.file.token)!;
    await session('crashed').store(1, { text: 'V1 + unsaved edits', title: 'lesson', filePath: file.path, fileFingerprint: file.fingerprint });
    // Meanwhile the file is changed on disk.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(path, 'V2, saved after the crash');
    // Session 2 restores the work and saves without asking to overwrite.
    const second = await makeService(temp.dir);
    const recovery = session('next');
    const [entry] = await recovery.list();
    const restored = await recovery.restore(7, entry.id);
    if (!restored.ok) throw new Error('restore failed');
    const ref = await second.files.adopt(7, restored.filePath!, restored.fileFingerprint);
    const saved = await second.files.save(7, { token: ref!.token, text: restored.text, overwriteChanged: false });
    expect(saved.status).toBe('conflict');
    expect(await readFile(path, 'utf8')).toBe('V2, saved after the crash');
  });
});

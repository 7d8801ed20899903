import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../../main/files/fileSystem';
import { MAX_RECENT_FILES, RecentFiles } from '../../../main/files/recentFiles';
import { makeTempDir, silentLog } from './helpers';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.cleanup());

const make = () => new RecentFiles({ fs: nodeFileSystem, userDataDir: temp.dir, log: silentLog() });

describe('RecentFiles', () => {
  it('keeps the newest first, without duplicates, at most MAX_RECENT_FILES, and persists across runs', async () => {
    const recent = make();
    await recent.load();
    for (let index = 0; index < MAX_RECENT_FILES + 3; index++) await recent.add(`/f/${index}.faultline`);
    await recent.add('/f/5.faultline');
    const names = recent.list().map((entry) => entry.name);
    expect(names).toHaveLength(MAX_RECENT_FILES);
    expect(names.slice(0, 3)).toEqual(['5.faultline', '12.faultline', '11.faultline']);

    const again = make();
    await again.load();
    expect(again.list().map((entry) => entry.location)).toEqual(recent.list().map((entry) => entry.location));
  });

  it('gives entries ids that resolve to their path (the page never sends the path)', async () => {
    const recent = make();
    await recent.add('/f/a.faultline');
    const [entry] = recent.list();
    expect(recent.resolve(entry.id)).toBe('/f/a.faultline');
    expect(recent.resolve('/f/a.faultline')).toBeUndefined();
    await recent.remove('/f/a.faultline');
    expect(recent.list()).toEqual([]);
  });

  it('treats a damaged list as empty and repairs it on the next change', async () => {
    await mkdir(temp.dir, { recursive: true });
    await writeFile(join(temp.dir, 'recent-files.json'), '{ "files": [1, 2');
    const recent = make();
    await recent.load();
    expect(recent.list()).toEqual([]);
    await recent.add('/f/b.faultline');
    expect(JSON.parse(await readFile(join(temp.dir, 'recent-files.json'), 'utf8'))).toEqual({ version: 1, files: ['/f/b.faultline'] });
  });

  it('tells listeners (the native menu) when the list changes', async () => {
    const recent = make();
    let changes = 0;
    recent.onChange(() => changes++);
    await recent.add('/x.faultline');
    await recent.clear();
    expect(changes).toBe(2);
  });
});

import fs from 'node:fs';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { suggestedFileName } from '../../../main/files/documentFiles';
import { nodeFileSystem } from '../../../main/files/fileSystem';
import { makeService, makeTempDir } from './helpers';

const WINDOW = 7;
const OTHER_WINDOW = 8;
const ORIGINAL = '{ "format": "faultline", "version": 1, "original": "ü" }\n';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await temp.cleanup();
});

async function openedFixture() {
  const service = await makeService(temp.dir);
  const path = join(temp.dir, 'lesson.faultline');
  await writeFile(path, ORIGINAL);
  service.dialogs.answers.push(path);
  const opened = await service.files.openWithDialog(WINDOW);
  if (opened.status !== 'opened') throw new Error(`fixture did not open: ${JSON.stringify(opened)}`);
  return { ...service, path, opened };
}

describe('DocumentFiles: open', () => {
  it('reads the chosen file and hands out a token, never asking the page for a path', async () => {
    const { opened, path, recent } = await openedFixture();
    expect(opened.text).toBe(ORIGINAL);
    expect(opened.file).toMatchObject({ name: 'lesson.faultline', location: path });
    expect(opened.file.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(recent.list().map((entry) => entry.location)).toEqual([path]);
  });

  it('reports a cancelled dialog as cancelled', async () => {
    const { files, dialogs } = await makeService(temp.dir);
    dialogs.answers.push(null);
    await expect(files.openWithDialog(WINDOW)).resolves.toEqual({ status: 'canceled' });
  });

  it('refuses files over 20 MB, non-UTF-8 files and folders with a sentence', async () => {
    const { files } = await makeService(temp.dir);
    const big = join(temp.dir, 'big.faultline');
    await writeFile(big, Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
    expect(await files.openPath(WINDOW, big)).toEqual({ status: 'failed', message: expect.stringMatching(/20\.0 MB; Faultline opens files up to 20 MB/), name: 'big.faultline' });
    const binary = join(temp.dir, 'binary.faultline');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    expect(await files.openPath(WINDOW, binary)).toEqual({ status: 'failed', message: expect.stringMatching(/not UTF-8 text/), name: 'binary.faultline' });
    expect(await files.openPath(WINDOW, temp.dir)).toEqual({ status: 'failed', message: expect.stringMatching(/is not a file/), name: basename(temp.dir) });
  });

  it('drops a recent file that no longer exists from the list', async () => {
    const { files, recent, path } = await openedFixture();
    fs.rmSync(path);
    const [entry] = recent.list();
    expect(await files.openRecent(WINDOW, entry.id)).toEqual({ status: 'failed', message: expect.stringMatching(/no longer exists/), name: basename(path) });
    expect(recent.list()).toEqual([]);
  });
});

describe('DocumentFiles: save', () => {
  it('writes the text, keeps the replaced version as .bak, and leaves no temp file', async () => {
    const { files, opened, path } = await openedFixture();
    const result = await files.save(WINDOW, { token: opened.file.token, text: 'new text\n', overwriteChanged: false });
    expect(result).toEqual({ status: 'saved', file: opened.file, warning: null });
    expect(await readFile(path, 'utf8')).toBe('new text\n');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(ORIGINAL);
    expect((await readdir(temp.dir)).sort()).toEqual(['lesson.faultline', 'lesson.faultline.bak', 'userData']);
  });

  it('a failure between write and rename leaves the original byte-identical and no temp file', async () => {
    const { files, opened, path } = await openedFixture();
    const before = await readFile(path);
    // write-file-atomic writes and fsyncs a temp file, then renames it over the target. Failing
    // the rename is exactly "after the write, before the replace".
    const rename = vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, callback: (error: Error) => void) => {
      callback(Object.assign(new Error('injected I/O failure'), { code: 'EIO' }));
    }) as unknown as typeof fs.rename);
    const result = await files.save(WINDOW, { token: opened.file.token, text: 'half-written work', overwriteChanged: false });
    expect(rename).toHaveBeenCalled();
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(/injected I\/O failure.*The file on disk is unchanged/) });
    rename.mockRestore();
    expect((await readFile(path)).equals(before)).toBe(true);
    const leftovers = (await readdir(temp.dir)).filter((name) => name !== 'userData' && name !== 'lesson.faultline' && name !== 'lesson.faultline.bak');
    expect(leftovers).toEqual([]);
  });

  it('a failing injected atomic write (any step) reports failure and keeps the original', async () => {
    const failing = { ...nodeFileSystem, writeAtomic: vi.fn(async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))) };
    const service = await makeService(temp.dir, failing);
    const path = join(temp.dir, 'a.faultline');
    await writeFile(path, ORIGINAL);
    const opened = await service.files.openPath(WINDOW, path);
    if (opened.status !== 'opened') throw new Error('not opened');
    const result = await service.files.save(WINDOW, { token: opened.file.token, text: 'x', overwriteChanged: false });
    expect(result).toEqual({ status: 'failed', message: expect.stringMatching(/the disk is full\. The file on disk is unchanged/) });
    expect(await readFile(path, 'utf8')).toBe(ORIGINAL);
  });

  it('reports a conflict when another program changed the file, and saves only when told to overwrite', async () => {
    const { files, opened, path } = await openedFixture();
    await writeFile(path, 'someone else was here\n');
    const refused = await files.save(WINDOW, { token: opened.file.token, text: 'mine\n', overwriteChanged: false });
    expect(refused).toEqual({ status: 'conflict', message: expect.stringMatching(/changed or removed by another program/) });
    expect(await readFile(path, 'utf8')).toBe('someone else was here\n');

    const forced = await files.save(WINDOW, { token: opened.file.token, text: 'mine\n', overwriteChanged: true });
    expect(forced.status).toBe('saved');
    expect(await readFile(path, 'utf8')).toBe('mine\n');
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('someone else was here\n');
    // The new contents are the known state now: the next save is not a conflict.
    expect((await files.save(WINDOW, { token: opened.file.token, text: 'again\n', overwriteChanged: false })).status).toBe('saved');
  });

  it('reports a conflict when the file was deleted, but not when only its mtime moved', async () => {
    const { files, opened, path } = await openedFixture();
    const later = new Date(Date.now() + 60_000);
    await utimes(path, later, later); // same bytes, new mtime (a sync tool, `touch`)
    expect((await files.save(WINDOW, { token: opened.file.token, text: 'one\n', overwriteChanged: false })).status).toBe('saved');
    fs.rmSync(path);
    expect((await files.save(WINDOW, { token: opened.file.token, text: 'two\n', overwriteChanged: false })).status).toBe('conflict');
  });

  it('rejects forged, foreign and stale tokens without touching any file', async () => {
    const { files, opened, path } = await openedFixture();
    const attempts = [
      { owner: WINDOW, token: 'A'.repeat(32) }, // never issued
      { owner: OTHER_WINDOW, token: opened.file.token }, // issued to another window
    ];
    for (const { owner, token } of attempts) {
      expect(await files.save(owner, { token, text: 'evil', overwriteChanged: true })).toEqual({ status: 'failed', message: expect.stringMatching(/no longer has access/) });
      expect((await files.revert(owner, token)).status).toBe('failed');
    }
    files.forgetOwner(WINDOW); // the window closed
    expect((await files.save(WINDOW, { token: opened.file.token, text: 'evil', overwriteChanged: true })).status).toBe('failed');
    expect(await readFile(path, 'utf8')).toBe(ORIGINAL);
  });

  it('Save As writes where the dialog says, starting beside the current file, and issues a new token', async () => {
    const { files, dialogs, opened } = await openedFixture();
    const target = join(temp.dir, 'copy.faultline');
    dialogs.answers.push(target);
    const result = await files.saveAs(WINDOW, { text: 'copy\n', suggestedName: 'My: lesson/1' }, opened.file.token);
    expect(dialogs.saveOptions[0].defaultPath).toBe(join(temp.dir, 'My lesson-1.faultline'));
    expect(result).toMatchObject({ status: 'saved', file: { name: 'copy.faultline', location: target } });
    expect(await readFile(target, 'utf8')).toBe('copy\n');
    if (result.status === 'saved') expect(result.file.token).not.toBe(opened.file.token);
  });

  it('Save As gives a name typed without an extension .faultline (the Linux dialog adds none), and asks again when that file exists', async () => {
    const { files, dialogs, opened } = await openedFixture();
    dialogs.answers.push(join(temp.dir, 'notes'));
    const result = await files.saveAs(WINDOW, { text: 'one\n', suggestedName: 'x' }, opened.file.token);
    expect(result).toMatchObject({ status: 'saved', file: { name: 'notes.faultline' } });
    expect(await readFile(join(temp.dir, 'notes.faultline'), 'utf8')).toBe('one\n');

    // The same bare name again: notes.faultline is there, and the dialog never confirmed
    // replacing it, so it asks again with that name; confirmed there, it is replaced.
    dialogs.answers.push(join(temp.dir, 'notes'), join(temp.dir, 'notes.faultline'));
    const again = await files.saveAs(WINDOW, { text: 'two\n', suggestedName: 'x' }, opened.file.token);
    expect(dialogs.saveOptions.at(-1)!.defaultPath).toBe(join(temp.dir, 'notes.faultline'));
    expect(again).toMatchObject({ status: 'saved', file: { name: 'notes.faultline' } });
    expect(await readFile(join(temp.dir, 'notes.faultline'), 'utf8')).toBe('two\n');

    // Cancelled the second time: nothing is written.
    dialogs.answers.push(join(temp.dir, 'notes'), null);
    expect(await files.saveAs(WINDOW, { text: 'three\n', suggestedName: 'x' }, opened.file.token)).toEqual({ status: 'canceled' });
    expect(await readFile(join(temp.dir, 'notes.faultline'), 'utf8')).toBe('two\n');
  });

  it('Revert reads the file again and makes its current contents the known state', async () => {
    const { files, opened, path } = await openedFixture();
    await writeFile(path, 'changed outside\n');
    expect(await files.revert(WINDOW, opened.file.token)).toMatchObject({ status: 'opened', text: 'changed outside\n' });
    expect((await files.save(WINDOW, { token: opened.file.token, text: 'ok\n', overwriteChanged: false })).status).toBe('saved');
  });
});

describe('suggestedFileName', () => {
  it.each([
    ['Lesson 1', 'faultline', 'Lesson 1.faultline'],
    ['../../etc/passwd', 'faultline', '-..-etc-passwd.faultline'],
    ['a<b>c:d"e|f?g*h', 'png', 'abcdefgh.png'],
    ['', 'csv', 'Untitled.csv'],
    ['...', 'json', 'Untitled.json'],
    ['already.faultline', 'faultline', 'already.faultline'],
  ])('%j → %j', (title, extension, expected) => {
    expect(suggestedFileName(title, extension)).toBe(expected);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { DocumentFiles } from '../../../main/files/documentFiles';
import type { FileDialogs } from '../../../main/files/fileDialogs';
import { nodeFileSystem, type FileSystem } from '../../../main/files/fileSystem';
import { RecentFiles } from '../../../main/files/recentFiles';

export const silentLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

/** A temporary folder per test, removed afterwards. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-files-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Dialogs that answer with whatever path the test queued (null = the user cancelled). */
export function scriptedDialogs() {
  const answers: (string | null)[] = [];
  const dialogs: FileDialogs & { answers: (string | null)[]; saveOptions: { defaultPath: string }[] } = {
    answers,
    saveOptions: [],
    chooseFileToOpen: vi.fn(async () => answers.shift() ?? null),
    chooseSaveLocation: vi.fn(async (_owner, options) => {
      dialogs.saveOptions.push(options);
      return answers.shift() ?? null;
    }),
  };
  return dialogs;
}

export async function makeService(dir: string, fs: FileSystem = nodeFileSystem) {
  const log = silentLog();
  const recent = new RecentFiles({ fs, userDataDir: join(dir, 'userData'), log });
  await recent.load();
  const dialogs = scriptedDialogs();
  const files = new DocumentFiles({ fs, dialogs, recent, defaultDir: join(dir, 'docs'), log });
  return { files, dialogs, recent, log };
}

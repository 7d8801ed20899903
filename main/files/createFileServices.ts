import type { Logger } from '../log';
import { DocumentFiles } from './documentFiles';
import type { FileDialogs } from './fileDialogs';
import { nodeFileSystem, type FileSystem } from './fileSystem';
import { PendingOpens } from './pendingOpens';
import { RecentFiles } from './recentFiles';
import { newSessionId, RecoveryStore } from './recoveryStore';

/** The desktop's file services, built from where things live; plain Node, so tests build them too. */
export async function createFileServices(options: {
  userDataDir: string;
  documentsDir: string;
  dialogs: FileDialogs;
  log: Logger;
  fs?: FileSystem;
  clock?: () => number;
}) {
  const fs = options.fs ?? nodeFileSystem;
  const recent = new RecentFiles({ fs, userDataDir: options.userDataDir, log: options.log });
  await recent.load();
  return {
    recent,
    files: new DocumentFiles({ fs, dialogs: options.dialogs, recent, defaultDir: options.documentsDir, log: options.log }),
    recovery: new RecoveryStore({ fs, userDataDir: options.userDataDir, sessionId: newSessionId(), clock: options.clock ?? Date.now, log: options.log }),
    pending: new PendingOpens(),
  };
}

export type FileServices = Awaited<ReturnType<typeof createFileServices>>;

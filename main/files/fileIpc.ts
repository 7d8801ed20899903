import type { IpcMainInvokeEvent } from 'electron';
import type { DocumentState } from '../../shared/ipc/files';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { Logger } from '../log';
import { handleInvoke, type InvokeRegistrar } from '../ipc/handleInvoke';
import type { SenderGate } from '../ipc/senderGate';
import type { DocumentFiles } from './documentFiles';
import type { PendingOpens } from './pendingOpens';
import type { RecoveryStore } from './recoveryStore';
import { recoveredWorkProblem } from '../../shared/model/recoveredWork';

/** What the file channels need from main; all injected, so tests run them in plain Node. */
export interface FileIpcDeps {
  files: DocumentFiles;
  recovery: RecoveryStore;
  pending: PendingOpens;
  /** The window-side effects of the page's document state (title, edited marker, close guard). */
  windows: {
    setDocumentState(owner: number, state: DocumentState): void;
    closeNow(owner: number): void;
  };
}

const ownerOf = (event: IpcMainInvokeEvent): number => event.sender.id;

/**
 * The file, recovery and window-state channels. Every one goes through handleInvoke (sender
 * check, zod payload check, errors logged and never thrown into main); the owner of every token
 * is the asking webContents, so one window cannot use another's files.
 */
export function registerFileHandlers(ipc: InvokeRegistrar, deps: FileIpcDeps, guard: { checkSender: SenderGate; log: Logger }): void {
  const { files, recovery, pending, windows } = deps;
  handleInvoke(ipc, IPC_CHANNELS.fileOpen, (_args, event) => files.openWithDialog(ownerOf(event)), guard);
  handleInvoke(ipc, IPC_CHANNELS.fileSave, ([request], event) => files.save(ownerOf(event), request), guard);
  handleInvoke(ipc, IPC_CHANNELS.fileSaveAs, ([request], event) => files.saveAs(ownerOf(event), request), guard);
  handleInvoke(ipc, IPC_CHANNELS.fileRevert, ([token], event) => files.revert(ownerOf(event), token), guard);
  handleInvoke(ipc, IPC_CHANNELS.fileExport, ([request], event) => files.exportFile(ownerOf(event), request), guard);
  handleInvoke(ipc, IPC_CHANNELS.fileTakePending, (_args, event) => pending.take(ownerOf(event)), guard);

  handleInvoke(
    ipc,
    IPC_CHANNELS.recoveryStore,
    async ([request], event) => {
      const owner = ownerOf(event);
      const file = request.fileToken === null ? undefined : files.fileOf(owner, request.fileToken);
      await recovery.store(owner, { text: request.text, title: request.title, filePath: file?.path ?? null, ...(file ? { fileFingerprint: file.fingerprint } : {}) });
      return null;
    },
    guard,
  );
  handleInvoke(
    ipc,
    IPC_CHANNELS.recoveryClear,
    async (_args, event) => {
      await recovery.clear(ownerOf(event));
      return null;
    },
    guard,
  );
  handleInvoke(ipc, IPC_CHANNELS.recoveryList, () => recovery.list(), guard);
  handleInvoke(
    ipc,
    IPC_CHANNELS.recoveryRestore,
    async ([id], event) => {
      const owner = ownerOf(event);
      const restored = await recovery.restore(owner, id, recoveredWorkProblem);
      if (!restored.ok) return { status: 'failed' as const, message: restored.message };
      const file = restored.filePath === null ? null : await files.adopt(owner, restored.filePath, restored.fileFingerprint);
      return { status: 'restored' as const, text: restored.text, file };
    },
    guard,
  );
  handleInvoke(
    ipc,
    IPC_CHANNELS.recoveryDiscard,
    async ([id]) => {
      await recovery.discard(id);
      return null;
    },
    guard,
  );
  handleInvoke(
    ipc,
    IPC_CHANNELS.windowSetDocumentState,
    ([state], event) => {
      windows.setDocumentState(ownerOf(event), state);
      return null;
    },
    guard,
  );
  handleInvoke(
    ipc,
    IPC_CHANNELS.windowCloseNow,
    (_args, event) => {
      windows.closeNow(ownerOf(event));
      return null;
    },
    guard,
  );
}

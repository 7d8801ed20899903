import type { FaultlineBridge } from '../../shared/ipc/bridge';
import type { FileRef, OpenResult, SaveResult } from '../../shared/ipc/files';
import type { HostFile, HostFiles, HostOpenResult, HostSaveResult } from './hostFiles';

const toHostFile = (file: FileRef): HostFile => ({ key: file.token, name: file.name, location: file.location, writable: true });

function toOpen(result: OpenResult): HostOpenResult {
  return result.status === 'opened' ? { status: 'opened', file: toHostFile(result.file), text: result.text } : result;
}

function toSave(result: SaveResult): HostSaveResult {
  return result.status === 'saved' ? { status: 'saved', file: toHostFile(result.file), warning: result.warning } : result;
}

/** The desktop's files: every call goes through the preload bridge to main's file service. */
export function createElectronFiles(bridge: FaultlineBridge): HostFiles {
  return {
    open: async () => toOpen(await bridge.openFile()),
    save: async (file, text, { overwriteChanged }) => toSave(await bridge.saveFile({ token: file.key, text, overwriteChanged })),
    saveAs: async (text, suggestedName) => toSave(await bridge.saveFileAs({ text, suggestedName })),
    revert: async (file) => toOpen(await bridge.revertFile(file.key)),
    canRevert: () => true,
    describeRevert: (file) => `Reads “${file.name}” again from disk, dropping your changes since`,
    exportFile: (request) => bridge.exportFile(request),
    takePendingOpens: async () => (await bridge.takePendingOpens()).map(toOpen),
    onExternalOpen: (listener) => bridge.onFileOpened((result) => listener(toOpen(result))),
    storeRecovery: async (text, title, file) => {
      await bridge.storeRecovery({ text, title, fileToken: file?.key ?? null });
    },
    clearRecovery: async () => {
      await bridge.clearRecovery();
    },
    listRecovery: () => bridge.listRecovery(),
    restoreRecovery: async (id) => {
      const result = await bridge.restoreRecovery(id);
      return result.status === 'restored' ? { status: 'restored', text: result.text, file: result.file && toHostFile(result.file) } : result;
    },
    discardRecovery: async (id) => {
      await bridge.discardRecovery(id);
    },
    setDocumentState: (state) => {
      bridge.setDocumentState(state).catch((error: unknown) => console.warn('Faultline: could not tell the window about the document', error));
    },
    onSaveBeforeClose: (listener) => bridge.onSaveBeforeClose(listener),
    closeNow: async () => {
      await bridge.closeWindowNow();
    },
  };
}

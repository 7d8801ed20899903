import type { FaultlineBridge } from '../../shared/ipc/bridge';
import { IPC_CHANNELS, type EventChannel, type EventContract, type InvokeArgs, type InvokeChannel, type InvokeResult } from '../../shared/ipc/channels';
import type { MenuCommand } from '../../shared/ipc/menuCommands';
import { ENGINE_CHANNELS } from '../../shared/ipc/engineChannels';
import { eventPayloadValidators, invokeResultValidators } from '../../shared/ipc/validators';

/** The part of ipcRenderer the bridge uses (so tests pass a fake, and nothing more leaks in). */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  send(channel: string, ...args: unknown[]): void;
}

type Warn = (message: string) => void;

async function invokeChecked<C extends InvokeChannel>(ipc: IpcRendererPort, channel: C, ...args: InvokeArgs<C>): Promise<InvokeResult<C>> {
  const answer = await ipc.invoke(channel, ...args);
  const checked = invokeResultValidators[channel](answer);
  if (!checked.ok) throw new Error(`Faultline: the main process answered ${channel} with malformed data (${checked.error})`);
  return checked.value as InvokeResult<C>;
}

/**
 * Builds `window.faultline`. The page gets plain functions: no ipcRenderer, no channel names, no
 * Electron event objects (an IpcRendererEvent carries `sender`, which is ipcRenderer itself).
 * Everything main sends is validated here before page code sees it.
 */
export function createFaultlineBridge(ipc: IpcRendererPort, warn: Warn = (message) => console.warn(message)): FaultlineBridge {
  return {
    getAppInfo: () => invokeChecked(ipc, IPC_CHANNELS.getAppInfo),
    setMenuChecks: (checks) => invokeChecked(ipc, IPC_CHANNELS.menuSetChecks, checks),
    writeClipboardText: (text) => invokeChecked(ipc, IPC_CHANNELS.clipboardWriteText, text),

    openFile: () => invokeChecked(ipc, IPC_CHANNELS.fileOpen),
    saveFile: (request) => invokeChecked(ipc, IPC_CHANNELS.fileSave, request),
    saveFileAs: (request) => invokeChecked(ipc, IPC_CHANNELS.fileSaveAs, request),
    revertFile: (token) => invokeChecked(ipc, IPC_CHANNELS.fileRevert, token),
    exportFile: (request) => invokeChecked(ipc, IPC_CHANNELS.fileExport, request),
    takePendingOpens: () => invokeChecked(ipc, IPC_CHANNELS.fileTakePending),
    onFileOpened: (listener) => subscribe(ipc, IPC_CHANNELS.fileOpened, listener, warn),
    storeRecovery: (request) => invokeChecked(ipc, IPC_CHANNELS.recoveryStore, request),
    clearRecovery: () => invokeChecked(ipc, IPC_CHANNELS.recoveryClear),
    listRecovery: () => invokeChecked(ipc, IPC_CHANNELS.recoveryList),
    restoreRecovery: (id) => invokeChecked(ipc, IPC_CHANNELS.recoveryRestore, id),
    discardRecovery: (id) => invokeChecked(ipc, IPC_CHANNELS.recoveryDiscard, id),
    setDocumentState: (state) => invokeChecked(ipc, IPC_CHANNELS.windowSetDocumentState, state),
    closeWindowNow: () => invokeChecked(ipc, IPC_CHANNELS.windowCloseNow),
    onSaveBeforeClose: (listener) => {
      // Checked here: the wrapper that drops the (empty) payload would hide a non-function.
      requireFunction(listener, IPC_CHANNELS.windowSaveBeforeClose);
      return subscribe(ipc, IPC_CHANNELS.windowSaveBeforeClose, () => listener(), warn);
    },
    connectEngine: () => ipc.send(ENGINE_CHANNELS.connect),

    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(ipc, IPC_CHANNELS.menuCommand, listener, warn),
  };
}

function requireFunction(listener: unknown, channel: string): void {
  if (typeof listener !== 'function') throw new TypeError(`${channel} needs a listener function`);
}

/** Relays one event channel to a page listener, validated, without the Electron event object. */
function subscribe<C extends EventChannel>(ipc: IpcRendererPort, channel: C, listener: (payload: EventContract[C]) => void, warn: Warn): () => void {
  requireFunction(listener, channel);
  const relay = (_event: unknown, payload: unknown) => {
    const checked = eventPayloadValidators[channel](payload);
    if (checked.ok) listener(checked.value as EventContract[C]);
    else warn(`Faultline: ignored a malformed ${channel} event (${checked.error})`);
  };
  ipc.on(channel, relay);
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    ipc.removeListener(channel, relay);
  };
}

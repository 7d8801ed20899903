import type { AppInfo } from '../../shared/ipc/appInfo';
import type { MenuChecks } from '../../shared/ipc/menuCommands';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { registerFileHandlers, type FileIpcDeps } from '../files/fileIpc';
import type { Logger } from '../log';
import { handleInvoke, type InvokeRegistrar } from './handleInvoke';
import type { SenderGate } from './senderGate';

/** Every invoke channel main answers. Each goes through handleInvoke's sender and payload checks. */
export function registerIpcHandlers(
  ipc: InvokeRegistrar,
  deps: { appInfo: () => AppInfo; checkSender: SenderGate; log: Logger; files?: FileIpcDeps; setMenuChecks?: (checks: MenuChecks) => void; writeClipboardText?: (text: string) => void },
): void {
  const guard = { checkSender: deps.checkSender, log: deps.log };
  handleInvoke(ipc, IPC_CHANNELS.getAppInfo, () => deps.appInfo(), guard);
  handleInvoke(
    ipc,
    IPC_CHANNELS.menuSetChecks,
    ([checks]) => {
      deps.setMenuChecks?.(checks);
      return null;
    },
    guard,
  );
  handleInvoke(
    ipc,
    IPC_CHANNELS.clipboardWriteText,
    ([text]) => {
      deps.writeClipboardText?.(text);
      return null;
    },
    guard,
  );
  if (deps.files) registerFileHandlers(ipc, deps.files, guard);
}

import type { IpcMainInvokeEvent } from 'electron';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../shared/ipc/channels';
import { invokeArgsValidators } from '../../shared/ipc/validators';
import type { Logger } from '../log';
import type { SenderGate } from './senderGate';

/** The part of ipcMain this needs (so tests pass a fake). */
export interface InvokeRegistrar {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export type InvokeHandler<C extends InvokeChannel> = (
  args: InvokeArgs<C>,
  event: IpcMainInvokeEvent,
) => InvokeResult<C> | Promise<InvokeResult<C>>;

/** Why a call was refused; the message reaches the renderer's rejected promise. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/**
 * Registers an invoke handler behind the two checks every handler needs: the sender (see
 * validateSender) and the arguments (shared/ipc/validators). A refusal or a failure rejects the
 * renderer's promise with a short message and is logged here; nothing escapes into main. The
 * handler's own errors are not echoed to the page (they may carry paths), only logged.
 */
export function handleInvoke<C extends InvokeChannel>(
  ipc: InvokeRegistrar,
  channel: C,
  handler: InvokeHandler<C>,
  guard: { checkSender: SenderGate; log: Logger },
): void {
  const validateArgs = invokeArgsValidators[channel] as (args: readonly unknown[]) => ReturnType<(typeof invokeArgsValidators)[C]>;
  ipc.handle(channel, async (event, ...args) => {
    const sender = guard.checkSender(event);
    if (!sender.trusted) {
      guard.log.warn(`refused ${channel}: ${sender.reason}`);
      throw new IpcRefusedError(`${channel} refused: ${sender.reason}`);
    }
    const parsed = validateArgs(args);
    if (!parsed.ok) {
      guard.log.warn(`refused ${channel}: invalid arguments: ${parsed.error}`);
      throw new IpcRefusedError(`${channel} refused: invalid arguments: ${parsed.error}`);
    }
    try {
      return await handler(parsed.value as InvokeArgs<C>, event);
    } catch (error) {
      guard.log.error(`${channel} failed`, error);
      throw new Error(`${channel} failed inside Faultline (details are in the app log)`);
    }
  });
}

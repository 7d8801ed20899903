import type { IpcMainInvokeEvent } from 'electron';
import { validateSender, type SenderVerdict } from './validateSender';

export type SenderGate = (event: IpcMainInvokeEvent) => SenderVerdict;

/**
 * Reads the facts validateSender needs off a live IPC event. Reading a frame that has been
 * disposed throws in Electron, so any failure here is a refusal, not a crash.
 */
export function createSenderGate(options: {
  allowedOrigins: readonly string[];
  isAppWebContents: (contents: IpcMainInvokeEvent['sender']) => boolean;
}): SenderGate {
  return (event) => {
    try {
      const frame = event.senderFrame;
      const facts = frame
        ? { url: frame.url, isMainFrame: frame.parent === null, isAppWindow: options.isAppWebContents(event.sender) }
        : null;
      return validateSender(facts, options.allowedOrigins);
    } catch {
      return { trusted: false, reason: 'the sending frame could not be inspected (disposed?)' };
    }
  };
}

import { originOf } from '../security/origin';

/** What main knows about the frame behind an IPC message. */
export interface SenderFrameFacts {
  /** The frame's current URL. */
  url: string;
  /** True for a top-level document, false for an iframe. */
  isMainFrame: boolean;
  /** The frame lives in a window Faultline created (see webContentsRegistry). */
  isAppWindow: boolean;
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * Whether an IPC message may be answered: it must come from the top frame of one of our windows,
 * showing a page from the app's own origin. A missing frame (navigated away or destroyed while
 * the message was in flight) is refused: we cannot say who sent it.
 */
export function validateSender(frame: SenderFrameFacts | null | undefined, allowedOrigins: readonly string[]): SenderVerdict {
  if (!frame) return { trusted: false, reason: 'the sending frame no longer exists' };
  if (!frame.isAppWindow) return { trusted: false, reason: 'the sender is not a Faultline window' };
  if (!frame.isMainFrame) return { trusted: false, reason: 'the sender is a subframe' };
  const origin = originOf(frame.url);
  if (origin === null || !allowedOrigins.some((allowed) => allowed.toLowerCase() === origin)) {
    return { trusted: false, reason: `the sender's origin ${origin ?? `of ${frame.url}`} is not the app's` };
  }
  return { trusted: true };
}

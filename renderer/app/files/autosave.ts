import { saveDocument } from '../../../shared/model/save';
import type { FaultlineDocument } from '../../../shared/model/types';
import type { HostFiles } from '../../host/hostFiles';
import type { DocumentSession } from './documentSession';

/** How long after the last change unsaved work is written to recovery storage. */
export const AUTOSAVE_DELAY_MS = 3000;

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Keeps a copy of unsaved work where a crash cannot take it (main's user-data folder, or
 * localStorage in the web edition): a few seconds after the document changes while dirty, and
 * removed once it is clean (saved, reverted, replaced). Failures are reported once, never thrown.
 */
/** The page events autosave listens to (injected in tests). */
interface PageEvents {
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export function startAutosave(
  session: DocumentSession,
  files: HostFiles,
  options: { delayMs?: number; timers?: Timers; onProblem?: (message: string | null) => void; page?: PageEvents | null } = {},
): () => void {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const timers: Timers = options.timers ?? { setTimeout: (callback, ms) => window.setTimeout(callback, ms), clearTimeout: (handle) => window.clearTimeout(handle as number) };
  let pending: unknown = null;
  let stored: FaultlineDocument | null = null;
  let hasRecovery = false;
  let reported = false;

  const flush = () => {
    pending = null;
    const document = session.store.getDocument();
    if (!session.isDirty() || document === stored) return;
    stored = document;
    hasRecovery = true;
    files.storeRecovery(saveDocument(document), session.displayName(), session.getFile()).then(
      () => {
        if (reported) options.onProblem?.(null);
        reported = false;
      },
      (error: unknown) => {
        stored = null; // try again after the next change
        if (!reported) options.onProblem?.(error instanceof Error ? error.message : String(error));
        reported = true;
      },
    );
  };

  const onChange = () => {
    if (!session.isDirty()) {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
      stored = null;
      if (hasRecovery) files.clearRecovery().catch(() => {});
      hasRecovery = false;
      return;
    }
    if (pending === null) pending = timers.setTimeout(flush, delayMs);
  };

  // Leaving the page (closing the tab, or it going to the background where it may be frozen or
  // killed) writes what is waiting at once: the last few seconds of edits must not be lost.
  const flushNow = () => {
    if (pending === null) return;
    timers.clearTimeout(pending);
    flush();
  };
  const page = options.page !== undefined ? options.page : typeof window === 'undefined' ? null : { window, document };
  const onVisibility = () => {
    if (page?.document.visibilityState === 'hidden') flushNow();
  };
  page?.window.addEventListener('pagehide', flushNow);
  page?.document.addEventListener('visibilitychange', onVisibility);

  const unsubscribe = session.subscribe(onChange);
  onChange();
  return () => {
    unsubscribe();
    if (pending !== null) timers.clearTimeout(pending);
    page?.window.removeEventListener('pagehide', flushNow);
    page?.document.removeEventListener('visibilitychange', onVisibility);
  };
}

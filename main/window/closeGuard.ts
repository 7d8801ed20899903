/** The choices of the "unsaved changes" box, in button order. */
export const CLOSE_CHOICES = ['Save', 'Don’t Save', 'Cancel'] as const;
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The part of a BrowserWindow the guard uses. */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  once(event: 'closed', listener: () => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

export interface CloseGuardDeps {
  /** The page's latest word on its document (window:setDocumentState). */
  documentState(): { title: string; dirty: boolean };
  /** Shows the native box; resolves to the choice. */
  ask(title: string): Promise<CloseChoice>;
  /** Tells the page to save; the page calls window:closeNow when it has. */
  requestSave(): void;
  /** The user chose to throw the changes away: their autosaved copy goes too. */
  discardRecovery(): Promise<void>;
  /**
   * The app's quit, which a held-up close cancels (Electron stops quitting when a window's close
   * is prevented). `takeRequest` says whether a quit is under way, and forgets it; `resume` quits
   * again once the question is answered and the window closed.
   */
  quit?: { takeRequest(): boolean; resume(): void };
}

/**
 * Confirms closing a window with unsaved changes (DESIGN §7): Save (the page saves, then closes
 * the window itself), Don't Save (close, dropping the autosaved copy), Cancel (stay). The box is
 * main's own, so it works even if the page is stuck. Returns `allowClose`, for window:closeNow.
 */
export function guardClose(window: GuardedWindow, deps: CloseGuardDeps): { allowClose(): void } {
  let allowed = false;
  let asking = false;
  // Quit (Cmd+Q, File → Quit) is what asked this window to close: quit again once it has closed,
  // or macOS, which keeps running with no window, would stay open after Don't Save or Save.
  let quitAfterClose = false;
  const closeNow = () => {
    allowed = true;
    if (window.isDestroyed()) return;
    if (quitAfterClose) {
      quitAfterClose = false;
      // close() only starts closing; the window is gone at 'closed'.
      window.once('closed', () => deps.quit?.resume());
    }
    window.close();
  };
  window.on('close', (event) => {
    if (allowed || !deps.documentState().dirty) return;
    event.preventDefault();
    // Each question is for the close that raised it (or a quit that came while it was up).
    const quitAsked = deps.quit?.takeRequest() === true;
    if (asking) {
      if (quitAsked) quitAfterClose = true;
      return;
    }
    quitAfterClose = quitAsked;
    asking = true;
    deps
      .ask(deps.documentState().title)
      .then(async (choice) => {
        if (choice === 'cancel') quitAfterClose = false;
        if (choice === 'save') deps.requestSave();
        if (choice === 'discard') {
          await deps.discardRecovery().catch(() => {});
          closeNow();
        }
      })
      .finally(() => {
        asking = false;
      });
  });
  return { allowClose: closeNow };
}

/** The choices of the "unsaved changes" box, in button order. */
export const CLOSE_CHOICES = ['Save', 'Don’t Save', 'Cancel'] as const;
export type CloseChoice = 'save' | 'discard' | 'cancel';

/** The part of a BrowserWindow the guard uses. */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
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
}

/**
 * Confirms closing a window with unsaved changes (DESIGN §7): Save (the page saves, then closes
 * the window itself), Don't Save (close, dropping the autosaved copy), Cancel (stay). The box is
 * main's own, so it works even if the page is stuck. Returns `allowClose`, for window:closeNow.
 */
export function guardClose(window: GuardedWindow, deps: CloseGuardDeps): { allowClose(): void } {
  let allowed = false;
  let asking = false;
  const closeNow = () => {
    allowed = true;
    if (!window.isDestroyed()) window.close();
  };
  window.on('close', (event) => {
    if (allowed || !deps.documentState().dirty) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    deps
      .ask(deps.documentState().title)
      .then(async (choice) => {
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

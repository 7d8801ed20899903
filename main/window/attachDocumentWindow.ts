import { dialog, screen, type BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { sendEvent } from '../ipc/sendEvent';
import { guardClose, type CloseChoice } from './closeGuard';
import type { DocumentWindows } from './documentWindows';
import { restoreBounds, type WindowStateFile } from './windowBounds';
import { PageCrashes } from './pageCrashes';

const CHOICES: CloseChoice[] = ['save', 'discard', 'cancel'];

/** Applies remembered bounds to a new window (before it is shown). */
export async function restoreWindowBounds(window: BrowserWindow, stateFile: WindowStateFile): Promise<void> {
  const [minWidth, minHeight] = window.getMinimumSize();
  const restored = restoreBounds(await stateFile.load(), screen.getAllDisplays().map((display) => display.workArea), { width: minWidth, height: minHeight });
  if (!restored || window.isDestroyed()) return;
  window.setBounds(restored.bounds);
  if (restored.maximized) window.maximize();
}

/**
 * The Electron side of a document window: close confirmation (native box), macOS's edited
 * marker, and remembering its bounds. The decisions live in closeGuard.ts and windowBounds.ts.
 */
export function attachDocumentWindow(
  window: BrowserWindow,
  deps: {
    documents: DocumentWindows;
    stateFile: WindowStateFile;
    clearRecovery: (owner: number) => Promise<void>;
    /** The page crashed: set its autosaved work aside to be offered again, and forget what it was waiting for. */
    onPageCrashed: (owner: number) => Promise<void>;
    onClosed: (owner: number) => void;
    /** The app's quit, held up by this window's unsaved-changes question (see guardClose). */
    quit?: { takeRequest(): boolean; resume(): void };
  },
): void {
  const owner = window.webContents.id;
  const guard = guardClose(window, {
    documentState: () => deps.documents.state(owner),
    ask: async (title) => {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        message: `Save changes to “${title}” before closing?`,
        detail: 'Your changes will be lost if you don’t save them.',
        buttons: ['Save', 'Don’t Save', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      return CHOICES[response] ?? 'cancel';
    },
    requestSave: () => sendEvent(window.webContents, IPC_CHANNELS.windowSaveBeforeClose, 'close'),
    discardRecovery: () => deps.clearRecovery(owner),
    quit: deps.quit,
  });
  deps.documents.setCloser(owner, guard.allowClose);

  // A crashed page cannot save, so closing must not wait for it, and its last autosave is offered
  // to the page that replaces it (reloaded at once: the document, not the page, is the user's work).
  const crashes = new PageCrashes();
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    deps.documents.set(owner, { ...deps.documents.state(owner), dirty: false });
    const reload = crashes.shouldReload(Date.now());
    void deps.onPageCrashed(owner).then(() => {
      if (window.isDestroyed()) return;
      if (reload) {
        window.webContents.reload();
        return;
      }
      // A page that dies again and again (on load, out of memory) is not reloaded for ever: say so.
      void dialog.showMessageBox(window, {
        type: 'error',
        message: 'This window keeps crashing.',
        detail: 'Its work was set aside and will be offered when Faultline starts again. Close the window, or reopen it from the File menu.',
        buttons: ['OK'],
        noLink: true,
      });
    });
  });

  // Remember where the window was (its normal bounds, and whether it was maximized): when it
  // closes, and a moment after it moves or resizes, so a crash does not forget it either.
  const rememberBounds = () => {
    if (!window.isDestroyed()) void deps.stateFile.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  let boundsTimer: ReturnType<typeof setTimeout> | undefined;
  const rememberSoon = () => {
    clearTimeout(boundsTimer);
    boundsTimer = setTimeout(rememberBounds, 1000);
  };
  window.on('resized', rememberSoon);
  window.on('moved', rememberSoon);
  window.on('maximize', rememberSoon);
  window.on('unmaximize', rememberSoon);
  window.on('close', () => {
    clearTimeout(boundsTimer);
    rememberBounds();
  });
  window.on('closed', () => {
    deps.documents.forget(owner);
    deps.onClosed(owner);
  });
}

/** macOS shows unsaved changes as a dot in the close button; the title's "•" comes from the page. */
export function showEditedMarker(window: BrowserWindow | null, dirty: boolean): void {
  if (process.platform === 'darwin' && window && !window.isDestroyed()) window.setDocumentEdited(dirty);
}

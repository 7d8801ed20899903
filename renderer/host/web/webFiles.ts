import { MAX_FILE_BYTES } from '../../../shared/model/limits';
import { decodeUtf8 } from '../../../shared/model/jsonText';
import type { ExportRequest, ExportResult, HostFile, HostFiles, HostOpenResult, HostRecentFiles, HostSaveResult } from '../hostFiles';
import { EXPORT_TYPES, FAULTLINE_TYPE, isAbort, type FileHandle, type PickerWindow } from './fileSystemAccess';
import { indexedDbRecentPersistence, RecentFilesStore, type RecentPersistence } from './recentFiles';
import { HEARTBEAT_MS, liveTabsFromLocks, tabLockName, WebRecovery, type KeyValueStorage } from './webRecovery';
import { recoveredWorkProblem } from '../../../shared/model/recoveredWork';

const MIME: Record<ExportRequest['kind'], string> = { png: 'image/png', json: 'application/json', csv: 'text/csv' };

/** Reads a picked or dropped file as text, refusing what the loader would refuse anyway. */
export async function readFileText(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, message: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; Faultline opens files up to ${MAX_FILE_BYTES / 1024 / 1024} MB.` };
  const text = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
  return text === null ? { ok: false, message: `“${file.name}” is not UTF-8 text, so it is not a Faultline file.` } : { ok: true, text };
}

/** Offers bytes or text as a download (the fallback where there is no save picker). */
export function download(name: string, data: string | Uint8Array, mimeType: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `<input type=file>`: the picker every browser has. Resolves null when the user cancels. */
function pickWithInput(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.faultline,application/json';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

/**
 * The web edition's files. With the File System Access API (Chromium) Open keeps the file's handle
 * and Save writes back to it, after checking that nothing else changed it since (lastModified);
 * without it, Open reads a picked file and Save downloads a copy.
 */
export function createWebFiles(options: {
  window: Window & PickerWindow;
  storage: KeyValueStorage | null;
  clock?: () => number;
  /** Where Open Recent is kept; by default IndexedDB, null for no Open Recent. */
  recentPersistence?: RecentPersistence | null;
}): HostFiles {
  const { window: win } = options;
  const clock = options.clock ?? (() => Date.now());
  const handles = new Map<string, { handle: FileHandle; lastModified: number }>();
  /**
   * Files with no handle (opened through the plain file chooser, saved as a download): the text
   * read at open or written at save, which Revert to Saved goes back to. Only the newest is kept:
   * the current file is always the one opened or saved last.
   */
  const savedTexts = new Map<string, { text: string; how: 'opened' | 'downloaded' }>();
  const keepText = (key: string, text: string, how: 'opened' | 'downloaded') => {
    savedTexts.clear();
    savedTexts.set(key, { text, how });
  };
  let nextKey = 1;
  const recovery = options.storage ? new WebRecovery(options.storage, clock) : null;
  let dirty = false;

  const locks = (win.navigator as Navigator | undefined)?.locks;
  if (recovery) {
    recovery.beat();
    win.setInterval(() => recovery.beat(), HEARTBEAT_MS);
    win.addEventListener('pagehide', () => recovery.leave());
    // Held for the page's lifetime: other tabs see this one as open even while the browser has
    // put its timers (and so its heartbeat) to sleep in the background.
    void locks?.request(tabLockName(recovery.tabId), () => new Promise<void>(() => {})).catch(() => {});
  }
  /** Tabs open now by their locks; null where the browser has no Web Locks (the heartbeat decides). */
  const liveTabs = async (): Promise<Set<string> | null> => {
    if (!locks) return null;
    try {
      return liveTabsFromLocks((await locks.query()).held ?? []);
    } catch {
      return null;
    }
  };
  // The browser's own "Leave site?" prompt is the only close confirmation a page may ask for.
  win.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });

  const recentPersistence = options.recentPersistence === undefined ? browserRecentPersistence(win) : options.recentPersistence;
  const recentStore = recentPersistence ? new RecentFilesStore(recentPersistence) : null;
  /** Files opened or saved through a handle go first in Open Recent (a failure to list one costs nothing else). */
  const addRecent = async (handle: FileHandle) => {
    await recentStore?.add(handle).catch((error: unknown) => console.warn('Faultline: could not add to Open Recent', error));
  };

  const remember = (handle: FileHandle, lastModified: number): HostFile => {
    const key = `fsa-${nextKey++}`;
    handles.set(key, { handle, lastModified });
    return { key, name: handle.name, location: null, writable: true };
  };

  async function readHandle(handle: FileHandle): Promise<{ ok: true; text: string; lastModified: number } | { ok: false; message: string }> {
    const file = await handle.getFile();
    const read = await readFileText(file);
    return read.ok ? { ...read, lastModified: file.lastModified } : read;
  }

  async function writeHandle(handle: FileHandle, data: string | Uint8Array): Promise<number> {
    const writable = await handle.createWritable();
    await writable.write(typeof data === 'string' ? data : new Uint8Array(data));
    await writable.close();
    return (await handle.getFile()).lastModified;
  }

  const failure = (action: string, error: unknown) => ({ status: 'failed' as const, message: `Could not ${action}: ${error instanceof Error ? error.message : String(error)}` });

  const recent: HostRecentFiles | undefined = recentStore
    ? {
        isAvailable: () => recentStore.isAvailable(),
        entries: () => recentStore.entries(),
        subscribe: (listener) => recentStore.subscribe(listener),
        refresh: () => recentStore.refresh(),
        clear: () => recentStore.clear(),
        async open(id): Promise<HostOpenResult> {
          // The name the menu showed, for the report's title when the file is gone or refused.
          const name = recentStore.entries().find((entry) => entry.id === id)?.name;
          try {
            const access = await recentStore.access(id);
            if (!access.ok) return { status: 'failed', message: access.message, ...(name === undefined ? {} : { name }) };
            const { handle } = access.record;
            const read = await readHandle(handle);
            if (!read.ok) return { status: 'failed', message: read.message, name: handle.name };
            await addRecent(handle);
            return { status: 'opened', file: remember(handle, read.lastModified), text: read.text };
          } catch (error) {
            return failure('open the file', error);
          }
        },
      }
    : undefined;

  const files: HostFiles = {
    recent,
    async open(): Promise<HostOpenResult> {
      try {
        if (win.showOpenFilePicker) {
          const [handle] = await win.showOpenFilePicker({ types: [FAULTLINE_TYPE], multiple: false });
          const read = await readHandle(handle);
          if (!read.ok) return { status: 'failed', message: read.message, name: handle.name };
          await addRecent(handle);
          return { status: 'opened', file: remember(handle, read.lastModified), text: read.text };
        }
        const picked = await pickWithInput();
        if (!picked) return { status: 'canceled' };
        const read = await readFileText(picked);
        if (!read.ok) return { status: 'failed', message: read.message, name: picked.name };
        const file: HostFile = { key: `upload-${nextKey++}`, name: picked.name, location: null, writable: false };
        keepText(file.key, read.text, 'opened');
        return { status: 'opened', file, text: read.text };
      } catch (error) {
        return isAbort(error) ? { status: 'canceled' } : failure('open the file', error);
      }
    },

    async save(file, text, { overwriteChanged }): Promise<HostSaveResult> {
      const known = handles.get(file.key);
      if (!known) return files.saveAs(text, file.name);
      try {
        if (!overwriteChanged) {
          const current = await known.handle.getFile().catch(() => null);
          if (!current || current.lastModified !== known.lastModified) {
            return { status: 'conflict', message: `“${file.name}” was changed or removed by another program since you opened it. Saving would replace those changes.` };
          }
        }
        known.lastModified = await writeHandle(known.handle, text);
        await addRecent(known.handle);
        return { status: 'saved', file, warning: null };
      } catch (error) {
        return isAbort(error) ? { status: 'canceled' } : failure(`save “${file.name}”`, error);
      }
    },

    async saveAs(text, suggestedName): Promise<HostSaveResult> {
      try {
        if (win.showSaveFilePicker) {
          const handle = await win.showSaveFilePicker({ suggestedName, types: [FAULTLINE_TYPE] });
          const lastModified = await writeHandle(handle, text);
          await addRecent(handle);
          return { status: 'saved', file: remember(handle, lastModified), warning: null };
        }
        download(suggestedName, text, 'application/json');
        const file: HostFile = { key: `download-${nextKey++}`, name: suggestedName, location: null, writable: false };
        keepText(file.key, text, 'downloaded');
        return { status: 'saved', file, warning: null, downloaded: true };
      } catch (error) {
        return isAbort(error) ? { status: 'canceled' } : failure('save the file', error);
      }
    },

    async revert(file): Promise<HostOpenResult> {
      const known = handles.get(file.key);
      if (!known) {
        // No handle to read the file again: back to the text read at open or written at save.
        const kept = savedTexts.get(file.key);
        return kept ? { status: 'opened', file, text: kept.text } : { status: 'failed', message: `The browser gave Faultline no way to read “${file.name}” again; open it instead.` };
      }
      try {
        const read = await readHandle(known.handle);
        if (!read.ok) return { status: 'failed', message: read.message };
        known.lastModified = read.lastModified;
        return { status: 'opened', file, text: read.text };
      } catch (error) {
        return failure(`read “${file.name}” again`, error);
      }
    },

    canRevert: (file) => handles.has(file.key) || savedTexts.has(file.key),

    describeRevert(file) {
      if (handles.has(file.key)) return `Reads “${file.name}” again from disk, dropping your changes since`;
      const kept = savedTexts.get(file.key);
      if (kept?.how === 'opened') return `Goes back to “${file.name}” as it was when you opened it (the browser cannot read the file again)`;
      if (kept?.how === 'downloaded') return `Goes back to “${file.name}” as you last saved (downloaded) it`;
      return `The browser gave Faultline no way to read “${file.name}” again`;
    },

    async exportFile(request): Promise<ExportResult> {
      try {
        if (win.showSaveFilePicker) {
          let handle: FileHandle;
          try {
            handle = await win.showSaveFilePicker({ suggestedName: request.suggestedName, types: [EXPORT_TYPES[request.kind]] });
          } catch (error) {
            // A browser shows its save picker only right after a click; a report computed for
            // several seconds first has outlived that click. Then it goes where downloads go.
            if (!isGestureExpired(error)) throw error;
            download(request.suggestedName, request.data, MIME[request.kind]);
            return { status: 'saved', name: `${request.suggestedName} (downloaded)` };
          }
          await writeHandle(handle, request.data);
          return { status: 'saved', name: handle.name };
        }
        download(request.suggestedName, request.data, MIME[request.kind]);
        return { status: 'saved', name: request.suggestedName };
      } catch (error) {
        return isAbort(error) ? { status: 'canceled' } : failure('export', error);
      }
    },

    takePendingOpens: async () => [],
    onExternalOpen: () => () => {},

    async storeRecovery(text, title, file) {
      // Without storage nothing can be kept: say so (once, through autosave's problem report)
      // rather than let the user believe a crash would not cost them this work.
      if (recovery === null) throw new Error('Autosave is off: this browser does not let the page store data (a private window, or site data blocked). Save your work to a file to keep it safe.');
      const problem = recovery.store({ text, title, fileName: file?.name ?? null });
      if (problem) throw new Error(problem);
    },
    clearRecovery: async () => recovery?.clear(),
    listRecovery: async () => (recovery === null ? [] : recovery.list(await liveTabs())),
    async restoreRecovery(id) {
      const restored = recovery?.restore(id, recoveredWorkProblem) ?? { ok: false as const, message: 'This browser does not allow storage.' };
      if (!restored.ok) return { status: 'failed', message: restored.message };
      // The tab that crashed had a file of this name: the title and Save As know it again. Its
      // handle (if any) went with that tab, so Save asks where, suggesting the name.
      const file: HostFile | null = restored.fileName === null ? null : { key: `recovered-${nextKey++}`, name: restored.fileName, location: null, writable: false };
      return { status: 'restored', text: restored.text, file };
    },
    discardRecovery: async (id) => recovery?.discard(id),
    setDocumentState: (state) => {
      dirty = state.dirty;
    },
    onSaveBeforeClose: () => () => {},
    closeNow: async () => {},
  };
  return files;
}

/**
 * Open Recent's storage where the browser can keep file handles: the File System Access API
 * (Chromium) and IndexedDB. Elsewhere null, and the File menu has no Open Recent.
 */
function browserRecentPersistence(win: Window & PickerWindow): RecentPersistence | null {
  if (!win.showOpenFilePicker) return null;
  try {
    return win.indexedDB ? indexedDbRecentPersistence(win.indexedDB) : null;
  } catch {
    return null;
  }
}

/** localStorage, or null where the browser refuses it (private modes, disabled storage). */
export function browserStorage(win: Window): KeyValueStorage | null {
  try {
    const storage = win.localStorage;
    const probe = 'faultline.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** The browser refused a file picker because no click is being handled any more. */
function isGestureExpired(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'SecurityError' || error.name === 'NotAllowedError');
}

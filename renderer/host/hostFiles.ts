import type { DocumentState, ExportRequest, ExportResult, RecoveryEntry } from '../../shared/ipc/files';

export type { ExportRequest, ExportResult, RecoveryEntry } from '../../shared/ipc/files';

/**
 * A document file the host opened or saved. `key` is opaque to the renderer: a main-process
 * token on the desktop, a File System Access handle's id in the web edition.
 */
export interface HostFile {
  key: string;
  name: string;
  /** Where it is, for a tooltip; null where the host does not know (browsers hide paths). */
  location: string | null;
  /** Save can write back to it; otherwise Save asks where (Save As). */
  writable: boolean;
}

export type HostOpenResult =
  | { status: 'canceled' }
  | { status: 'opened'; file: HostFile; text: string }
  /** `name`: the file's, when the host got as far as knowing it (too large, not text). */
  | { status: 'failed'; message: string; name?: string };

export type HostSaveResult =
  | { status: 'canceled' }
  /**
   * `downloaded`: handed to the browser as a download (no save picker), so whether it reached the
   * disk is unknown — the autosaved copy is kept.
   */
  | { status: 'saved'; file: HostFile; warning: string | null; downloaded?: boolean }
  | { status: 'conflict'; message: string }
  | { status: 'failed'; message: string };

export type HostRestoreResult = { status: 'restored'; text: string; file: HostFile | null } | { status: 'failed'; message: string };

/** An Open Recent entry as the in-page menu shows it. */
export interface HostRecentEntry {
  id: string;
  name: string;
}

/**
 * Open Recent kept by the page itself (the web edition, where the browser can keep file handles).
 * Absent where the host has no such list: the desktop's lives in main and its native menu, and a
 * browser without the File System Access API or IndexedDB has none.
 */
export interface HostRecentFiles {
  /** False once the browser refused to store the list: the menu then leaves Open Recent out. */
  isAvailable(): boolean;
  entries(): HostRecentEntry[];
  subscribe(listener: () => void): () => void;
  /** Reads the list again (another tab may have changed it). */
  refresh(): Promise<void>;
  /** Asks for permission (call it straight from the click), then reads the file like Open does. */
  open(id: string): Promise<HostOpenResult>;
  clear(): Promise<void>;
}

/** Files, autosave/recovery and window state: what the file commands ask of the host. */
export interface HostFiles {
  /** The page's own Open Recent list, where there is one (see HostRecentFiles). */
  readonly recent?: HostRecentFiles;
  open(): Promise<HostOpenResult>;
  save(file: HostFile, text: string, options: { overwriteChanged: boolean }): Promise<HostSaveResult>;
  saveAs(text: string, suggestedName: string): Promise<HostSaveResult>;
  /** Reads the file again (only for files the host can read back). */
  revert(file: HostFile): Promise<HostOpenResult>;
  canRevert(file: HostFile): boolean;
  /** What Revert to Saved goes back to for this file (the menu item's tooltip). */
  describeRevert?(file: HostFile): string;
  exportFile(request: ExportRequest): Promise<ExportResult>;
  /** Files the OS opened before the page was ready; later ones arrive through onExternalOpen. */
  takePendingOpens(): Promise<HostOpenResult[]>;
  onExternalOpen(listener: (result: HostOpenResult) => void): () => void;
  storeRecovery(text: string, title: string, file: HostFile | null): Promise<void>;
  clearRecovery(): Promise<void>;
  listRecovery(): Promise<RecoveryEntry[]>;
  restoreRecovery(id: string): Promise<HostRestoreResult>;
  discardRecovery(id: string): Promise<void>;
  /** Title and dirty flag, for the window (close confirmation, macOS edited marker). */
  setDocumentState(state: DocumentState): void;
  /** The window asks the page to save before it closes (desktop); the page then calls closeNow. */
  onSaveBeforeClose(listener: () => void): () => void;
  closeNow(): Promise<void>;
}

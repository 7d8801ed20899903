import type { FaultlineDocument } from '../../../shared/model/types';
import type { HostFile } from '../../host/hostFiles';
import { DEFAULT_TITLE } from '../../../shared/model/schema/records';

/** The parts of the editor's DocumentStore the file commands use. */
export interface SessionStore {
  getDocument(): FaultlineDocument;
  replaceDocument(document: FaultlineDocument): void;
  isDirty(): boolean;
  markSaved(): void;
  subscribe(listener: () => void): () => void;
}

/**
 * The window's document as a file: which file it belongs to (if any) and whether there is work
 * that is not in it. Dirty is the store's own notion (edits since the last save, undo-aware) or
 * `unsavedWork`, set for work that exists nowhere on disk even though nothing was edited since
 * (recovered after a crash).
 */
export class DocumentSession {
  private file: HostFile | null = null;
  private unsavedWork = false;
  private readonly listeners = new Set<() => void>();

  constructor(readonly store: SessionStore) {
    store.subscribe(() => this.emit());
  }

  getFile(): HostFile | null {
    return this.file;
  }

  isDirty(): boolean {
    return this.unsavedWork || this.store.isDirty();
  }

  /** What the title bar calls the document: its file name once it has one, else its title. */
  displayName(): string {
    return this.file?.name ?? shownTitle(this.store.getDocument().meta.title);
  }

  /** New, Open, recovery: a different document, history starting afresh. */
  replace(document: FaultlineDocument, file: HostFile | null, options: { unsavedWork: boolean }): void {
    this.file = file;
    this.unsavedWork = options.unsavedWork;
    this.store.replaceDocument(document);
    this.emit();
  }

  /**
   * The document `snapshot` was written to `file`. It counts as saved only if nobody edited it
   * while the write was under way; edits made meanwhile stay dirty.
   */
  saved(file: HostFile, snapshot: FaultlineDocument): void {
    this.file = file;
    if (this.store.getDocument() === snapshot) {
      this.unsavedWork = false;
      this.store.markSaved();
    }
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A document's title as shown: a file may hold an empty one, which reads as "Untitled". */
export function shownTitle(title: string | undefined): string {
  return title?.trim() || DEFAULT_TITLE;
}

/** The window title: "• " while there are unsaved changes (DESIGN §7). */
export function windowTitle(session: DocumentSession): string {
  return `${session.isDirty() ? '• ' : ''}${session.displayName()} — Faultline`;
}

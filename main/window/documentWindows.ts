import type { DocumentState } from '../../shared/ipc/files';

/**
 * What main knows about each window's document, by webContents id: the page reports it through
 * window:setDocumentState, the close guard and macOS's edited marker read it.
 */
export class DocumentWindows {
  private readonly states = new Map<number, DocumentState>();
  private readonly closers = new Map<number, () => void>();

  constructor(private readonly onChange: (owner: number, state: DocumentState) => void = () => {}) {}

  state(owner: number): DocumentState {
    return this.states.get(owner) ?? { title: 'Untitled', dirty: false };
  }

  set(owner: number, state: DocumentState): void {
    this.states.set(owner, state);
    this.onChange(owner, state);
  }

  /** Registers how to close a window without asking (after the page saved on request). */
  setCloser(owner: number, close: () => void): void {
    this.closers.set(owner, close);
  }

  closeNow(owner: number): void {
    this.closers.get(owner)?.();
  }

  forget(owner: number): void {
    this.states.delete(owner);
    this.closers.delete(owner);
  }
}

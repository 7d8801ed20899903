import type { RecoveryEntry } from '../../host/hostFiles';
import type { ConfirmChoice, ConfirmRequest, FileUi, ProblemsReport } from './fileUi';

export type RecoveryAction = { action: 'restore' | 'discard'; id: string } | { action: 'later' };

export type DialogRequest =
  | { kind: 'confirm'; request: ConfirmRequest; resolve: (choice: ConfirmChoice) => void }
  | { kind: 'problems'; report: ProblemsReport; resolve: () => void }
  | { kind: 'askShareCode'; resolve: (code: string | null) => void }
  | { kind: 'shareCode'; code: string; copied: boolean; resolve: () => void }
  | { kind: 'progress'; label: string; fraction: number; cancel: () => void }
  | { kind: 'recovery'; entries: RecoveryEntry[]; resolve: (action: RecoveryAction) => void };

export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'warning' | 'error';
}

/** How long an information notice stays; warnings and errors stay until dismissed. */
const INFO_NOTICE_MS = 5000;

/**
 * The dialogs and notices the file commands ask for, one dialog at a time in the order asked.
 * It is the FileUi the commands talk to; React renders `current()` (FileDialogs.tsx).
 */
export class DialogQueue implements FileUi {
  private queue: DialogRequest[] = [];
  private notices: Notice[] = [];
  private nextNotice = 1;
  private readonly listeners = new Set<() => void>();
  private snapshot = { dialog: null as DialogRequest | null, notices: [] as Notice[] };

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot() {
    return this.snapshot;
  }

  /** Removes the shown dialog (its resolver has been called by the component). */
  dismiss(request: DialogRequest): void {
    this.queue = this.queue.filter((queued) => queued !== request);
    this.emit();
  }

  dismissNotice(id: number): void {
    this.notices = this.notices.filter((notice) => notice.id !== id);
    this.emit();
  }

  confirm(request: ConfirmRequest): Promise<ConfirmChoice> {
    return new Promise((resolve) => this.push({ kind: 'confirm', request, resolve }));
  }

  showProblems(report: ProblemsReport): void {
    this.push({ kind: 'problems', report, resolve: () => {} });
  }

  notify(message: string, tone: Notice['tone'] = 'info'): void {
    const id = this.nextNotice++;
    this.notices = [...this.notices.slice(-3), { id, message, tone }];
    this.emit();
    if (tone === 'info') setTimeout(() => this.dismissNotice(id), INFO_NOTICE_MS);
  }

  askShareCode(): Promise<string | null> {
    return new Promise((resolve) => this.push({ kind: 'askShareCode', resolve }));
  }

  showShareCode(code: string, copied: boolean): void {
    this.push({ kind: 'shareCode', code, copied, resolve: () => {} });
  }

  chooseRecovery(entries: RecoveryEntry[]): Promise<RecoveryAction> {
    return new Promise((resolve) => this.push({ kind: 'recovery', entries, resolve }));
  }

  async withProgress<T>(label: string, work: (report: (fraction: number) => void, signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let request: DialogRequest & { kind: 'progress' } = { kind: 'progress', label, fraction: 0, cancel: () => controller.abort() };
    // Shown only if the work takes a noticeable time; quick runs never flash a dialog.
    const showTimer = setTimeout(() => this.push(request), 300);
    let lastShown = 0;
    try {
      return await work((fraction) => {
        if (fraction - lastShown < 0.01 && fraction < 1) return;
        lastShown = fraction;
        const updated = { ...request, fraction };
        this.queue = this.queue.map((queued) => (queued === request ? updated : queued));
        request = updated;
        this.emit();
      }, controller.signal);
    } finally {
      clearTimeout(showTimer);
      this.dismiss(request);
    }
  }

  private push(request: DialogRequest): void {
    this.queue = [...this.queue, request];
    this.emit();
  }

  private emit(): void {
    this.snapshot = { dialog: this.queue[0] ?? null, notices: this.notices };
    for (const listener of this.listeners) listener();
  }
}

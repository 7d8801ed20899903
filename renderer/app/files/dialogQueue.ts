import type { Problem } from '../../../shared/model/types';
import type { RecoveryEntry } from '../../host/hostFiles';
import type { ConfirmChoice, ConfirmRequest, FileUi, ProblemsReport } from './fileUi';

export type RecoveryAction = { action: 'restore' | 'discard'; id: string } | { action: 'later' };

export type DialogRequest =
  | { kind: 'confirm'; request: ConfirmRequest; resolve: (choice: ConfirmChoice) => void }
  | { kind: 'problems'; report: ProblemsReport; resolve: () => void }
  | { kind: 'askShareCode'; check: (code: string) => readonly Problem[]; resolve: (code: string | null) => void }
  | { kind: 'shareCode'; code: string; copied: boolean; resolve: () => void }
  | { kind: 'progress'; label: string; fraction: number; cancel: () => void }
  | { kind: 'busy'; label: string; detail: string }
  | { kind: 'recovery'; entries: RecoveryEntry[]; resolve: (action: RecoveryAction) => void };

export interface Notice {
  id: number;
  message: string;
  tone: 'info' | 'warning' | 'error';
  /** The edit (a DocumentStore step serial) the notice is about: undoing it takes the notice away. */
  step?: number;
  /** Notices of one kind (the same key) replace each other instead of stacking. */
  key?: string;
}

export interface NoticeOptions {
  step?: number;
  /**
   * A kind of notice that replaces the one of its kind already shown (region changes: building
   * inside a region, drop after drop, keeps one notice about the newest edit, not a stack over
   * the canvas).
   */
  key?: string;
}

/**
 * How long a notice stays. Information and warnings (what an edit also did, a save's caveat)
 * time out, a warning a little later; an error stays until dismissed, as it needs reading.
 */
export const NOTICE_MS: Record<Notice['tone'], number | undefined> = { info: 6000, warning: 10000, error: undefined };
/** Notices shown at once; older ones give way. */
export const MAX_NOTICES = 3;

/**
 * The dialogs and notices the file commands ask for, one dialog at a time in the order asked.
 * It is the FileUi the commands talk to; React renders `current()` (FileDialogs.tsx).
 */
export class DialogQueue implements FileUi {
  private queue: DialogRequest[] = [];
  private notices: Notice[] = [];
  private nextNotice = 1;
  private readonly noticeTimers = new Map<number, ReturnType<typeof setTimeout>>();
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
    clearTimeout(this.noticeTimers.get(id));
    this.noticeTimers.delete(id);
    if (!this.notices.some((notice) => notice.id === id)) return;
    this.notices = this.notices.filter((notice) => notice.id !== id);
    this.emit();
  }

  /** Takes away the notices about edits `current` no longer accepts (undone, followed by another, a new document). */
  forgetUndoneEdits(current: (step: number) => boolean): void {
    for (const notice of this.notices) if (notice.step !== undefined && !current(notice.step)) this.dismissNotice(notice.id);
  }

  confirm(request: ConfirmRequest): Promise<ConfirmChoice> {
    return new Promise((resolve) => this.push({ kind: 'confirm', request, resolve }));
  }

  showProblems(report: ProblemsReport): void {
    this.push({ kind: 'problems', report, resolve: () => {} });
  }

  /**
   * Shows a notice. The same message again is not stacked, nor another of the same key: the one
   * shown stays where it is, now about the newer edit, its time starting again.
   */
  notify(message: string, tone: Notice['tone'] = 'info', options: NoticeOptions = {}): void {
    const same = this.notices.find((notice) => (notice.message === message && notice.tone === tone) || (options.key !== undefined && notice.key === options.key));
    const notice: Notice = {
      id: same?.id ?? this.nextNotice++,
      message,
      tone,
      ...(options.step === undefined ? {} : { step: options.step }),
      ...(options.key === undefined ? {} : { key: options.key }),
    };
    if (same) this.notices = this.notices.map((shown) => (shown === same ? notice : shown));
    else {
      for (const old of this.notices.slice(0, Math.max(0, this.notices.length - (MAX_NOTICES - 1)))) this.dismissNotice(old.id);
      this.notices = [...this.notices, notice];
    }
    clearTimeout(this.noticeTimers.get(notice.id));
    const lifetime = NOTICE_MS[tone];
    if (lifetime !== undefined) this.noticeTimers.set(notice.id, setTimeout(() => this.dismissNotice(notice.id), lifetime));
    this.emit();
  }

  askShareCode(check: (code: string) => readonly Problem[]): Promise<string | null> {
    return new Promise((resolve) => this.push({ kind: 'askShareCode', check, resolve }));
  }

  showShareCode(code: string, copied: boolean): void {
    this.push({ kind: 'shareCode', code, copied, resolve: () => {} });
  }

  chooseRecovery(entries: RecoveryEntry[]): Promise<RecoveryAction> {
    return new Promise((resolve) => this.push({ kind: 'recovery', entries, resolve }));
  }

  /**
   * Shows the busy indicator and waits until it is on screen before `work` starts: work that holds
   * the page's one thread would otherwise run before the page ever painted it. Taken away once a
   * frame after the work has been drawn (the canvas draws a new document on its next frame).
   */
  async whileBusy<T>(label: string, detail: string, work: () => T): Promise<T> {
    const request: DialogRequest = { kind: 'busy', label, detail };
    this.push(request);
    await afterNextPaint();
    try {
      return work();
    } finally {
      await afterNextPaint();
      await afterNextPaint();
      this.dismiss(request);
    }
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

/**
 * Resolves once the page has painted: a frame's callbacks run before its paint, and a task queued
 * from one runs after it.
 */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

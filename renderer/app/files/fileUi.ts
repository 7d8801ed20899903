import type { Problem } from '../../../shared/model/types';

export type ConfirmChoice = 'confirm' | 'alternative' | 'cancel';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** A third way out, e.g. "Don't Save" or "Save As…". */
  alternativeLabel?: string;
  cancelLabel?: string;
}

export interface ProblemsReport {
  title: string;
  summary: string;
  /** What was being opened, as the count line over the list names it (problemWording.ts). */
  source: string;
  errors: Problem[];
  warnings: Problem[];
}

/** What the file commands need from the screen. FilesProvider implements it with dialogs; tests script it. */
export interface FileUi {
  confirm(request: ConfirmRequest): Promise<ConfirmChoice>;
  /** Load errors: every problem with its path. Nothing the user had was touched. */
  showProblems(report: ProblemsReport): void;
  notify(message: string, tone?: 'info' | 'warning' | 'error', options?: { step?: number }): void;
  /**
   * Asks for a share code to open; null when cancelled. Open stays in the dialog, the code still
   * in its field, while `check` finds problems with it (shown there); none: the code is returned.
   */
  askShareCode(check: (code: string) => readonly Problem[]): Promise<string | null>;
  /** Shows a share code (so it can be copied by hand when the clipboard refused). */
  showShareCode(code: string, copied: boolean): void;
  /**
   * Runs work that blocks the page for a while (checking and drawing a very large file): `label`
   * and a busy indicator are painted first, and stay until the page has painted again after it.
   */
  whileBusy<T>(label: string, detail: string, work: () => T): Promise<T>;
  /** Runs long work behind a progress dialog with a Cancel button. */
  withProgress<T>(label: string, work: (report: (fraction: number) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
}

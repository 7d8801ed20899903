import { createEmptyDocument } from '../../../shared/model/document';
import { loadDocument } from '../../../shared/model/load';
import { countOf } from '../../../shared/model/plural';
import { saveDocument } from '../../../shared/model/save';
import { decodeShareCode, encodeShareCode } from '../../../shared/model/shareCode';
import type { FaultlineDocument, LoadResult, ViewState } from '../../../shared/model/types';
import { reportToJson, type Report } from '../../../shared/sim/report';
import type { HostFile, HostFiles, HostOpenResult, HostSaveResult } from '../../host/hostFiles';
import type { DocumentSession } from './documentSession';
import type { FileUi } from './fileUi';
import { fileNameFromTitle } from './fileNameFromTitle';
import { couldNotOpen, NOTHING_CHANGED, openedWithWarnings, quoted, RECOVERED_WORK_SOURCE, SHARE_CODE_SOURCE, UNNAMED_FILE_SOURCE } from './problemWording';
import { timelineCsv } from './timelineCsv';

export interface FileCommandDeps {
  files: HostFiles;
  session: DocumentSession;
  ui: FileUi;
  clipboard: { writeText(text: string): Promise<void> };
  /** The canvas as PNG bytes; null when it is not drawn yet. */
  snapshotPng(): Promise<Uint8Array<ArrayBuffer> | null>;
  runReport(document: FaultlineDocument, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<Report>;
  /** The camera Save writes into the file (`view`); undefined for none (the view is as Fit left it). Without it, the document's own. */
  viewToSave?(): ViewState | undefined;
}

export type FileCommands = ReturnType<typeof createFileCommands>;

/**
 * Text at least this long (1 M characters) is opened behind a busy indicator: checking and drawing
 * it holds the page long enough to look hung.
 */
export const SLOW_OPEN_CHARS = 1024 * 1024;


/**
 * New, Open, Save, Save As, Revert, share codes and exports. The rule everywhere: nothing the user
 * has is replaced until what replaces it has been read and validated, and unsaved changes are
 * replaced only after the user said so.
 */
export function createFileCommands(deps: FileCommandDeps) {
  const { files, session, ui } = deps;
  let cachedReport: { document: FaultlineDocument; report: Report } | null = null;

  /** Asks before unsaved work is replaced; true when it may go (saved, or the user said so). */
  async function mayDiscardChanges(action: string): Promise<boolean> {
    if (!session.isDirty()) return true;
    const choice = await ui.confirm({
      title: 'Save changes?',
      message: `“${session.displayName()}” has unsaved changes. Save them before you ${action}?`,
      confirmLabel: 'Save',
      alternativeLabel: 'Don’t Save',
      cancelLabel: 'Cancel',
    });
    if (choice === 'cancel') return false;
    if (choice === 'alternative') return true;
    return save();
  }

  /**
   * `what` names what was being opened as a sentence would: a file by its quoted name
   * (“bad.faultline”), anything else by what it is ("this share code"), never quoted as a file
   * name. The title and the list's count line name it alike (problemWording.ts).
   */
  function showLoadProblems(what: string, result: Extract<LoadResult, { ok: false }>): void {
    ui.showProblems({ title: couldNotOpen(what), summary: NOTHING_CHANGED, source: what, errors: result.errors, warnings: result.warnings });
  }

  /**
   * Validates opened text and, with the user's leave, makes it the document. True when it did.
   * Checking and drawing a large one holds the page for seconds: it says so first (whileBusy).
   */
  async function adopt(what: string, text: string, file: HostFile | null, source: (text: string) => LoadResult = loadDocument): Promise<boolean> {
    const slow = text.length >= SLOW_OPEN_CHARS;
    const busy = <T,>(detail: string, work: () => T): Promise<T> => (slow ? ui.whileBusy(`Opening ${what}…`, detail, work) : Promise.resolve(work()));
    const result = await busy('Checking it…', () => source(text));
    if (!result.ok) {
      showLoadProblems(what, result);
      return false;
    }
    if (!(await mayDiscardChanges(`open ${what}`))) return false;
    const { nodes, links } = result.document;
    const grouped = (count: number) => count.toLocaleString('en-US');
    await busy(`Drawing ${countOf(Object.keys(nodes).length, 'node', 'nodes', grouped)} and ${countOf(Object.keys(links).length, 'link', 'links', grouped)}…`, () =>
      session.replace(result.document, file, { unsavedWork: false }),
    );
    await files.clearRecovery().catch(() => {});
    if (result.warnings.length > 0) {
      ui.showProblems({ title: openedWithWarnings(what), summary: 'It opened as it is, but these parts may not do what was meant.', source: what, errors: [], warnings: result.warnings });
    }
    return true;
  }

  async function applyOpened(result: HostOpenResult): Promise<boolean> {
    if (result.status === 'canceled') return false;
    if (result.status === 'failed') {
      // Named like a file that opened with problems: by its name, where the host got that far.
      const what = result.name === undefined ? UNNAMED_FILE_SOURCE : quoted(result.name);
      ui.showProblems({ title: couldNotOpen(what), summary: NOTHING_CHANGED, source: what, errors: [{ path: '', message: result.message }], warnings: [] });
      return false;
    }
    return adopt(quoted(result.file.name), result.text, result.file);
  }

  async function finishSave(result: HostSaveResult, snapshot: FaultlineDocument, text: string): Promise<boolean> {
    switch (result.status) {
      case 'canceled':
        return false;
      case 'failed':
        ui.notify(`${result.message} Your work is still open here.`, 'error');
        return false;
      case 'conflict': {
        const choice = await ui.confirm({ title: 'The file changed on disk', message: result.message, confirmLabel: 'Overwrite', alternativeLabel: 'Save As…', cancelLabel: 'Cancel' });
        const file = session.getFile();
        if (choice === 'confirm' && file) return finishSave(await files.save(file, text, { overwriteChanged: true }), snapshot, text);
        if (choice === 'alternative') return saveAs();
        return false;
      }
      case 'saved':
        session.saved(result.file, snapshot);
        if (result.downloaded) {
          // The page cannot know whether a download reached the disk (it may be refused or
          // cancelled): a recovery copy of exactly what was downloaded stays (autosave, seeing
          // the work clean, has just cleared its own), to be offered if the file never arrived.
          await files.storeRecovery(text, session.displayName(), session.getFile()).catch(() => {});
          ui.notify(`Downloaded “${result.file.name}”: check your downloads folder. A recovery copy is kept too.`);
          return true;
        }
        if (!session.isDirty()) await files.clearRecovery().catch(() => {});
        if (result.warning) ui.notify(result.warning, 'warning');
        else ui.notify(`Saved “${result.file.name}”.`);
        return true;
    }
  }

  /**
   * The file's text: the document with the camera where the user left it, so the file opens as it
   * was saved (unknown fields a file's `view` had are kept). The camera is not an edit: it is
   * written, never part of the document's history or of what makes it unsaved.
   */
  function fileText(snapshot: FaultlineDocument): string {
    if (!deps.viewToSave) return saveDocument(snapshot);
    const camera = deps.viewToSave();
    const { view: previous, ...withoutView } = snapshot;
    if (camera === undefined) return saveDocument(withoutView);
    return saveDocument({ ...snapshot, view: { ...camera, ...(previous?.extras ? { extras: previous.extras } : {}) } });
  }

  async function save(): Promise<boolean> {
    const file = session.getFile();
    if (!file || !file.writable) return saveAs();
    const snapshot = session.store.getDocument();
    const text = fileText(snapshot);
    return finishSave(await files.save(file, text, { overwriteChanged: false }), snapshot, text);
  }

  async function saveAs(): Promise<boolean> {
    const snapshot = session.store.getDocument();
    const text = fileText(snapshot);
    const name = session.getFile()?.name ?? `${fileNameFromTitle(session.displayName())}.faultline`;
    return finishSave(await files.saveAs(text, name), snapshot, text);
  }

  async function runReportOnce(): Promise<Report | null> {
    const document = session.store.getDocument();
    if (cachedReport?.document === document) return cachedReport.report;
    try {
      const report = await ui.withProgress(`Running “${session.displayName()}” to its end…`, (progress, signal) => deps.runReport(document, progress, signal));
      cachedReport = { document, report };
      return report;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return null;
      ui.notify(`The simulation could not finish: ${error instanceof Error ? error.message : String(error)}`, 'error');
      return null;
    }
  }

  async function exportData(kind: 'png' | 'json' | 'csv', suffix: string, data: string | Uint8Array<ArrayBuffer>): Promise<void> {
    const result = await files.exportFile({ kind, suggestedName: `${fileNameFromTitle(session.displayName().replace(/\.faultline$/i, ''))}${suffix}.${kind}`, data });
    if (result.status === 'saved') ui.notify(`Exported “${result.name}”.`);
    else if (result.status === 'failed') ui.notify(result.message, 'error');
  }

  return {
    mayDiscardChanges,
    applyOpened,
    save,
    saveAs,

    async newDocument(): Promise<void> {
      if (!(await mayDiscardChanges('start a new sandbox'))) return;
      session.replace(createEmptyDocument(), null, { unsavedWork: false });
      await files.clearRecovery().catch(() => {});
    },

    async open(): Promise<void> {
      await applyOpened(await files.open());
    },

    /**
     * File → Open Recent in the web edition: the host asks for permission first (the menu click
     * is the gesture the browser wants), then the file is opened exactly as Open does (checked,
     * and unsaved changes asked about). A file that is gone or refused is named and leaves the list.
     */
    async openRecent(id: string): Promise<void> {
      if (!files.recent) return;
      await applyOpened(await files.recent.open(id));
    },

    async clearRecent(): Promise<void> {
      await files.recent?.clear();
    },

    /** A built-in lesson or example: opened like a file, but Save asks where (it has no file of its own). */
    async openBuiltin(name: string, text: string): Promise<boolean> {
      return adopt(quoted(name), text, null);
    },

    /** A file dropped on the window, already read (browsers give no path, so Save asks where). */
    async openDropped(name: string, text: string): Promise<void> {
      await adopt(quoted(name), text, { key: `dropped:${name}`, name, location: null, writable: false });
    },

    async revert(): Promise<void> {
      const file = session.getFile();
      if (!file || !files.canRevert(file)) {
        ui.notify('There is no saved file to go back to.', 'warning');
        return;
      }
      if (session.isDirty()) {
        const choice = await ui.confirm({ title: 'Revert to saved?', message: `Your changes to “${file.name}” since it was last saved will be lost.`, confirmLabel: 'Revert', cancelLabel: 'Cancel' });
        if (choice !== 'confirm') return;
      }
      const result = await files.revert(file);
      if (result.status !== 'opened') return void applyOpened(result);
      const loaded = loadDocument(result.text);
      if (!loaded.ok) return showLoadProblems(quoted(file.name), loaded);
      session.replace(loaded.document, result.file, { unsavedWork: false });
      await files.clearRecovery().catch(() => {});
    },

    async copyShareCode(): Promise<void> {
      const code = encodeShareCode(session.store.getDocument());
      const copied = await deps.clipboard.writeText(code).then(
        () => true,
        () => false,
      );
      ui.showShareCode(code, copied);
    },

    async openShareCode(): Promise<void> {
      // A code that cannot be opened is named in the dialog, which keeps it for fixing.
      const code = await ui.askShareCode((text) => {
        const decoded = decodeShareCode(text);
        return decoded.ok ? [] : decoded.errors;
      });
      if (code === null) return;
      await adopt(SHARE_CODE_SOURCE, code, null, decodeShareCode);
    },

    async exportPng(): Promise<void> {
      const doc = session.store.getDocument();
      if (Object.keys(doc.nodes).length === 0 && Object.keys(doc.regions).length === 0) return ui.notify('There is nothing to export: the design is empty. Add a node or a region first.', 'info');
      const png = await deps.snapshotPng();
      if (!png) return ui.notify('The canvas is not ready to export yet.', 'warning');
      await exportData('png', '', png);
    },

    async exportReport(): Promise<void> {
      const report = await runReportOnce();
      if (report) await exportData('json', '-report', reportToJson(report));
    },

    async exportTimelineCsv(): Promise<void> {
      const report = await runReportOnce();
      if (report) await exportData('csv', '-timeline', timelineCsv(report));
    },

    /** Unsaved work from a crashed session, validated like a file; it stays unsaved (dirty) until saved. */
    async restoreRecovery(id: string): Promise<void> {
      // Asked first: once restored, the work is this window's to autosave, and must not be dropped.
      if (!(await mayDiscardChanges('restore unsaved work'))) return;
      const restored = await files.restoreRecovery(id);
      if (restored.status === 'failed') return ui.notify(restored.message, 'error');
      const loaded = loadDocument(restored.text);
      if (!loaded.ok) return showLoadProblems(RECOVERED_WORK_SOURCE, loaded);
      session.replace(loaded.document, restored.file, { unsavedWork: true });
    },
  };
}

import { describe, expect, it, vi } from 'vitest';
import { createFileCommands, SLOW_OPEN_CHARS } from '../../../renderer/app/files/fileCommands';
import { DocumentSession, windowTitle } from '../../../renderer/app/files/documentSession';
import type { ConfirmChoice, FileUi } from '../../../renderer/app/files/fileUi';
import { problemCountLine } from '../../../renderer/app/files/problemWording';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { HostFile, HostFiles, HostOpenResult, HostSaveResult } from '../../../renderer/host/hostFiles';
import { createEmptyDocument } from '../../../shared/model/document';
import { loadDocument } from '../../../shared/model/load';
import { saveDocument } from '../../../shared/model/save';
import type { FaultlineDocument, ViewState } from '../../../shared/model/types';
import { makeDocument } from '../sim/helpers/documents';

const lesson = makeDocument({ title: 'Lesson', durationS: 3, nodes: [{ id: 'c', kind: 'client', config: { rps: 20 } }, { id: 'a', kind: 'app' }], links: [{ from: 'c', to: 'a' }] });
const file = (name: string, writable = true): HostFile => ({ key: `key-${name}`, name, location: `/docs/${name}`, writable });

function fakeFiles(overrides: Partial<HostFiles> = {}): HostFiles & { saved: { file: HostFile | null; text: string; overwrite: boolean }[] } {
  const state = { saved: [] as { file: HostFile | null; text: string; overwrite: boolean }[] };
  const files: HostFiles = {
    open: async () => ({ status: 'canceled' }),
    save: async (target, text, { overwriteChanged }) => {
      state.saved.push({ file: target, text, overwrite: overwriteChanged });
      return { status: 'saved', file: target, warning: null };
    },
    saveAs: async (text, name) => {
      state.saved.push({ file: null, text, overwrite: false });
      return { status: 'saved', file: file(name), warning: null };
    },
    revert: async () => ({ status: 'canceled' }),
    canRevert: () => true,
    exportFile: vi.fn(async (request) => ({ status: 'saved' as const, name: request.suggestedName })),
    takePendingOpens: async () => [],
    onExternalOpen: () => () => {},
    storeRecovery: async () => {},
    clearRecovery: vi.fn(async () => {}),
    listRecovery: async () => [],
    restoreRecovery: async () => ({ status: 'failed', message: 'none' }),
    discardRecovery: async () => {},
    setDocumentState: () => {},
    onSaveBeforeClose: () => () => {},
    closeNow: async () => {},
    ...overrides,
  };
  return Object.assign(files, state);
}

function scriptedUi(answers: ConfirmChoice[] = []) {
  const ui = {
    confirms: [] as string[],
    problems: [] as Parameters<FileUi['showProblems']>[0][],
    notices: [] as string[],
    shareCodes: [] as string[],
    pasted: null as string | null,
    confirm: vi.fn(async (request: { title: string }) => {
      ui.confirms.push(request.title);
      return answers.shift() ?? 'cancel';
    }),
    showProblems: (report: Parameters<FileUi['showProblems']>[0]) => void ui.problems.push(report),
    notify: (message: string) => void ui.notices.push(message),
    askShareCode: async () => ui.pasted,
    showShareCode: (code: string) => void ui.shareCodes.push(code),
    busy: [] as string[],
    whileBusy: async <T,>(label: string, detail: string, work: () => T) => {
      ui.busy.push(`${label} ${detail}`);
      return work();
    },
    withProgress: <T,>(_label: string, work: (report: (fraction: number) => void, signal: AbortSignal) => Promise<T>) => work(() => {}, new AbortController().signal),
  };
  return ui;
}

function setup(options: { files?: Partial<HostFiles>; answers?: ConfirmChoice[]; document?: FaultlineDocument; viewToSave?: () => ViewState | undefined } = {}) {
  const store = new DocumentStore(options.document ?? lesson);
  const session = new DocumentSession(store);
  const files = fakeFiles(options.files);
  const ui = scriptedUi(options.answers);
  const clipboard = { writeText: vi.fn(async () => {}) };
  const commands = createFileCommands({
    files,
    session,
    ui,
    clipboard,
    snapshotPng: async () => new Uint8Array([137, 80, 78, 71]),
    runReport: async (document) => {
      const { runToReport } = await import('../../../renderer/app/files/runReport');
      return runToReport(document, () => {}, { clockMs: () => 0, yieldNow: async () => {} });
    },
    ...(options.viewToSave ? { viewToSave: options.viewToSave } : {}),
  });
  const edit = () => store.update((draft) => void (draft.meta.title = `${draft.meta.title}!`));
  return { store, session, files, ui, clipboard, commands, edit };
}

describe('file commands: open', () => {
  it('a bad file shows every problem with its path and leaves the open document untouched', async () => {
    const bad = JSON.stringify({ format: 'faultline', version: 1, meta: { title: 'x' }, seed: 1, durationS: 10, regions: [], nodes: [{ id: 'a', kind: 'app', x: 0, y: 0, config: { workers: 0 } }, { id: '1bad', kind: 'nope', x: 0, y: 0 }], links: [], scenario: [], checks: [] });
    const { commands, store, ui, edit } = setup({ files: { open: async () => ({ status: 'opened', file: file('bad.faultline'), text: bad }) } });
    edit();
    const before = store.getDocument();
    await commands.open();
    expect(store.getDocument()).toBe(before);
    expect(store.isDirty()).toBe(true);
    expect(ui.confirms).toEqual([]); // nothing to confirm: nothing replaces the work
    const [report] = ui.problems;
    expect(report.title).toBe('“bad.faultline” could not be opened');
    expect(report.errors.map((problem) => problem.path)).toEqual(expect.arrayContaining(['nodes[0].config.workers', 'nodes[1].id', 'nodes[1].kind']));
  });

  it('a file with more problems than are listed says how many there are in all', async () => {
    const nodes = Array.from({ length: 1500 }, (_, index) => ({ id: `n${index}`, kind: 'teleporter', x: 0, y: 0 }));
    const bad = JSON.stringify({ format: 'faultline', version: 1, meta: { title: 'x' }, seed: 1, durationS: 10, regions: [], nodes, links: [], scenario: [], checks: [] });
    const { commands, ui } = setup({ files: { open: async () => ({ status: 'opened', file: file('bad.faultline'), text: bad }) } });
    await commands.open();
    const [report] = ui.problems;
    expect(report.summary).toBe('Nothing you had open was changed.');
    expect(problemCountLine(report.errors, report.warnings, report.source)).toBe('1,500 problems in “bad.faultline”');
  });

  it('a large file is checked and drawn behind a busy indicator naming it; a small one opens without', async () => {
    const big = `${saveDocument({ ...lesson, meta: { title: 'Big' } })}${' '.repeat(SLOW_OPEN_CHARS)}`;
    let opened: HostOpenResult = { status: 'opened', file: file('big.faultline'), text: big };
    const { commands, ui, store } = setup({ files: { open: async () => opened } });
    await commands.open();
    expect(store.getDocument().meta.title).toBe('Big');
    expect(ui.busy).toEqual(['Opening “big.faultline”… Checking it…', 'Opening “big.faultline”… Drawing 2 nodes and 1 link…']);
    opened = { status: 'opened', file: file('small.faultline'), text: saveDocument({ ...lesson, meta: { title: 'Small' } }) };
    await commands.open();
    expect(store.getDocument().meta.title).toBe('Small');
    expect(ui.busy).toHaveLength(2);
  });

  it('a good file replaces a clean document at once and becomes the save target', async () => {
    const other = saveDocument({ ...lesson, meta: { title: 'Other' } });
    const { commands, session, files } = setup({ files: { open: async () => ({ status: 'opened', file: file('other.faultline'), text: other }) } });
    await commands.open();
    expect(session.store.getDocument().meta.title).toBe('Other');
    expect(session.getFile()?.name).toBe('other.faultline');
    expect(session.isDirty()).toBe(false);
    await commands.save();
    expect(files.saved).toEqual([{ file: file('other.faultline'), text: other, overwrite: false }]);
  });

  it('asks before replacing unsaved work; Cancel keeps it, Don’t Save drops it, Save saves it first', async () => {
    const other: HostOpenResult = { status: 'opened', file: file('other.faultline'), text: saveDocument({ ...lesson, meta: { title: 'Other' } }) };
    for (const [answer, expectedTitle, expectedSaves] of [
      ['cancel', 'Lesson!', 0],
      ['alternative', 'Other', 0],
      ['confirm', 'Other', 1],
    ] as const) {
      const { commands, store, edit, files, ui } = setup({ files: { open: async () => other }, answers: [answer] });
      edit();
      await commands.open();
      expect(ui.confirms).toEqual(['Save changes?']);
      expect(store.getDocument().meta.title).toBe(expectedTitle);
      expect(files.saved).toHaveLength(expectedSaves);
    }
  });

  it('reports a file the host could not read, changing nothing, named as a file that opened with problems is', async () => {
    const { commands, ui, store } = setup({ files: { open: async () => ({ status: 'failed', message: '“x.faultline” is not UTF-8 text', name: 'x.faultline' }) } });
    const before = store.getDocument();
    await commands.open();
    expect(store.getDocument()).toBe(before);
    expect(ui.problems[0]).toMatchObject({ title: '“x.faultline” could not be opened', source: '“x.faultline”', errors: [{ path: '', message: '“x.faultline” is not UTF-8 text' }] });
  });

  it('every report of something that could not be opened names its source one way, in its title and its count line', async () => {
    const bad = JSON.stringify({ format: 'faultline', version: 1, meta: { title: 'x' }, seed: 1, durationS: 10, regions: [], nodes: [{ id: 'a', kind: 'nope', x: 0, y: 0 }], links: [], scenario: [], checks: [] });
    let opened: HostOpenResult = { status: 'opened', file: file('bad.faultline'), text: bad };
    const { commands, ui } = setup({ files: { open: async () => opened, restoreRecovery: async () => ({ status: 'restored', text: bad, file: null }) } });
    await commands.open();
    opened = { status: 'failed', message: 'The browser refused to read it.', name: 'gone.faultline' };
    await commands.open();
    opened = { status: 'failed', message: 'That recent file is no longer in the list.' };
    await commands.open();
    ui.pasted = 'not-a-share-code!!';
    await commands.openShareCode();
    await commands.restoreRecovery('id');
    expect(ui.problems.map((report) => [report.title, problemCountLine(report.errors, report.warnings, report.source)])).toEqual([
      ['“bad.faultline” could not be opened', 'One problem in “bad.faultline”'],
      ['“gone.faultline” could not be opened', 'One problem in “gone.faultline”'],
      ['The file could not be opened', 'One problem in the file'],
      ['This share code could not be opened', 'One problem in this share code'],
      ['The recovered work could not be opened', 'One problem in the recovered work'],
    ]);
    expect(new Set(ui.problems.map((report) => report.summary))).toEqual(new Set(['Nothing you had open was changed.']));
  });
});

describe('file commands: Open Recent (web edition)', () => {
  const recentFiles = (open: (id: string) => Promise<HostOpenResult>) => ({
    isAvailable: () => true,
    entries: () => [{ id: 'r1', name: 'other.faultline' }],
    subscribe: () => () => {},
    refresh: async () => {},
    open: vi.fn(open),
    clear: vi.fn(async () => {}),
  });

  it('opens the chosen file the way Open does: unsaved work is asked about first', async () => {
    const other: HostOpenResult = { status: 'opened', file: file('other.faultline'), text: saveDocument({ ...lesson, meta: { title: 'Other' } }) };
    const recent = recentFiles(async () => other);
    const { commands, store, edit, ui, session } = setup({ files: { recent }, answers: ['cancel'] });
    edit();
    await commands.openRecent('r1');
    expect(recent.open).toHaveBeenCalledWith('r1');
    expect(ui.confirms).toEqual(['Save changes?']);
    expect(store.getDocument().meta.title).toBe('Lesson!');
    ui.confirm.mockResolvedValueOnce('alternative');
    await commands.openRecent('r1');
    expect(store.getDocument().meta.title).toBe('Other');
    expect(session.getFile()?.name).toBe('other.faultline');
    expect(session.isDirty()).toBe(false);
  });

  it('a file that is gone or refused is reported and the open document, unsaved work included, is untouched', async () => {
    const message = '“other.faultline” is no longer there (moved, renamed or deleted), so it was removed from Open Recent.';
    const { commands, store, edit, ui, session } = setup({ files: { recent: recentFiles(async () => ({ status: 'failed', message })) } });
    edit();
    const before = store.getDocument();
    await commands.openRecent('r1');
    expect(store.getDocument()).toBe(before);
    expect(session.isDirty()).toBe(true);
    expect(ui.confirms).toEqual([]);
    expect(ui.problems[0]).toMatchObject({ summary: 'Nothing you had open was changed.', errors: [{ path: '', message }] });
  });

  it('Clear Recent clears the host’s list; without one (desktop, other browsers) both do nothing', async () => {
    const recent = recentFiles(async () => ({ status: 'canceled' }));
    await setup({ files: { recent } }).commands.clearRecent();
    expect(recent.clear).toHaveBeenCalled();
    const { commands, store } = setup();
    const before = store.getDocument();
    await commands.openRecent('r1');
    await commands.clearRecent();
    expect(store.getDocument()).toBe(before);
  });
});

describe('file commands: save', () => {
  it('Save without a file asks where (Save As), then saves there; the title loses its dirty marker', async () => {
    const { commands, session, files, edit } = setup();
    edit();
    expect(windowTitle(session)).toBe('• Lesson! — Faultline');
    await commands.save();
    expect(files.saved[0].file).toBeNull();
    expect(loadDocument(files.saved[0].text)).toMatchObject({ ok: true, document: { meta: { title: 'Lesson!' } } });
    expect(session.isDirty()).toBe(false);
    expect(windowTitle(session)).toBe('Lesson!.faultline — Faultline');
    expect(files.clearRecovery).toHaveBeenCalled(); // the autosaved copy is no longer needed
  });

  it('Save and Save As write the camera where the user left it, and none while it is fitted; the camera is not an edit', async () => {
    let camera: ViewState | undefined = { x: 120.5, y: -40, zoom: 0.75 };
    const withView = { ...lesson, view: { x: 1, y: 2, zoom: 3, extras: { pinned: true } } };
    const { commands, session, files, store, edit } = setup({ document: withView, viewToSave: () => camera });
    edit();
    await commands.saveAs();
    // The file's unknown view fields survive; the document itself is not changed by the camera.
    expect(JSON.parse(files.saved[0].text).view).toEqual({ x: 120.5, y: -40, zoom: 0.75, pinned: true });
    expect(store.getDocument().view).toEqual(withView.view);
    expect(session.isDirty()).toBe(false);
    expect(store.canUndo()).toBe(true);
    // Fitted: no view, so the file is fitted to whatever screen opens it.
    camera = undefined;
    edit();
    await commands.save();
    expect(files.saved).toHaveLength(2);
    expect(JSON.parse(files.saved[1].text)).not.toHaveProperty('view');
    expect(loadDocument(files.saved[1].text)).toMatchObject({ ok: true, document: { meta: { title: 'Lesson!!' } } });
  });

  it('a save that is only a download keeps a recovery copy of what was downloaded, and says it downloaded', async () => {
    const stored: string[] = [];
    const { commands, session, files, ui, edit } = setup({
      files: {
        saveAs: async (_text, name) => ({ status: 'saved', file: { key: 'download-1', name, location: null, writable: false }, warning: null, downloaded: true }),
        storeRecovery: async (text) => void stored.push(text),
      },
    });
    edit();
    expect(await commands.save()).toBe(true);
    expect(session.isDirty()).toBe(false);
    // Whether the browser's download reached the disk is unknown: what was downloaded stays recoverable.
    expect(stored).toHaveLength(1);
    expect(loadDocument(stored[0])).toMatchObject({ ok: true, document: { meta: { title: 'Lesson!' } } });
    expect(files.clearRecovery).not.toHaveBeenCalled();
    expect(ui.notices.at(-1)).toMatch(/^Downloaded “Lesson!\.faultline”: check your downloads folder/);
  });

  it('a conflict asks; Overwrite saves with overwriteChanged, Cancel saves nothing', async () => {
    let calls = 0;
    const conflictOnce: HostFiles['save'] = async (target, _text, { overwriteChanged }): Promise<HostSaveResult> => {
      calls++;
      return overwriteChanged ? { status: 'saved', file: target, warning: null } : { status: 'conflict', message: 'changed on disk' };
    };
    const { commands, session, edit, ui } = setup({ files: { save: conflictOnce, open: async () => ({ status: 'opened', file: file('a.faultline'), text: saveDocument(lesson) }) }, answers: ['confirm'] });
    await commands.open();
    edit();
    expect(await commands.save()).toBe(true);
    expect(ui.confirms).toEqual(['The file changed on disk']);
    expect(calls).toBe(2);
    expect(session.isDirty()).toBe(false);

    edit();
    ui.confirm.mockResolvedValueOnce('cancel');
    expect(await commands.save()).toBe(false);
    expect(session.isDirty()).toBe(true);
  });

  it('a failed save keeps the work dirty and says so', async () => {
    const { commands, session, edit, ui } = setup({ files: { saveAs: async () => ({ status: 'failed', message: 'Could not save “x”: the disk is full.' }) } });
    edit();
    expect(await commands.save()).toBe(false);
    expect(session.isDirty()).toBe(true);
    expect(ui.notices[0]).toMatch(/disk is full\. Your work is still open here\./);
  });

  it('a new document is saved and exported under a name any file system takes, which the title bar then shows', async () => {
    const names: string[] = [];
    const titled = { ...lesson, meta: { title: 'A/B test: cache? <v2>. ' } };
    const { commands, session, files } = setup({
      document: titled,
      files: {
        saveAs: async (_text, name) => {
          names.push(name);
          return { status: 'saved', file: file(name), warning: null };
        },
      },
    });
    await commands.exportPng();
    expect(vi.mocked(files.exportFile).mock.calls.map(([request]) => request.suggestedName)).toEqual(['A_B test_ cache_ _v2_.png']);
    await commands.saveAs();
    // The name Chromium gives the download: the title bar named "A/B test: cache? <v2>. .faultline", a file not on disk.
    expect(names).toEqual(['A_B test_ cache_ _v2_.faultline']);
    expect(windowTitle(session)).toBe('A_B test_ cache_ _v2_.faultline — Faultline');
  });

  it('edits made while a save is under way stay dirty', async () => {
    let finish: (result: HostSaveResult) => void = () => {};
    const { commands, session, edit } = setup({ files: { saveAs: () => new Promise((resolve) => (finish = resolve)) } });
    edit();
    const saving = commands.saveAs();
    edit(); // typed during the save
    finish({ status: 'saved', file: file('a.faultline'), warning: null });
    await saving;
    expect(session.isDirty()).toBe(true);
  });
});

describe('file commands: sharing and exports', () => {
  it('copies a share code that opens to the same document', async () => {
    const { commands, clipboard, ui } = setup();
    await commands.copyShareCode();
    const code = (clipboard.writeText.mock.calls[0] as unknown as [string])[0];
    expect(ui.shareCodes).toEqual([code]);
    const second = setup({ document: createEmptyDocument('Empty') });
    second.ui.pasted = `  ${code.slice(0, 40)}\n  ${code.slice(40)}  `; // wrapped by a mail client
    await second.commands.openShareCode();
    expect(saveDocument(second.store.getDocument())).toBe(saveDocument(lesson));
  });

  it('a damaged or oversized share code is refused with a notice, changing nothing', async () => {
    const { commands, ui, store } = setup();
    const before = store.getDocument();
    ui.pasted = 'not-a-share-code!!';
    await commands.openShareCode();
    ui.pasted = 'A'.repeat(4 * 1024 * 1024 + 1);
    await commands.openShareCode();
    expect(store.getDocument()).toBe(before);
    expect(ui.problems.map((report) => report.errors[0].message)).toEqual([expect.stringMatching(/share code/), expect.stringMatching(/characters long; Faultline accepts codes up to/)]);
    // A share code is not a file: its name is not quoted as if it were one ("“Share code” could not be opened").
    expect(ui.problems.map((report) => report.title)).toEqual(['This share code could not be opened', 'This share code could not be opened']);
  });

  it('an empty design has no PNG to export, and says so (it said the canvas was not ready)', async () => {
    const { commands, files, ui } = setup({ document: createEmptyDocument() });
    await commands.exportPng();
    expect(files.exportFile).not.toHaveBeenCalled();
    expect(ui.notices).toEqual(['There is nothing to export: the design is empty. Add a node or a region first.']);
  });

  it('exports the PNG, the run report as JSON and the timeline as CSV, running the simulation once', async () => {
    const { commands, files } = setup();
    await commands.exportPng();
    await commands.exportReport();
    await commands.exportTimelineCsv();
    const requests = vi.mocked(files.exportFile).mock.calls.map(([request]) => request);
    expect(requests.map((request) => [request.kind, request.suggestedName])).toEqual([
      ['png', 'Lesson.png'],
      ['json', 'Lesson-report.json'],
      ['csv', 'Lesson-timeline.csv'],
    ]);
    const report = JSON.parse(requests[1].data as string);
    expect(report).toMatchObject({ format: 'faultline-report', durationS: 3, title: 'Lesson' });
    expect(report.requests.total).toBeGreaterThan(30); // 20 rps for 3 s, Poisson: far above 30 with overwhelming probability
    const csv = (requests[2].data as string).trim().split('\n');
    expect(csv[0]).toBe('t,sent,ok,failed,p50,p99');
    expect(csv).toHaveLength(1 + report.timeline.length);
  });
});

describe('file commands: new, revert, recovery', () => {
  it('New asks about unsaved work and gives an empty, clean, file-less sandbox', async () => {
    const { commands, session, edit } = setup({ answers: ['alternative'] });
    edit();
    await commands.newDocument();
    expect(Object.keys(session.store.getDocument().nodes)).toEqual([]);
    expect(session.getFile()).toBeNull();
    expect(session.isDirty()).toBe(false);
  });

  it('Revert reads the file again after confirmation', async () => {
    const { commands, session, edit } = setup({
      answers: ['confirm'],
      files: { open: async () => ({ status: 'opened', file: file('a.faultline'), text: saveDocument(lesson) }), revert: async (target) => ({ status: 'opened', file: target, text: saveDocument(lesson) }) },
    });
    await commands.open();
    edit();
    await commands.revert();
    expect(session.store.getDocument().meta.title).toBe('Lesson');
    expect(session.isDirty()).toBe(false);
  });

  it('restored work is dirty (it is on no disk) until saved, and keeps its original file', async () => {
    const { commands, session } = setup({ files: { restoreRecovery: async () => ({ status: 'restored', text: saveDocument({ ...lesson, meta: { title: 'Recovered' } }), file: file('orig.faultline') }) } });
    await commands.restoreRecovery('id');
    expect(session.store.getDocument().meta.title).toBe('Recovered');
    expect(session.isDirty()).toBe(true);
    expect(session.getFile()?.name).toBe('orig.faultline');
  });

  it('damaged recovered text is refused with its problems, never thrown', async () => {
    const { commands, ui, store } = setup({ files: { restoreRecovery: async () => ({ status: 'restored', text: '{"format":"faultline", "version": 1, "nodes": 5', file: null }) } });
    const before = store.getDocument();
    await commands.restoreRecovery('id');
    expect(store.getDocument()).toBe(before);
    expect(ui.problems[0].title).toBe('The recovered work could not be opened');
  });
});

import { describe, expect, it } from 'vitest';
import { timelineToCsv } from '../../../main/cli/report-format';
import { startAutosave } from '../../../renderer/app/files/autosave';
import { DocumentSession } from '../../../renderer/app/files/documentSession';
import { runToReport } from '../../../renderer/app/files/runReport';
import { timelineCsv } from '../../../renderer/app/files/timelineCsv';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import type { HostFiles } from '../../../renderer/host/hostFiles';
import { saveDocument } from '../../../shared/model/save';
import { Simulation } from '../../../shared/sim/simulation';
import { makeDocument } from '../sim/helpers/documents';

const doc = makeDocument({ title: 'Autosave', durationS: 4, nodes: [{ id: 'c', kind: 'client', config: { rps: 50 } }, { id: 'a', kind: 'app' }], links: [{ from: 'c', to: 'a' }] });

function manualTimers() {
  const queue: (() => void)[] = [];
  return { queue, timers: { setTimeout: (callback: () => void) => queue.push(callback), clearTimeout: () => {} }, fire: () => queue.splice(0).forEach((callback) => callback()) };
}

describe('autosave', () => {
  it('stores unsaved work after the delay, at most once per change burst, and clears it when clean', async () => {
    const store = new DocumentStore(doc);
    const session = new DocumentSession(store);
    const calls: string[] = [];
    const files = { storeRecovery: async (text: string) => void calls.push(`store:${text.length}`), clearRecovery: async () => void calls.push('clear') } as unknown as HostFiles;
    const { fire, queue, timers } = manualTimers();
    startAutosave(session, files, { timers });
    expect(queue).toHaveLength(0); // clean: nothing to keep
    store.update((draft) => void (draft.meta.title = 'A'));
    store.update((draft) => void (draft.meta.title = 'AB'));
    expect(queue).toHaveLength(1);
    fire();
    await Promise.resolve();
    expect(calls).toEqual([`store:${saveDocument(store.getDocument()).length}`]);
    store.undo();
    store.undo(); // back to the saved state: clean
    expect(calls.at(-1)).toBe('clear');
  });

  it('writes waiting work at once when the page is hidden or left (the last seconds of edits were lost)', async () => {
    const store = new DocumentStore(doc);
    const session = new DocumentSession(store);
    const stored: string[] = [];
    const files = { storeRecovery: async (text: string) => void stored.push(text), clearRecovery: async () => {} } as unknown as HostFiles;
    const { queue, timers } = manualTimers();
    const page = { window: new EventTarget(), document: Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState }) };
    const stop = startAutosave(session, files, { timers, page });
    store.update((draft) => void (draft.meta.title = 'Edit one'));
    expect(queue).toHaveLength(1); // waiting for the delay
    page.window.dispatchEvent(new Event('pagehide'));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('Edit one');
    store.update((draft) => void (draft.meta.title = 'Edit two'));
    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    expect(stored).toHaveLength(2);
    expect(stored[1]).toContain('Edit two');
    stop();
  });

  it('reports a storage failure once, keeps trying, and says when it works again', async () => {
    const store = new DocumentStore(doc);
    const session = new DocumentSession(store);
    let fail = true;
    const problems: (string | null)[] = [];
    const files = { storeRecovery: async () => (fail ? Promise.reject(new Error('quota')) : undefined), clearRecovery: async () => {} } as unknown as HostFiles;
    const { fire, timers } = manualTimers();
    startAutosave(session, files, { timers, onProblem: (message) => problems.push(message) });
    for (const title of ['x', 'y']) {
      store.update((draft) => void (draft.meta.title = title));
      fire();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    fail = false;
    store.update((draft) => void (draft.meta.title = 'z'));
    fire();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(problems).toEqual(['quota', null]);
  });
});

describe('exports match the CLI', () => {
  it('the renderer’s timeline CSV is byte-identical to `faultline run --csv`', async () => {
    const report = await runToReport(doc, () => {}, { clockMs: () => 0, yieldNow: async () => {} });
    expect(timelineCsv(report)).toBe(timelineToCsv(report));
    // Same document, same seed ⇒ same report as the CLI's own headless run (wall clock aside).
    const cli = new Simulation(doc).finish();
    expect({ ...report, wallMs: 0 }).toEqual({ ...cli, wallMs: 0 });
  });

  it('reports progress up to 1 and stops between chunks when cancelled', async () => {
    const fractions: number[] = [];
    await runToReport(doc, (fraction) => fractions.push(fraction), { yieldNow: async () => {} });
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
    const controller = new AbortController();
    const run = runToReport(doc, () => controller.abort(), { signal: controller.signal, yieldNow: async () => {} });
    await expect(run).rejects.toThrow(/cancelled/);
  });
});

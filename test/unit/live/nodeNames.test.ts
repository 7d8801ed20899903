import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import type { FaultlineDocument } from '../../../shared/model/types';
import { NODE_DOWN, PROTOCOL_VERSION, type Frame } from '../../../shared/sim/session/protocol';
import { linkFaultItems, nodeFaultItems } from '../../../renderer/live/faultMenuItems';
import { checkRows, describeCheck } from '../../../renderer/live/liveCheckRows';
import { failoverLogEntry, healthLogEntry, logText, scenarioLogEntry } from '../../../renderer/live/liveLog';
import { LiveModel } from '../../../renderer/live/liveModel';
import { nodeLabel, nodeNamer } from '../../../renderer/live/nodeNames';
import { markerAriaLabel, markerTitle } from '../../../renderer/live/timelineMarkers';

/** The default sandbox with app1 renamed "App A" and app2 "App B" (the ids stay). */
function renamed(): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return produce(loaded.document, (draft) => {
    draft.nodes.app1.name = 'App A';
    draft.nodes.app2.name = 'App B';
  });
}

describe('node names in the live view', () => {
  it('names a node by its name, else its id; "Name (id)" only when two nodes would read the same', () => {
    const doc = renamed();
    const name = nodeNamer(doc.nodes);
    expect(name('app1')).toBe('App A');
    expect(name('lb')).toBe('Load balancer');
    expect(name('gone')).toBe('gone');
    // The log filter's label (a picker) always gives both.
    expect(nodeLabel(doc.nodes, 'app1')).toBe('App A (app1)');
    expect(nodeLabel(doc.nodes, 'app3')).toBe('app3');

    const twins = produce(doc, (draft) => {
      draft.nodes.app2.name = 'App A';
      // An unnamed node whose id is another node's name reads the same as it, too.
      draft.nodes.app3.name = 'cache';
      delete draft.nodes.cache.name;
    });
    const twin = nodeNamer(twins.nodes);
    expect([twin('app1'), twin('app2')]).toEqual(['App A (app1)', 'App A (app2)']);
    expect([twin('app3'), twin('cache')]).toEqual(['cache (app3)', 'cache']);
  });

  it('log lines name nodes by their current names; the entry keeps the ids', () => {
    const doc = renamed();
    const name = nodeNamer(doc.nodes);
    const noLinks = new Map<string, readonly [string, string]>();
    const crash = scenarioLogEntry(1, { timeMs: 20_000, action: 'crash', target: 'app1', note: 'the first app server goes', injected: false }, noLinks);
    expect(crash.nodes).toEqual(['app1']);
    expect(crash.text).toBe('app1 crashes — the first app server goes');
    expect(logText(crash.words, name)).toBe('App A crashes — the first app server goes');
    // A lesson's note that opens with the event (by id or by name) is said once.
    const byId = scenarioLogEntry(2, { timeMs: 20_000, action: 'crash', target: 'app2', note: 'app2 crashes. Until…', injected: false }, noLinks);
    expect(logText(byId.words, name)).toBe('app2 crashes. Until…');
    const byName = scenarioLogEntry(3, { timeMs: 20_000, action: 'restart', target: 'app2', note: 'App B restarts. After…', injected: false }, noLinks);
    expect(logText(byName.words, name)).toBe('App B restarts. After…');

    const mark = healthLogEntry(4, 23_000, 'lb', 'app1', 'lb-app1', true);
    expect(mark.nodes).toEqual(['lb', 'app1']);
    expect(logText(mark.words, name)).toBe('Load balancer health check marks App A down');
    expect(logText(healthLogEntry(5, 43_000, 'lb', 'app1', 'lb-app1', false).words, name)).toBe('Load balancer health check marks App A up again');
    // A failover names the node that took over, then the one it replaced (the log had no line for it).
    const failover = failoverLogEntry(7, 23_000, 'app1', 'app2');
    expect(failover).toMatchObject({ category: 'health', outcome: 'recovery', nodes: ['app2', 'app1'] });
    expect(logText(failover.words, name)).toBe('App B takes over as primary from App A');
    // Links have no names: a cut names the link by its ends, as the canvas shows it.
    const cut = scenarioLogEntry(6, { timeMs: 1000, action: 'cut', target: 'lb-app1', injected: true }, new Map([['lb-app1', ['lb', 'app1'] as const]]));
    expect(cut.linkId).toBe('lb-app1');
    expect(logText(cut.words, nodeNamer(doc.nodes, doc.links))).toBe('Load balancer → App A is cut');
    // A namer that does not know the links (and the engine's own text) keeps the id.
    expect(logText(cut.words, name)).toBe('lb-app1 is cut');
    // A lesson note that opens with the event by the link's id is said once.
    const noted = scenarioLogEntry(7, { timeMs: 1000, action: 'cut', target: 'lb-app1', note: 'lb-app1 is cut: the lb notices in 3 s', injected: false }, new Map([['lb-app1', ['lb', 'app1'] as const]]));
    expect(logText(noted.words, nodeNamer(doc.nodes, doc.links))).toBe('lb-app1 is cut: the lb notices in 3 s');
    // A configuration change reads the same whether the name looks singular or plural.
    const set = scenarioLogEntry(8, { timeMs: 30_000, action: 'set', target: 'app1', note: 'Scale the workers.', injected: false }, noLinks);
    expect(logText(set.words, name)).toBe('App A: new settings — Scale the workers.');
    // …and is filed as a change, not a fault (it is often the lesson's fix).
    expect([set.category, set.outcome]).toEqual(['change', 'info']);
    // A deleted link reads as its id.
    expect(nodeNamer(doc.nodes, doc.links)('gone-link')).toBe('gone-link');
  });

  it('the link menu names the link by its ends and still injects the fault at the id', () => {
    const doc = renamed();
    expect(linkFaultItems(doc, 'lb-app1', 0)[0]).toEqual({ label: 'Cut Load balancer → App A', fault: { action: 'cut', target: 'lb-app1' } });
    const cut = produce(doc, (draft) => {
      draft.scenario.push({ atS: 1, action: 'cut', target: 'lb-app1' });
    });
    expect(linkFaultItems(cut, 'lb-app1', 2000)[0]).toEqual({ label: 'Restore Load balancer → App A', fault: { action: 'restore', target: 'lb-app1' } });
  });

  it('the fault menu says "Crash App A" and still injects the fault at the id', () => {
    const doc = renamed();
    const items = nodeFaultItems(doc, 'app1', undefined, 0);
    expect(items[0]).toEqual({ label: 'Crash App A', fault: { action: 'crash', target: 'app1' } });
    expect(nodeFaultItems(doc, 'app2', NODE_DOWN, 0)[0]).toEqual({ label: 'Restart App B', fault: { action: 'restart', target: 'app2' } });
    expect(items.map((item) => item.label)).toContain('Partition region US East from the rest');
    const partition = linkFaultItems(doc, 'lb-app1', 0).find((item) => item.fault.action === 'partition')!;
    expect(partition).toEqual({ label: 'Partition Load balancer | App A', fault: { action: 'partition', groups: [['lb'], ['app1']] } });
  });

  it('a check without a label names its node by name', () => {
    const doc = renamed();
    expect(describeCheck({ metric: 'utilization', node: 'app1', op: '<=', value: 0.8 }, nodeNamer(doc.nodes))).toBe('Utilization of App A ≤ 80%');
  });
});

describe('checks after the run has ended', () => {
  const doc = renamed();
  const live = { actual: new Float64Array([0.99, Number.NaN]), pass: Uint8Array.from([1, 0]), final: new Uint8Array(2) };

  it('are final once the frame says the run ended, even before (or without) the report', () => {
    expect(checkRows(doc.checks, live, null).map((row) => row.source)).toEqual(['live', 'live']);
    const ended = checkRows(doc.checks, live, null, { ended: true });
    expect(ended.map(({ source, pass }) => ({ source, pass }))).toEqual([
      { source: 'final', pass: true },
      // Nothing measured by the end fails, as the report has it.
      { source: 'final', pass: false },
    ]);
  });

  it('keep the report of a design edited after the end (re-run to the end before its first frame)', () => {
    const model = new LiveModel();
    const loaded = { type: 'loaded' as const, protocol: PROTOCOL_VERSION as typeof PROTOCOL_VERSION, nodeIds: ['lb', 'app1'], linkIds: [], durationMs: 2000, warnings: [] };
    const report = { requests: { total: 10, ok: 10 }, checks: [{ id: 'available', actual: 1, pass: true }] };
    const frame = (ended: boolean, resync: boolean) => ({ type: 'frame', timeMs: 2000, ended, resync, metricRows: new Float64Array(0), consistencyRows: new Float64Array(0), nodeRows: new Float64Array(0), nodeStatus: new Uint8Array(2), queueFill: new Float32Array(2), log: [], logDropped: 0 }) as unknown as Frame;
    model.applyEvent(loaded);
    const firstRun = model.runSeq;
    model.applyEvent({ type: 'finished', report });
    model.applyFrame(frame(true, false));
    expect(model.report).toBe(report);
    // A structural edit after the end: the engine announces the re-run, finishes it, then sends its first (resync) frame.
    model.applyEvent(loaded);
    model.applyEvent({ type: 'finished', report });
    model.applyFrame(frame(true, true));
    expect(model.report).toBe(report);
    expect(checkRows(doc.checks, null, model.report, { ended: true })[0].source).toBe('final');
    // Each new run of the history is a new run for the charts' axes.
    expect(model.runSeq).toBeGreaterThan(firstRun);
    // Seeking back (a resync frame of a run not ended) clears it.
    model.applyFrame(frame(false, true));
    expect(model.report).toBeNull();
  });

  it('names nodes in the timeline markers, and links by their ends', () => {
    const doc = renamed();
    const name = nodeNamer(doc.nodes, doc.links);
    const crash = doc.scenario.find((event) => event.action === 'crash')!;
    expect(markerAriaLabel(crash, name)).toBe('Scenario event at 20.0 s: crash App B');
    expect(markerTitle(crash, name)).toMatch(/^20\.0 s — crash App B: app2 crashes/);
    expect(markerAriaLabel({ atS: 3, action: 'cut', target: 'lb-app1' }, name)).toBe('Scenario event at 3.0 s: cut Load balancer → App A');
    expect(markerTitle({ atS: 5, action: 'note' }, name)).toBe('5.0 s — note');
    // At or after the run's end (a Duration lowered under it): it never happens, and says so.
    expect(markerTitle({ atS: 5, action: 'note' }, name, 5)).toBe("5.0 s — note (at or after the run's end: it never happens)");
    expect(markerAriaLabel(crash, name, 10)).toBe("Scenario event at 20.0 s: crash App B (at or after the run's end: it never happens)");
    expect(markerAriaLabel(crash, name, 30)).toBe('Scenario event at 20.0 s: crash App B');
    // What a set, degrade, slow or partition does shows on the marker too (it showed only the target).
    expect(markerAriaLabel({ atS: 10, action: 'degrade', target: 'lb-app1', params: { latencyMs: 50, lossRate: 0.2 } }, name)).toBe('Scenario event at 10.0 s: degrade Load balancer → App A latencyMs 50, lossRate 0.2');
    expect(markerAriaLabel({ atS: 10, action: 'set', target: 'app2', params: { workers: 8, serviceMs: { dist: 'exp', mean: 5 } } }, name)).toBe('Scenario event at 10.0 s: set App B workers 8, serviceMs exp 5');
    expect(markerAriaLabel({ atS: 10, action: 'slow', target: 'app2', factor: 3 }, name)).toBe('Scenario event at 10.0 s: slow App B ×3');
    // A partition's groups read as the canvas shows them: regions by the names on their boxes.
    const withRegions = nodeNamer(doc.nodes, doc.links, doc.regions);
    expect(markerAriaLabel({ atS: 10, action: 'partition', groups: [['eu-west'], ['us-east', 'app2']] }, withRegions)).toBe('Scenario event at 10.0 s: partition EU West | US East, App B');
    // Times kept to the millisecond (a dragged marker) are not rounded to a tenth.
    expect(markerTitle({ atS: 12.25, action: 'note' }, name)).toBe('12.25 s — note');
    expect(markerAriaLabel({ atS: 23.847, action: 'crash', target: 'app2' }, name)).toBe('Scenario event at 23.847 s: crash App B');
    expect(markerAriaLabel({ atS: 0.1, action: 'heal' }, name)).toBe('Scenario event at 0.1 s: heal');
  });
});

import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { saveDocument } from '../../../shared/model/save';
import type { Check, FaultlineDocument } from '../../../shared/model/types';
import { METRIC_ROW_FLOATS } from '../../../shared/sim/session/protocol';
import { activeFaultsAt, linksAcross, NO_FAULTS } from '../../../renderer/live/activeFaults';
import { busiestNodes, chartedSeconds, errorData, inFlightData, latencyData, nodesWithData, perNodeData, perNodeSeriesSpecs, throughputData, unsettledFrom, worstSecond, failurePeakText } from '../../../renderer/live/chartSeries';
import { faultLinePoints } from '../../../renderer/live/faultLine';
import { linkFaultItems } from '../../../renderer/live/faultMenuItems';
import { checkRows, checkSourceText, checkState, formatActual, labelContradiction, pendingText } from '../../../renderer/live/liveCheckRows';
import { MetricSeries, NodeSeries } from '../../../renderer/live/metricSeries';
import { showsPendingLabel } from '../../../renderer/live/UPlotChart';
import { actionUnavailable, addScenarioEvent, deleteScenarioEvent, eventTimeProblem, groupsProblem, groupsTextProblem, moveScenarioEvent, parseEventTime, parseGroups, setScenarioAction, setScenarioParam, setScenarioTarget, targetsFor, timelinePosition } from '../../../renderer/live/scenarioEdits';

function classicStack(): FaultlineDocument {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return loaded.document;
}

function rows(list: number[][]): Float64Array {
  const out = new Float64Array(list.length * METRIC_ROW_FLOATS);
  list.forEach((row, i) => out.set(row, i * METRIC_ROW_FLOATS));
  return out;
}

/** Second `t`'s value for each node, as the engine's node rows give them. */
function putSecond(series: NodeSeries, t: number, perNode: number[]): void {
  perNode.forEach((value, node) => series.set(t, node, value));
}

describe('chart series', () => {
  const metrics = new MetricSeries(5);
  // t, sent, ok, failed, p50, p99, p95, error, timeout, rejected, dropped
  metrics.apply(rows([[0, 10, 10, 0, 4, 9, 8, 0, 0, 0, 0], [1, 10, 6, 4, 5, Number.NaN, 7, 1, 0, 0, 3], [2, 10, 4, 6, 5, 12, 10, 0, 0, 0, 2]]));

  it('throughput: ok and finished failures per second (requests still in flight are not failures)', () => {
    expect(throughputData(metrics)).toEqual([[0, 1, 2], [10, 6, 4], [0, 4, 2]]);
  });

  it('in flight: requests of a second with no outcome yet, rising from 0 at the live edge and absent before', () => {
    // Second 2 sent 10: 4 ok, 2 failed so far, 4 still waiting (the ok and failed lines dip
    // there; lesson 11 paused on "Will it recover?" over a failed line that seemed to fall).
    expect(inFlightData(metrics)).toEqual([null, 0, 4]);
    expect(inFlightData(metrics, 2)).toEqual([null, null]);
    const settled = new MetricSeries(2);
    settled.apply(rows([[0, 10, 10, 0, 4, 9, 8, 0, 0, 0, 0], [1, 10, 6, 4, 5, 9, 7, 4, 0, 0, 0]]));
    expect(inFlightData(settled)).toEqual([null, null]);
  });

  it('not final: the first second with requests still waiting, where the request charts\' shading starts', () => {
    expect(unsettledFrom(metrics)).toBe(2);
    // Only the seconds charted count (the one in progress is left out while running).
    expect(unsettledFrom(metrics, 2)).toBeNull();
    const settled = new MetricSeries(2);
    settled.apply(rows([[0, 10, 10, 0, 4, 9, 8, 0, 0, 0, 0], [1, 10, 6, 4, 5, 9, 7, 4, 0, 0, 0]]));
    expect(unsettledFrom(settled)).toBeNull();
    // An early second still waiting (a long timeout) opens the shading there, not at the edge.
    const early = new MetricSeries(3);
    early.apply(rows([[0, 10, 9, 0, 4, 9, 8, 0, 0, 0, 0], [1, 10, 10, 0, 5, 9, 7, 0, 0, 0, 0], [2, 10, 7, 0, 5, 9, 7, 0, 0, 0, 0]]));
    expect(unsettledFrom(early)).toBe(0);
  });

  it('not final: the shading is labelled when two seconds or more are open and the plot has room', () => {
    const plot = { width: 120, height: 90 };
    // Lesson 11 paused at 20 s: seconds 18 and 19 still waiting on timeouts.
    expect(showsPendingLabel(18, 19, plot, 47)).toBe(true);
    // Only the last second (its newest requests are always in flight): the band, no words.
    expect(showsPendingLabel(54, 54, plot, 47)).toBe(false);
    // An 800×600 window's plots: too small to write over.
    expect(showsPendingLabel(18, 19, { width: 90, height: 40 }, 47)).toBe(false);
    expect(showsPendingLabel(18, 19, { width: 80, height: 90 }, 47)).toBe(false);
  });

  it('latency: p50, p95, p99 with gaps where a second had no ok request', () => {
    expect(latencyData(metrics)).toEqual([[0, 1, 2], [4, 5, 5], [8, 7, 10], [9, null, 12]]);
  });

  it('errors by outcome, and the worst second', () => {
    expect(errorData(metrics)).toEqual([[0, 1, 2], [0, 1, 0], [0, 0, 0], [0, 0, 0], [0, 3, 2]]);
    expect(worstSecond(metrics)).toEqual({ t: 1, failures: 4 });
    expect(worstSecond(new MetricSeries(3))).toBeNull();
    expect(failurePeakText({ t: 1, failures: 4 })).toBe('Peak: 4 failed, sent at 1 s');
    expect(failurePeakText({ t: 7, failures: 1 })).toBe('Peak: 1 failed, sent at 7 s');
    expect(failurePeakText(null)).toBe('No failures so far.');
    // A minute or more reads as the clock does (m:ss), not "889 s".
    expect(failurePeakText({ t: 59, failures: 2 })).toBe('Peak: 2 failed, sent at 59 s');
    expect(failurePeakText({ t: 60, failures: 2 })).toBe('Peak: 2 failed, sent at 1:00');
    expect(failurePeakText({ t: 889, failures: 2 })).toBe('Peak: 2 failed, sent at 14:49')
    expect(failurePeakText({ t: 3, failures: 12_345 })).toBe('Peak: 12,345 failed, sent at 3 s');
    expect(failurePeakText(null, true)).toBe('No failures in this run.');
  });

  it('leaves the second in progress out while running, not once the run ended', () => {
    expect(chartedSeconds(metrics, 2500, false)).toBe(2);
    expect(chartedSeconds(metrics, 2500, true)).toBe(3);
    expect(throughputData(metrics, 2)).toEqual([[0, 1], [10, 6], [0, 4]]);
  });

  it('per node: percent series for the nodes that have data', () => {
    const series = new NodeSeries(3, 4);
    putSecond(series, 0, [0.5, Number.NaN, 0.25]);
    putSecond(series, 1, [1, Number.NaN, 0]);
    const nodes = nodesWithData(series, 2);
    expect(nodes).toEqual([0, 2]);
    expect(perNodeData(series, nodes, 2)).toEqual([[0, 1], [50, 100], [25, 0]]);
    expect(busiestNodes(series, 2, 1)).toEqual([0]);
    putSecond(series, 2, [0, Number.NaN, 1]);
    expect(busiestNodes(series, 3, 5)).toEqual([0, 2]);
  });

  it('per node: a node selected on the canvas is charted however idle, first; the busiest fill the rest', () => {
    // Lesson 8's idle range shards never made the busiest six, while its narration compares them.
    const series = new NodeSeries(8, 2);
    putSecond(series, 0, [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.01, 0]);
    expect(busiestNodes(series, 1, 6)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(busiestNodes(series, 1, 6, new Set([7]))).toEqual([7, 0, 1, 2, 3, 4]);
    expect(busiestNodes(series, 1, 6, new Set([6, 7, 1]))).toEqual([1, 6, 7, 0, 2, 3]);
    // A selected node without data here (not a cache, for the hit ratio) takes no place.
    const withGap = new NodeSeries(3, 1);
    putSecond(withGap, 0, [0.5, Number.NaN, 0.2]);
    expect(busiestNodes(withGap, 1, 6, new Set([1]))).toEqual([0, 2]);
  });

  it('per node: a node keeps its colour when the legend re-orders (busiest first)', () => {
    const series = new NodeSeries(3, 4);
    putSecond(series, 0, [0.6, 0.3, Number.NaN]);
    putSecond(series, 1, [0.6, 0.3, Number.NaN]);
    const label = (i: number) => `node ${i}`;
    const early = perNodeSeriesSpecs(busiestNodes(series, 2, 6), label);
    expect(early.map((s) => s.label)).toEqual(['node 0', 'node 1']);
    // Node 0 crashes, node 1 takes its traffic and becomes the busiest: the legend re-orders.
    putSecond(series, 2, [0, 0.9, Number.NaN]);
    const late = perNodeSeriesSpecs(busiestNodes(series, 3, 6), label);
    expect(late.map((s) => s.label)).toEqual(['node 1', 'node 0']);
    const colour = (specs: { label: string; color: string }[], name: string) => specs.find((s) => s.label === name)?.color;
    expect(colour(late, 'node 0')).toBe(colour(early, 'node 0'));
    expect(colour(late, 'node 1')).toBe(colour(early, 'node 1'));
    expect(colour(late, 'node 0')).not.toBe(colour(late, 'node 1'));
    // Past the palette, colours still differ from their neighbours'.
    const many = perNodeSeriesSpecs([10, 11, 12, 13], label).map((s) => s.color);
    expect(new Set(many).size).toBe(4);
    for (const c of many) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('active faults', () => {
  it('replays cut / restore / degrade / partition / heal up to a time', () => {
    const base = classicStack();
    const doc = produce(base, (draft) => {
      draft.scenario.push(
        { atS: 1, action: 'cut', target: 'lb-app1' },
        { atS: 2, action: 'degrade', target: 'app1-db', params: { latencyMs: 100 } },
        { atS: 3, action: 'partition', groups: [['eu-west'], ['us-east']] },
        { atS: 4, action: 'restore', target: 'lb-app1' },
        { atS: 5, action: 'heal' },
      );
    });
    expect(activeFaultsAt(doc, 500)).toBe(NO_FAULTS);
    expect([...activeFaultsAt(doc, 1000).cutLinks]).toEqual(['lb-app1']);
    const at3 = activeFaultsAt(doc, 3500);
    expect([...at3.degradedLinks]).toEqual(['app1-db']);
    expect(at3.partitions).toHaveLength(1);
    expect(at3.partitions[0][0]).toEqual(['users-eu']);
    // The EU users reach DNS, CDN and the lb in us-east: those three links cross the partition.
    expect(linksAcross(doc, at3.partitions[0]).sort()).toEqual(['eu-cdn', 'eu-dns', 'eu-lb']);
    expect(activeFaultsAt(doc, 4000).cutLinks.size).toBe(0);
    expect(activeFaultsAt(doc, 5000).partitions).toEqual([]);
  });

  it('the link menu offers Restore for a cut or a degraded link, and Cut once restored (restore undoes both)', () => {
    const doc = produce(classicStack(), (draft) => {
      draft.scenario.push({ atS: 1, action: 'degrade', target: 'lb-app1', params: { latencyMs: 100 } }, { atS: 2, action: 'restore', target: 'lb-app1' });
    });
    const first = (timeMs: number) => linkFaultItems(doc, 'lb-app1', timeMs)[0].fault.action;
    expect(first(500)).toBe('cut');
    expect(first(1500)).toBe('restore');
    expect(first(2500)).toBe('cut');
  });

  it('the fault line crosses every cut link and overhangs the outermost ones', () => {
    const segments = [
      { start: { x: 0, y: 0 }, end: { x: 100, y: 0 } },
      { start: { x: 0, y: 100 }, end: { x: 100, y: 100 } },
    ];
    const points = faultLinePoints(segments);
    expect(points.length).toBeGreaterThan(4);
    // Links run along x; the crack runs along y through both midpoints (50, 0) and (50, 100).
    expect(points).toContainEqual({ x: 50, y: 0 });
    expect(points).toContainEqual({ x: 50, y: 100 });
    const ys = points.map((p) => p.y);
    expect(Math.min(...ys)).toBeLessThan(0);
    expect(Math.max(...ys)).toBeGreaterThan(100);
    // Jagged: the line leaves the straight path between anchors.
    expect(points.some((p) => Math.abs(p.x - 50) > 5)).toBe(true);
    expect(faultLinePoints([])).toEqual([]);
  });
});

describe('scenario edits', () => {
  it('adds, moves (clamped into the run), retargets and deletes events, keeping the document valid', () => {
    const doc = classicStack();
    const added = produce(doc, (draft) => {
      addScenarioEvent(draft, 12.3456);
    });
    const index = added.scenario.length - 1;
    // A new note starts without text (the editor shows a placeholder), never with placeholder text.
    expect(added.scenario[index]).toEqual({ atS: 12.346, action: 'note' });
    expect(loadDocument(saveDocument(added)).ok, 'a note without text is valid').toBe(true);
    // Moved past the end it stays in the run: an event at durationS would never happen.
    const moved = produce(added, (draft) => moveScenarioEvent(draft, index, 500));
    expect(moved.scenario[index].atS).toBe(doc.durationS - 0.001);
    const crash = produce(moved, (draft) => setScenarioAction(draft, index, 'crash'));
    expect(crash.scenario[index].target).toBe(Object.keys(doc.nodes)[0]);
    const cut = produce(crash, (draft) => setScenarioAction(draft, index, 'cut'));
    expect(cut.scenario[index].target).toBe(Object.keys(doc.links)[0]);
    const slow = produce(cut, (draft) => setScenarioAction(draft, index, 'slow'));
    expect(slow.scenario[index]).toMatchObject({ action: 'slow', factor: 5, target: Object.keys(doc.nodes)[0] });
    expect(loadDocument(saveDocument(slow)).ok).toBe(true);
    const deleted = produce(slow, (draft) => deleteScenarioEvent(draft, index));
    expect(deleted.scenario).toEqual(doc.scenario);
    expect(parseGroups(' a, b | c ,| ')).toEqual([['a', 'b'], ['c']]);
  });

  it('read a typed event time as seconds or as the clock writes it (minutes:seconds, hours too)', () => {
    expect(parseEventTime('90.5')).toEqual({ ok: true, value: 90.5 });
    expect(parseEventTime(' 1:30 ')).toEqual({ ok: true, value: 90 });
    expect(parseEventTime('30:00.0')).toEqual({ ok: true, value: 1800 });
    expect(parseEventTime('0:05.25')).toEqual({ ok: true, value: 5.25 });
    expect(parseEventTime('1:01:30')).toEqual({ ok: true, value: 3690 });
    expect(parseEventTime('')).toEqual({ ok: true, value: undefined });
    const notATime = (text: string) => ({ ok: false, message: `"${text}" is not a time: write seconds (90) or minutes:seconds (1:30)` });
    for (const text of ['1:75', '1:', ':30', '1:2:3:4', '1.5:30', '-1:30', '1:30s']) expect(parseEventTime(text)).toEqual(notATime(text));
    const hour = { ...classicStack(), durationS: 3600 };
    expect(eventTimeProblem(hour, '59:59.9')).toBeNull();
    expect(eventTimeProblem(hour, '60:00')).toBe('must be before the end of the run (3600 s): an event at 3600 s never happens');
  });

  it('refuse a typed event time outside the run instead of clamping it (an event at durationS never happens)', () => {
    const doc = { ...classicStack(), durationS: 60 };
    expect(eventTimeProblem(doc, '59.999')).toBeNull();
    expect(eventTimeProblem(doc, '0')).toBeNull();
    expect(eventTimeProblem(doc, '75')).toBe('must be before the end of the run (60 s): an event at 75 s never happens');
    expect(eventTimeProblem(doc, '60')).toBe('must be before the end of the run (60 s): an event at 60 s never happens');
    expect(eventTimeProblem(doc, '59.9999')).toBe('must be before the end of the run (60 s): an event at 59.9999 s never happens');
    expect(eventTimeProblem(doc, '-1')).toBe('must be a time in seconds ≥ 0');
    expect(eventTimeProblem(doc, '')).toBe('a time in seconds is needed');
    expect(eventTimeProblem(doc, '7s')).toBe('"7s" is not a number');
    const added = produce(doc, (draft) => {
      addScenarioEvent(draft, 60);
    });
    expect(added.scenario.at(-1)!.atS, 'added at the end of a finished run: the last millisecond').toBe(59.999);
  });

  it('a flush goes to a cache or CDN, never the first node (a client made the document invalid and stopped the run taking edits)', () => {
    const doc = classicStack();
    const added = produce(doc, (draft) => {
      addScenarioEvent(draft, 5);
    });
    const index = added.scenario.length - 1;
    expect(targetsFor(doc, 'flush')).toEqual(['cdn', 'cache']);
    const flush = produce(added, (draft) => setScenarioAction(draft, index, 'flush'));
    expect(flush.scenario[index]).toMatchObject({ action: 'flush', target: 'cdn' });
    expect(loadDocument(saveDocument(flush)).ok).toBe(true);
    // From crash app1 to flush: app1 cannot be flushed, so the first cache or CDN; from flush to crash the target stays.
    const crashApp = produce(added, (draft) => {
      setScenarioAction(draft, index, 'crash');
      draft.scenario[index].target = 'app1';
    });
    expect(produce(crashApp, (draft) => setScenarioAction(draft, index, 'flush')).scenario[index].target).toBe('cdn');
    expect(produce(flush, (draft) => setScenarioAction(draft, index, 'crash')).scenario[index].target).toBe('cdn');
    // A design with nothing to flush or cut: those actions are unavailable, and choosing one changes nothing.
    const bare = produce(doc, (draft) => {
      for (const id of ['cdn', 'cache']) delete draft.nodes[id];
      for (const id of Object.keys(draft.links)) delete draft.links[id];
      draft.scenario = [{ atS: 1, action: 'note' }];
    });
    expect(actionUnavailable(bare, 'flush')).toBe('the design has no cache or CDN to flush');
    expect(actionUnavailable(bare, 'cut')).toBe('the design has no links');
    expect(actionUnavailable(bare, 'crash')).toBeNull();
    expect(produce(bare, (draft) => setScenarioAction(draft, 0, 'flush')).scenario[0]).toEqual({ atS: 1, action: 'note' });
  });

  it('set and degrade parameters are edited one field at a time; an emptied field leaves the patch', () => {
    const doc = produce(classicStack(), (draft) => {
      draft.scenario = [{ atS: 1, action: 'note' }];
    });
    const degrade = produce(doc, (draft) => setScenarioAction(draft, 0, 'degrade'));
    expect(degrade.scenario[0].params).toEqual({ latencyMs: 200 });
    const lossy = produce(degrade, (draft) => {
      setScenarioParam(draft, 0, ['lossRate'], 0.1);
      setScenarioParam(draft, 0, ['latencyMs'], undefined);
    });
    expect(lossy.scenario[0].params).toEqual({ lossRate: 0.1 });
    // Another degrade-like action keeps them; a set (a node's config) starts its own patch.
    const set = produce(lossy, (draft) => setScenarioAction(draft, 0, 'set'));
    expect(set.scenario[0].params).toEqual({});
    const patched = produce(set, (draft) => {
      draft.scenario[0].target = 'app1';
      setScenarioParam(draft, 0, ['workers'], 8);
      setScenarioParam(draft, 0, ['serviceMs'], { dist: 'lognormal', mean: 5, sigma: 0.8 });
    });
    expect(patched.scenario[0].params).toEqual({ workers: 8, serviceMs: { dist: 'lognormal', mean: 5, sigma: 0.8 } });
    expect(loadDocument(saveDocument(patched)).ok).toBe(true);
    // A nested field emptied takes its group with it once the group is empty, and only then.
    const checked = produce(set, (draft) => {
      draft.scenario[0].target = 'lb';
      setScenarioParam(draft, 0, ['healthCheck', 'intervalMs'], 250);
      setScenarioParam(draft, 0, ['healthCheck', 'timeoutMs'], 100);
    });
    const one = produce(checked, (draft) => setScenarioParam(draft, 0, ['healthCheck', 'intervalMs'], undefined));
    expect(one.scenario[0].params).toEqual({ healthCheck: { timeoutMs: 100 } });
    const none = produce(one, (draft) => setScenarioParam(draft, 0, ['healthCheck', 'timeoutMs'], undefined));
    expect(none.scenario[0].params).toEqual({});
    // Pointed at another node, a set keeps only what that node's kind has: a client has no workers or service time; another app has both.
    const users = produce(patched, (draft) => {
      setScenarioParam(draft, 0, ['rps'], undefined);
      setScenarioTarget(draft, 0, 'users-us');
    });
    expect(users.scenario[0]).toMatchObject({ target: 'users-us', params: {} });
    const otherApp = produce(patched, (draft) => setScenarioTarget(draft, 0, 'app2'));
    expect(otherApp.scenario[0]).toMatchObject({ target: 'app2', params: { workers: 8, serviceMs: { dist: 'lognormal', mean: 5, sigma: 0.8 } } });
    const loaded = loadDocument(saveDocument(users));
    expect(loaded.ok && loaded.warnings.filter((warning) => warning.path.startsWith('scenario[0].params.'))).toEqual([]);
  });

  it('say why typed partition groups cannot be used, by the loader\'s rules', () => {
    const doc = classicStack();
    expect(groupsProblem(doc, parseGroups('users-eu, app1 | us-east'))).toBe('"app1" is in region "us-east", which is in another group; a member can be on one side only');
    expect(groupsProblem(doc, parseGroups('users-eu, eu-west | us-east'))).toBeNull();
    expect(groupsProblem(doc, parseGroups('eu-west | users-us, app1'))).toBeNull();
    expect(groupsProblem(doc, parseGroups('nonexistent | app1'))).toBe('"nonexistent" is neither a node nor a region');
    expect(groupsProblem(doc, parseGroups('app1 | app1'))).toBe('"app1" is in two groups; a member can be on one side only');
    expect(groupsProblem(doc, parseGroups(' | '))).toBe('name two groups of node or region ids: a, b | c');
    // One group cuts nothing off (the loader warns; the editor refuses, as it does a time past the end).
    expect(groupsProblem(doc, parseGroups('eu-west'))).toBe('name a second group after |: traffic is cut only between groups');
    expect(groupsProblem(doc, parseGroups('eu-west, nosuch'))).toBe('"nosuch" is neither a node nor a region');
    // Names are what the canvas shows: one typed here is answered with its id.
    expect(groupsProblem(doc, parseGroups('Users (EU) | app1'))).toBe('"Users (EU)" is a name: groups take ids, so write users-eu');
    expect(groupsProblem(doc, parseGroups('us east | eu-west'))).toBe('"us east" is a name: groups take ids, so write us-east');
    // An empty group in the middle was dropped without a word; a | still being typed at the end is not that.
    expect(groupsTextProblem(doc, 'users-eu || eu-west')).toBe('a group between two | is empty: name its nodes or regions, or take one | out');
    expect(groupsTextProblem(doc, 'users-eu |  | app1')).toBe('a group between two | is empty: name its nodes or regions, or take one | out');
    expect(groupsTextProblem(doc, 'eu-west |')).toBe('name a second group after |: traffic is cut only between groups');
    expect(groupsTextProblem(doc, 'eu-west | us-east')).toBeNull();
  });

  it('number an event by where it comes on the timeline, not by when it was added', () => {
    const scenario = [{ atS: 30 }, { atS: 5 }, { atS: 30 }, { atS: 0 }];
    expect(scenario.map((_, index) => timelinePosition(scenario, index).position)).toEqual([3, 2, 4, 1]);
    expect(timelinePosition(scenario, 0).count).toBe(4);
  });

  it('start a new partition with the first region against the others, or the nodes in halves without regions', () => {
    const doc = classicStack();
    const index = doc.scenario.length;
    const partitioned = produce(doc, (draft) => {
      addScenarioEvent(draft, 30);
      setScenarioAction(draft, index, 'partition');
    });
    expect(partitioned.scenario[index].groups).toEqual([['eu-west'], ['us-east']]);
    expect(groupsProblem(partitioned, partitioned.scenario[index].groups!)).toBeNull();
    const withoutRegions = produce(doc, (draft) => {
      draft.regions = {};
      for (const node of Object.values(draft.nodes)) delete node.region;
      addScenarioEvent(draft, 30);
      setScenarioAction(draft, index, 'partition');
    });
    const ids = Object.keys(doc.nodes);
    expect(withoutRegions.scenario[index].groups).toEqual([ids.slice(0, Math.ceil(ids.length / 2)), ids.slice(Math.ceil(ids.length / 2))]);
  });
});

describe('check rows', () => {
  it('say what is checked when a label\'s numbers leave out the threshold (a label left behind by an edit)', () => {
    const p99: Check = { id: 'p99', label: 'p99 latency stays under 500 ms', metric: 'latency.p99', op: '<', value: 500 };
    expect(labelContradiction(p99)).toBeNull();
    // "p99" is a word, not the number 99.
    expect(labelContradiction({ ...p99, value: 250 })).toBe('p99 latency < 250 ms');
    expect(labelContradiction({ ...p99, label: 'p99 stays under 500 ms from 20 s', value: 20 })).toBeNull();
    expect(labelContradiction({ ...p99, label: 'Checkout stays fast', value: 250 })).toBeNull();
    const { label: _unlabelled, ...described } = p99;
    expect(labelContradiction(described)).toBeNull();
    const available: Check = { label: 'At least 99.9% of requests succeed', metric: 'availability', op: '>=', value: 0.999 };
    expect(labelContradiction(available)).toBeNull();
    expect(labelContradiction({ ...available, label: 'Availability at least 0.999' })).toBeNull();
    expect(labelContradiction({ ...available, value: 0.95 })).toBe('Availability ≥ 95%');
    const busy: Check = { label: 'Serves 1,900 requests a second', metric: 'throughput', op: '>=', value: 1900 };
    expect(labelContradiction(busy)).toBeNull();
    expect(labelContradiction({ ...busy, value: 1000 })).toBe('Throughput ≥ 1000/s');
  });

  it('live values while running, the report once finished, pending before anything is measured', () => {
    const doc = classicStack();
    const pending = checkRows(doc.checks, { actual: new Float64Array([Number.NaN, Number.NaN]), pass: new Uint8Array(2), final: new Uint8Array(2) }, null);
    expect(pending.map((row) => row.pass)).toEqual([null, null]);
    // Nothing measured yet (before Play): no "so far" beside an empty value.
    expect(pending.map(checkSourceText)).toEqual(['', '']);
    const live = checkRows(doc.checks, { actual: new Float64Array([0.9, 120]), pass: Uint8Array.from([0, 1]), final: new Uint8Array(2) }, null);
    expect(live.map((row) => [row.pass, row.source])).toEqual([[false, 'live'], [true, 'live']]);
    expect(live.map(checkSourceText)).toEqual(['so far', 'so far']);
    const final = checkRows(doc.checks, null, { checks: [{ id: 'available', actual: 0.97, pass: true }, { id: 'p99', actual: null, pass: false }] });
    expect(final.map((row) => [row.actual, row.pass, row.source])).toEqual([[0.97, true, 'final'], [null, false, 'final']]);
    expect(final.map(checkSourceText)).toEqual(['final', 'final']);
    expect(formatActual('availability', 0.97)).toBe('97.00%');
    expect(formatActual('latency.p99', 12.34)).toBe('12.3 ms');
    // Counts and rates are grouped like the other counts on screen ("1,833", not "1833").
    expect(formatActual('staleReads', 1833)).toBe('1,833');
    expect(formatActual('lostWrites', 48)).toBe('48');
    expect(formatActual('throughput', 2345.67)).toBe('2,345.7/s');
  });

  it('a live verdict the rest of its window can still change is pending, neither pass nor fail; a final one keeps its mark', () => {
    const doc = classicStack();
    doc.checks = [
      { id: 'fills', label: 'The queue reaches its capacity', metric: 'queue.maxDepth', node: 'app1', op: '>=', value: 1900 },
      { id: 'fast', metric: 'latency.p99', op: '<=', value: 200, toS: 30 },
      { id: 'noLoss', metric: 'lostWrites', op: '<=', value: 0, toS: 10 },
      { id: 'later', metric: 'availability', op: '>=', value: 0.99, fromS: 40 },
    ];
    const rows = checkRows(doc.checks, { actual: Float64Array.from([1200, 150, 0, Number.NaN]), pass: Uint8Array.from([0, 1, 1, 0]), final: new Uint8Array(4) }, null);
    expect(rows.map(checkState)).toEqual(['pending', 'pending', 'pending', 'unmeasured']);
    // The value so far stays in view, and says it is so far.
    expect(rows.map((row) => [row.actual, checkSourceText(row)])).toEqual([[1200, 'so far'], [150, 'so far'], [0, 'so far'], [null, '']]);
    // What it waits for: the threshold where the label does not state it, and when the window ends.
    expect(pendingText(doc.checks[0], 60)).toBe('needs ≥ 1,900 · window ends at 1:00');
    expect(pendingText(doc.checks[1], 60)).toBe('window ends at 30 s');
    expect(pendingText(doc.checks[2], 60)).toBe('window ends at 10 s, decided when the run ends at 1:00');
    expect(pendingText({ ...doc.checks[0], toS: 12.5 }, 60)).toBe('needs ≥ 1,900 · window ends at 0:12.5');

    const decided = checkRows(doc.checks, { actual: Float64Array.from([1950, 150, 2, Number.NaN]), pass: Uint8Array.from([1, 1, 0, 0]), final: Uint8Array.from([1, 0, 1, 0]) }, null);
    expect(decided.map(checkState)).toEqual(['pass', 'pending', 'fail', 'unmeasured']);
    expect(decided.map(checkSourceText)).toEqual(['final', 'so far', 'final', '']);
    // Once the run has ended every verdict is final, the report's or, before it arrives, the last frame's.
    const ended = checkRows(doc.checks, { actual: Float64Array.from([1950, 150, 0, Number.NaN]), pass: Uint8Array.from([1, 1, 1, 0]), final: new Uint8Array(4) }, null, { ended: true });
    expect(ended.map(checkState)).toEqual(['pass', 'pass', 'pass', 'fail']);
  });

  it('never rounds a measured value onto or across its check\'s threshold', () => {
    // Failing "availability ≥ 99.999%" must not read "100.00%"; failing "error rate ≤ 0%" not "0.00%".
    expect(formatActual('availability', 0.999985, { value: 0.99999 })).toBe('99.9985%');
    expect(formatActual('errorRate', 0.00004, { value: 0 })).toBe('0.004%');
    expect(formatActual('latency.p99', 12.34, { value: 12.3 })).toBe('12.34 ms');
    expect(formatActual('throughput', 99.96, { value: 100 })).toBe('99.96/s');
    // Clear of the threshold, or exactly on it, the usual decimals.
    expect(formatActual('availability', 0.981015, { value: 0.95 })).toBe('98.10%');
    expect(formatActual('errorRate', 0, { value: 0 })).toBe('0.00%');
    expect(formatActual('latency.p99', 315.366, { value: 500 })).toBe('315.4 ms');
  });

  it('reads a value exactly on its threshold with the usual decimals, whatever the scaling to percent does to it', () => {
    // 0.57 × 100 is 56.99999999999999 in binary floating point: the same number as the threshold,
    // not one below it that needs eight decimals to stay below.
    expect(formatActual('cache.hitRatio', 57 / 100, { value: 0.57 })).toBe('57.00%');
    expect(formatActual('availability', 7 / 100, { value: 0.07 })).toBe('7.00%');
  });
});

import { describe, expect, it } from 'vitest';
import { METRIC_ROW_FLOATS, PROTOCOL_VERSION, type Frame, type LogEntry } from '../../../shared/sim/session/protocol';
import { LiveModel, LOG_KEEP } from '../../../renderer/live/liveModel';
import { filterLog, matchesLogFilter, NO_LOG_FILTER, scenarioLogEntry } from '../../../renderer/live/liveLog';
import { describeCheck } from '../../../renderer/live/liveCheckRows';

const NODES = ['lb', 'app1', 'app2'];
const LINKS = ['lb-app1', 'lb-app2'];

function frame(timeMs: number, options: { marks?: number[]; log?: LogEntry[]; rows?: number[][]; nodeRows?: Float64Array; consistencyRows?: Float64Array; resync?: boolean; playing?: boolean } = {}): Frame {
  const n = NODES.length;
  const rows = options.rows ?? [];
  const metricRows = new Float64Array(rows.length * METRIC_ROW_FLOATS);
  rows.forEach((row, i) => metricRows.set(row, i * METRIC_ROW_FLOATS));
  return {
    type: 'frame',
    seq: 0,
    timeMs,
    durationMs: 10_000,
    playing: options.playing ?? true,
    speed: 1,
    achievedSpeed: 1,
    ended: false,
    nodeStatus: new Uint8Array(n),
    utilization: new Float32Array(n).fill(0.5),
    queueFill: new Float32Array(n),
    cacheFill: new Float32Array(n).fill(Number.NaN),
    role: new Uint8Array(n),
    hitRatio: new Float32Array(n).fill(Number.NaN),
    linkMarkedDown: Uint8Array.from(options.marks ?? [0, 0]),
    linkRates: new Float32Array((options.marks ?? [0, 0]).length * 3),
    checkActual: new Float64Array(0),
    checkPass: new Uint8Array(0),
    checkFinal: new Uint8Array(0),
    consistency: new Float64Array(3),
    packetCount: 0,
    packets: new Float32Array(0),
    metricRows,
    consistencyRows: options.consistencyRows ?? new Float64Array(0),
    nodeRows: options.nodeRows ?? new Float64Array(0),
    resync: options.resync ?? false,
    log: options.log ?? [],
    logDropped: 0,
  };
}

function loadedModel(): LiveModel {
  const model = new LiveModel();
  model.setLinkEnds(new Map([['lb-app1', ['lb', 'app1'] as const], ['lb-app2', ['lb', 'app2'] as const]]));
  model.applyEvent({ type: 'loaded', protocol: PROTOCOL_VERSION, nodeIds: NODES, linkIds: LINKS, durationMs: 10_000, warnings: [] });
  return model;
}

describe('LiveModel', () => {
  it('shows how far a long seek has got until the frame it ends with arrives', () => {
    const model = loadedModel();
    model.applyFrame(frame(2000));
    expect(model.seekProgress).toBeNull();
    const version = model.version;
    model.applyEvent({ type: 'progress', doneMs: 3000, targetMs: 9000 });
    expect(model.seekProgress).toEqual({ doneMs: 3000, targetMs: 9000 });
    expect(model.version).toBeGreaterThan(version);
    model.applyEvent({ type: 'progress', doneMs: 6000, targetMs: 9000 });
    expect(model.seekProgress).toEqual({ doneMs: 6000, targetMs: 9000 });
    model.applyFrame(frame(9000));
    expect(model.seekProgress).toBeNull();
  });

  it('turns scenario events into log rows and notes into captions', () => {
    const model = loadedModel();
    model.applyFrame(frame(2000, { log: [{ timeMs: 2000, action: 'crash', target: 'app2', note: 'app2 goes away', injected: true }] }));
    expect(model.log).toHaveLength(1);
    expect(model.log[0]).toMatchObject({ category: 'fault', outcome: 'failure', nodes: ['app2'], injected: true });
    expect(model.log[0].text).toBe('app2 crashes — app2 goes away');
    expect(model.caption).toEqual({ timeMs: 2000, text: 'app2 goes away', paused: false });
  });

  it('joins the notes of events at one moment into one caption, in scenario order (lesson 12 pauses on two)', () => {
    const model = loadedModel();
    model.applyFrame(frame(1000, { log: [{ timeMs: 1000, action: 'note', note: 'Warm-up.', injected: false }] }));
    model.applyFrame(
      frame(6000, {
        log: [
          { timeMs: 6000, action: 'cut', target: 'lb-app2', note: 'Now app2 is cut off...', injected: false },
          { timeMs: 6000, action: 'cut', target: 'lb-app1', injected: false },
          { timeMs: 6000, action: 'set', target: 'app1', note: '...and app1 slows down.', injected: false },
        ],
      }),
    );
    expect(model.caption).toEqual({ timeMs: 6000, text: 'Now app2 is cut off... ...and app1 slows down.', paused: false });
    // A later note starts a caption of its own.
    model.applyFrame(frame(7000, { log: [{ timeMs: 7000, action: 'note', note: 'Later.', injected: false }] }));
    expect(model.caption?.text).toBe('Later.');
  });

  it('logs a health check marking a target down and up at the simulated time the engine reports, naming both nodes', () => {
    const model = loadedModel();
    model.applyFrame(frame(1000));
    // The frame at 1.6 s carries a mark made at 1.234 s: the log says 1.234 s, not the frame's time.
    model.applyFrame(frame(1600, { marks: [0, 1], log: [{ timeMs: 1234, action: 'health-down', target: 'lb-app2', injected: false }] }));
    model.applyFrame(frame(4000, { marks: [0, 0], log: [{ timeMs: 3987.5, action: 'health-up', target: 'lb-app2', injected: false }] }));
    expect(model.log.map((entry) => [entry.timeMs, entry.text, entry.outcome, entry.category])).toEqual([
      [1234, 'lb health check marks app2 down', 'failure', 'health'],
      [3987.5, 'lb health check marks app2 up again', 'recovery', 'health'],
    ]);
    expect(model.log[0].nodes).toEqual(['lb', 'app2']);
    expect(model.log[0].linkId).toBe('lb-app2');
  });

  it('logs a random crash and repair (mtbfS / mttrS) of a node, which no scenario event announces', () => {
    const model = loadedModel();
    model.applyFrame(frame(9000, { log: [{ timeMs: 8123.4, action: 'random-crash', target: 'app1', injected: false }, { timeMs: 8950, action: 'random-repair', target: 'app1', injected: false }] }));
    expect(model.log.map((entry) => [entry.timeMs, entry.text, entry.category, entry.outcome, entry.nodes])).toEqual([
      [8123.4, 'app1 crashes (random failure)', 'fault', 'failure', ['app1']],
      [8950, 'app1 is repaired', 'recovery', 'recovery', ['app1']],
    ]);
  });

  it('keeps the end-of-run summary when the frame carrying the last notes arrives after it', () => {
    const model = loadedModel();
    model.applyEvent({ type: 'finished', report: { requests: { total: 10, ok: 10 }, checks: [] } });
    model.applyFrame(frame(10_000, { log: [{ timeMs: 4000, action: 'note', note: 'app2 restarts', injected: false }] }));
    expect(model.caption?.text).toBe('Run finished: 100.0% of 10 requests ok.');
    expect(model.log.map((entry) => entry.text)).toEqual(['app2 restarts']);
    // Seeking back starts afresh: earlier notes caption again.
    model.applyFrame(frame(4000, { resync: true, log: [{ timeMs: 4000, action: 'note', note: 'app2 restarts', injected: false }] }));
    expect(model.caption?.text).toBe('app2 restarts');
  });

  it('keeps metric rows by second, overwriting rows that change, and starts afresh on resync', () => {
    const model = loadedModel();
    model.applyFrame(frame(1500, { rows: [[0, 100, 90, 10, 5, 50, 20, 1, 2, 3, 4], [1, 40, 10, 30, 5, 50, 20, 0, 0, 0, 0]] }));
    model.applyFrame(frame(2500, { rows: [[1, 100, 95, 5, 5, 50, 20, 1, 1, 1, 2]] }));
    expect(model.metrics.length).toBe(2);
    expect(model.metrics.columns.ok[1]).toBe(95);
    expect(model.metrics.columns.dropped[1]).toBe(2);
    // Node rows: t, then (utilization, hit ratio, queue fill) per node.
    model.applyFrame(frame(2600, { nodeRows: Float64Array.from([0, 0.25, NaN, 0, 0.5, NaN, 0.4, 1, 0.75, 0, 1, 0.1, NaN, 0, 0.2, NaN, 0.6, 0.3, 0.9, 0]) }));
    expect(model.utilization.values[0][0]).toBeCloseTo(0.25, 6);
    expect(model.utilization.values[2][1]).toBeCloseTo(0.3, 6);
    expect(model.hitRatio.values[2][0]).toBeCloseTo(0.75, 6);
    expect(Number.isNaN(model.hitRatio.values[0][1])).toBe(true);
    expect(model.queueFill.values[1][0]).toBeCloseTo(0.4, 6);
    expect(model.queueFill.values[1][1]).toBeCloseTo(0.6, 6);
    model.applyFrame(frame(0, { resync: true, rows: [[0, 1, 1, 0, 5, 5, 5, 0, 0, 0, 0]] }));
    expect(model.metrics.length).toBe(1);
    expect(Number.isNaN(model.metrics.columns.ok[1])).toBe(true);
    expect(model.log).toEqual([]);
  });

  it('a newly loaded document drops the previous one\'s notice and caption ("Paused at 20 s: app2 crashes…")', () => {
    const model = loadedModel();
    model.applyFrame(frame(20_000, { log: [{ timeMs: 20_000, action: 'crash', target: 'app2', note: 'app2 crashes', injected: false }] }));
    model.applyEvent({ type: 'notice', message: 'Paused at 20.0 s: app2 crashes' });
    model.applyEvent({ type: 'loaded', protocol: PROTOCOL_VERSION, nodeIds: NODES, linkIds: LINKS, durationMs: 10_000, warnings: [] });
    expect(model.notice).toBeNull();
    expect(model.caption).toBeNull();
  });

  it('keeps the warnings the engine sends after a hot edit for the problems list, not as an alert, and none once they are all gone', () => {
    const model = loadedModel();
    const warning = [{ node: 'lb' }, ': sticky sessions need layer 7 (a layer-4 balancer never sees the cookie); ignored'];
    model.applyEvent({ type: 'warnings', warnings: [warning] });
    expect(model.warnings).toEqual([warning]);
    expect(model.problem).toBeNull();
    model.applyEvent({ type: 'warnings', warnings: [] });
    expect(model.warnings).toEqual([]);
  });

  it('takes a loaded design\'s warnings as its own and alerts only for a refused command', () => {
    const model = loadedModel();
    const warning = [{ node: 'jobs' }, ': a queue with no worker linked; its jobs are never consumed'];
    model.applyEvent({ type: 'rejected', command: 'inject', message: 'the run has ended; seek back or reset to inject a fault', problems: [] });
    expect(model.problem).toEqual([['Could not inject the fault: the run has ended; seek back or reset to inject a fault']]);
    model.applyEvent({ type: 'loaded', protocol: PROTOCOL_VERSION, nodeIds: NODES, linkIds: LINKS, durationMs: 10_000, warnings: [warning] });
    expect(model.warnings).toEqual([warning]);
    expect(model.problem).toBeNull();
  });

  it('keeps at most LOG_KEEP entries and counts the ones it dropped', () => {
    const model = loadedModel();
    const log: LogEntry[] = Array.from({ length: LOG_KEEP + 5 }, (_, i) => ({ timeMs: i, action: 'note', note: `n${i}`, injected: false }));
    model.applyFrame(frame(100, { log }));
    expect(model.log).toHaveLength(LOG_KEEP);
    expect(model.logDropped).toBe(5);
    expect(model.log[0].text).toBe('n5');
  });
});

describe('log filter', () => {
  it('filters by node (either end of a health mark), kind and outcome', () => {
    const model = loadedModel();
    model.applyFrame(frame(1000, { log: [{ timeMs: 1000, action: 'crash', target: 'app1', injected: false }, { timeMs: 1000, action: 'note', note: 'hello', injected: false }] }));
    model.applyFrame(frame(1200, { marks: [1, 0], log: [{ timeMs: 1150, action: 'health-down', target: 'lb-app1', injected: false }] }));
    const log = model.log;
    expect(filterLog(log, NO_LOG_FILTER)).toHaveLength(3);
    expect(filterLog(log, { ...NO_LOG_FILTER, node: 'app1' }).map((e) => e.category)).toEqual(['fault', 'health']);
    expect(filterLog(log, { ...NO_LOG_FILTER, node: 'lb' }).map((e) => e.category)).toEqual(['health']);
    expect(filterLog(log, { ...NO_LOG_FILTER, category: 'narration' }).map((e) => e.text)).toEqual(['hello']);
    expect(filterLog(log, { node: 'app1', category: null, outcome: 'failure' })).toHaveLength(2);
    expect(log.every((entry) => matchesLogFilter(entry, NO_LOG_FILTER))).toBe(true);
  });
});

describe('words for the log and the checks panel', () => {
  it('a scenario note that opens with the event itself is not preceded by it again', () => {
    const noLinks = new Map<string, readonly [string, string]>();
    const crash = (note?: string) => scenarioLogEntry(1, { timeMs: 20_000, action: 'crash', target: 'app2', note, injected: false }, noLinks).text;
    expect(crash('app2 crashes. Until three health checks fail…')).toBe('app2 crashes. Until three health checks fail…');
    expect(crash('The load balancer keeps sending it traffic.')).toBe('app2 crashes — The load balancer keeps sending it traffic.');
    expect(crash()).toBe('app2 crashes');
  });

  it('a check without a label reads as a goal; a node on a client-wide metric is not shown', () => {
    expect(describeCheck({ metric: 'latency.p99', op: '<=', value: 500 })).toBe('p99 latency ≤ 500 ms');
    expect(describeCheck({ metric: 'latency.p99', op: '<', value: 50, node: 'app1', fromS: 20 })).toBe('p99 latency < 50 ms from 20 s');
    expect(describeCheck({ metric: 'availability', op: '>=', value: 0.99, fromS: 20, toS: 30 })).toBe('Availability ≥ 99% for requests sent 20–30 s');
    expect(describeCheck({ metric: 'utilization', op: '<=', value: 0.8, node: 'app1', toS: 10 })).toBe('Utilization of app1 ≤ 80% until 10 s');
    // A ratio threshold on the scale of the measured value beside it (98.10%), never as 0.30000000000000004.
    expect(describeCheck({ metric: 'errorRate', op: '<', value: 0.001 })).toBe('Error rate < 0.1%');
    expect(describeCheck({ metric: 'cache.hitRatio', op: '>=', value: 0.1 + 0.2, node: 'cache' })).toBe('Cache hit ratio of cache ≥ 30%');
  });
});

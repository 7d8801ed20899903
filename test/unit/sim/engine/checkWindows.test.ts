import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { loadDocumentValue } from '../../../../shared/model/load';
import { makeDocument } from '../helpers/documents';
import { lintDocument } from '../../../../shared/model/lint/lintDocument';

/*
 * Checks measure client requests *sent* in [fromS, toS) — exactly, also when the bounds are not
 * whole seconds (DESIGN §3). 100 requests a second at constant spacing (one every 10 ms, each
 * answered in 1 ms over a 1 ms link); the app is down from 1.5 s to 2 s, so exactly the requests
 * sent in [1.5, 2) − the one in flight at the crash fail.
 */
function crashAtOneAndAHalf(checks: unknown[], durationS = 3) {
  return makeDocument({
    durationS,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 200, writeRatio: 0 } },
      { id: 'app', kind: 'app', config: { serviceMs: 1 } },
    ],
    links: [{ from: 'c', to: 'app', latencyMs: 1 }],
    scenario: [
      { atS: 1.5, action: 'crash', target: 'app' },
      { atS: 2, action: 'restart', target: 'app' },
    ],
    checks,
  });
}

const actualOf = (report: ReturnType<Simulation['finish']>, id: string) => report.checks.find((check) => check.id === id)!.actual;

describe('check windows that are not whole seconds', () => {
  it('count exactly the requests sent inside them', () => {
    const report = new Simulation(
      crashAtOneAndAHalf([
        { id: 'before', metric: 'availability', op: '>=', value: 1, toS: 1.5 },
        { id: 'down', metric: 'errorRate', op: '>=', value: 1, fromS: 1.505, toS: 2 },
        { id: 'after', metric: 'availability', op: '>=', value: 1, fromS: 2.005 },
        { id: 'okPerSecondBefore', metric: 'throughput', op: '>=', value: 0, fromS: 0.25, toS: 1.5 },
      ]),
    ).finish();
    expect(actualOf(report, 'before')).toBe(1);
    expect(actualOf(report, 'down')).toBe(1);
    expect(actualOf(report, 'after')).toBe(1);
    // 125 requests sent in [0.25, 1.5), all ok, over 1.25 s.
    expect(actualOf(report, 'okPerSecondBefore')).toBeCloseTo(100, 9);
    expect(report.checks.every((check) => check.pass)).toBe(true);
    // The whole-second view of the same run: second 1 is half failures.
    expect(report.timeline[1]).toMatchObject({ sent: 100, ok: 50 });
  });

  it('a whole-run throughput check equals the report when durationS is not whole', () => {
    const report = new Simulation(crashAtOneAndAHalf([{ id: 'all', metric: 'throughput', op: '>=', value: 0 }], 2.5)).finish();
    expect(report.throughputRps).toBeCloseTo(report.requests.ok / 2.5, 9);
    expect(actualOf(report, 'all')).toBeCloseTo(report.throughputRps, 9);
  });

  it('latency percentiles of a window come from its own requests', () => {
    const doc = makeDocument({
      durationS: 4,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', writeRatio: 0 } },
        { id: 'app', kind: 'app', config: { serviceMs: 1, workers: 100 } },
      ],
      links: [{ from: 'c', to: 'app', latencyMs: 1 }],
      // From 2.5 s every request takes 20 ms of service instead of 1.
      scenario: [{ atS: 2.5, action: 'slow', target: 'app', factor: 20 }],
      checks: [
        { id: 'fast', metric: 'latency.p99', op: '<=', value: 3, fromS: 1.5, toS: 2.5 },
        { id: 'slow', metric: 'latency.p50', op: '>=', value: 22, fromS: 2.5, toS: 3.5 },
      ],
    });
    const report = new Simulation(doc).finish();
    expect(actualOf(report, 'fast')).toBe(3);
    expect(actualOf(report, 'slow')).toBe(22);
  });
});

describe('percentiles', () => {
  it('are never above the largest latency (HdrHistogram answers with the top of a bin)', () => {
    const doc = makeDocument({
      durationS: 3,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 10, arrival: 'constant', writeRatio: 0, timeoutMs: 5000 } },
        { id: 'app', kind: 'app', config: { serviceMs: 3000, workers: 100 } },
      ],
      links: [{ from: 'c', to: 'app', latencyMs: 0.5 }],
      checks: [{ id: 'p99', metric: 'latency.p99', op: '<=', value: 3001, fromS: 1, toS: 2 }],
    });
    const report = new Simulation(doc).finish();
    expect(report.latencyMs).toEqual({ mean: 3001, p50: 3001, p95: 3001, p99: 3001, max: 3001 });
    for (const row of report.timeline) expect(row.p99).toBe(3001);
    expect(actualOf(report, 'p99')).toBe(3001);
  });
});

describe('a cache hit-ratio check over the whole run', () => {
  it('equals the report, lookups of requests still in flight at the end included', () => {
    const doc = makeDocument({
      durationS: 5,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 400, keys: { count: 500, distribution: 'zipf', zipfS: 1 } } },
        { id: 'app', kind: 'app', config: { serviceMs: 50, workers: 100 } },
        { id: 'cache', kind: 'cache', config: { capacity: 100 } },
        { id: 'db', kind: 'db' },
      ],
      links: [
        { from: 'c', to: 'app', latencyMs: 1 },
        { from: 'app', to: 'cache' },
        { from: 'app', to: 'db' },
      ],
      checks: [{ id: 'hits', metric: 'cache.hitRatio', node: 'cache', op: '>', value: 0 }],
    });
    const report = new Simulation(doc).finish();
    expect(actualOf(report, 'hits')).toBe(report.nodes.cache.hitRatio);
  });
});

describe('check problems found when the file loads', () => {
  const base = {
    format: 'faultline',
    version: 1,
    meta: { title: 't' },
    seed: 1,
    durationS: 10,
    regions: [],
    nodes: [
      { id: 'c', kind: 'client', x: 0, y: 0 },
      { id: 'dns', kind: 'dns', x: 0, y: 0 },
      { id: 'app', kind: 'app', x: 0, y: 0 },
    ],
    links: [
      { id: 'c-dns', from: 'c', to: 'dns' },
      { id: 'dns-app', from: 'dns', to: 'app' },
      { id: 'c-app', from: 'c', to: 'app' },
    ],
    scenario: [],
  };

  it('utilization of a node without servers (client, DNS, CDN) loads (the Contract allows any node), reads 0, and the design lint says why', () => {
    const result = loadDocumentValue({ ...base, checks: [{ metric: 'utilization', node: 'dns', op: '<', value: 0.8 }] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = new Simulation(result.document).finish();
    expect(report.checks[0]).toMatchObject({ actual: 0, pass: true });
    const findings = lintDocument(result.document).filter((finding) => finding.rule === 'utilization-always-zero');
    expect(findings).toEqual([expect.objectContaining({ nodes: ['dns'], message: expect.stringContaining('always reads 0') })]);
    // A node with servers is not named.
    const app = loadDocumentValue({ ...base, checks: [{ metric: 'utilization', node: 'app', op: '<', value: 0.8 }] });
    expect(app.ok && lintDocument(app.document).some((finding) => finding.rule === 'utilization-always-zero')).toBe(false);
  });

  it('warns about a node on a client-wide metric, a window that starts at the end, and a node metric\'s window widened to whole seconds', () => {
    const result = loadDocumentValue({
      ...base,
      checks: [
        { metric: 'availability', node: 'app', op: '>', value: 0.9 },
        { metric: 'availability', op: '>', value: 0.9, fromS: 10 },
        { metric: 'utilization', node: 'app', op: '<', value: 0.9, fromS: 2.5, toS: 4.2 },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings).toEqual([
        { path: 'checks[0].node', message: expect.stringContaining('ignored: availability is measured over all client requests') },
        { path: 'checks[1].fromS', message: expect.stringContaining('the check measures nothing') },
        { path: 'checks[2]', message: 'utilization is kept per whole second of the run, so this window counts from 2 s to 5 s' },
      ]);
    }
  });
});

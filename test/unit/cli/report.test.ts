import { describe, expect, it } from 'vitest';
import { normalizeReport, reportToJson, roundTo, type Report } from '../../../shared/sim/report';
import { formatSummary, timelineToCsv } from '../../../main/cli/report-format';
import { makeReport } from './fakeReport';
import type { Check } from '../../../shared/model/types';

const CONTRACT_TOP_LEVEL_KEYS = [
  'format', 'version', 'title', 'seed', 'durationS', 'events', 'wallMs', 'requests', 'latencyMs',
  'availability', 'throughputRps', 'consistency', 'nodes', 'checks', 'timeline',
];

/** Builds the same report with every object's keys inserted in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).reverse();
    // Node ids keep their order: that one is document order, not contract order.
    const isNodeMap = Object.values(value).every((v) => v !== null && typeof v === 'object' && 'kind' in v);
    return Object.fromEntries((isNodeMap ? entries.reverse() : entries).map(([k, v]) => [k, reverseKeys(v)])) as T;
  }
  return value;
}

describe('reportToJson', () => {
  it('prints keys in contract order whatever order the engine built them in', () => {
    const json = reportToJson(reverseKeys(makeReport()));
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed)).toEqual(CONTRACT_TOP_LEVEL_KEYS);
    expect(Object.keys(parsed.requests)).toEqual(['total', 'ok', 'error', 'timeout', 'rejected', 'dropped']);
    expect(Object.keys(parsed.latencyMs)).toEqual(['mean', 'p50', 'p95', 'p99', 'max']);
    expect(Object.keys(parsed.consistency)).toEqual(['reads', 'staleReads', 'writes', 'lostWrites', 'sessionsLost']);
    expect(Object.keys(parsed.nodes)).toEqual(['c1', 'cache1']);
    expect(Object.keys(parsed.nodes.cache1)).toEqual([
      'kind', 'arrivals', 'completed', 'errors', 'rejected', 'utilization', 'meanQueue', 'maxQueue', 'downS',
      'hits', 'misses', 'hitRatio', 'keys',
    ]);
    expect(Object.keys(parsed.nodes.c1)).not.toContain('hits');
    expect(Object.keys(parsed.timeline[0])).toEqual(['t', 'sent', 'ok', 'failed', 'p50', 'p99']);
    expect(json).toBe(reportToJson(makeReport()));
  });

  it('orders check fields and includes node only when the check has one', () => {
    const report = makeReport({
      checks: [
        { pass: true, actual: 0.5, value: 0.9, op: '<', metric: 'utilization', node: 'app1', id: 'u' } as Report['checks'][number],
        { id: 'p', metric: 'latency.p99', op: '<', value: 200, actual: 123.45678, pass: true },
      ],
    });
    const parsed = JSON.parse(reportToJson(report));
    expect(Object.keys(parsed.checks[0])).toEqual(['id', 'metric', 'node', 'op', 'value', 'actual', 'pass']);
    expect(Object.keys(parsed.checks[1])).toEqual(['id', 'metric', 'op', 'value', 'actual', 'pass']);
    expect(parsed.checks[1].actual).toBe(123.457);
  });

  it('uses 2-space indentation and ends with a newline', () => {
    const json = reportToJson(makeReport());
    expect(json.startsWith('{\n  "format": "faultline-report",\n  "version": 1,\n')).toBe(true);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('}\n\n')).toBe(false);
  });

  it('rounds latencies to 3 decimals, ratios to 6, and turns missing statistics into null', () => {
    const report = makeReport({
      latencyMs: { mean: 12.3456789, p50: Number.NaN, p95: null, p99: 1 / 3, max: 2 },
      availability: 2 / 3,
      wallMs: 12.6,
    });
    const parsed = JSON.parse(reportToJson(report));
    expect(parsed.latencyMs).toEqual({ mean: 12.346, p50: null, p95: null, p99: 0.333, max: 2 });
    expect(parsed.availability).toBe(0.666667);
    expect(parsed.wallMs).toBe(13);
    expect(parsed.nodes.cache1.utilization).toBe(0.012346);
    expect(parsed.nodes.cache1.hitRatio).toBe(0.740741);
    expect(parsed.timeline[2]).toEqual({ t: 2, sent: 100, ok: 98, failed: 2, p50: null, p99: null });
  });

  it('roundTo never produces -0 and maps non-finite to null', () => {
    expect(Object.is(roundTo(-0.0001, 3), 0)).toBe(true);
    expect(roundTo(Infinity, 3)).toBeNull();
    expect(roundTo(undefined, 3)).toBeNull();
    expect(roundTo(2.0004, 3)).toBe(2);
  });

  it('normalizeReport does not change the input', () => {
    const report = makeReport();
    const before = JSON.stringify(report);
    normalizeReport(report);
    expect(JSON.stringify(report)).toBe(before);
  });
});

describe('report-format', () => {
  it('timelineToCsv: header, one row per second, empty fields for missing percentiles', () => {
    expect(timelineToCsv(makeReport())).toBe('t,sent,ok,failed,p50,p99\n0,100,99,1,10.123,50\n1,100,100,0,9.5,49.25\n2,100,98,2,,\n');
    expect(timelineToCsv(makeReport({ timeline: [] }))).toBe('t,sent,ok,failed,p50,p99\n');
  });

  it('formatSummary says n/a for statistics with nothing to measure', () => {
    const summary = formatSummary(
      makeReport({
        requests: { total: 0, ok: 0, error: 0, timeout: 0, rejected: 0, dropped: 0 },
        latencyMs: { mean: null, p50: null, p95: null, p99: null, max: null },
        availability: null,
        checks: [{ id: 'c', metric: 'latency.p99', op: '<', value: 1, actual: null, pass: false }],
      }),
    );
    expect(summary).toContain('p99 n/a');
    expect(summary).toMatch(/Availability\s+n\/a/);
    expect(summary).toMatch(/FAIL\s+c\s+latency\.p99 < 1\s+actual n\/a/);
  });

  it('formatSummary gives each check the seconds it measured and its label, and the nodes table keysMoved', () => {
    const report = makeReport({
      checks: [
        { id: 'early', metric: 'availability', op: '>=', value: 0.99, actual: 1, pass: true },
        { id: 'late', metric: 'errorRate', op: '<', value: 0.1, actual: 0, pass: true },
        { id: 'all', metric: 'throughput', op: '>', value: 50, actual: 99, pass: true },
      ],
      nodes: { r1: { kind: 'shard-router', arrivals: 10, completed: 10, errors: 0, rejected: 0, utilization: 0, meanQueue: 0, maxQueue: 0, downS: 0, keysMoved: 6777 } },
    });
    const checks: Check[] = [
      { id: 'early', metric: 'availability', op: '>=', value: 0.99, toS: 1, label: 'Healthy before the slowdown' },
      { id: 'late', metric: 'errorRate', op: '<', value: 0.1, fromS: 2 },
      { id: 'all', metric: 'throughput', op: '>', value: 50 },
    ];
    const summary = formatSummary(report, checks);
    // A check over part of the run said nothing of which part, beside a whole-run availability.
    expect(summary).toMatch(/PASS\s+early\s+availability >= 0\.99\s+actual 1\s+0–1 s\s+Healthy before the slowdown\n/);
    expect(summary).toMatch(/PASS\s+late\s+errorRate < 0\.1\s+actual 0\s+from 2 s\n/);
    expect(summary).toMatch(/PASS\s+all\s+throughput > 50\s+actual 99\s+whole run\n/);
    expect(summary).toMatch(/keys\s+keysMoved\n/);
    expect(summary).toMatch(/r1\s+shard-router .*\s6777\n/);
  });

  it('formatSummary speaks of one read, write or lost session in the singular', () => {
    const summary = formatSummary(makeReport({ consistency: { reads: 1, staleReads: 0, writes: 1, lostWrites: 1, sessionsLost: 1 } }));
    expect(summary).toMatch(/Consistency\s+0 stale of 1 read, 1 lost of 1 write, 1 session lost\n/);
    expect(formatSummary(makeReport())).toMatch(/Consistency\s+2 stale of 270 reads, 0 lost of 30 writes, 0 sessions lost\n/);
  });
});

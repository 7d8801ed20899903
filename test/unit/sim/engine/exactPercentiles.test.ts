import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * Constant service times give every request the same latency, and a percentile must then be that
 * latency — not the top of the histogram bin it falls in. 10 requests a second for 20 s; each is
 * 0.5 ms + 49 ms + 0.5 ms = 50 ms until the app is slowed ×2 at 10 s, then 0.5 + 98 + 0.5 = 99 ms:
 * 100 ok requests of each.
 */
function constantService() {
  return makeDocument({
    durationS: 20,
    nodes: [
      { id: 'client', kind: 'client', config: { rps: 10, arrival: 'constant', writeRatio: 0 } },
      { id: 'app', kind: 'app', config: { serviceMs: 49, workers: 8 } },
    ],
    links: [{ from: 'client', to: 'app' }],
    scenario: [{ atS: 10, action: 'slow', target: 'app', factor: 2 }],
    checks: [
      { id: 'run', metric: 'latency.p50', op: '<=', value: 50 },
      { id: 'seconds', metric: 'latency.p50', op: '<=', value: 50, fromS: 0, toS: 19 },
      { id: 'window', metric: 'latency.p50', op: '<=', value: 50, fromS: 0, toS: 18.5 },
    ],
  });
}

describe('percentiles of constant latencies', () => {
  it('are those latencies exactly, in the report, its checks and its timeline', () => {
    const report = new Simulation(constantService()).finish();
    expect(report.requests).toMatchObject({ total: 200, ok: 200 });
    expect(report.latencyMs).toMatchObject({ p50: 50, p99: 99, max: 99 });
    expect(report.checks.map((check) => [check.id, check.actual, check.pass])).toEqual([
      ['run', 50, true],
      ['seconds', 50, true],
      ['window', 50, true],
    ]);
    for (const row of report.timeline) {
      const expected = row.t < 10 ? 50 : 99;
      expect([row.p50, row.p99]).toEqual([expected, expected]);
    }
  });
});

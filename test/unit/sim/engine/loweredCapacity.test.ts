import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';
import { busyDatabase } from '../helpers/busyDatabase';

/*
 * Lowering a node's servers while more requests than the new count are in service: those finish
 * on servers that are retiring, which count as capacity until they go — utilization (busy time
 * over capacity time) never exceeds 1.
 */
describe('utilization after servers are taken away mid-service', () => {
  it('stays ≤ 1 on an app whose workers drop from 4 to 1 under full load', () => {
    const doc = makeDocument({
      durationS: 6,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 400, arrival: 'constant', timeoutMs: 3000, writeRatio: 0 } },
        { id: 'app', kind: 'app', config: { workers: 4, queueLimit: 50, serviceMs: 10 } },
      ],
      links: [{ from: 'c', to: 'app' }],
      scenario: [{ atS: 3.005, action: 'set', target: 'app', params: { workers: 1 } }],
      checks: [0, 1, 2, 3, 4, 5].map((s) => ({ id: `s${s}`, metric: 'utilization', node: 'app', op: '<=', value: 1, fromS: s, toS: s + 1 })),
    });
    const report = new Simulation(doc).finish();
    for (const check of report.checks) expect(check.actual!, check.id).toBeLessThanOrEqual(1);
    // Overloaded before and after: every worker there is busy all the time.
    expect(report.checks[1].actual).toBeGreaterThan(0.99);
    expect(report.checks[4].actual).toBeGreaterThan(0.99);
  });

  it('stays ≤ 1 on a database whose connections drop from 8 to 1 under full load', () => {
    const doc = busyDatabase(
      [{ atS: 3.01, action: 'set', target: 'db', params: { connections: 1 } }],
      [0, 1, 2, 3, 4, 5].map((s) => ({ id: `s${s}`, metric: 'utilization', node: 'db', op: '<=', value: 1, fromS: s, toS: s + 1 })),
    );
    const report = new Simulation(doc).finish();
    for (const check of report.checks) expect(check.actual!, check.id).toBeLessThanOrEqual(1);
    expect(report.checks[4].actual).toBeGreaterThan(0.99);
  });
});

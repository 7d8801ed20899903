import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/**
 * Probes overlap when `timeoutMs` exceeds `intervalMs` (250 ms probes with the default 500 ms
 * timeout). Each probe's timeout must still count: once a later probe had been sent, earlier
 * versions ignored the earlier probe's timeout, so a dead backend was never marked down.
 */
describe('health checks with probes that overlap', () => {
  it('mark a crashed backend down within unhealthyAfter × intervalMs + timeoutMs', () => {
    const document = makeDocument({
      durationS: 12,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, timeoutMs: 300 } },
        { id: 'lb', kind: 'lb', config: { healthCheck: { intervalMs: 250, timeoutMs: 500, unhealthyAfter: 3, healthyAfter: 2 } } },
        { id: 'a0', kind: 'app', config: { serviceMs: 1 } },
        { id: 'a1', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [
        { from: 'c', to: 'lb' },
        { from: 'lb', to: 'a0' },
        { from: 'lb', to: 'a1' },
      ],
      scenario: [{ atS: 5, action: 'crash', target: 'a0' }],
    });
    const report = new Simulation(document).finish();
    const failedIn = (fromS: number, toS: number) =>
      report.timeline.filter((row) => row.t >= fromS && row.t < toS).reduce((sum, row) => sum + row.failed, 0);
    // Half the traffic fails until the mark: at most 3 × 250 + 500 = 1250 ms after the crash.
    // Poisson arrivals: half of 200 rps for ≤ 1.25 s is ≤ 125 expected (sd ≈ 11), so 150 bounds it.
    expect(failedIn(5, 7)).toBeGreaterThan(0);
    expect(failedIn(5, 7)).toBeLessThanOrEqual(150);
    // (A request sent just before 5 s may be in service at a0 when it crashes.)
    expect(failedIn(0, 4)).toBe(0);
    expect(failedIn(7, 12)).toBe(0);
  });
});

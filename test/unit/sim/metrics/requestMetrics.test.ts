import { describe, expect, it } from 'vitest';
import { RequestMetrics } from '../../../../shared/sim/metrics/requestMetrics';
import { OUTCOME_OK } from '../../../../shared/sim/engine/codes';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

describe('per-second latency bins of a long run', () => {
  it('are sealed once no request sent in their second can still be answered, and reopen for a late answer', () => {
    const metrics = new RequestMetrics();
    const lifetimeMs = 2000;
    for (let t = 0; t < 10_000; t += 100) {
      metrics.onSent(t, lifetimeMs);
      // Answered 50 ms after it was sent.
      metrics.onFinished(t, OUTCOME_OK, 50, false);
    }
    // At 9.9 s, requests sent before 7.9 s are over: seconds 0–6 are sealed, 7–9 are not.
    expect(metrics.secondBins.map((bins) => bins!.sealed)).toEqual([true, true, true, true, true, true, true, false, false, false]);
    // A lifetime raised mid-run (a `set` of timeoutMs): an answer for second 3 still counts.
    metrics.onFinished(3500, OUTCOME_OK, 4000, false);
    expect(metrics.secondBins[3]!.sealed).toBe(false);
    expect(metrics.secondBins[3]!.total).toBe(11);
    expect(metrics.binsIn(3, 4).percentilesMs([100])).toEqual([4000]);
    // It is sealed again once time moves on past it.
    metrics.onSent(11_000, lifetimeMs);
    expect(metrics.secondBins[3]!.sealed).toBe(true);
    expect(metrics.secondBins[3]!.total).toBe(11);
  });

  it('leave the report as it was: a run whose seconds were sealed reports what its dense bins say', () => {
    const doc = makeDocument({
      durationS: 30,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, timeoutMs: 1000 } },
        { id: 'a', kind: 'app', config: { serviceMs: { dist: 'exp', mean: 4 }, workers: 2 } },
      ],
      links: [{ from: 'c', to: 'a' }],
    });
    const simulation = new Simulation(doc);
    const report = simulation.finish();
    const metrics = simulation.world.metrics;
    const sealedSeconds = metrics.secondBins.filter((bins) => bins?.sealed).length;
    expect(sealedSeconds).toBeGreaterThan(25);
    // The same rows from unsealed copies of every second.
    for (const row of report.timeline) {
      const copy = metrics.binsIn(row.t, row.t + 1);
      expect(copy.sealed).toBe(false);
      const [p50, p99] = copy.total > 0 ? copy.percentilesMs([50, 99]) : [null, null];
      expect({ t: row.t, p50: row.p50, p99: row.p99 }).toEqual({ t: row.t, p50, p99 });
    }
  });
});

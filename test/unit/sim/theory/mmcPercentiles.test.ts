import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { singleQueue } from '../helpers/queueingTopology';
import { batchEstimate, percentileOf } from '../helpers/batchMeans';
import { erlangC } from '../helpers/erlang';

/**
 * The p-quantile of the M/M/c sojourn time (μ = 1). An arrival waits with probability C, and then
 * for Exp(γ = c − λ); service is Exp(1). So P(T > t) = (1 − C)e^{−t} + C·(γe^{−t} − e^{−γt})/(γ − 1)
 * — not an exponential, unlike M/M/1 — solved for t by bisection.
 */
function sojournQuantile(c: number, lambda: number, p: number): number {
  const waits = erlangC(c, lambda);
  const gamma = c - lambda;
  const tail = (t: number) => (1 - waits) * Math.exp(-t) + (waits * (gamma * Math.exp(-t) - Math.exp(-gamma * t))) / (gamma - 1);
  let lo = 0;
  let hi = 1000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return lo;
}

/*
 * Report percentiles of an M/M/c queue against its exact sojourn distribution (mm1.test.ts checks
 * the exponential M/M/1 case). c = 4 at ρ = 0.8 and c = 8 at ρ = 0.5, 80 s (≈ 256k and 320k
 * requests); 20 batches of 3.5 s after 10 s of warm-up, far longer than the ≤ 25 ms relaxation time.
 * Batch-means SE of each percentile, bounded at 5 %; each check allows 4 SE plus the 1 % bin width
 * of the per-second histograms (as in mm1.test.ts).
 */
describe('M/M/c sojourn-time percentiles', () => {
  for (const { c, rho } of [
    { c: 4, rho: 0.8 },
    { c: 8, rho: 0.5 },
  ]) {
    const lambda = c * rho;
    const sim = new Simulation(singleQueue({ seed: 25, rps: lambda * 1000, workers: c, serviceMs: { dist: 'exp', mean: 1 }, durationS: 80 }));
    const report = sim.finish();

    it.each([50, 95, 99])(`c = ${c}, ρ = ${rho}: p%i`, (p) => {
      const expected = sojournQuantile(c, lambda, p / 100);
      const estimate = batchEstimate(sim, 10, 20, percentileOf(p));
      expect(estimate.standardError).toBeLessThan(0.05 * expected);
      expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError + 0.01 * expected);
      const reported = report.latencyMs[`p${p}` as 'p50' | 'p95' | 'p99']!;
      expect(Math.abs(reported - expected)).toBeLessThan(4 * estimate.standardError + 0.01 * expected);
    });
  }

  it('the quantile helper reduces to the exponential when nobody waits (c large, light load)', () => {
    expect(sojournQuantile(50, 1, 0.5)).toBeCloseTo(Math.log(2), 6);
  });
});

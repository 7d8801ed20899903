import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { singleQueue } from '../helpers/queueingTopology';
import { batchEstimate, meanOf, percentileOf } from '../helpers/batchMeans';

/*
 * M/M/1: λ = 0.7 /ms (700 rps), μ = 1 /ms (exp service, mean 1 ms), ρ = 0.7.
 * Sojourn time is exponential with rate μ − λ = 0.3 /ms: mean 3.33 ms, p50 = ln 2/0.3,
 * p95 = ln 20/0.3, p99 = ln 100/0.3.
 *
 * Run length: 400 s simulated ≈ 280k requests (≈ 1 s of wall time here). The relaxation time of
 * M/M/1 at ρ = 0.7 is about 1/(μ(1−√ρ)²) ≈ 37 ms, so 38 batches of 10 s (after 20 s of warm-up
 * from the empty start) are effectively independent and batch means give an honest standard
 * error: measured ≈ 1 % of the mean, ≈ 2–3 % of p99. Each assertion allows 4 standard errors
 * (plus the per-second histogram's 1 % bin width for percentiles): a correct model fails that
 * well under 1 time in 1000, while a model off by 5 % fails it. The SE itself is bounded so a
 * noisy run cannot pass by being vague.
 */
describe('M/M/1 against queueing theory', () => {
  const lambda = 0.7;
  const mu = 1;
  const rate = mu - lambda;
  const sim = new Simulation(singleQueue({ rps: lambda * 1000, workers: 1, serviceMs: { dist: 'exp', mean: 1 / mu }, durationS: 400 }));
  const report = sim.finish();

  it('loses nothing and reports utilization ρ', () => {
    expect(report.requests.ok).toBe(report.requests.total);
    // Busy fraction over 400 s: SE ≈ 0.5 %, so ± 0.02 is > 4 SE.
    expect(Math.abs(report.nodes.server.utilization - lambda / mu)).toBeLessThan(0.02);
  });

  it('mean response time is 1/(μ−λ)', () => {
    const estimate = batchEstimate(sim, 20, 38, meanOf);
    expect(estimate.standardError).toBeLessThan(0.03 / rate);
    expect(Math.abs(estimate.value - 1 / rate)).toBeLessThan(4 * estimate.standardError);
  });

  it.each([
    [50, Math.log(2) / rate],
    [95, Math.log(20) / rate],
    [99, Math.log(100) / rate],
  ])('p%i of the sojourn time is the exponential quantile', (p, expected) => {
    const estimate = batchEstimate(sim, 20, 38, percentileOf(p));
    expect(estimate.standardError).toBeLessThan(0.05 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError + 0.01 * expected);
  });

  it('the report (whole-run histogram) agrees within the same bounds', () => {
    const p99 = batchEstimate(sim, 20, 38, percentileOf(99));
    const mean = batchEstimate(sim, 20, 38, meanOf);
    expect(Math.abs(report.latencyMs.mean! - 1 / rate)).toBeLessThan(4 * mean.standardError);
    expect(Math.abs(report.latencyMs.p99! - Math.log(100) / rate)).toBeLessThan(4 * p99.standardError + 0.01 * (Math.log(100) / rate));
  });
});

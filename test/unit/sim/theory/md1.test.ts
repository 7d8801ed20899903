import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { singleQueue } from '../helpers/queueingTopology';
import { batchEstimate, meanOf } from '../helpers/batchMeans';

/*
 * M/D/1 (constant 1 ms service), λ = 0.8 /ms, ρ = 0.8. Pollaczek–Khinchine:
 * Wq = λ·E[S²] / (2(1 − ρ)) = 0.8·1 / 0.4 = 2 ms, W = Wq + 1 = 3 ms.
 * 250 s ≈ 200k requests (≈ 0.6 s wall); 23 batches of 10 s after 20 s warm-up; bound 4 SE.
 * As a control, the same arrivals with exponential service (M/M/1, W = 5 ms) must differ by far
 * more than the error bars — the test would notice a model that ignored the distribution.
 */
describe('M/D/1 against Pollaczek–Khinchine', () => {
  const lambda = 0.8;
  const service = 1;
  const rho = lambda * service;
  const expected = service + (lambda * service * service) / (2 * (1 - rho));
  const sim = new Simulation(singleQueue({ rps: lambda * 1000, workers: 1, serviceMs: service, durationS: 250 }));
  sim.finish();

  it('mean response time matches', () => {
    const estimate = batchEstimate(sim, 20, 23, meanOf);
    expect(estimate.standardError).toBeLessThan(0.03 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError);
    expect(Math.abs(estimate.value - 5)).toBeGreaterThan(10 * estimate.standardError);
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';
import { batchEstimate, meanOf } from '../helpers/batchMeans';

/*
 * A Poisson stream of rate λ split over two single-worker apps (exp service, rate μ = 1 /ms) by a
 * layer-4 balancer with zero processing time and zero-latency links:
 *  - `random` splitting keeps each part Poisson (rate λ/2): two M/M/1 queues, W = 1/(μ − λ/2);
 *  - `round-robin` hands each backend every other arrival, so its gaps are the sum of two Exp(λ):
 *    Erlang-2, a more regular stream. Each backend is then E2/M/1, a GI/M/1 queue whose sojourn
 *    time is exponential with rate μ(1 − σ), σ the root in (0, 1) of σ = A*(μ(1 − σ)) with the
 *    gap's transform A*(s) = (λ/(λ + s))².
 * At ρ = λ/(2μ) = 0.8: M/M/1 gives 5 ms, E2/M/1 ≈ 3.84 ms — the balancing algorithm alone changes
 * the mean by 23 %, far beyond the error bars, so a balancer that lost the alternation (or a
 * random pick that was not independent) would show.
 *
 * 150 s at 1600 rps ≈ 240k requests. The queues relax in ≈ 1/(μ(1 − √ρ)²) ≈ 90 ms, so 20 batches of
 * 7 s after 10 s of warm-up are independent: SE ≈ 1 % of the mean; each check allows 4 SE.
 */
function giM1Sigma(lambda: number, mu: number): number {
  let sigma = 0;
  for (let i = 0; i < 10_000; i++) sigma = (lambda / (lambda + mu * (1 - sigma))) ** 2;
  return sigma;
}

function split(algorithm: 'round-robin' | 'random', lambda: number): Simulation {
  const sim = new Simulation(
    makeDocument({
      seed: 4,
      durationS: 150,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: lambda * 1000, writeRatio: 0, timeoutMs: 600_000 } },
        { id: 'lb', kind: 'lb', config: { algorithm, layer: 4, serviceMs: 0, healthCheck: { enabled: false } } },
        { id: 'a', kind: 'app', config: { workers: 1, queueLimit: 1_000_000, serviceMs: { dist: 'exp', mean: 1 } } },
        { id: 'b', kind: 'app', config: { workers: 1, queueLimit: 1_000_000, serviceMs: { dist: 'exp', mean: 1 } } },
      ],
      links: [
        { from: 'users', to: 'lb', latencyMs: 0 },
        { from: 'lb', to: 'a', latencyMs: 0 },
        { from: 'lb', to: 'b', latencyMs: 0 },
      ],
    }),
  );
  sim.finish();
  return sim;
}

describe('splitting a Poisson stream over two M/M/1 backends', () => {
  const lambda = 1.6;
  const mu = 1;

  it('the GI/M/1 root is right on a known value (E2 arrivals at ρ = 0.5: σ = (3 − √5)/2)', () => {
    expect(giM1Sigma(1, 1)).toBeCloseTo((3 - Math.sqrt(5)) / 2, 10);
  });

  it('random: each backend is M/M/1 at λ/2, W = 1/(μ − λ/2)', () => {
    const estimate = batchEstimate(split('random', lambda), 10, 20, meanOf);
    const expected = 1 / (mu - lambda / 2);
    expect(estimate.standardError).toBeLessThan(0.03 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError);
  });

  it('round-robin: each backend is E2/M/1, W = 1/(μ(1 − σ)), well below the random split', () => {
    const estimate = batchEstimate(split('round-robin', lambda), 10, 20, meanOf);
    const expected = 1 / (mu * (1 - giM1Sigma(lambda, mu)));
    expect(estimate.standardError).toBeLessThan(0.03 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError);
    expect(1 / (mu - lambda / 2) - estimate.value).toBeGreaterThan(10 * estimate.standardError);
  });
});

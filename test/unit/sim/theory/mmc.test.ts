import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { singleQueue } from '../helpers/queueingTopology';
import { makeDocument } from '../helpers/documents';
import { batchEstimate, meanOf } from '../helpers/batchMeans';
import { erlangC } from '../helpers/erlang';

/*
 * M/M/c with c = 4 workers, μ = 1 /ms each, λ = 3.2 /ms: ρ = 0.8, a = 3.2.
 * W = C(c, a)/(cμ − λ) + 1/μ (Erlang C ≈ 0.596 ⇒ W ≈ 1.745 ms).
 * 150 s ≈ 480k requests (≈ 1.5 s wall). The waiting part relaxes in ≈ 1/(cμ(1−√ρ)²) ≈ 22 ms, so
 * 26 batches of 5 s are independent; measured SE ≈ 0.5 % of W; bound = 4 SE (see mm1.test.ts).
 */
describe('M/M/c against Erlang C', () => {
  const c = 4;
  const lambda = 3.2;
  const mu = 1;
  const expected = erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
  const sim = new Simulation(singleQueue({ rps: lambda * 1000, workers: c, serviceMs: { dist: 'exp', mean: 1 / mu }, durationS: 150 }));
  const report = sim.finish();

  it('Erlang C helper is right on a known value', () => {
    // c = 2, a = 1: C = 1/3 (textbook).
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('mean response time matches', () => {
    const estimate = batchEstimate(sim, 20, 26, meanOf);
    expect(estimate.standardError).toBeLessThan(0.02 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError);
  });

  it('utilization is λ/(cμ)', () => {
    expect(Math.abs(report.nodes.server.utilization - lambda / (c * mu))).toBeLessThan(0.01);
  });
});

/*
 * The same M/M/c queue built from a db node: its `connections` run the FIFO recursion
 * (FifoServers) instead of events, so this checks that path against the same theory and bounds.
 */
describe('M/M/c through a database (event-free FIFO servers)', () => {
  const c = 4;
  const lambda = 3.2;
  const expected = erlangC(c, lambda) / (c - lambda) + 1;
  const sim = new Simulation(
    makeDocument({
      seed: 11,
      durationS: 150,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: lambda * 1000, writeRatio: 0, timeoutMs: 600_000 } },
        { id: 'db', kind: 'db', config: { connections: c, queueLimit: 1_000_000, readMs: { dist: 'exp', mean: 1 } } },
      ],
      links: [{ from: 'users', to: 'db', latencyMs: 0 }],
    }),
  );
  const report = sim.finish();

  it('mean response time matches Erlang C', () => {
    const estimate = batchEstimate(sim, 20, 26, meanOf);
    expect(estimate.standardError).toBeLessThan(0.02 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError);
  });

  it('utilization and time-averaged queue match (Lq = λ·Wq by Little)', () => {
    expect(Math.abs(report.nodes.db.utilization - lambda / c)).toBeLessThan(0.01);
    const lq = lambda * (expected - 1);
    expect(Math.abs(report.nodes.db.meanQueue - lq) / lq).toBeLessThan(0.08);
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';
import { batchEstimate, batchWindows, meanOf } from '../helpers/batchMeans';
import { erlangC } from '../helpers/erlang';

/*
 * The queueing kinds mm1/mmc/mmcSweep do not reach: a queue feeding workers, and a cache.
 *
 * Queue + worker: jobs published at Poisson rate λ (an app with no service time publishes every
 * write at once), delivered to one worker with c slots, exp(1 ms) each, links with no delay. The
 * queue hands a job over as soon as a slot is free, and the message is held from publish to the
 * worker's ok: the queue's depth is the number in an M/M/c system, whose time average is
 * L = λ·W = λ·(C(c, a)/(cμ − λ) + 1/μ) (Little).
 *
 * Cache: a plain read sent straight to a cache is a get served by its one FIFO thread; exp service
 * makes it M/M/1, W = 1/(μ − λ).
 *
 * Error bars: batch means after 10 s of warm-up, batches of 5–6 s, far longer than the relaxation
 * times (≤ 100 ms at these loads); SE bounded (3–4 %) and checks at 4 SE.
 */
describe('M/M/c through a queue and its worker: depth = λW', () => {
  for (const { c, rho } of [
    { c: 1, rho: 0.7 },
    { c: 4, rho: 0.8 },
  ]) {
    it(`c = ${c} worker slots at ρ = ${rho}`, () => {
      const lambda = c * rho;
      const sim = new Simulation(
        makeDocument({
          seed: 14,
          durationS: 130,
          nodes: [
            { id: 'users', kind: 'client', config: { rps: lambda * 1000, writeRatio: 1, timeoutMs: 600_000 } },
            { id: 'app', kind: 'app', config: { workers: 1000, queueLimit: 1_000_000, serviceMs: 0 } },
            { id: 'q', kind: 'queue', config: { capacity: 1_000_000 } },
            { id: 'w', kind: 'worker', config: { workers: c, serviceMs: { dist: 'exp', mean: 1 } } },
          ],
          links: [
            { from: 'users', to: 'app', latencyMs: 0 },
            { from: 'app', to: 'q', latencyMs: 0 },
            { from: 'q', to: 'w', latencyMs: 0 },
          ],
        }),
      );
      const report = sim.finish();
      expect(report.nodes.q.rejected).toBe(0);
      const depth = sim.world.models[sim.world.nodeIds.indexOf('q')].station!;
      const measured = batchWindows(10, 130, 20, (from, to) => depth.queueMs.sum(from, to) / ((to - from) * 1000));
      const expected = lambda * (erlangC(c, lambda) / (c - lambda) + 1);
      expect(measured.standardError).toBeLessThan(0.03 * expected);
      expect(Math.abs(measured.value - expected)).toBeLessThan(4 * measured.standardError);
      // The worker's slots are busy ρ of the time.
      const slots = sim.world.models[sim.world.nodeIds.indexOf('w')].station!;
      const busy = batchWindows(10, 130, 20, (from, to) => slots.busyMs.sum(from, to) / slots.capacityMs.sum(from, to));
      expect(Math.abs(busy.value - rho)).toBeLessThan(4 * busy.standardError);
    });
  }
});

describe('M/M/1 through a cache', () => {
  it('gets at ρ = 0.8: W = 1/(μ − λ)', () => {
    const lambda = 0.8;
    const sim = new Simulation(
      makeDocument({
        seed: 15,
        durationS: 130,
        nodes: [
          { id: 'users', kind: 'client', config: { rps: lambda * 1000, writeRatio: 0, timeoutMs: 600_000 } },
          { id: 'cache', kind: 'cache', config: { serviceMs: { dist: 'exp', mean: 1 } } },
        ],
        links: [{ from: 'users', to: 'cache', latencyMs: 0 }],
      }),
    );
    sim.finish();
    const estimate = batchEstimate(sim, 10, 20, meanOf);
    const expected = 1 / (1 - lambda);
    expect(estimate.standardError).toBeLessThan(0.04 * expected);
    expect(Math.abs(estimate.value - expected)).toBeLessThan(4 * estimate.standardError);
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { OUTCOME_REJECTED } from '../../../../shared/sim/engine/codes';
import { singleStation } from '../helpers/queueingTopology';
import { batchWindows } from '../helpers/batchMeans';

/**
 * M/M/c/K: c servers, room for K = c + queueLimit requests in all. Birth–death stationary law
 * p_n ∝ a^n / (min(n, c)! · c^{max(0, n − c)}) for n ≤ K (a = λ/μ); by PASTA an arrival is refused
 * with probability p_K, the time-averaged queue is Σ (n − c)⁺ p_n, and the servers are busy
 * λ(1 − p_K)/(cμ) of the time. With queueLimit 0 this is Erlang B.
 */
function mmck(c: number, queueLimit: number, a: number): { blocking: number; meanQueue: number } {
  const k = c + queueLimit;
  const weights = [1];
  for (let n = 1; n <= k; n++) weights.push((weights[n - 1] * a) / Math.min(n, c));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const meanQueue = weights.reduce((sum, w, n) => sum + Math.max(0, n - c) * w, 0) / total;
  return { blocking: weights[k] / total, meanQueue };
}

/*
 * Each case is a Poisson client straight into one app (Station: workers + queueLimit) or one db
 * (FifoServers: connections + queueLimit), zero-latency link, exponential 1 ms service. 60 s at
 * λ = 0.9–3 /ms is 54k–180k requests. These tiny systems forget their state within a few ms, so
 * 25 batches of 2 s after 10 s of warm-up are independent: the batch-means SE of the refused share
 * is ≈ 0.002 (bounded below at 0.005 so a noisy run cannot pass by being vague), and each check
 * allows 4 SE.
 */
const CASES = [
  { name: 'Erlang B: 3 servers, no queue, a = 3', c: 3, queueLimit: 0, lambda: 3 },
  { name: 'M/M/1/3 at ρ = 0.9', c: 1, queueLimit: 2, lambda: 0.9 },
  { name: 'M/M/2/5 overloaded (ρ = 1.2)', c: 2, queueLimit: 3, lambda: 2.4 },
];

function run(kind: 'app' | 'db', c: number, queueLimit: number, lambda: number): Simulation {
  const sim = new Simulation(singleStation({ kind, servers: c, queueLimit, serviceMs: { dist: 'exp', mean: 1 }, rps: lambda * 1000, durationS: 60, seed: 21 }));
  sim.finish();
  return sim;
}

for (const kind of ['app', 'db'] as const) {
  describe(`M/M/c/K through ${kind === 'app' ? 'an app (queueLimit ⇒ 503)' : 'a database (event-free FIFO servers)'}`, () => {
    for (const { name, c, queueLimit, lambda } of CASES) {
      it(`${name}: the refused share is p_K, the mean queue Σ(n − c)⁺p_n`, () => {
        const sim = run(kind, c, queueLimit, lambda);
        const theory = mmck(c, queueLimit, lambda);
        const metrics = sim.world.metrics;
        const refused = batchWindows(10, 60, 25, (from, to) => metrics.outcomeIn(OUTCOME_REJECTED, from, to) / metrics.sentIn(from, to));
        expect(refused.standardError).toBeLessThan(0.005);
        expect(Math.abs(refused.value - theory.blocking)).toBeLessThan(4 * refused.standardError);

        const station = sim.world.models[sim.world.nodeIds.indexOf('server')].station!;
        const queue = batchWindows(10, 60, 25, (from, to) => station.queueMs.sum(from, to) / ((to - from) * 1000));
        expect(Math.abs(queue.value - theory.meanQueue)).toBeLessThan(4 * queue.standardError + 1e-9);
        const busy = batchWindows(10, 60, 25, (from, to) => station.busyMs.sum(from, to) / station.capacityMs.sum(from, to));
        expect(Math.abs(busy.value - (lambda * (1 - theory.blocking)) / c)).toBeLessThan(4 * busy.standardError);
      });
    }
  });
}

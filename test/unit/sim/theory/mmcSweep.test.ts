import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { singleStation } from '../helpers/queueingTopology';
import { batchEstimate, batchWindows, meanOf } from '../helpers/batchMeans';
import { erlangC } from '../helpers/erlang';

/*
 * M/M/c at light and heavy load for c = 1, 2 and 8 (mm1.test.ts has c = 1 at ρ = 0.7, mmc.test.ts
 * c = 4 at ρ = 0.8), through an app (event-driven Station) and a db (Lindley FifoServers), μ = 1/ms:
 * mean response time W = C(c, a)/(cμ − λ) + 1/μ and, by Little, time-averaged queue Lq = λ·Wq.
 *
 * Run lengths: the waiting part relaxes in ≈ 1/(cμ(1 − √ρ)²): ≈ 380 ms for c = 1 at ρ = 0.9, less
 * for more servers, ≈ 3 ms at ρ = 0.3. Batches of ≥ 4 s after 10 s of warm-up are therefore long
 * against it and the batch-means SE is honest; it is bounded (3 % of W, 10 % of Lq) so a noisy run
 * cannot pass by being vague, and each check allows 4 SE. Heavy load needs many more customers:
 * the variance of an M/M/1 sample mean grows like 1/(1 − ρ)⁴, so at ρ = 0.9 a 100 s run
 * (90k requests) measured SE 6–12 % of W over seeds; 800 s brings it to ≈ 2–3 %. Hence 800 s for
 * c = 1 and 60 s for c = 8 (≈ 720k and 430k requests; c = 2 at ρ = 0.9 would need ≈ 400 s more and
 * adds nothing between them). The long heavy-load run goes through the app only: with one FIFO
 * class both paths give the same sojourn times, draw for draw (the db draws a service time on
 * arrival, the app at the start, in the same order).
 */
const CASES = [
  { c: 1, rho: 0.3, durationS: 50, kinds: ['app', 'db'] },
  { c: 1, rho: 0.9, durationS: 800, kinds: ['app'] },
  { c: 2, rho: 0.3, durationS: 50, kinds: ['app', 'db'] },
  { c: 8, rho: 0.3, durationS: 30, kinds: ['app', 'db'] },
  { c: 8, rho: 0.9, durationS: 60, kinds: ['app', 'db'] },
];

function run(kind: 'app' | 'db', c: number, lambda: number, durationS: number): Simulation {
  const sim = new Simulation(singleStation({ kind, servers: c, queueLimit: 1_000_000, serviceMs: { dist: 'exp', mean: 1 }, rps: lambda * 1000, durationS, seed: 12 }));
  sim.finish();
  return sim;
}

for (const kind of ['app', 'db'] as const) {
  describe(`M/M/c against Erlang C across loads (${kind})`, () => {
    for (const { c, rho, durationS } of CASES.filter((testCase) => testCase.kinds.includes(kind))) {
      it(`c = ${c}, ρ = ${rho}: W and Lq`, () => {
        const lambda = rho * c;
        const waiting = erlangC(c, lambda) / (c - lambda);
        const sim = run(kind, c, lambda, durationS);
        const batches = Math.min(40, Math.floor((durationS - 10) / 4.5));
        const response = batchEstimate(sim, 10, batches, meanOf);
        expect(response.standardError).toBeLessThan(0.03 * (waiting + 1));
        expect(Math.abs(response.value - (waiting + 1))).toBeLessThan(4 * response.standardError);

        const station = sim.world.models[sim.world.nodeIds.indexOf('server')].station!;
        const queue = batchWindows(10, 10 + batches * Math.floor((durationS - 10) / batches), batches, (from, to) => station.queueMs.sum(from, to) / ((to - from) * 1000));
        const lq = lambda * waiting;
        expect(queue.standardError).toBeLessThan(0.1 * lq);
        expect(Math.abs(queue.value - lq)).toBeLessThan(4 * queue.standardError);
      });
    }
  });
}

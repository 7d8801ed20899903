import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import type { QueueModel } from '../../../../shared/sim/nodes/queue';
import { makeDocument } from '../helpers/documents';

/*
 * At-least-once delivery when jobs outlive the visibility timeout V. Workers never fail and have
 * slots to spare (1000 slots; ≈ 200/s × 60 ms ≈ 12 jobs run at once), links take no time, so a
 * message published at 0 is delivered at 0, again at V if no run has finished, at 2V if none of
 * the two has, … Each run takes Exp(mean m) and keeps going after its message is redelivered.
 * Between (k−1)V and kV, k runs are under way, and by memorylessness none of them ends in that
 * interval with probability e^{−kV/m}. So the number of redeliveries N has
 *   P(N ≥ k) = Π_{i ≤ k} e^{−iV/m} = e^{−k(k+1)V/(2m)},   k < maxReceives,
 * and the message is dead-lettered at maxReceives·V (no run finished by then) with probability
 * e^{−M(M+1)V/(2m)}, M = maxReceives.
 *
 * Messages are independent of each other (no slot is ever short), so the standard errors are those
 * of i.i.d. samples: sd(N)/√n for redeliveries per message and √(p(1−p)/n) for the dead-lettered
 * share, n ≈ 40k messages. Each check allows 4 SE plus a little (0.002 redeliveries per message,
 * 0.0005 of the dead-lettered share) for the ≈ 0.1 % of messages published in the last moments,
 * whose later deliveries the end of the run may cut short.
 */
function redeliveryTheory(visibilityMs: number, meanMs: number, maxReceives: number) {
  const atLeast = (k: number) => Math.exp((-k * (k + 1) * visibilityMs) / (2 * meanMs));
  let mean = 0;
  let meanSquare = 0;
  for (let k = 1; k < maxReceives; k++) {
    mean += atLeast(k);
    meanSquare += (2 * k - 1) * atLeast(k);
  }
  return { mean, sd: Math.sqrt(meanSquare - mean * mean), deadLettered: atLeast(maxReceives) };
}

const CASES = [
  { visibilityMs: 25, maxReceives: 5 },
  { visibilityMs: 50, maxReceives: 3 },
  { visibilityMs: 100, maxReceives: 2 },
];
const MEAN_MS = 50;

describe('visibility timeout shorter than the jobs: redeliveries and dead letters', () => {
  for (const { visibilityMs, maxReceives } of CASES) {
    it(`V = ${visibilityMs} ms, jobs Exp(${MEAN_MS} ms), maxReceives ${maxReceives}`, () => {
      const sim = new Simulation(
        makeDocument({
          seed: 8,
          durationS: 200,
          nodes: [
            { id: 'users', kind: 'client', config: { rps: 200, writeRatio: 1, timeoutMs: 600_000 } },
            { id: 'app', kind: 'app', config: { workers: 1000, serviceMs: 0 } },
            { id: 'q', kind: 'queue', config: { capacity: 1_000_000, visibilityTimeoutMs: visibilityMs, maxReceives } },
            { id: 'w', kind: 'worker', config: { workers: 1000, serviceMs: { dist: 'exp', mean: MEAN_MS } } },
          ],
          links: [
            { from: 'users', to: 'app', latencyMs: 0 },
            { from: 'app', to: 'q', latencyMs: 0 },
            { from: 'q', to: 'w', latencyMs: 0 },
          ],
        }),
      );
      const report = sim.finish();
      const queue = sim.world.models[sim.world.nodeIds.indexOf('q')] as QueueModel;
      const theory = redeliveryTheory(visibilityMs, MEAN_MS, maxReceives);
      const messages = report.nodes.q.arrivals;
      expect(messages).toBeGreaterThan(39_000);

      const perMessage = queue.redeliveries / messages;
      expect(Math.abs(perMessage - theory.mean)).toBeLessThan((4 * theory.sd) / Math.sqrt(messages) + 0.002);
      // Every delivery is a run at the worker.
      expect(report.nodes.w.arrivals).toBe(messages + queue.redeliveries);

      const deadShare = queue.deadLettered / messages;
      const deadSe = Math.sqrt((theory.deadLettered * (1 - theory.deadLettered)) / messages);
      expect(Math.abs(deadShare - theory.deadLettered)).toBeLessThan(4 * deadSe + 0.0005);
      expect(report.nodes.q.errors).toBe(queue.deadLettered);
    });
  }
});

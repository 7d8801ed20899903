import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { OUTCOME_TIMEOUT } from '../../../../shared/sim/engine/codes';
import { makeDocument } from '../helpers/documents';
import { batchEstimate, batchWindows, meanOf } from '../helpers/batchMeans';

/*
 * Client timeouts in front of an M/M/1 server (λ = 0.7, μ = 1 per ms). The server never hears that
 * a client gave up, so the queue is the plain M/M/1 one and the sojourn time T is Exp(γ = μ − λ):
 *  - the timed-out share is P(T > τ) = e^{−γτ};
 *  - the ok requests' latency is T given T ≤ τ, with mean 1/γ − τ·e^{−γτ}/(1 − e^{−γτ}).
 * τ is the 90th percentile (p = 0.1).
 *
 * Timeouts come in bursts (the congested stretches of the queue), so the share is noisy: 200 s
 * measured SE ≈ 4 % of it, 600 s (≈ 420k requests) ≈ 2.5 %. 59 batches of 10 s after 10 s of
 * warm-up, far longer than the ≈ 37 ms relaxation time: batch-means SE, checks at 4 SE, the SE
 * bounded (3 % of the share and of the mean) so a noisy run cannot pass by being vague. (A server
 * that skipped requests whose client had already left would see less load: tried, it timed out
 * 0.054 instead of 0.1.)
 */
const LAMBDA = 0.7;
const GAMMA = 1 - LAMBDA;

describe('client timeouts in front of an M/M/1 server', () => {
  for (const share of [0.1]) {
    it(`timeout at the ${Math.round((1 - share) * 100)}th percentile: ${share} time out, the rest are a truncated exponential`, () => {
      const timeoutMs = -Math.log(share) / GAMMA;
      const sim = new Simulation(
        makeDocument({
          seed: 23,
          durationS: 600,
          nodes: [
            { id: 'users', kind: 'client', config: { rps: LAMBDA * 1000, writeRatio: 0, timeoutMs } },
            { id: 'server', kind: 'app', config: { workers: 1, queueLimit: 1_000_000, serviceMs: { dist: 'exp', mean: 1 } } },
          ],
          links: [{ from: 'users', to: 'server', latencyMs: 0 }],
        }),
      );
      sim.finish();
      const metrics = sim.world.metrics;
      const timedOut = batchWindows(10, 600, 59, (from, to) => metrics.outcomeIn(OUTCOME_TIMEOUT, from, to) / metrics.sentIn(from, to));
      expect(timedOut.standardError).toBeLessThan(0.03 * share);
      expect(Math.abs(timedOut.value - share)).toBeLessThan(4 * timedOut.standardError);

      const okMean = batchEstimate(sim, 10, 59, meanOf);
      const expectedMean = 1 / GAMMA - (timeoutMs * share) / (1 - share);
      expect(okMean.standardError).toBeLessThan(0.03 * expectedMean);
      expect(Math.abs(okMean.value - expectedMean)).toBeLessThan(4 * okMean.standardError);
    });
  }
});

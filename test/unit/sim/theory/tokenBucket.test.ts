import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * A token bucket that holds one token (burst 1), refilled at r per second, fed Poisson requests at
 * λ per second. A refused request takes nothing, so after each accepted request the bucket is
 * empty, full again 1/r later, and the next request after that is accepted: accepted requests form
 * a renewal process with cycle 1/r + Exp(mean 1/λ). The accepted rate is therefore
 *   1 / (1/r + 1/λ) = rλ / (r + λ),
 * not min(λ, r): at λ = r only half get through, and it takes λ ≫ r to approach r. (A larger
 * burst absorbs the gaps; the proxy fixture tests cover that, heavily overloaded.)
 *
 * Error bar: a renewal count over T has variance ≈ T·Var(cycle)/E[cycle]³ (Var(cycle) = 1/λ²);
 * over 200 s that is ≤ 1 % of the count in every case below, per bucket. Bound: 4 sd.
 */
const DURATION_S = 200;

function acceptedPerSecond(offered: number, rate: number, per: 'global' | 'user', users: number): number {
  const report = new Simulation(
    makeDocument({
      seed: 6,
      durationS: DURATION_S,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: offered, users, writeRatio: 0 } },
        { id: 'proxy', kind: 'proxy', config: { serviceMs: 0.1, rateLimit: { rps: rate, burst: 1, per } } },
        { id: 'app', kind: 'app', config: { workers: 100, serviceMs: 0.1 } },
      ],
      links: [
        { from: 'users', to: 'proxy', latencyMs: 0 },
        { from: 'proxy', to: 'app', latencyMs: 0 },
      ],
    }),
  ).finish();
  expect(report.requests.ok + report.requests.rejected).toBe(report.requests.total);
  return report.requests.ok / DURATION_S;
}

function renewalSd(offered: number, rate: number): number {
  const cycle = 1 / rate + 1 / offered;
  return Math.sqrt((DURATION_S * (1 / offered) ** 2) / cycle ** 3) / DURATION_S;
}

describe('token bucket with burst 1 against its renewal law', () => {
  for (const offered of [50, 100, 1000]) {
    it(`global bucket, r = 100/s, offered ${offered}/s: accepted rλ/(r + λ)`, () => {
      const rate = 100;
      const expected = (rate * offered) / (rate + offered);
      expect(Math.abs(acceptedPerSecond(offered, rate, 'global', 1000) - expected)).toBeLessThan(4 * renewalSd(offered, rate));
    });
  }

  it('per-user buckets: each of 100 users at λ = r = 2/s gets half through', () => {
    const users = 100;
    const perUser = 2;
    // 100 independent renewal counts (users are Poisson thinnings of the client's stream) plus the
    // first request of each, which finds its bucket full (≤ 100 requests: 0.5/s over the run).
    const expected = (users * perUser * perUser) / (perUser + perUser);
    const sd = Math.sqrt(users) * renewalSd(perUser, perUser);
    expect(Math.abs(acceptedPerSecond(users * perUser, perUser, 'user', users) - expected)).toBeLessThan(4 * sd + users / DURATION_S);
  });
});

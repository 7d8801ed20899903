import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import type { Report } from '../../../../shared/sim/report';
import { makeDocument } from '../helpers/documents';

/*
 * Users cache a DNS answer for the TTL T; a server dies; how long do its users keep failing?
 *
 * Each of U users sends Poisson requests at λ_u = rps/U. A user's answer is fresh for T after a
 * lookup, then the next request looks up again: a renewal cycle of T + Exp(1/λ_u). In steady
 * state a user holds a fresh answer with probability λ_uT/(1 + λ_uT) (here 1/2), and given that,
 * its remaining life is uniform on [0, T). Round-robin DNS answers web1 to every other lookup.
 *  - From the crash until the health checks mark web1 down, half of the requests fail (every user
 *    holding web1, plus half of the lookups).
 *  - From the mark-down at t_m, no lookup answers web1, and the users still holding it drop out
 *    as their answers expire: the failing share is ½ · λ_uT/(1 + λ_uT) · (1 − (t − t_m)/T), a line
 *    down to 0 at t_m + T — not a cliff at t_m, and not a plateau until t_m + T.
 *
 * Timing: probes every 500 ms from t = 0 time out after 250 ms; web1 dies at 100.1 s, the probes of
 * 100.5 and 101.0 fail, so it is marked down at 101.25 s. With 1 ms links, a 200 ms client timeout
 * and 1 ms service, everything else is a few ms. T = 5 s and 1/λ_u = 5 s make the cycle's random
 * part as long as its fixed part, so by 100 s (≈ 10 cycles) the users' phases, all started at 0,
 * are spread out (a TTL much longer than 1/λ_u keeps them bunched for many cycles).
 *
 * Error bars: the failures are a sum over 5000 independent users; a user holding web1 at the
 * mark-down (p = 1/4) with remaining life R ~ U[0, T) fails Poisson(λ_uR) times, so the count over
 * the decay has variance Σ Var(X_u) ≈ 5000 · 0.19 ≈ 960 per run (sd ≈ 31 on a mean of ≈ 460 in
 * the rows checked). Three seeds: sd ≈ 54 on ≈ 1380; the bound is 4 sd. A TTL counted twice
 * (or answers renewed by each request) would double the count or more.
 */
const USERS = 5000;
const RPS = 1000;
const TTL_S = 5;
const CRASH_S = 100.1;
const MARKED_DOWN_S = 101.25;

function run(seed: number): Report {
  return new Simulation(
    makeDocument({
      seed,
      durationS: 110,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: RPS, users: USERS, timeoutMs: 200 } },
        { id: 'dns', kind: 'dns', config: { ttlS: TTL_S, healthCheck: { intervalMs: 500, timeoutMs: 250, unhealthyAfter: 2 } } },
        { id: 'web1', kind: 'app', config: { serviceMs: 1, workers: 50 } },
        { id: 'web2', kind: 'app', config: { serviceMs: 1, workers: 50 } },
      ],
      links: [
        { from: 'users', to: 'dns', latencyMs: 1 },
        { from: 'users', to: 'web1', latencyMs: 1 },
        { from: 'users', to: 'web2', latencyMs: 1 },
        { from: 'dns', to: 'web1', latencyMs: 1 },
        { from: 'dns', to: 'web2', latencyMs: 1 },
      ],
      scenario: [{ atS: CRASH_S, action: 'crash', target: 'web1' }],
    }),
  ).finish();
}

/** The failing share of requests sent at time t (seconds), by the argument above. */
function failingShare(t: number): number {
  const lambdaT = (RPS / USERS) * TTL_S;
  if (t < CRASH_S) return 0;
  if (t < MARKED_DOWN_S) return 0.5;
  return Math.max(0, 0.5 * (lambdaT / (1 + lambdaT)) * (1 - (t - MARKED_DOWN_S) / TTL_S));
}

/** failingShare averaged over the timeline row [t, t + 1). */
function rowShare(t: number): number {
  const steps = 1000;
  let total = 0;
  for (let i = 0; i < steps; i++) total += failingShare(t + (i + 0.5) / steps);
  return total / steps;
}

describe('DNS TTL: after a server dies, its users keep failing until their cached answers expire', () => {
  const reports = [1, 2, 3].map(run);
  const rows = (t: number) => reports.map((report) => report.timeline[t]);

  it('before the crash nothing fails; between crash and mark-down half of the requests do', () => {
    for (const row of rows(99)) expect(row.failed).toBe(0);
    // Row 100 is 0.9 s of the half-failing window (≈ 900 requests per run): ±0.05 is > 3 sd.
    for (const row of rows(100)) expect(Math.abs(row.failed / row.sent - rowShare(100))).toBeLessThan(0.05);
  });

  it('after the mark-down the failures drain away linearly over one TTL', () => {
    let failed = 0;
    let expected = 0;
    for (let t = 102; t < 108; t++) {
      for (const row of rows(t)) {
        failed += row.failed;
        expected += rowShare(t) * row.sent;
      }
    }
    expect(expected).toBeGreaterThan(1300);
    expect(Math.abs(failed - expected)).toBeLessThan(4 * 54);
    // The line's two halves: the first 2.5 s of the decay hold 3/4 of its failures.
    const early = [102, 103].reduce((sum, t) => sum + rows(t).reduce((s, row) => s + row.failed, 0), 0);
    const late = [104, 105, 106].reduce((sum, t) => sum + rows(t).reduce((s, row) => s + row.failed, 0), 0);
    const expectedEarly = [102, 103].reduce((sum, t) => sum + rows(t).reduce((s, row) => s + rowShare(t) * row.sent, 0), 0);
    expect(Math.abs(early - expectedEarly)).toBeLessThan(4 * 54);
    expect(late).toBeLessThan(early);
  });

  it('one TTL after the mark-down nobody holds the dead answer', () => {
    for (let t = Math.ceil(MARKED_DOWN_S + TTL_S); t < 110; t++) for (const row of rows(t)) expect(row.failed).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * n = 2 app servers behind a load balancer, each crashing and being repaired at random
 * (mtbfS 8 s, mttrS 2 s, exponential): each is up A = 8/10 = 0.8 of the time, independently.
 * If the balancer knew instantly who is up, a request would fail only when both are down:
 * availability 1 − (1 − A)² = 0.96.
 *
 * It does not know instantly. Health checks (intervalMs I, probe timeout 50 ms, unhealthyAfter 1,
 * healthyAfter 1) mark a crashed server down only after the next probe times out: a detection
 * window D ≈ U[0, I) + 50 ms during which it still gets its share of the traffic (1/2 while the
 * other is marked up) and those requests are lost — unless it is repaired first (the window is
 * min(D, repair time)). Crashes happen at 1/(MTBF + MTTR) = 0.1 per second per server.
 * Symmetrically, a repaired server gets no traffic until its next probe succeeds (≈ U[0, I) +
 * 1 ms): that costs availability only while the other is down (all traffic is then refused).
 *
 *   A_lb ≈ 1 − (1−A)² − 2 · 0.1/s · E[min(D, X_repair)] · ½ · A − 2 · 0.1/s · (1−A) · E[min(U, X_other)]
 *
 * (last term: each server is repaired 0.1 times a second; a repair finds the other down with
 * probability 1 − A, and the outage lasts until the earlier of the mark-up and the other's
 * repair.) Error bar: as in availability.test.ts, each server's up-fraction over T = 6000 s has
 * SD ≈ √(2A(1−A)τ/T) ≈ 0.009 with τ = MTBF·MTTR/(MTBF+MTTR) = 1.6 s; the both-down product then
 * has SD ≈ 0.003 and the window terms a few 1e-3: tolerance 0.015.
 */
const MTBF_S = 8;
const MTTR_S = 2;
const A = MTBF_S / (MTBF_S + MTTR_S);
const CRASHES_PER_S = 1 / (MTBF_S + MTTR_S);

/** E[min(U[lo, lo + width), Exp(mean))] by numeric integration (seconds). */
function meanMinUniformExp(lo: number, width: number, mean: number): number {
  const steps = 10_000;
  let total = 0;
  for (let i = 0; i < steps; i++) {
    const d = lo + ((i + 0.5) / steps) * width;
    total += mean * (1 - Math.exp(-d / mean)); // E[min(d, X)] for X ~ Exp(mean)
  }
  return total / steps;
}

function predicted(intervalS: number): number {
  const detection = meanMinUniformExp(0.05, intervalS, MTTR_S);
  const markUp = meanMinUniformExp(0.001, intervalS, MTTR_S);
  return 1 - (1 - A) ** 2 - 2 * CRASHES_PER_S * detection * 0.5 * A - 2 * CRASHES_PER_S * (1 - A) * markUp;
}

function run(intervalMs: number) {
  return new Simulation(
    makeDocument({
      durationS: 6000,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: 20, timeoutMs: 1000 } },
        {
          id: 'lb',
          kind: 'lb',
          config: { algorithm: 'round-robin', healthCheck: { intervalMs, timeoutMs: 50, unhealthyAfter: 1, healthyAfter: 1 } },
        },
        { id: 'app1', kind: 'app', config: { serviceMs: 0.2, mtbfS: MTBF_S, mttrS: MTTR_S } },
        { id: 'app2', kind: 'app', config: { serviceMs: 0.2, mtbfS: MTBF_S, mttrS: MTTR_S } },
      ],
      links: [
        { from: 'users', to: 'lb' },
        { from: 'lb', to: 'app1' },
        { from: 'lb', to: 'app2' },
      ],
    }),
  ).finish();
}

describe('availability of components in parallel behind a load balancer', () => {
  const fast = run(100);
  const slow = run(1000);

  it('each server is up ≈ A of the time', () => {
    for (const id of ['app1', 'app2']) expect(Math.abs(1 - fast.nodes[id].downS / fast.durationS - A)).toBeLessThan(0.02);
  });

  it('with quick health checks, availability ≈ 1 − (1 − A)² less the short detection windows', () => {
    const expected = predicted(0.1);
    expect(expected).toBeGreaterThan(0.945); // the windows cost ≈ 0.01 here
    expect(Math.abs(fast.availability! - expected)).toBeLessThan(0.015);
    expect(fast.availability!).toBeLessThan(1 - (1 - A) ** 2);
    expect(fast.availability!).toBeGreaterThan(A); // redundancy beats one server
  });

  it('with 1 s health checks the detection window is a visible part of the unavailability', () => {
    const expected = predicted(1);
    expect(Math.abs(slow.availability! - expected)).toBeLessThan(0.015);
    expect(slow.availability!).toBeLessThan(fast.availability! - 0.03);
  });
});

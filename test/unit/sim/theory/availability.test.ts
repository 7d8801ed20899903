import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * Two components in series that crash and get repaired at random (mtbfS 10 s, mttrS 1 s, both
 * exponential): each is up A = MTBF/(MTBF+MTTR) = 10/11 of the time, independently, so a request
 * succeeds with probability A² ≈ 0.826 (requests take ≈ 1 ms, far shorter than the up/down
 * periods, so edge effects are ~1e-4).
 *
 * Error bar: the time-average of an exponential on/off process over T has variance
 * ≈ 2·A(1−A)·τ/T with τ = MTBF·MTTR/(MTBF+MTTR) ≈ 0.91 s; for T = 6000 s the SD of one component's
 * availability is ≈ 0.005, of the product ≈ 0.007. The bound 0.03 is > 4 SD. Low traffic (20 rps)
 * keeps this at ≈ 120k requests, under a second of wall time.
 */
describe('availability of crashing components in series', () => {
  const mtbfS = 10;
  const mttrS = 1;
  const a = mtbfS / (mtbfS + mttrS);
  const doc = makeDocument({
    durationS: 6000,
    nodes: [
      { id: 'users', kind: 'client', config: { rps: 20, timeoutMs: 2000 } },
      // 64 workers: while `back` is down each request holds a front worker for the 500 ms downstream
      // timeout; with the default 8 the front would queue (16 rps < 20 rps) and clients time out.
      { id: 'front', kind: 'app', config: { workers: 64, serviceMs: 0.2, mtbfS, mttrS, downstreamTimeoutMs: 500 } },
      { id: 'back', kind: 'app', config: { serviceMs: 0.2, mtbfS, mttrS } },
    ],
    links: [
      { from: 'users', to: 'front' },
      { from: 'front', to: 'back' },
    ],
  });
  const report = new Simulation(doc).finish();

  it('availability ≈ A1·A2', () => {
    expect(Math.abs(report.availability! - a * a)).toBeLessThan(0.03);
  });

  it('each node was down ≈ (1 − A) of the time', () => {
    for (const id of ['front', 'back']) {
      const downFraction = report.nodes[id].downS / report.durationS;
      expect(Math.abs(downFraction - (1 - a))).toBeLessThan(0.02);
    }
  });

  it('failures are attributed: front down ⇒ dropped, back down ⇒ error (front times out downstream)', () => {
    const { ok, error, dropped, timeout, rejected } = report.requests;
    expect(ok + error + dropped + timeout + rejected).toBe(report.requests.total);
    expect(dropped / report.requests.total).toBeGreaterThan(0.05);
    expect(error / report.requests.total).toBeGreaterThan(0.05);
    expect(timeout).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import type { Report } from '../../../../shared/sim/report';
import { makeDocument } from '../helpers/documents';

/*
 * Stale reads from a busy asynchronous replica. 600 requests/s, half writes, over K keys: each key
 * is written as a Poisson stream of λ_k = 300/K per second. Writes take 0.1 ms at the primary and
 * are acknowledged at once (zero-latency links); the copy reaches the replica L = 5 ms after the
 * commit. Reads go to the replica, which has ONE connection, 60 % busy (exp reads and 1 ms applies
 * in one FIFO).
 *
 * A read sent at t is stale iff some write of its key was acknowledged before t and is not in
 * effect when the read starts. With one FIFO connection, every apply that arrived before the read
 * is finished before the read starts, however long the queue: the read is stale iff a write of its
 * key committed in (t − L, t]. So P(stale) = 1 − e^{−λ_k·L}, whatever the replica's load — its
 * queue delays the read and the applies alike. With four connections a read can start beside an
 * apply still running ahead of it, which the model counts as not yet in effect: more stale reads
 * (the control below).
 *
 * Error bar: ≈ 30k reads; the binomial SE of the stale share is ≤ 0.002, inflated by at most ≈ 1.2
 * for reads of one key within the same 5 ms window (≈ 0.15 such reads at 30 reads/s per key).
 * Bound: 4 × 1.2 binomial SE.
 */
const L_MS = 5;

function run(keys: number, connections: number): Report {
  return new Simulation(
    makeDocument({
      seed: 19,
      durationS: 100,
      nodes: [
        { id: 'users', kind: 'client', config: { rps: 600, writeRatio: 0.5, keys: { count: keys }, timeoutMs: 60_000 } },
        { id: 'app', kind: 'app', config: { workers: 1000, serviceMs: 0, readFromReplicas: true, downstreamTimeoutMs: 60_000 } },
        { id: 'primary', kind: 'db', config: { role: 'primary', writeMs: 0.1, connections: 100 } },
        {
          id: 'replica',
          kind: 'db',
          config: { role: 'replica', readMs: { dist: 'exp', mean: connections }, applyMs: connections, connections, queueLimit: 1_000_000 },
        },
      ],
      links: [
        { from: 'users', to: 'app', latencyMs: 0 },
        { from: 'app', to: 'primary', latencyMs: 0 },
        { from: 'app', to: 'replica', latencyMs: 0 },
        { from: 'primary', to: 'replica', kind: 'replication', latencyMs: L_MS },
      ],
    }),
  ).finish();
}

describe('stale reads from a loaded single-connection replica', () => {
  for (const keys of [10, 40]) {
    it(`${keys} keys: P(stale) = 1 − e^{−λ_k·L}, untouched by the replica's queue`, () => {
      const report = run(keys, 1);
      expect(Math.abs(report.nodes.replica.utilization - 0.6)).toBeLessThan(0.02);
      const { reads, staleReads } = report.consistency;
      const expected = 1 - Math.exp(-(300 / keys / 1000) * L_MS);
      const se = 1.2 * Math.sqrt((expected * (1 - expected)) / reads);
      expect(Math.abs(staleReads / reads - expected)).toBeLessThan(4 * se);
    });
  }

  it('control: four connections at the same load let reads start beside running applies (more stale)', () => {
    const report = run(10, 4);
    const { reads, staleReads } = report.consistency;
    const singleConnection = 1 - Math.exp(-(30 / 1000) * L_MS);
    expect(staleReads / reads - singleConnection).toBeGreaterThan(10 * 1.2 * Math.sqrt((singleConnection * (1 - singleConnection)) / reads));
  });
});

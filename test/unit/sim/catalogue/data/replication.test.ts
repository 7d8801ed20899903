import { describe, expect, it } from 'vitest';
import type { ScenarioEvent } from '../../../../../shared/model/types';
import type { DbModel } from '../../../../../shared/sim/nodes/db';
import { Simulation } from '../../../../../shared/sim/simulation';
import { loadDataFixture, runDataFixture } from './loadFixture';
import { makeDocument } from '../../helpers/documents';

/*
 * replication.faultline: 400 rps, 25 % writes over 50 keys (λ = 100 writes/s, 2 writes/s per key),
 * an app reading from two replicas round-robin: `near` 20 ms away, `far` 50 ms away (applyMs 1).
 * Paths inside the site are 0.5 ms per hop; the app spends 1 ms; writes 4 ms, reads 2 ms.
 */
const WRITES_PER_KEY_PER_S = 100 / 50;

function dbModel(sim: { world: { nodeIds: readonly string[]; models: unknown[] } }, id: string): DbModel {
  return sim.world.models[sim.world.nodeIds.indexOf(id)] as DbModel;
}

describe('db replication: async, semi-sync, sync', () => {
  const async = runDataFixture('replication');
  const semi = runDataFixture('replication', { primary: { replication: 'semi-sync' } });
  const sync = runDataFixture('replication', { primary: { replication: 'sync' } });

  it('async: lag is link delay + applyMs, and replicas serve stale reads at the rate the lag predicts', () => {
    // Nothing queues at these loads (utilization < 1 %), so the lag is exactly link + applyMs.
    expect(dbModel(async.sim, 'near').lagSumMs / dbModel(async.sim, 'near').lagCount).toBeCloseTo(21, 6);
    expect(dbModel(async.sim, 'far').lagMaxMs).toBeCloseTo(51, 6);
    // A read is stale when a write to its key was acknowledged before it was sent and the replica
    // had not applied it when the read got there. The client hears the ack 1 ms after the commit
    // (primary → app → client, 0.5 ms hops) and a read reaches the replica 2 ms after being sent
    // (hop, 1 ms service, hop), so the window is lag − 3 ms: 18 ms (near), 48 ms (far); reads
    // alternate, so a read is stale with probability ≈ 2/s × mean window.
    const expected = async.report.consistency.reads * WRITES_PER_KEY_PER_S * ((0.018 + 0.048) / 2);
    // ≈ 1190 expected; Poisson SD ≈ 35 (3 %); ±15 %.
    expect(async.report.consistency.staleReads).toBeGreaterThan(expected * 0.85);
    expect(async.report.consistency.staleReads).toBeLessThan(expected * 1.15);
    expect(async.report.checks[0].pass).toBe(false);
  });

  it('semi-sync: the ack waits for the nearest replica (one round trip over its link), far reads can still be stale', () => {
    // The ack leaves the primary when `near`'s acknowledgement is back: commit + 21 + 20 ms; the
    // client hears it ≈ 1 ms later; `far` applies at commit + 51 ⇒ a window of ≈ 51 − 42 − 2 = 7 ms,
    // for the half of reads that go to `far`.
    const expected = semi.report.consistency.reads * WRITES_PER_KEY_PER_S * (0.007 / 2);
    expect(semi.report.consistency.staleReads).toBeGreaterThan(expected * 0.6);
    expect(semi.report.consistency.staleReads).toBeLessThan(expected * 1.5);
    expect(semi.report.consistency.staleReads).toBeLessThan(async.report.consistency.staleReads / 5);
    // Writes now take 4 ms + 41 ms of round trip + the hops: p95 (a write) ≈ 48 ms.
    expect(semi.report.latencyMs.p95!).toBeGreaterThan(45);
    expect(semi.report.latencyMs.p95!).toBeLessThan(50);
  });

  it('sync: no stale read at all, and every write pays the round trip to the farthest replica', () => {
    expect(sync.report.consistency.staleReads).toBe(0);
    expect(sync.report.checks[0].pass).toBe(true);
    // 4 ms write + (50 + 1 + 50) ms far round trip + ≈ 3 ms of hops and service.
    expect(sync.report.latencyMs.p95!).toBeGreaterThan(105);
    expect(sync.report.latencyMs.p95!).toBeLessThan(110);
    // Reads are unaffected (p50 is a read).
    expect(sync.report.latencyMs.p50!).toBeCloseTo(async.report.latencyMs.p50!, 0);
  });

  it('sync over lossy replication links: a lost copy or acknowledgement goes again, so writes wait instead of failing', () => {
    // 5 % loss each way on both links: ≈ 19 % of writes lose a copy or an acknowledgement. Sent
    // again after 1 s (as TCP would), they wait ≈ 1 s more; the app and the users here wait up
    // to 3 and 5 s, so those writes succeed. Before, each waited out the 10 s sync limit and failed.
    const doc = loadDataFixture('replication', { primary: { replication: 'sync' }, app: { downstreamTimeoutMs: 3000 }, users: { timeoutMs: 5000 } });
    doc.links['repl-near'].lossRate = 0.05;
    doc.links['repl-far'].lossRate = 0.05;
    const report = new Simulation(doc).finish();
    // Only a message lost three times running outlasts the app's 3 s: 0.05³ × ≈ 12 000 copies and
    // acknowledgements ≈ 1.5 writes. Before, every write that lost one (≈ 1100) failed.
    expect(report.requests.error).toBeLessThan(10);
    expect(report.requests.timeout).toBe(0);
    expect(report.consistency.staleReads).toBe(0);
    // The retransmitted ones show in the tail: p99 is above the 1 s retransmission.
    expect(report.latencyMs.p99!).toBeGreaterThan(1000);
  });

  it('readFromReplicas false: reads go to the primary, nothing is stale even with async replicas', () => {
    const { report } = runDataFixture('replication', { app: { readFromReplicas: false } });
    expect(report.consistency.staleReads).toBe(0);
    // The replicas now only apply copies: one arrival per write (but the last few, still on the
    // 20 ms link when the run ends: ≈ 100 writes/s × 0.02 s).
    const writesAtPrimary = report.nodes.primary.arrivals - report.consistency.reads;
    expect(report.nodes.near.arrivals).toBeLessThanOrEqual(writesAtPrimary);
    expect(report.nodes.near.arrivals).toBeGreaterThanOrEqual(writesAtPrimary - 10);
    expect(report.nodes.primary.arrivals).toBe(report.consistency.reads + report.consistency.writes);
  });

  it('every db reports the keys it holds; replicas hold the same keys as the primary', () => {
    for (const { report } of [async, semi, sync]) {
      expect(report.nodes.primary.keys).toBe(50);
      expect(report.nodes.near.keys).toBe(50);
      expect(report.nodes.far.keys).toBe(50);
    }
  });
});

describe('db failover: async loses acknowledged writes, sync none', () => {
  // failover.faultline: 250 writes/s over 10 000 keys; at 18 s replication to both replicas is
  // cut, at 20 s the primary crashes; detectMs 2000 ⇒ r1 (or r2) promoted at 22 s.
  const async = runDataFixture('failover');
  const sync = runDataFixture('failover', { primary: { replication: 'sync' } });

  it('async: the writes acknowledged between the cut and the crash are lost (≈ 250/s × 2 s)', () => {
    const lost = async.report.consistency.lostWrites;
    // Poisson(500): SD ≈ 22; ±20 % covers it and the writes in flight at the edges.
    expect(lost).toBeGreaterThan(400);
    expect(lost).toBeLessThan(600);
    expect(async.report.checks.find((check) => check.id === 'lost')!.pass).toBe(false);
    // Reads of those keys from the promoted replica return older versions: stale, by definition.
    expect(async.report.consistency.staleReads).toBeGreaterThan(0);
  });

  it('sync: writes stall instead (errors), and nothing acknowledged is ever lost', () => {
    expect(sync.report.consistency.lostWrites).toBe(0);
    expect(sync.report.consistency.staleReads).toBe(0);
    expect(sync.report.requests.error).toBeGreaterThan(async.report.requests.error);
  });

  it('writes fail for about detectMs after the crash, then the promoted replica takes them', () => {
    for (const { report } of [async, sync]) {
      const during = report.timeline.slice(20, 22);
      for (const row of during) expect(row.failed / row.sent).toBeGreaterThan(0.4); // writes are half the traffic
      for (const row of report.timeline.slice(23)) expect(row.failed).toBe(0);
      expect(report.checks.find((check) => check.id === 'after')!.pass).toBe(true);
    }
    const promoted = ['r1', 'r2'].filter((id) => dbModel(async.sim, id).role === 'primary');
    expect(promoted).toHaveLength(1);
    // The old primary came back at 30 s as a replica, with the new primary's data.
    expect(dbModel(async.sim, 'primary').role).toBe('replica');
  });
});

describe('lost writes are counted exactly, whatever happened to the replication messages', () => {
  /**
   * Ground truth, independent of the books: writes stop before the crash, so after the run every
   * key whose version on the crashed primary is newer than on the promoted replica is an
   * acknowledged write in no surviving copy (keys are distinct but for a collision or two in a
   * million, and a collision is judged the same way by both).
   */
  function missingOnReplica(sim: Simulation): number {
    const primary = dbModel(sim, 'primary').store;
    const replica = dbModel(sim, 'replica').store;
    let missing = 0;
    for (let key = 0; key < 1_000_000; key++) if (primary.get(key) > replica.get(key)) missing++;
    return missing;
  }

  function runVariant(edit: (doc: ReturnType<typeof loadDataFixture>) => void): { sim: Simulation; lostWrites: number } {
    const doc = loadDataFixture('lost-writes-books');
    edit(doc);
    const sim = new Simulation(doc);
    return { sim, lostWrites: sim.finish().consistency.lostWrites };
  }

  it('replication cut for 3 s and restored: the replica catches up once the link is back, and nothing is lost', () => {
    const { sim, lostWrites } = runVariant((doc) => {
      doc.scenario.unshift({ atS: 3, action: 'cut', target: 'primary-replica' }, { atS: 6, action: 'restore', target: 'primary-replica' });
    });
    expect(missingOnReplica(sim)).toBe(0);
    expect(lostWrites).toBe(0);
    // The writes of the cut arrived up to ~3 s late (resent every second until the link was back).
    expect(dbModel(sim, 'replica').lagMaxMs).toBeGreaterThan(2900);
    expect(dbModel(sim, 'replica').lagMaxMs).toBeLessThan(4100);
  });

  it('replication still cut when the primary crashes: the writes made since the cut are lost', () => {
    const { sim, lostWrites } = runVariant((doc) => {
      doc.scenario.unshift({ atS: 7, action: 'cut', target: 'primary-replica' });
    });
    // ≈ 150 writes/s × 2.9 s (writes stop at 9.9 s).
    expect(lostWrites).toBeGreaterThan(380);
    expect(lostWrites).toBeLessThan(500);
    expect(lostWrites).toBe(missingOnReplica(sim));
  });

  it('a replication link that loses 20 % of its messages: only those not yet sent again at the crash are lost', () => {
    const { sim, lostWrites } = runVariant((doc) => {
      doc.links['primary-replica'].lossRate = 0.2;
    });
    // A lost message is sent again a second later: at the crash, ≈ 20 % of the last second's
    // 150 writes (and a few lost twice) are still waiting.
    expect(lostWrites).toBeGreaterThan(10);
    expect(lostWrites).toBeLessThan(60);
    expect(lostWrites).toBe(missingOnReplica(sim));
  });

  it('a replica whose apply queue overflows while it catches up after a cut still ends with every write', () => {
    // No crash: 150 writes/s, the link cut for 6 s (≈ 900 messages), the replica's queue holds 100.
    const doc = loadDataFixture('lost-writes-books');
    doc.scenario = [{ atS: 2, action: 'cut', target: 'primary-replica' }, { atS: 8, action: 'restore', target: 'primary-replica' }];
    Object.assign(doc.nodes.replica.config, { queueLimit: 100, connections: 1, applyMs: 2 });
    const sim = new Simulation(doc);
    const report = sim.finish();
    expect(report.nodes.replica.rejected).toBeGreaterThan(0); // the resent backlog did overflow it
    // Everything but the last few writes still on the way when the run stops.
    expect(missingOnReplica(sim)).toBeLessThanOrEqual(3);
  });

  it('writes the replica received but had not applied yet (a slow apply queue) are not lost', () => {
    // One connection, 10 ms per apply: at 150 writes/s the replica falls ~0.5 s behind by 10 s.
    const { sim, lostWrites } = runVariant((doc) => {
      Object.assign(doc.nodes.replica.config, { applyMs: 10, connections: 1, queueLimit: 100_000 });
    });
    expect(missingOnReplica(sim)).toBe(0);
    expect(lostWrites).toBe(0);
  });
});

describe('failover promotes the replica lacking the fewest acknowledged writes', () => {
  it('not the one holding the newest version: r2 (complete up to a cut 1 s before the crash) over lossy r1', () => {
    const { sim, report } = runDataFixture('promotion-choice');
    expect(dbModel(sim, 'r2').role).toBe('primary');
    expect(dbModel(sim, 'r1').role).toBe('replica');
    // The books count exactly what the successor lacks of the crashed primary's writes once it has
    // gathered r1's copies of those it lacked (writes go on to r2 afterwards, so only keys p holds
    // are compared; keys are distinct but for a collision or two in a million).
    const p = dbModel(sim, 'p').store;
    const r2 = dbModel(sim, 'r2').store;
    let lacking = 0;
    for (let key = 0; key < 1_000_000; key++) if (p.get(key) > r2.get(key)) lacking++;
    expect(report.consistency.lostWrites).toBeGreaterThan(150);
    expect(Math.abs(report.consistency.lostWrites - lacking)).toBeLessThanOrEqual(2);
  });
});

describe('master-master: two primaries replicating both ways, last write wins', () => {
  const { sim, report } = runDataFixture('master-master');

  it('reads at one site miss writes just made at the other (stale), about as often as the 40 ms delay predicts', () => {
    // 120 writes/s over 100 keys; a read is stale when the newest acknowledged write went to the
    // other primary (half the time) and is not applied here yet: the copy lands 41 ms after the
    // commit, the client hears the ack 1.5 ms after it (db → app → lb → client) and a read needs
    // 3 ms to get to the db (hop, 0.5 ms lb, hop, 1 ms app, hop): a 36.5 ms window.
    const expected = report.consistency.reads * 1.2 * 0.0365 * 0.5;
    expect(report.consistency.staleReads).toBeGreaterThan(expected * 0.7);
    expect(report.consistency.staleReads).toBeLessThan(expected * 1.3);
    expect(report.consistency.lostWrites).toBe(0);
  });

  it('both primaries converge on the same (newest) version of every key once replication drains', () => {
    sim.runUntil(sim.now + 1000);
    const a = dbModel(sim, 'dbA');
    const b = dbModel(sim, 'dbB');
    for (let key = 0; key < 100; key++) expect(a.store.get(key)).toBe(b.store.get(key));
    expect(report.nodes.dbA.keys).toBe(100);
  });
});

describe('db failover promotes the most up-to-date replica', () => {
  it('with r1 cut off since 15 s, r2 (which has everything) is promoted and no acknowledged write is lost', () => {
    // failover.faultline with only repl-r1 cut at 15 s (r2's link stays): r1 misses 5 s of writes
    // (≈ 1250); promoting it would lose them all. r2 holds every write the primary sent before it
    // died (messages already on the wire arrive), so nothing acknowledged is lost.
    const doc = loadDataFixture('failover');
    doc.scenario = [
      { atS: 15, action: 'cut', target: 'repl-r1' },
      { atS: 20, action: 'crash', target: 'primary' },
    ];
    const sim = new Simulation(doc);
    const report = sim.finish();
    expect(dbModel(sim, 'r2').role).toBe('primary');
    expect(dbModel(sim, 'r1').role).toBe('replica');
    expect(report.consistency.lostWrites).toBe(0);
  });
});

describe('sync replication and a dead replica', () => {
  it('writes stall until the cluster notices the replica is gone (detectMs), then go on without it', () => {
    // replication.faultline with sync replication; `far` crashes at 20 s, detectMs 5000 (default).
    // Until 25 s every write waits for far's acknowledgement and the app gives up after 500 ms
    // (error): the writes, a quarter of the traffic, fail; so do the reads the app still sends
    // to far (half of the reads, round-robin): 0.25 + 0.75 / 2 = 0.625 of each second's requests.
    const doc = loadDataFixture('replication', { primary: { replication: 'sync' } });
    doc.scenario = [{ atS: 20, action: 'crash', target: 'far' }];
    const report = new Simulation(doc).finish();
    for (const row of report.timeline.slice(20, 25)) {
      // ≈ 400 requests a second: binomial SD ≈ 0.025; ±0.08.
      expect(Math.abs(row.failed / row.sent - 0.625)).toBeLessThan(0.08);
    }
    for (const row of report.timeline.slice(25)) expect(row.failed).toBe(0);
    // (Writes sent in the last ~100 ms before the crash, whose acknowledgement far never sent, fail too.)
    for (const row of report.timeline.slice(0, 19)) expect(row.failed).toBe(0);
    expect(report.consistency.staleReads).toBe(0);
  });
});

describe('data-tier wiring that will surprise is named in the warnings', () => {
  it('replicas only, a replica nothing replicates to, two clusters on one app, a queue without workers', () => {
    const sim = new Simulation(
      makeDocument({
        nodes: [
          { id: 'c', kind: 'client' },
          { id: 'a', kind: 'app' },
          { id: 'b', kind: 'app' },
          { id: 'p', kind: 'db' },
          { id: 'r', kind: 'db', config: { role: 'replica' } },
          { id: 'orphan', kind: 'db', config: { role: 'replica' } },
          { id: 'other', kind: 'db' },
          { id: 'q', kind: 'queue' },
        ],
        links: [
          { from: 'c', to: 'a' },
          { from: 'c', to: 'b' },
          { from: 'a', to: 'r' },
          { from: 'b', to: 'p' },
          { from: 'b', to: 'other' },
          { from: 'a', to: 'q' },
          { from: 'p', to: 'r', kind: 'replication' },
          { from: 'orphan', to: 'p', kind: 'replication' },
        ],
      }),
    );
    const warnings = sim.warnings.join('\n');
    expect(warnings).toMatch(/a: linked only to replicas/);
    expect(warnings).toMatch(/orphan: a replica no replication link leads to/);
    expect(warnings).toMatch(/b: linked to 2 separate database clusters/);
    expect(warnings).toMatch(/q: a queue with no worker linked/);
    expect(warnings).not.toMatch(/^r:/m);
  });

  it('says when a shard router linked beside a database, or to a worker, is not used', () => {
    const sim = new Simulation(
      makeDocument({
        nodes: [
          { id: 'c', kind: 'client' },
          { id: 'a', kind: 'app' },
          { id: 'db', kind: 'db' },
          { id: 'sr', kind: 'shard-router' },
          { id: 's1', kind: 'db' },
          { id: 's2', kind: 'db' },
          { id: 'q', kind: 'queue' },
          { id: 'w', kind: 'worker' },
        ],
        links: [
          { from: 'c', to: 'a' },
          { from: 'a', to: 'db' },
          { from: 'a', to: 'sr' },
          { from: 'sr', to: 's1' },
          { from: 'sr', to: 's2' },
          { from: 'a', to: 'q' },
          { from: 'q', to: 'w' },
          { from: 'w', to: 'sr' },
        ],
      }),
    );
    const warnings = sim.warnings.join('\n');
    expect(warnings).toMatch(/^a: linked to a database and to sr; only the database is used/m);
    expect(warnings).toMatch(/^w: a worker writes only to a database linked to it; the link to sr is ignored/m);
    // What the notes say is what runs: the shards get nothing.
    const report = sim.finish();
    expect(report.nodes.db.arrivals).toBeGreaterThan(0);
    expect(report.nodes.s1.arrivals + report.nodes.s2.arrivals).toBe(0);
  });

  describe('automatic failover with two or more replicas: a replica without links to the others', () => {
    // p → r1, p → r2, r1 → r2, p crashes at 5 s: if r2 is promoted, r1 never gets a write again
    // (cluster.ts: a promoted replica replicates over its own outgoing links only).
    const cluster = (
      auto: boolean,
      extra: { from: string; to: string; kind: 'replication' }[] = [],
      scenario: ScenarioEvent[] = [{ atS: 5, action: 'crash', target: 'p' }],
    ) =>
      new Simulation(
        makeDocument({
          nodes: [
            { id: 'c', kind: 'client' },
            { id: 'a', kind: 'app' },
            { id: 'p', kind: 'db', config: { failover: { auto } } },
            { id: 'r1', kind: 'db', config: { role: 'replica' } },
            { id: 'r2', kind: 'db', config: { role: 'replica' } },
          ],
          links: [
            { from: 'c', to: 'a' },
            { from: 'a', to: 'p' },
            { from: 'p', to: 'r1', kind: 'replication' },
            { from: 'p', to: 'r2', kind: 'replication' },
            { from: 'r1', to: 'r2', kind: 'replication' },
            ...extra,
          ],
          scenario,
        }),
      ).warnings;

    it('names the replica, the one left without writes and the missing link', () => {
      expect(cluster(true)).toEqual([
        'r2: if it is promoted, r1 gets no writes from it (no replication link r2 → r1); draw replication links between the replicas too',
      ]);
    });

    it('also when a `set` gives the primary random crashes (mtbfS)', () => {
      const note = /^r2: if it is promoted, r1 gets no writes from it/;
      expect(cluster(true, [], [{ atS: 1, action: 'set', target: 'p', params: { mtbfS: 30 } }])).toEqual([expect.stringMatching(note)]);
    });

    it('says nothing once the replicas replicate both ways, without automatic failover, or when the primary cannot fail', () => {
      expect(cluster(true, [{ from: 'r2', to: 'r1', kind: 'replication' }])).toEqual([]);
      expect(cluster(false)).toEqual([]);
      expect(cluster(true, [], [])).toEqual([]); // one primary, two replicas, no failure: the read-scaling picture
      // A crash at or after the end never happens (Design problems says so): nothing to warn of.
      expect(cluster(true, [], [{ atS: 10_000, action: 'crash', target: 'p' }])).toEqual([]);
    });
  });

  it('the data fixtures themselves draw no warning (but failover.faultline\'s primary, which comes back with no link to it)', () => {
    for (const name of ['replication', 'master-master', 'cache-policies', 'shards', 'jobs']) {
      expect(new Simulation(loadDataFixture(name)).warnings).toEqual([]);
    }
    // failover.faultline: primary → r1, primary → r2, r1 ⇄ r2; the primary crashes at 20 s and
    // restarts at 30 s as a replica of whichever replica was promoted, which has no link back.
    expect(new Simulation(loadDataFixture('failover')).warnings).toEqual(
      ['r1', 'r2'].map(
        (r) =>
          `${r}: if it is promoted, primary comes back from its crash as a replica that gets no writes from it (no replication link ${r} → primary) and takes no reads; draw the replication link back too`,
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { DbModel } from '../../../../../shared/sim/nodes/db';
import type { VersionStore } from '../../../../../shared/sim/nodes/db/versionStore';
import { Simulation } from '../../../../../shared/sim/simulation';
import { makeDocument, type LinkSpec } from '../../helpers/documents';

/*
 * Replicas catch up with what the cluster holds (db/cluster.ts): after their primary restarts
 * without a failover, and after another replica is promoted; a deposed primary nobody replicates
 * to is warned about and gets no reads. The runs are small and constant-rate (a client at 100
 * requests/s, one every 10 ms), every db 1 ms per query, primary → replica links 20 ms long,
 * other hops the default 0.5 ms.
 */

function db(sim: Simulation, id: string): DbModel {
  return sim.world.models[sim.world.nodeIds.indexOf(id)] as DbModel;
}

/** Keys `ahead` holds a newer version of than `behind` has received, among versions ≤ `upTo`. */
function lacking(ahead: VersionStore, behind: VersionStore, upTo = Infinity): number {
  let count = 0;
  ahead.forEach((key, version) => {
    if (version <= upTo && behind.get(key) < version) count++;
  });
  return count;
}

const dbConfig = (extra: Record<string, unknown>) => ({ readMs: 1, writeMs: 1, applyMs: 1, ...extra });

function cluster(options: {
  writeRatio: number;
  keys: number;
  durationS: number;
  replicas: string[];
  auto: boolean;
  replication: LinkSpec[];
  scenario: unknown[];
  checks?: unknown[];
}): Simulation {
  const failover = { auto: options.auto, detectMs: 5000 };
  return new Simulation(
    makeDocument({
      durationS: options.durationS,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', writeRatio: options.writeRatio, keys: { count: options.keys } } },
        { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 1, readFromReplicas: true } },
        { id: 'p', kind: 'db', config: dbConfig({ failover }) },
        ...options.replicas.map((id) => ({ id, kind: 'db', config: dbConfig({ role: 'replica', failover }) })),
      ],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'p' },
        ...options.replicas.map((id) => ({ from: 'app', to: id })),
        ...options.replication.map((link) => ({ ...link, kind: 'replication' as const })),
      ],
      scenario: options.scenario,
      checks: options.checks,
    }),
  );
}

describe('a primary that restarts without a failover streams its replicas what they missed', () => {
  // p → r1 cut at 10 s, p crashes at 20 s (failover.auto false: nobody takes over) and restarts at
  // 30 s, the link comes back at 35 s. Half of the requests write (50 writes/s) over 2000 keys.
  const run = (crash: boolean) =>
    cluster({
      writeRatio: 0.5,
      keys: 2000,
      durationS: 60,
      replicas: ['r1'],
      auto: false,
      replication: [{ id: 'rep', from: 'p', to: 'r1', latencyMs: 20 }],
      scenario: [
        { atS: 10.0025, action: 'cut', target: 'rep' },
        ...(crash ? [{ atS: 20.0025, action: 'crash', target: 'p' }, { atS: 30.0025, action: 'restart', target: 'p' }] : []),
        { atS: 35.0025, action: 'restore', target: 'rep' },
      ],
      checks: [{ id: 'late', metric: 'staleReads', op: '<=', value: 0, fromS: 40, toS: 60 }],
    });

  it('r1 gets the writes of the cut once the link is back, and serves no more stale reads than without the crash', () => {
    const sim = run(true);
    sim.runUntil(34_900);
    // Before the restore r1 lacks what p took since the cut, 10–20 s and 30–34.9 s: ≈ 50 writes/s
    // × 14.9 s = 745 writes over 2000 keys, ≈ 2000 × (1 − e^(−745/2000)) ≈ 622 distinct keys
    // (binomial writes, SD ≈ 20 keys; ±50).
    const before = lacking(db(sim, 'p').store, db(sim, 'r1').received);
    expect(before).toBeGreaterThan(572);
    expect(before).toBeLessThan(672);
    // After it: the catch-up bounced off the cut link since 30 s (sent again every second); at the
    // restore it goes in two batches (256, then the rest 20 ms later), 20 ms on the link, 1 ms to
    // apply. Writes still flow (50/s, 21 ms of lag): at most two are on their way at 35.2 s.
    sim.runUntil(35_200);
    expect(lacking(db(sim, 'p').store, db(sim, 'r1').store)).toBeLessThanOrEqual(2);
    const report = sim.finish();
    expect(report.nodes.r1.keys).toBe(report.nodes.p.keys);
    // From 40 s r1 lags only by the link: a read is stale when its key was written in the last
    // ≈ 18 ms (21 ms lag − 3 ms of ack and read hops): 1000 reads × 0.025 writes/s per key ×
    // 0.018 s ≈ 0.45 expected — the same as the run without the crash. Before, r1 never got the
    // writes of 10–20 s and served them stale to the end (139 in 40–60 s).
    const late = report.checks.find((check) => check.id === 'late')!.actual;
    const lateNoCrash = run(false).finish().checks.find((check) => check.id === 'late')!.actual;
    expect(late).toBeLessThanOrEqual(3);
    expect(lateNoCrash).toBeLessThanOrEqual(3);
  });
});

describe('after a failover the replicas that were not promoted catch up with the new primary', () => {
  // p → r1, p → r2, r1 ⇄ r2; p → r1 cut at 10 s, p → r2 at 15 s, p crashes at 20 s, detected at
  // 25 s. Only writes, 100/s, to distinct keys (a million of them). r2 lacks fewer (15–20 s
  // against 10–20 s) and is promoted; r1 lacked the writes of 10–15 s, which r2 has.
  const sim = cluster({
    writeRatio: 1,
    keys: 1_000_000,
    durationS: 40,
    replicas: ['r1', 'r2'],
    auto: true,
    replication: [
      { id: 'a1', from: 'p', to: 'r1', latencyMs: 20 },
      { id: 'a2', from: 'p', to: 'r2', latencyMs: 20 },
      { id: 'b12', from: 'r1', to: 'r2' },
      { id: 'b21', from: 'r2', to: 'r1' },
    ],
    scenario: [
      { atS: 10.0025, action: 'cut', target: 'a1' },
      { atS: 15.0025, action: 'cut', target: 'a2' },
      { atS: 20.0025, action: 'crash', target: 'p' },
    ],
  });
  sim.runUntil(20_000);
  const versionAtCrash = sim.world.consistency.lastVersion;
  sim.runUntil(25_000);
  const beforePromotion = lacking(db(sim, 'r2').received, db(sim, 'r1').received, versionAtCrash);
  sim.runUntil(25_200);
  const afterPromotion = lacking(db(sim, 'r2').received, db(sim, 'r1').store, versionAtCrash);
  const report = sim.finish();

  it('r2 is promoted and the writes of 15–20 s, which no replica has, are lost', () => {
    expect(db(sim, 'r2').role).toBe('primary');
    // 100 writes/s × 5 s (the clients' 15.000–19.990 s writes: the copy of the 15.000 s one was
    // to leave p at 15.003 s, after the cut), plus the two copies on a2's 20 ms wire at the cut
    // (they left p at 14.983 and 14.993 s): the cut loses them too, and p never gets to send them
    // again before it crashes.
    expect(report.consistency.lostWrites).toBe(502);
  });

  it('r1 gets the writes of 10–15 s from r2 over r2 → r1 within a few batches of the promotion', () => {
    // 100 writes/s × 5 s: every one of them (±1 at the edges of the cut).
    expect(beforePromotion).toBeGreaterThanOrEqual(499);
    expect(beforePromotion).toBeLessThanOrEqual(501);
    // Two batches 20 ms apart, 0.5 ms on b21, 1 ms to apply: all in by 25.05 s. Before, never.
    expect(afterPromotion).toBe(0);
    expect(lacking(db(sim, 'r2').store, db(sim, 'r1').store, versionAtCrash)).toBe(0);
    // Since then r1 has followed r2 too: at the end the two hold the same keys (the last write,
    // 1.5 ms on its way, at most excepted).
    expect(Math.abs(report.nodes.r1.keys! - report.nodes.r2.keys!)).toBeLessThanOrEqual(1);
  });
});

describe('a deposed primary that no replication link leads to', () => {
  // p → r1 only (failover.auto), cut at 10 s, p crashes at 20 s, r1 promoted at 25 s, p back at
  // 30 s as r1's replica. Half of the requests write, over 10 keys; reads go to replicas.
  const run = (linkBack: boolean) =>
    cluster({
      writeRatio: 0.5,
      keys: 10,
      durationS: 60,
      replicas: ['r1'],
      auto: true,
      replication: [{ id: 'rep', from: 'p', to: 'r1', latencyMs: 20 }, ...(linkBack ? [{ id: 'back', from: 'r1', to: 'p', latencyMs: 20 }] : [])],
      scenario: [
        { atS: 10.0025, action: 'cut', target: 'rep' },
        { atS: 20.0025, action: 'crash', target: 'p' },
        { atS: 30.0025, action: 'restart', target: 'p' },
      ],
      checks: [{ id: 'after', metric: 'staleReads', op: '<=', value: 0, fromS: 30, toS: 60 }],
    });

  it('is named in the warnings when the primary can crash and come back with automatic failover', () => {
    expect(run(false).warnings).toEqual([
      'r1: if it is promoted, p comes back from its crash as a replica that gets no writes from it (no replication link r1 → p) and takes no reads; draw the replication link back too',
    ]);
    expect(run(true).warnings).toEqual([]);
  });

  it('gets no reads: they go to the primary, r1, and none is stale', () => {
    const sim = run(false);
    sim.runUntil(30_000);
    const arrivalsBeforeRestart = db(sim, 'p').counters.arrivals;
    const report = sim.finish();
    expect(db(sim, 'p').role).toBe('replica');
    // Nothing reaches p after its restart: no write (it is a replica), no copy (no link to it),
    // no read. Before, every read of 30–60 s went to it and 1465 of ≈ 1500 were stale.
    expect(report.nodes.p.arrivals).toBe(arrivalsBeforeRestart);
    // Reads now go to r1, the primary: only the lost writes' keys (10 keys, rewritten 5 times a
    // second each) could read stale, and they were rewritten within a second of the promotion.
    expect(report.checks.find((check) => check.id === 'after')!.actual).toBe(0);
  });

  it('with a link back, p is fed by r1 and takes the reads as before', () => {
    const report = run(true).finish();
    // 50 reads/s × 30 s, all to the only replica.
    expect(report.nodes.p.arrivals).toBeGreaterThan(1400);
  });
});

describe('master-master: a primary back from a crash gets the other primary’s writes of its downtime', () => {
  it('B streams A what it took while A was down (copies to a down node are lost, not resent)', () => {
    // A ⇄ B, the app writes to A (linked first) while it is up; A crashes at 5 s, is noticed at
    // 6 s (writes go to B), restarts at 8 s (writes go back to A). 100 writes/s to distinct keys.
    const failover = { auto: false, detectMs: 1000 };
    const sim = new Simulation(
      makeDocument({
        durationS: 12,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', writeRatio: 1, keys: { count: 1_000_000 } } },
          { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 1 } },
          { id: 'A', kind: 'db', config: dbConfig({ failover }) },
          { id: 'B', kind: 'db', config: dbConfig({ failover }) },
        ],
        links: [
          { from: 'c', to: 'app' },
          { from: 'app', to: 'A' },
          { from: 'app', to: 'B' },
          { from: 'A', to: 'B', kind: 'replication', latencyMs: 20 },
          { from: 'B', to: 'A', kind: 'replication', latencyMs: 20 },
        ],
        scenario: [
          { atS: 5, action: 'crash', target: 'A' },
          { atS: 8, action: 'restart', target: 'A' },
        ],
      }),
    );
    sim.runUntil(8_000);
    // B took 6–8 s: 100 writes/s × 2 s (±1 at the edges).
    const missed = lacking(db(sim, 'B').store, db(sim, 'A').received);
    expect(missed).toBeGreaterThanOrEqual(199);
    expect(missed).toBeLessThanOrEqual(201);
    // One batch at the restart, 20 ms on the link, 1 ms to apply. Before, A never got them.
    sim.runUntil(8_100);
    // (A's own writes since 8 s reach B, which has everything else from A: nothing is left over.)
    expect(lacking(db(sim, 'B').store, db(sim, 'A').store)).toBe(0);
  });
});

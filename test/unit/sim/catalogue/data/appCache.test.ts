import { describe, expect, it } from 'vitest';
import { loadDataFixture, runDataFixture } from './loadFixture';
import { makeDocument } from '../../helpers/documents';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { ScenarioEvent } from '../../../../../shared/model/types';

/*
 * cache-policies.faultline: 300 rps, 20 % writes, 200 uniform keys (all fit in the cache, no TTL),
 * reads ≈ 14 400 over 60 s, so cold misses (one per key) are ≈ 1.4 % of lookups.
 */
describe('app cache policies', () => {
  const aside = runDataFixture('cache-policies').report;
  const through = runDataFixture('cache-policies', { app: { cachePolicy: 'write-through' } }).report;
  const around = runDataFixture('cache-policies', { app: { cachePolicy: 'write-around' } }).report;

  it('cache-aside: a write deletes the key, so a read misses whenever the previous operation on its key was a write (≈ writeRatio)', () => {
    // Operations on a key are a random 80/20 mix of reads and writes: P(previous was a write) = 0.2.
    const coldShare = 200 / aside.consistency.reads;
    expect(aside.nodes.cache.hitRatio!).toBeGreaterThan(1 - 0.2 - coldShare - 0.015);
    expect(aside.nodes.cache.hitRatio!).toBeLessThan(1 - 0.2 - coldShare + 0.015);
    expect(aside.checks[0].pass).toBe(false);
  });

  it('write-through: the write refreshes the cache, so only cold keys miss', () => {
    expect(through.nodes.cache.misses!).toBeLessThanOrEqual(200);
    expect(through.checks[0].pass).toBe(true);
    // The cache sees every write as a set: cache arrivals = lookups + sets after misses + writes.
    expect(through.nodes.cache.arrivals).toBe(through.nodes.cache.hits! + 2 * through.nodes.cache.misses! + through.consistency.writes);
  });

  it('write-around: writes never touch the cache (cache arrivals = lookups + sets after misses)', () => {
    expect(around.nodes.cache.arrivals).toBe(around.nodes.cache.hits! + 2 * around.nodes.cache.misses!);
    expect(around.nodes.db.arrivals).toBe(around.nodes.cache.misses! + around.consistency.writes);
  });

  it('cache hits are judged like database reads: write-around without a TTL serves stale data, the others do not', () => {
    // Each key is cached at its first read and never refreshed; it turns stale at its first write
    // (0.3 writes/s per key: after ≈ 3.3 s on average) and stays stale. Over 60 s that leaves
    // ≈ 3.3/60 of the reads fresh, plus the cold misses.
    const expected = 1 - 1 / 0.3 / 60 - 200 / around.consistency.reads;
    expect(Math.abs(around.consistency.staleReads / around.consistency.reads - expected)).toBeLessThan(0.02);
    // Cache-aside deletes on write and write-through overwrites: a hit is stale only after a race
    // on one key — two writes, or a miss whose database read ran beside a write (it returns the
    // version before the write, and its set lands after the write's delete or set) — rare at
    // 0.3 writes/s per key and 10 ms writes: well under 1 %.
    expect(aside.consistency.staleReads).toBeLessThan(aside.consistency.reads * 0.01);
    expect(through.consistency.staleReads).toBeLessThan(through.consistency.reads * 0.01);
    // A TTL bounds how long write-around can be wrong.
    const withTtl = runDataFixture('cache-policies', { app: { cachePolicy: 'write-around' }, cache: { ttlS: 1 } }).report;
    expect(withTtl.consistency.staleReads).toBeGreaterThan(0);
    expect(withTtl.consistency.staleReads).toBeLessThan(around.consistency.staleReads / 5);
  });

  it('refresh-ahead: a hot key is reloaded before it expires, so it (almost) never misses; cache-aside misses once per TTL', () => {
    // 300 reads/s over 50 keys = 6 reads/s per key, TTL 2 s. Cache-aside: after each miss the key
    // lives 2 s, then the next read (1/6 s later on average) misses: 1 miss per 6 × (2 + 1/6) = 13 reads.
    const readsOnly = { users: { writeRatio: 0, keys: { count: 50 } }, cache: { ttlS: 2 } };
    const ttlAside = runDataFixture('cache-policies', { ...readsOnly, app: { cachePolicy: 'cache-aside' } }).report;
    const ahead = runDataFixture('cache-policies', { ...readsOnly, app: { cachePolicy: 'refresh-ahead' } }).report;
    const missRatio = (report: typeof ahead): number => report.nodes.cache.misses! / (report.nodes.cache.hits! + report.nodes.cache.misses!);
    expect(missRatio(ttlAside)).toBeGreaterThan(1 / 13 - 0.01);
    expect(missRatio(ttlAside)).toBeLessThan(1 / 13 + 0.01);
    // Refresh-ahead misses only when no read falls in the last half of a TTL: P = e^(−6·1) per cycle,
    // ≈ 0.2 % of cycles; plus the 50 cold misses.
    expect(ahead.nodes.cache.misses!).toBeLessThan(50 + 20);
    // The reloads are real database reads: about one per key per TTL cycle (≈ 1–2 s).
    expect(ahead.nodes.db.arrivals).toBeGreaterThan((50 * 60) / 2);
    expect(ahead.nodes.db.arrivals).toBeLessThan((50 * 60) / 1);
    expect(ahead.latencyMs.p95!).toBeLessThan(ttlAside.latencyMs.p95!);
  });
});

describe('write-behind loses what the cache held when it crashes', () => {
  // write-behind.faultline: 60 writes/s acknowledged once in the cache; flushed ≈ 1 s later; the
  // cache crashes at 10 s ⇒ the writes of the last second before it (≈ Poisson(60)) are lost.
  const behind = runDataFixture('write-behind').report;
  const through = runDataFixture('write-behind', { app: { cachePolicy: 'write-through' } }).report;

  it('counts the unflushed acknowledged writes as lost writes', () => {
    // Poisson(60): SD ≈ 7.7; 35..90 is beyond 3 SD either side.
    expect(behind.consistency.lostWrites).toBeGreaterThan(35);
    expect(behind.consistency.lostWrites).toBeLessThan(90);
    expect(behind.checks[0].pass).toBe(false);
    expect(behind.checks[0].actual).toBe(behind.consistency.lostWrites);
    expect(through.consistency.lostWrites).toBe(0);
  });

  it('a flush empties the cache just the same: the unflushed writes are lost, and nothing else fails', () => {
    const doc = loadDataFixture('write-behind');
    doc.scenario = [{ atS: 10, action: 'flush', target: 'cache' }];
    const flushed = new Simulation(doc).finish();
    expect(flushed.consistency.lostWrites).toBeGreaterThan(35);
    expect(flushed.consistency.lostWrites).toBeLessThan(90);
    expect(flushed.availability).toBe(1);
  });

  it('writes get faster: a write costs the cache set, not the 10 ms database write', () => {
    expect(behind.latencyMs.mean!).toBeLessThan(through.latencyMs.mean!);
    // Every acknowledged write reaches the db eventually except the lost ones (and the last second's,
    // still buffered when the run ends).
    const flushed = behind.nodes.db.arrivals - behind.nodes.cache.misses!;
    expect(flushed).toBeLessThan(behind.consistency.writes - behind.consistency.lostWrites + 1);
    expect(flushed).toBeGreaterThan(behind.consistency.writes - behind.consistency.lostWrites - 120);
  });
});

describe('write-behind: a flush that fails is retried, and counted lost when it never gets through', () => {
  // write-behind.faultline without its cache crash: 60 writes/s, flushed ≈ 1 s after the ack; a
  // flush has the app's downstreamTimeoutMs (500 ms) to be answered, a failed one is retried 1 s
  // later, at most 5 attempts (≈ 6 s). It was: a flush sent to a dead primary or lost on the way
  // vanished — the db never got the write and no lost write was counted.
  function run(scenario: ScenarioEvent[], lossRate = 0) {
    const doc = loadDataFixture('write-behind');
    doc.scenario = scenario;
    doc.links['app-db'].lossRate = lossRate;
    return new Simulation(doc).finish();
  }
  const base = run([]);

  it('flushes sent while the db is down for 1 s are retried: the db ends with every written key, nothing lost', () => {
    const blip = run([
      { atS: 5, action: 'crash', target: 'db' },
      { atS: 6, action: 'restart', target: 'db' },
    ]);
    expect(blip.consistency.lostWrites).toBe(0);
    expect(blip.nodes.db.keys).toBe(base.nodes.db.keys); // was ≈ 60 fewer
  });

  it('flushes sent to a crashed primary before its failover is detected reach the promoted replica', () => {
    // write-behind-failover.faultline: ≈ 100 writes/s; p crashes at 10 s, r promoted at 11 s.
    const failover = runDataFixture('write-behind-failover').report;
    const doc = loadDataFixture('write-behind-failover');
    doc.scenario = [];
    const noCrash = new Simulation(doc).finish();
    // Nothing is lost to the retries. One flush p took (and acknowledged) in the ~2 ms before its
    // crash had not reached r yet: lost like any asynchronous write, and counted as such.
    expect(failover.consistency.lostWrites).toBe(1);
    expect(failover.checks[0].pass).toBe(true);
    // r ends with every key written, as in the run without the crash (it was ≈ 110 short), up to
    // the last few flushes and replications still on their way when the run stops.
    expect(Math.abs(failover.nodes.r.keys! - noCrash.nodes.r.keys!)).toBeLessThanOrEqual(3);
  });

  it('a failover loses the flushed writes the promoted replica never got, as it loses any acknowledged write', () => {
    // 100 writes/s, each acknowledged by the app and flushed to p ≈ 1 s later. Replication is cut
    // at 10 s and p crashes at 20 s: the flushes p took from 10 s to 20 s (writes acknowledged
    // from ≈ 9 s to ≈ 19 s: ≈ 1000) are in no surviving copy once r is promoted. The same design
    // with write-through loses 999 (the writes acknowledged in 10–20 s).
    const doc = makeDocument({
      durationS: 40,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', writeRatio: 1, keys: { count: 1_000_000 } } },
        { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 1, cachePolicy: 'write-behind', readFromReplicas: false } },
        { id: 'k', kind: 'cache', config: { capacity: 100_000 } },
        { id: 'p', kind: 'db', config: { readMs: 1, writeMs: 1, applyMs: 1 } },
        { id: 'r', kind: 'db', config: { readMs: 1, writeMs: 1, applyMs: 1, role: 'replica' } },
      ],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'k' },
        { from: 'app', to: 'p' },
        { from: 'app', to: 'r' },
        { id: 'rep', from: 'p', to: 'r', kind: 'replication', latencyMs: 20 },
      ],
      scenario: [
        { atS: 10.0025, action: 'cut', target: 'rep' },
        { atS: 20.0025, action: 'crash', target: 'p' },
      ],
    });
    const report = new Simulation(doc).finish();
    expect(report.consistency.lostWrites).toBeGreaterThan(990);
    expect(report.consistency.lostWrites).toBeLessThan(1010);
  });

  it('when the db never comes back, every write whose 5 attempts all failed is a lost write', () => {
    const dead = run([{ atS: 5, action: 'crash', target: 'db' }]);
    // Writes acknowledged from ≈ 4 s (flushed at 5 s) run out of attempts ≈ 7.5 s after their ack;
    // the run (20 s, + the clients' 2 s timeout) sees that for acks up to ≈ 12 s: ≈ 8 s × 60/s.
    expect(dead.consistency.lostWrites).toBeGreaterThan(8 * 60 * 0.75);
    expect(dead.consistency.lostWrites).toBeLessThan(8 * 60 * 1.25);
  });

  it('flushes lost on the network are retried; only a write none of whose attempts reached the db counts', () => {
    // Loss 0.6 each way on app → db. An attempt whose answer was lost still landed, and the next
    // attempt sees the write in and stops; a write is lost only when all five requests were lost:
    // 0.6⁵ ≈ 7.8 %. Attempts span ≈ 7.5 s (0.5 s timeout + 1 s each), so only writes acknowledged
    // before ≈ 13.5 s of the 20 s run (+ 2 s) have used them all up.
    const lossy = run([], 0.6);
    const finishedWrites = lossy.consistency.writes * (13.5 / 20);
    expect(lossy.consistency.lostWrites).toBeGreaterThan(finishedWrites * 0.6 ** 5 * 0.5);
    expect(lossy.consistency.lostWrites).toBeLessThan(finishedWrites * 0.6 ** 5 * 1.5);
  });

  it('a slow database answering after the timeout loses nothing, and is not sent the write again', () => {
    // The db is 60 × slower for 7 s (writes take 600 ms): every flush times out at 500 ms but lands.
    const slow = run([
      { atS: 5, action: 'slow', target: 'db', factor: 60 },
      { atS: 12, action: 'recover', target: 'db' },
    ]);
    expect(slow.consistency.lostWrites).toBe(0);
    expect(slow.nodes.db.keys).toBe(base.nodes.db.keys);
    expect(slow.nodes.db.rejected).toBe(0);
  });
});

describe('sessions: local', () => {
  it('behind a random balancer over 3 servers, ≈ 2/3 of a user\'s follow-up requests lose their session', () => {
    const { report } = runDataFixture('sessions');
    // 100 users: each user's first request has nothing to lose.
    const followUps = report.requests.total - 100;
    // Binomial(≈2900, 2/3): SD ≈ 25; ±4 %.
    expect(report.consistency.sessionsLost).toBeGreaterThan(followUps * (2 / 3) * 0.96);
    expect(report.consistency.sessionsLost).toBeLessThan(followUps * (2 / 3) * 1.04);
    expect(report.checks[0].pass).toBe(false);
  });

  it('on one server, a crash loses every session it held: each returning user once', () => {
    const report = new Simulation(
      makeDocument({
        durationS: 30,
        nodes: [
          { id: 'users', kind: 'client', config: { rps: 100, users: 100, writeRatio: 0 } },
          { id: 'app', kind: 'app', config: { sessions: 'local', serviceMs: 1 } },
        ],
        links: [{ from: 'users', to: 'app' }],
        scenario: [
          { atS: 10, action: 'crash', target: 'app' },
          { atS: 11, action: 'restart', target: 'app' },
        ],
        checks: [{ metric: 'sessionsLost', op: '<=', value: 0, fromS: 0, toS: 10 }],
      }),
    ).finish();
    // Each user sends ≈ 1 request/s, so all 100 come back within the 19 s after the restart.
    expect(report.consistency.sessionsLost).toBe(100);
    expect(report.checks[0].pass).toBe(true); // none lost before the crash
  });
});

describe('publishing to a queue: back pressure', () => {
  it('a full queue rejects the publish and the app answers 503 rejected', () => {
    const { report } = runDataFixture('publish');
    const jobs = report.nodes.jobs;
    // The queue holds 50 and the single worker drains exactly 10 jobs/s (const 100 ms): over 20 s
    // everything beyond 50 + 200 is refused.
    expect(jobs.maxQueue).toBe(50);
    expect(report.checks[0].actual).toBe(50);
    expect(report.requests.rejected).toBe(jobs.rejected);
    expect(Math.abs(report.requests.rejected - (jobs.arrivals - 50 - 200))).toBeLessThanOrEqual(3);
    expect(report.nodes.worker.completed).toBeGreaterThanOrEqual(197);
  });
});

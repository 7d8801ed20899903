import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../shared/sim/simulation';
import type { QueueModel } from '../../../shared/sim/nodes/queue';
import { lessonDocument, measure, window } from './helpers';

/**
 * Each lesson teaches one phenomenon; these tests assert, with numbers, that the simulation
 * actually shows it — not merely that the lesson's own checks pass.
 */
describe('lesson 1: load balancing and health checks', () => {
  const document = lessonDocument('load-balancing-and-health-checks');
  const report = new Simulation(document).finish();

  it('fails only in the detection window after app2 crashes at 10 s', () => {
    // The crash is at 10 s; probes every 1 s, 3 misses to mark down (+ up to one interval of
    // phase): 2–4 s of a third of 300 rps are lost, 200–400 requests.
    const detection = window(report, 10, 14);
    expect(detection.failed).toBeGreaterThan(150);
    expect(detection.failed).toBeLessThan(450);
    // A request sent just before 10 s may be in service at app2 when it dies.
    expect(window(report, 0, 9).failed).toBe(0);
    expect(window(report, 14, 45).failed).toBe(0);
  });

  it('puts app2 back into rotation after it restarts at 25 s', () => {
    const simulation = new Simulation(document);
    const app2 = Object.keys(document.nodes).indexOf('app2');
    simulation.runUntil(25_000);
    const arrivalsAtRestart = simulation.world.models[app2].counters.arrivals;
    const final = simulation.finish();
    // 20 s at a third of 300 rps, less the ~2 s before two good probes: ≈ 1800 requests.
    expect(final.nodes.app2.arrivals - arrivalsAtRestart).toBeGreaterThan(1500);
  });
});

describe('lesson 5: eviction under skew', () => {
  const document = lessonDocument('eviction-under-skew');
  const report = new Simulation(document).finish();
  const hitRatio = (id: string) => report.checks.find((check) => check.node === id)!.actual!;

  it('LFU beats LRU on a stable Zipf workload, and neither beats the best static cache', () => {
    // The best any 200-key cache can do is hold the 200 most popular keys.
    const zipf = Array.from({ length: 10_000 }, (_, rank) => (rank + 1) ** -0.8);
    const total = zipf.reduce((sum, weight) => sum + weight, 0);
    const best = zipf.slice(0, 200).reduce((sum, weight) => sum + weight, 0) / total;
    const lfu = hitRatio('cache-lfu');
    const lru = hitRatio('cache-lru');
    // 20 s × 400 reads/s = 8000 lookups per cache in the window: sd of a ratio ≈ 0.005.
    expect(lfu).toBeGreaterThan(lru + 0.05);
    expect(lfu).toBeLessThan(best + 0.015);
    expect(lru).toBeLessThan(best);
  });
});

describe('lesson 11: retry storms and metastable failure', () => {
  const document = lessonDocument('retry-storms');

  it('stays down after the slowdown ends, and recovers once retries are off', () => {
    const report = new Simulation(document).finish();
    expect(window(report, 0, 10).availability).toBeGreaterThan(0.99);
    // The trigger ends at 20 s; with retries on, nothing gets through for the next 20 s.
    expect(window(report, 25, 40).availability).toBeLessThan(0.01);
    expect(window(report, 50, 60).availability).toBeGreaterThan(0.99);
  });

  it('recovers by itself when the clients never retry (the retries are the cause)', () => {
    const users = document.nodes.users;
    const withoutRetries = { ...document, nodes: { ...document.nodes, users: { ...users, config: { ...users.config, retries: 0 } } } };
    const report = new Simulation(withoutRetries).finish();
    expect(window(report, 25, 40).availability).toBeGreaterThan(0.99);
  });
});

describe('lesson 12: availability in numbers', () => {
  const report = new Simulation(lessonDocument('availability-in-numbers')).finish();

  it('three 90% servers in parallel: 1 − 0.1³ less the load balancer’s detection window', () => {
    // Each crash costs about a third of the traffic for ≈ 1.1 s (3 probes 250 ms apart, each
    // timing out after 500 ms); three servers crash every ≈ 50 s each: ≈ 2.3% on top of 0.1%.
    const parallel = window(report, 0, 600).availability;
    expect(parallel).toBeGreaterThan(0.95);
    expect(parallel).toBeLessThan(1 - 0.1 ** 3);
  });

  it('two 90% components in series: about 0.9 × 0.9', () => {
    // Alternating exponential up (45 s) / down (5 s) periods over 600 s: the downtime fraction
    // of one component has sd ≈ 0.037, the product of two ≈ 0.05; 3 sd around 0.81, less the
    // detection and re-admission windows (≈ 1.5 s per app crash).
    const series = window(report, 600, 1200).availability;
    expect(series).toBeGreaterThan(0.81 - 0.15);
    expect(series).toBeLessThan(0.81 + 0.1);
  });
});

describe('lesson 2: DNS TTL and failover', () => {
  const report = new Simulation(lessonDocument('dns-ttl-and-failover')).finish();

  it('keeps failing for about one TTL after the primary dies, then stops', () => {
    // Crash at 20 s, TTL 30 s. DNS marks the primary down within ~3 s, but a user's cached
    // answer can be up to 30 s old: failures taper off as the caches expire. The last answer
    // naming the dead site is handed out just before the mark-down (≈ 23 s) and expires ≈ 53 s.
    expect(window(report, 0, 19).failed).toBe(0);
    const early = window(report, 21, 30).failed / window(report, 21, 30).sent;
    const late = window(report, 40, 50).failed / window(report, 40, 50).sent;
    expect(early).toBeGreaterThan(0.5);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(early);
    expect(window(report, 54, 90).failed).toBe(0);
    // Afterwards everyone is on the backup site.
    expect(report.nodes['lb-backup'].arrivals).toBeGreaterThan(0.3 * report.requests.total);
  });
});

describe('lesson 3: CDN pull vs push', () => {
  const document = lessonDocument('cdn-pull-vs-push');

  it('the pull CDN hits as often as a TTL cache under Poisson arrivals predicts', () => {
    // Each key i is requested at λᵢ = 300·pᵢ (Zipf 1.0 over 5000 keys). A TTL cache without
    // capacity pressure (2000 slots, ~1350 used) misses once per TTL cycle and hits λᵢT times:
    // hit ratio Σ pᵢ·λᵢT/(1 + λᵢT). 6000 lookups in [10, 30) give sd ≈ 0.006; the origin
    // fetch (~160 ms, during which a hot key misses again) adds a little below 1%.
    const zipf = Array.from({ length: 5000 }, (_, rank) => 1 / (rank + 1));
    const total = zipf.reduce((sum, weight) => sum + weight, 0);
    const ttlS = 20;
    const theory = zipf.reduce((sum, weight) => {
      const p = weight / total;
      const visits = 300 * p * ttlS;
      return sum + (p * visits) / (1 + visits);
    }, 0);
    const steady = {
      ...document,
      checks: [{ id: 'steady', metric: 'cache.hitRatio' as const, node: 'cdn-pull', op: '>=' as const, value: 0, fromS: 10, toS: 30 }],
    };
    const measured = new Simulation(steady).finish().checks[0].actual!;
    expect(Math.abs(measured - theory)).toBeLessThan(0.025);
  });

  it('the push CDN never sends a request to its origin; the pull CDN’s origin sees every miss', () => {
    const report = new Simulation(document).finish();
    expect(report.nodes['origin-push'].arrivals).toBe(0);
    expect(report.nodes['origin-pull'].arrivals).toBe(report.nodes['cdn-pull'].misses);
  });
});

describe('lesson 4: cache write policies', () => {
  const report = new Simulation(lessonDocument('cache-write-policies')).finish();

  it('write-through hits more than cache-aside, whose writes invalidate hot keys', () => {
    expect(report.nodes['cache-through'].hitRatio!).toBeGreaterThan(report.nodes['cache-aside'].hitRatio! + 0.1);
  });

  it('only the write-behind crash loses writes', () => {
    expect(report.consistency.lostWrites).toBeGreaterThan(0);
    const lessonWithoutCrash = lessonDocument('cache-write-policies');
    const calm = { ...lessonWithoutCrash, scenario: lessonWithoutCrash.scenario.filter((event) => event.action !== 'crash') };
    expect(new Simulation(calm).finish().consistency.lostWrites).toBe(0);
  });
});

describe('lesson 8: sharding and hot keys', () => {
  const report = new Simulation(lessonDocument('sharding-and-hot-keys')).finish();
  const utilization = (row: string) => [1, 2, 3].map((shard) => report.nodes[`${row}-shard${shard}`].utilization);

  it('range sharding makes the first shard (the low, popular keys) the hot spot', () => {
    const [first, ...rest] = utilization('range');
    expect(first).toBeGreaterThan(3 * Math.max(...rest));
  });

  it('hashing spreads the load: no shard carries twice another’s', () => {
    for (const row of ['hash', 'ring']) {
      const shards = utilization(row);
      expect(Math.max(...shards)).toBeLessThan(2 * Math.min(...shards));
    }
  });

  it('adding a fourth shard moves ≈ 3/4 of the keys under hash mod n and ≈ 1/4 under consistent hashing', () => {
    // 9000 keys: for hash mod n the moved share is binomial around n/(n+1) (sd ≈ 0.005); for
    // consistent hashing the new shard's share of the ring varies with its 100 virtual nodes
    // (sd ≈ 0.025), so ±0.07 covers it.
    const moved = (router: string) => report.nodes[router].keysMoved! / 9000;
    expect(Math.abs(moved('router-hash') - 3 / 4)).toBeLessThan(0.02);
    expect(Math.abs(moved('router-ring') - 1 / 4)).toBeLessThan(0.07);
  });
});

describe('lesson 6: replication lag and stale reads', () => {
  const document = lessonDocument('replication-lag-and-stale-reads');

  it('async replicas serve stale reads; a slower link serves many more; primary reads none', () => {
    const [calm, degraded, primaryOnly] = measure(document, [
      { metric: 'staleReads', toS: 20 },
      { metric: 'staleReads', fromS: 20, toS: 40 },
      { metric: 'staleReads', fromS: 41 },
    ]);
    expect(calm).toBeGreaterThan(0);
    // 30 ms of lag against 300 ms: the window in which a read can miss a write is ten times longer.
    expect(degraded).toBeGreaterThan(5 * calm);
    expect(primaryOnly).toBe(0);
  });

  it('synchronous replication serves no stale reads at all', () => {
    const synchronous = structuredClone(document);
    for (const node of Object.values(synchronous.nodes)) if (node.kind === 'db') node.config = { ...node.config, replication: 'sync' };
    const [stale] = measure(synchronous, [{ metric: 'staleReads' }]);
    expect(stale).toBe(0);
  });
});

describe('lesson 7: primary failover and lost writes', () => {
  const document = lessonDocument('failover-and-lost-writes');

  it('the async cluster loses the writes it acknowledged between the cut and the crash', () => {
    // 200 rps × 50% writes = 100 acknowledged writes per second for the 5 s from the cut (15 s)
    // to the crash (20 s): ≈ 500, Poisson sd ≈ 22, plus a few on the wire at the cut.
    const report = new Simulation(document).finish();
    expect(report.consistency.lostWrites).toBeGreaterThan(420);
    expect(report.consistency.lostWrites).toBeLessThan(580);
  });

  it('the sync cluster loses none: without the async crash nothing is lost', () => {
    const syncOnly = { ...document, scenario: document.scenario.filter((event) => event.target !== 'async-primary') };
    expect(new Simulation(syncOnly).finish().consistency.lostWrites).toBe(0);
  });

  it('while replication is cut, the sync cluster refuses or fails writes and the async one does not', () => {
    const simulation = new Simulation(document);
    simulation.runUntil(19_500);
    const models = simulation.world.models;
    const ids = Object.keys(document.nodes);
    const failures = (id: string) => {
      const counters = models[ids.indexOf(id)].counters;
      return counters.errors + counters.rejected;
    };
    expect(failures('app-async')).toBe(0);
    expect(failures('app-sync')).toBeGreaterThan(100);
  });
});

describe('lesson 9: partitions and CAP', () => {
  const document = lessonDocument('partitions-and-cap');
  const report = new Simulation(document).finish();

  it('the CP side refuses every European request during the partition; the AP side refuses nothing', () => {
    // The CP design reads and writes only at its US primary: 150 rps × 20 s = 3000 European
    // requests reach an unreachable primary (Poisson: sd ≈ 55).
    expect(report.nodes['app-eu-cp'].errors).toBeGreaterThan(2800);
    expect(report.nodes['app-eu-cp'].errors).toBeLessThan(3200);
    for (const id of ['app-us-cp', 'app-us-ap', 'app-eu-ap']) expect(report.nodes[id].errors).toBe(0);
  });

  it('the CP side reads only its primary, so its replica serves no read (and no stale one)', () => {
    // The same design reading from its European replica sends that replica ≈ 150 rps × 70% reads
    // × 60 s ≈ 6300 reads more; here it only applies replicated writes.
    const eu = document.nodes['app-eu-cp'];
    const readingReplica = { ...document, nodes: { ...document.nodes, 'app-eu-cp': { ...eu, config: { ...eu.config, readFromReplicas: true } } } };
    const replicaReads = new Simulation(readingReplica).finish().nodes['replica-cp'].arrivals - report.nodes['replica-cp'].arrivals;
    expect(replicaReads).toBeGreaterThan(5800);
    expect(replicaReads).toBeLessThan(6800);
  });

  it('the partition multiplies stale reads', () => {
    const [before, during] = measure(document, [
      { metric: 'staleReads', toS: 20 },
      { metric: 'staleReads', fromS: 20, toS: 40 },
    ]);
    expect(during).toBeGreaterThan(3 * before);
  });
});

describe('lesson 10: queues and back pressure', () => {
  const document = lessonDocument('queues-and-back-pressure');

  it('grows by the difference of the rates, then rejects what the workers cannot take', () => {
    // Each job: serviceMs 40 + a db write (writeMs exp 10, ~1 ms of network) ≈ 51 ms, so four
    // workers finish ≈ 78 jobs/s against 200 published: the backlog grows ≈ 122/s.
    const jobSeconds = (40 + 10 + 1) / 1000;
    const capacity = 4 / jobSeconds;
    const simulation = new Simulation(document);
    simulation.runUntil(10_000);
    const queue = Object.keys(document.nodes).indexOf('jobs');
    const depth = (simulation.world.models[queue] as QueueModel).depth;
    expect(depth).toBeGreaterThan(10 * (200 - capacity) - 150);
    expect(depth).toBeLessThan(10 * (200 - capacity) + 150);
    // Full from ≈ 16.5 s (2000 jobs at ≈ 122/s): the share refused is 1 − capacity / offered (sd ≈ 0.01
    // over 2000 requests).
    const [refused] = measure(document, [{ metric: 'errorRate', fromS: 20, toS: 30 }]);
    expect(Math.abs(refused - (1 - capacity / 200))).toBeLessThan(0.04);
  });
});

describe('lesson 13: sessions and clones', () => {
  const document = lessonDocument('sessions-and-clones');

  it('round-robin over three local-session servers loses two requests in three, less first visits', () => {
    // ≈ 2000 requests in [0, 20) from 100 users; every request after a user's first lands on a
    // uniformly "other" server with probability 2/3 (sd ≈ sqrt(1900 · 2/9) ≈ 21).
    const [sent, lost] = measure(document, [
      { metric: 'throughput', toS: 20 },
      { metric: 'sessionsLost', toS: 20 },
    ]);
    const expected = (sent * 20 - 100) * (2 / 3);
    expect(Math.abs(lost - expected)).toBeLessThan(70);
  });

  it('sticky sessions lose none until a crash logs out about a third of the users', () => {
    const [sticky, crash] = measure(document, [
      { metric: 'sessionsLost', fromS: 30, toS: 40 },
      { metric: 'sessionsLost', fromS: 40, toS: 50 },
    ]);
    expect(sticky).toBe(0);
    // 100 users pinned over 3 servers: app2 holds a binomial ≈ 33 ± 5 of them.
    expect(crash).toBeGreaterThan(18);
    expect(crash).toBeLessThan(50);
  });

  it('stateless clones lose nobody, even when app3 crashes at 53 s (local sessions would lose its users)', () => {
    const [clones] = measure(document, [{ metric: 'sessionsLost', fromS: 50 }]);
    expect(clones).toBe(0);
    const stillLocal = { ...document, scenario: document.scenario.filter((event) => !(event.action === 'set' && event.atS === 50)) };
    const [local] = measure(stillLocal, [{ metric: 'sessionsLost', fromS: 50 }]);
    expect(local).toBeGreaterThan(18);
  });
});

describe('lesson 14: reverse proxy', () => {
  const document = lessonDocument('reverse-proxy');

  it('lets each scraper address through at its token rate and rejects nothing else', () => {
    const report = new Simulation(document).finish();
    // Three addresses × 5 tokens/s for 40 s, plus a burst of 10 each: ≈ 630 admitted.
    const withoutScraper = { ...document, scenario: document.scenario.filter((event) => event.target !== 'scraper') };
    const calm = new Simulation(withoutScraper).finish();
    expect(calm.requests.rejected).toBe(0);
    const scraperSent = report.requests.total - calm.requests.total;
    const scraperAdmitted = scraperSent - report.requests.rejected;
    expect(scraperAdmitted).toBeGreaterThan(630 - 40);
    expect(scraperAdmitted).toBeLessThan(630 + 40);
  });

  it('the limit is what keeps the app servers calm: without it they get much busier', () => {
    const proxy = document.nodes.proxy;
    const { rateLimit: _limit, ...unlimitedConfig } = proxy.config as Record<string, unknown>;
    const unlimited = { ...document, nodes: { ...document.nodes, proxy: { ...proxy, config: unlimitedConfig } } };
    const [limited] = measure(document, [{ metric: 'utilization', node: 'app1', fromS: 20 }]);
    const [open] = measure(unlimited, [{ metric: 'utilization', node: 'app1', fromS: 20 }]);
    expect(limited).toBeLessThan(0.2);
    expect(open).toBeGreaterThan(2 * limited);
  });
});

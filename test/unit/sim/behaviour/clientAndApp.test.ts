import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

describe('client outcomes and retries', () => {
  it('every request ends in exactly one outcome; lost attempts count as dropped, slow ones as timeout', () => {
    const doc = makeDocument({
      durationS: 4,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, timeoutMs: 50 } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [{ id: 'ca', from: 'c', to: 'a' }],
      scenario: [
        { atS: 1, action: 'slow', target: 'a', factor: 100 }, // 100 ms service > 50 ms timeout
        { atS: 2, action: 'recover', target: 'a' },
        { atS: 3, action: 'crash', target: 'a' },
      ],
    });
    const report = new Simulation(doc).finish();
    const r = report.requests;
    expect(r.ok + r.error + r.timeout + r.rejected + r.dropped).toBe(r.total);
    expect(report.timeline[0].failed).toBe(0);
    expect(r.timeout).toBeGreaterThan(80);
    expect(r.dropped).toBeGreaterThan(80);
  });

  it('retries: the outcome is the last attempt’s, with backoff in the latency', () => {
    // Each attempt survives a 50 % lossy link both ways with probability 0.25; 3 retries ⇒
    // success 1 − 0.75⁴ ≈ 0.684. 2000 requests: SD ≈ 0.010; bound 0.05.
    const doc = makeDocument({
      durationS: 10,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, timeoutMs: 20, retries: 3, retryBackoffMs: 10 } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [{ from: 'c', to: 'a', lossRate: 0.5, latencyMs: 1 }],
    });
    const report = new Simulation(doc).finish();
    expect(Math.abs(report.availability! - (1 - 0.75 ** 4))).toBeLessThan(0.05);
    expect(report.requests.dropped).toBe(report.requests.total - report.requests.ok);
    // Only 0.25/0.684 ≈ 37 % of successes are first attempts (≈ 3 ms); the rest waited at least
    // one 20 ms timeout plus backoff, and latency runs from the first send.
    const sim = new Simulation(doc);
    sim.finish();
    const [p25, p50] = sim.world.metrics.runBins.percentilesMs([25, 50]);
    expect(p25).toBeLessThan(4);
    expect(p50).toBeGreaterThan(20);
  });

  it('a full queue rejects (503) and the client sees rejected', () => {
    const doc = makeDocument({
      durationS: 5,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 500 } },
        { id: 'a', kind: 'app', config: { workers: 1, queueLimit: 2, serviceMs: 5 } },
      ],
      links: [{ from: 'c', to: 'a' }],
    });
    const report = new Simulation(doc).finish();
    expect(report.requests.rejected).toBeGreaterThan(report.requests.total / 2);
    expect(report.nodes.a.rejected).toBe(report.requests.rejected);
    expect(report.nodes.a.maxQueue).toBe(2);
    expect(report.nodes.a.utilization).toBeGreaterThan(0.95);
  });

  it('set changes the client rate from then on', () => {
    const doc = makeDocument({
      durationS: 6,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant' } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [{ from: 'c', to: 'a' }],
      scenario: [{ atS: 3, action: 'set', target: 'c', params: { rps: 400 } }],
    });
    const report = new Simulation(doc).finish();
    expect(report.timeline[1].sent).toBe(100);
    expect(report.timeline[4].sent).toBe(400);
  });

  it('a crashed client’s requests are dropped and it sends nothing while down', () => {
    const doc = makeDocument({
      durationS: 4,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant' } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [{ from: 'c', to: 'a', latencyMs: 100 }],
      scenario: [
        { atS: 1, action: 'crash', target: 'c' },
        { atS: 2, action: 'restart', target: 'c' },
      ],
    });
    const report = new Simulation(doc).finish();
    expect(report.timeline[1].sent).toBe(0);
    expect(report.requests.dropped).toBeGreaterThan(15); // ≈ 20 in flight at the crash
    expect(report.timeline[2].sent).toBe(100);
  });
});

describe('app data path', () => {
  function dataPathDoc(app: Record<string, unknown>, extra: { scenario?: unknown[]; db?: Record<string, unknown>; writeRatio?: number; arrival?: string } = {}) {
    return makeDocument({
      durationS: 10,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, arrival: extra.arrival ?? 'poisson', writeRatio: extra.writeRatio ?? 0, keys: { count: 100 }, timeoutMs: 2000 } },
        { id: 'a', kind: 'app', config: { serviceMs: 1, workers: 100, ...app } },
        { id: 'k', kind: 'cache', config: { capacity: 1000 } },
        { id: 'd', kind: 'db', config: { readMs: 2, writeMs: 4, ...extra.db } },
        { id: 'b', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [
        { from: 'c', to: 'a', latencyMs: 0 },
        { from: 'a', to: 'k', latencyMs: 0 },
        { from: 'a', to: 'd', latencyMs: 0 },
        { from: 'a', to: 'b', latencyMs: 0 },
      ],
      scenario: extra.scenario,
    });
  }

  it('cache-aside read: hit = service + get + app call; miss adds db read and set', () => {
    // Constant arrivals every 5 ms: no request overlaps another, so every latency is exact.
    const report = new Simulation(dataPathDoc({}, { arrival: 'constant' })).finish();
    // 100 keys, 2000 reads: 100 misses, the rest hit.
    expect(report.nodes.k.misses).toBe(100);
    expect(report.nodes.k.hits).toBe(report.requests.total - 100);
    expect(report.nodes.d.arrivals).toBe(100);
    expect(report.nodes.b.arrivals).toBe(report.requests.total);
    expect(report.latencyMs.p50).toBeCloseTo(1 + 0.5 + 1, 2);
    expect(report.latencyMs.max).toBeCloseTo(1 + 0.5 + 2 + 0.5 + 1, 2);
  });

  it('writes go to the db and invalidate the key', () => {
    const report = new Simulation(dataPathDoc({}, { writeRatio: 0.5 })).finish();
    expect(report.nodes.d.keys).toBe(100);
    expect(report.consistency.writes).toBeGreaterThan(800);
    expect(report.nodes.k.hitRatio!).toBeLessThan(0.7); // invalidations cost hits
    expect(report.nodes.k.arrivals).toBe(report.nodes.k.hits! + report.nodes.k.misses! * 2 + report.consistency.writes);
  });

  it('cachePolicy none skips the cache', () => {
    const report = new Simulation(dataPathDoc({ cachePolicy: 'none' })).finish();
    expect(report.nodes.k.arrivals).toBe(0);
    expect(report.nodes.d.arrivals).toBe(report.requests.total);
  });

  it('a downstream slower than downstreamTimeoutMs makes the app answer error', () => {
    const report = new Simulation(dataPathDoc({ cachePolicy: 'none', downstreamTimeoutMs: 50 }, { db: { readMs: 100 } })).finish();
    expect(report.requests.error).toBe(report.requests.total);
    expect(report.nodes.a.errors).toBe(report.requests.total);
  });

  it('flush empties the cache; a crash empties it too', () => {
    const report = new Simulation(
      dataPathDoc({}, { scenario: [{ atS: 5, action: 'flush', target: 'k' }, { atS: 8, action: 'crash', target: 'k' }, { atS: 8.5, action: 'restart', target: 'k' }] }),
    ).finish();
    // Three cold starts (t=0, after the flush, after the restart), each missing nearly all 100 keys.
    expect(report.nodes.k.misses).toBeGreaterThan(270);
    expect(report.requests.error).toBeGreaterThan(50); // cache down 0.5 s: gets lost, app times out downstream
    expect(report.nodes.k.downS).toBeCloseTo(0.5, 3);
  });
});

describe('random failures', () => {
  it('a set can switch mtbf on mid-run; without mttrS a random crash is permanent', () => {
    const doc = makeDocument({
      durationS: 60,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 20 } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [{ from: 'c', to: 'a' }],
      scenario: [{ atS: 10, action: 'set', target: 'a', params: { mtbfS: 5 } }],
    });
    const report = new Simulation(doc).finish();
    expect(report.timeline.slice(0, 10).every((row) => row.failed === 0)).toBe(true);
    expect(report.nodes.a.downS).toBeGreaterThan(20); // crashed within ~5 s of 10 s and stayed down
    expect(report.timeline[59].ok).toBe(0);
  });

  it('mttrS 0 restarts a randomly crashed node at once: work in service there is lost, the node is never down', () => {
    const doc = makeDocument({
      durationS: 30,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, timeoutMs: 2000 } },
        // Long service times keep ~20 requests in service: each crash (every ~1 s) drops them.
        { id: 'a', kind: 'app', config: { serviceMs: 100, workers: 64, mtbfS: 1, mttrS: 0 } },
      ],
      links: [{ from: 'c', to: 'a' }],
    });
    const report = new Simulation(doc).finish();
    expect(report.nodes.a.downS).toBe(0);
    // ~30 crashes × ~20 requests in service each; without a restart the node would stay down from ~1 s.
    expect(report.requests.dropped).toBeGreaterThan(200);
    expect(report.timeline[29].ok).toBeGreaterThan(100);
  });
});

describe('a full queue downstream', () => {
  it('turns requests away as rejected (503), not as errors (DESIGN §3: rejected = rate limit or full queue)', () => {
    const report = new Simulation(
      makeDocument({
        durationS: 4,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 400, writeRatio: 0, timeoutMs: 5000 } },
          { id: 'app', kind: 'app', config: { workers: 400, queueLimit: 1000, serviceMs: 1, downstreamTimeoutMs: 5000 } },
          // 2 connections × 20 ms = 100 reads/s at most, and room for 5 waiting: most reads are refused.
          { id: 'db', kind: 'db', config: { connections: 2, queueLimit: 5, readMs: 20 } },
        ],
        links: [
          { from: 'c', to: 'app' },
          { from: 'app', to: 'db' },
        ],
      }),
    ).finish();
    expect(report.nodes.db.rejected).toBeGreaterThan(report.requests.total * 0.5);
    expect(report.requests.rejected).toBe(report.nodes.db.rejected);
    expect(report.requests.error).toBe(0);
  });
});

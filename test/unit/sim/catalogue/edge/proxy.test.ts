import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { FaultlineDocument } from '../../../../../shared/model/types';
import type { Report } from '../../../../../shared/sim/report';
import { loadEdgeFixture, withConfig } from './loadFixture';
import { makeDocument } from '../../helpers/documents';

const run = (doc: FaultlineDocument): Report => new Simulation(doc).finish();

/**
 * The fixture with a layer-4 load balancer between each client and the proxy: it relays the
 * proxy's answers, so its `rejected` count is that client's share of the 429s.
 */
function withMeters(doc: FaultlineDocument): FaultlineDocument {
  const copy = structuredClone(doc);
  for (const client of ['greedy', 'crowd']) {
    copy.nodes[`${client}Meter`] = { id: `${client}Meter`, kind: 'lb', x: -100, y: 0, config: { layer: 4, serviceMs: 0, healthCheck: { enabled: false } } };
    copy.links[`${client}-proxy`] = { id: `${client}-proxy`, from: client, to: `${client}Meter`, kind: 'traffic', latencyMs: 10 };
    copy.links[`${client}Meter-proxy`] = { id: `${client}Meter-proxy`, from: `${client}Meter`, to: 'proxy', kind: 'traffic', latencyMs: 0 };
  }
  return copy;
}

describe('proxy (fixture proxy)', () => {
  const doc = loadEdgeFixture('proxy');

  it('a per-user token bucket refuses the greedy user (429) and nobody else', () => {
    const report = run(withMeters(doc));
    const greedy = report.nodes.greedyMeter;
    const crowd = report.nodes.crowdMeter;
    // greedy: 100 req/s for 30 s ≈ 3000 (Poisson, σ ≈ 55); allowed 10/s plus the initial burst of
    // 10 ⇒ ≈ 310 accepted, ≈ 2690 refused.
    expect(greedy.arrivals - greedy.rejected).toBeGreaterThan(290);
    expect(greedy.arrivals - greedy.rejected).toBeLessThanOrEqual(310);
    // crowd: each of 200 users sends 0.5 req/s; ten within one refill of ten tokens is
    // astronomically unlikely, so none is refused.
    expect(crowd.rejected).toBe(0);
    expect(report.requests.rejected).toBe(greedy.rejected);
    expect(report.nodes.proxy.rejected).toBe(report.requests.rejected);
  });

  it('a global bucket of the same total makes everybody pay for the greedy user', () => {
    // 110 req/s for everybody: what 10 for the greedy user + 100 for the crowd would need if shared fairly.
    const report = run(withMeters(withConfig(doc, 'proxy', { rateLimit: { rps: 110, burst: 110, per: 'global' } })));
    const accepted = report.requests.total - report.requests.rejected;
    // ≈ 110/s × 30 s + the burst of 110 (offered 200/s, so the bucket is always empty).
    expect(accepted).toBeGreaterThan(3300);
    expect(accepted).toBeLessThan(3450);
    // Tokens go to whoever asks first: the crowd loses about as large a share as the greedy user.
    const crowdLoss = report.nodes.crowdMeter.rejected / report.nodes.crowdMeter.arrivals;
    const greedyLoss = report.nodes.greedyMeter.rejected / report.nodes.greedyMeter.arrivals;
    expect(crowdLoss).toBeGreaterThan(0.35);
    expect(Math.abs(crowdLoss - greedyLoss)).toBeLessThan(0.05);
  });

  it('the response cache answers repeated reads and takes their load off the upstreams', () => {
    const cached = run(withConfig(doc, 'proxy', { rateLimit: { rps: 0 } }));
    const uncached = run(withConfig(doc, 'proxy', { rateLimit: { rps: 0 }, cache: { capacity: 0 } }));
    const proxy = cached.nodes.proxy;
    const upstream = (report: Report) => report.nodes.app1.arrivals + report.nodes.app2.arrivals;
    // Only reads (80 %) are looked up; every miss and every write goes upstream, round-robin.
    expect(proxy.hits! + proxy.misses!).toBeGreaterThan(cached.requests.total * 0.77);
    expect(proxy.hits! + proxy.misses!).toBeLessThan(cached.requests.total * 0.83);
    expect(upstream(cached)).toBe(cached.requests.total - proxy.hits!);
    expect(Math.abs(cached.nodes.app1.arrivals - cached.nodes.app2.arrivals)).toBeLessThanOrEqual(1);
    expect(proxy.hitRatio!).toBeGreaterThan(0.5); // zipf over 2000 keys, 500 cached for 10 s
    expect(proxy.keys!).toBeLessThanOrEqual(500);
    expect(uncached.nodes.proxy.hits).toBeUndefined();
    expect(upstream(uncached)).toBe(uncached.requests.total);
    expect(upstream(cached)).toBeLessThan(upstream(uncached) * 0.55);
    expect(cached.checks[0].pass).toBe(true);
  });

  it('the response cache serves old pages after a write until the entry expires: stale reads', () => {
    // A database behind both apps versions every write; 20 % of requests are writes.
    const withDb = (ttlS: number, capacity = 500): FaultlineDocument => {
      const copy = withConfig(doc, 'proxy', { rateLimit: { rps: 0 }, cache: { capacity, ttlS } });
      copy.nodes.db = { id: 'db', kind: 'db', x: 400, y: 200, config: { readMs: 1, writeMs: 2 } };
      copy.links['app1-db'] = { id: 'app1-db', from: 'app1', to: 'db', kind: 'traffic' };
      copy.links['app2-db'] = { id: 'app2-db', from: 'app2', to: 'db', kind: 'traffic' };
      return copy;
    };
    const uncached = run(withDb(10, 0));
    const longTtl = run(withDb(10));
    const shortTtl = run(withDb(1));
    // One primary and no proxy cache: every read sees the newest acknowledged write.
    expect(uncached.consistency.staleReads).toBe(0);
    expect(uncached.consistency.writes).toBeGreaterThan(1000);
    // A hit is stale when its key was written (and acknowledged) since the entry was filled: for a
    // key written w times a second, an entry of age a is stale with probability 1 − e^(−w·a). The
    // hottest zipf keys are written several times a second, so their hits are stale whatever the
    // TTL; a shorter TTL (younger entries) spares the colder keys — fewer stale reads, not none.
    expect(longTtl.consistency.staleReads).toBeGreaterThan(longTtl.nodes.proxy.hits! * 0.2);
    expect(longTtl.consistency.staleReads).toBeLessThan(longTtl.nodes.proxy.hits!);
    expect(shortTtl.consistency.staleReads).toBeLessThan(longTtl.consistency.staleReads * 0.6);
    expect(shortTtl.consistency.staleReads).toBeGreaterThan(0);
    expect(shortTtl.consistency.staleReads).toBeLessThan(shortTtl.nodes.proxy.hits!);
  });

  it('a cached page is judged by the version it holds: as stale as the same page cached at the app', () => {
    // One key written ~once a second; users 200 ms away, so a write's acknowledgement reaches its
    // client ~200 ms after the database applied it. A page filled in between already holds that
    // write: judged by time ("a write was acknowledged after the page left the app") it would be
    // counted stale; judged by version (DESIGN §3) it is not. The same cache in front of the
    // database at the app is judged by version, so both must agree. 600 s × 100 reads/s gives
    // ~60k hits and ~9k stale ones (binomial sd of the ratio ≈ 0.0015); the two placements differ
    // by a hop's 0.5 ms against a 1 s TTL. 0.01 is > 6 sd; counted by time the gap was 0.08.
    const base = {
      durationS: 600,
      links: [] as { from: string; to: string; latencyMs?: number }[],
    };
    const client = { id: 'c', kind: 'client', config: { rps: 100, writeRatio: 0.01, keys: { count: 1 }, timeoutMs: 5000 } } as const;
    const db = { id: 'd', kind: 'db', config: { readMs: 1, writeMs: 1, connections: 100 } } as const;
    const atProxy = makeDocument({
      ...base,
      nodes: [client, { id: 'px', kind: 'proxy', config: { cache: { capacity: 10, ttlS: 1 } } }, { id: 'lb', kind: 'lb', config: { healthCheck: { enabled: false } } }, { id: 'a', kind: 'app', config: { serviceMs: 0.1, workers: 64 } }, db],
      // Through a balancer: the version travels back through every node in the path.
      links: [{ from: 'c', to: 'px', latencyMs: 200 }, { from: 'px', to: 'lb' }, { from: 'lb', to: 'a' }, { from: 'a', to: 'd' }],
    });
    const atApp = makeDocument({
      ...base,
      nodes: [client, { id: 'a', kind: 'app', config: { serviceMs: 0.1, workers: 64, cachePolicy: 'write-around' } }, { id: 'k', kind: 'cache', config: { capacity: 10, ttlS: 1 } }, db],
      links: [{ from: 'c', to: 'a', latencyMs: 200 }, { from: 'a', to: 'k' }, { from: 'a', to: 'd' }],
    });
    const proxied = run(atProxy);
    const cached = run(atApp);
    const ratio = (report: Report, node: string) => report.consistency.staleReads / report.nodes[node].hits!;
    expect(proxied.nodes.px.hits).toBeGreaterThan(50_000);
    expect(ratio(cached, 'k')).toBeGreaterThan(0.1);
    expect(Math.abs(ratio(proxied, 'px') - ratio(cached, 'k'))).toBeLessThan(0.01);
  });

  it('TLS termination adds tlsMs to every request', () => {
    const base = withConfig(doc, 'proxy', { rateLimit: { rps: 0 }, cache: { capacity: 0 }, tlsMs: 0 });
    const withTls = withConfig(base, 'proxy', { tlsMs: 3 });
    for (const d of [base, withTls]) for (const app of ['app1', 'app2']) d.nodes[app].config = { ...d.nodes[app].config, serviceMs: 4 };
    const plain = run(base);
    const tls = run(withTls);
    // Constant service times everywhere: every request's latency is 2 × 10 + 0.2 (+ 3) + 4 + 2 × 0.5 ms.
    expect(plain.latencyMs.mean!).toBeCloseTo(25.2, 1);
    expect(tls.latencyMs.mean! - plain.latencyMs.mean!).toBeCloseTo(3, 1);
  });

  it('maxConnections: requests beyond the open-connection limit are rejected at once', () => {
    const report = run(withConfig(doc, 'proxy', { rateLimit: { rps: 0 }, cache: { capacity: 0 }, maxConnections: 1 }));
    // Each request holds its connection 6.2 ms (proxy 0.2 + 1 TLS, 2 × 0.5 link, 4 app). One
    // connection, Poisson arrivals at 200/s, no waiting room: Erlang's loss formula with one
    // server refuses ρ/(1+ρ), ρ = 200 × 0.0062 = 1.24 ⇒ 55 % (±5 points: 6000 requests).
    const refused = report.requests.rejected / report.requests.total;
    expect(refused).toBeGreaterThan(0.5);
    expect(refused).toBeLessThan(0.6);
    expect(report.nodes.proxy.rejected).toBe(report.requests.rejected);
  });
});

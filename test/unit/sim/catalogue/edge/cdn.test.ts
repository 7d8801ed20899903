import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { Report } from '../../../../../shared/sim/report';
import { loadEdgeFixture, withConfig } from './loadFixture';
import { makeDocument } from '../../helpers/documents';

const KEYS = 10_000;

/** Expected distinct keys among `lookups` independent draws with these key probabilities. */
function expectedDistinct(probability: (key: number) => number, lookups: number): number {
  let distinct = 0;
  for (let k = 0; k < KEYS; k++) distinct += 1 - (1 - probability(k)) ** lookups;
  return distinct;
}

/** With no expiry or eviction in the run, every first lookup of a key misses and every later one hits. */
function expectedHitRatio(probability: (key: number) => number, lookups: number): number {
  return 1 - expectedDistinct(probability, lookups) / lookups;
}

function zipfProbability(s: number): (key: number) => number {
  let norm = 0;
  for (let k = 1; k <= KEYS; k++) norm += k ** -s;
  return (key) => (key + 1) ** -s / norm;
}

const users = (distribution: 'uniform' | 'zipf') => ({ rps: 500, writeRatio: 0, staticRatio: 0.8, users: 5000, keys: { count: KEYS, distribution } });

describe('cdn (fixture cdn)', () => {
  const doc = loadEdgeFixture('cdn');
  const run = (patched = doc): Report => new Simulation(patched).finish();

  it('pull: the hit ratio is what the key distribution makes it, and the origin sees the misses', () => {
    const uniform = run();
    const zipf = run(withConfig(doc, 'users', users('zipf')));
    for (const report of [uniform, zipf]) {
      const edge = report.nodes.edge;
      // Only static reads go to the CDN; it fetches each miss from the origin once.
      expect(edge.hits! + edge.misses!).toBe(edge.arrivals);
      expect(edge.arrivals / report.requests.total).toBeCloseTo(0.8, 1);
      expect(report.nodes.web.arrivals).toBe(edge.misses! + (report.requests.total - edge.arrivals));
      // Nothing expired (TTL 300 s) or was evicted (capacity = key space), so the keys held are the
      // distinct keys missed. A read of a key whose fetch is still on its way (77 ms) misses too
      // (no request collapsing): with ≤ 0.04 reads/s per key (uniform) that is ≈ 0.3 % of misses.
      expect(edge.keys!).toBeLessThanOrEqual(edge.misses!);
      expect(edge.misses! - edge.keys!).toBeLessThan(edge.misses! * 0.01 + 10);
    }
    // Theory (no expiry, no eviction): misses = distinct keys among the N ≈ 12 000 static lookups.
    // The distinct count is a sum of negatively correlated indicators, so its variance is at most
    // its mean (≤ 7 000): σ ≤ 84 keys = 0.007 on the ratio; ±0.02 is about three σ.
    const lookupsU = uniform.nodes.edge.arrivals;
    const lookupsZ = zipf.nodes.edge.arrivals;
    expect(Math.abs(uniform.nodes.edge.hitRatio! - expectedHitRatio(() => 1 / KEYS, lookupsU))).toBeLessThan(0.02);
    expect(Math.abs(zipf.nodes.edge.hitRatio! - expectedHitRatio(zipfProbability(1), lookupsZ))).toBeLessThan(0.02);
    // The lesson: hot keys make the edge far more useful, and the origin's load falls with it.
    expect(zipf.nodes.edge.hitRatio!).toBeGreaterThan(uniform.nodes.edge.hitRatio! + 0.25);
    expect(zipf.nodes.web.arrivals).toBeLessThan(uniform.nodes.web.arrivals * 0.7);
    expect(uniform.checks[0].pass).toBe(true);
  });

  it('pull: with a short TTL each key is fetched again about once per TTL', () => {
    // 100 keys, 400 static reads/s: each key is read 4 times a second. A key misses at its first
    // read (≈ 0.25 s), is stored, expires 5 s later, and the next read (0.25 s on average later)
    // misses again: one miss every ≈ 5.25 s. Per key ≈ 1 + 29.75 / 5.25 renewals, less half a
    // cycle left unfinished at the end on average ≈ 6.2, so ≈ 620 misses in all (±30: the count
    // per key varies by well under one). The origin is put next door so that reads arriving while
    // a fetch is on its way (which also miss: no request collapsing) do not blur the count.
    const variant = withConfig(withConfig(doc, 'edge', { ttlS: 5 }), 'users', { ...users('uniform'), keys: { count: 100 } });
    variant.links['edge-web'].latencyMs = 0.01;
    variant.nodes.web.config = { ...variant.nodes.web.config, serviceMs: 0.01 };
    const report = run(variant);
    expect(report.nodes.edge.misses!).toBeGreaterThan(590);
    expect(report.nodes.edge.misses!).toBeLessThan(650);
    // With a TTL longer than the run each key misses once (plus, rarely, a read arriving within the
    // 2 ms lookup of the first one: 4/s × 2 ms ≈ 1 % of keys).
    const longTtl = run(withConfig(variant, 'edge', { ttlS: 300 }));
    expect(longTtl.nodes.edge.misses!).toBeGreaterThanOrEqual(100);
    expect(longTtl.nodes.edge.misses!).toBeLessThanOrEqual(103);
  });

  it('pull: a capacity below the key space caps the hit ratio at about capacity / keys (uniform, LRU)', () => {
    const report = run(withConfig(doc, 'edge', { capacity: 1000 }));
    const edge = report.nodes.edge;
    expect(edge.keys).toBe(1000);
    // Steady state: the 1 000 most recent keys are held, each lookup hits with probability 0.1; the
    // first ~1 000 lookups (filling) are misses. Over ≈ 12 000 lookups: ≈ 0.1 × 11 000 / 12 000.
    expect(edge.hitRatio!).toBeGreaterThan(0.07);
    expect(edge.hitRatio!).toBeLessThan(0.1);
  });

  it('push: every static key is there from t=0, so every static read hits and the origin sees only dynamic traffic', () => {
    const report = run(withConfig(doc, 'edge', { mode: 'push' }));
    const edge = report.nodes.edge;
    expect(edge.misses).toBe(0);
    expect(edge.hitRatio).toBe(1);
    expect(edge.keys).toBe(KEYS);
    expect(report.nodes.web.arrivals).toBe(report.requests.total - edge.arrivals);
    // Static reads: 2 × 5 ms + 2 ms at the edge; dynamic ones 2 × 40 ms + 5 ms at the origin.
    expect(report.latencyMs.p50!).toBeCloseTo(12, 0);
  });

  it('non-static requests sent to a CDN (by DNS) pass through to the origin uncached', () => {
    const patched = structuredClone(doc);
    patched.nodes.dns = { id: 'dns', kind: 'dns', x: 0, y: 300, config: { ttlS: 60 } };
    patched.links['users-dns'] = { id: 'users-dns', from: 'users', to: 'dns', kind: 'traffic' };
    patched.links['dns-edge'] = { id: 'dns-edge', from: 'dns', to: 'edge', kind: 'traffic' };
    patched.nodes.users.config = { ...users('uniform'), writeRatio: 0.1 };
    const report = run(patched);
    const edge = report.nodes.edge;
    // Everything reaches the edge (static reads directly, the rest by the DNS answer); only
    // static reads are looked up; the origin sees every miss and every pass-through.
    expect(edge.arrivals).toBe(report.requests.total);
    expect(report.nodes.web.arrivals).toBe(edge.misses! + (edge.arrivals - edge.hits! - edge.misses!));
    expect((edge.hits! + edge.misses!) / edge.arrivals).toBeCloseTo(0.9 * 0.8, 1);
    expect(report.availability).toBe(1);
  });

  it('crash and flush empty a pull CDN', () => {
    const report = run({ ...doc, scenario: [{ atS: 20, action: 'flush', target: 'edge' }] });
    const baseline = run();
    // After the flush every key is fetched again: about as many extra misses as keys held at 20 s.
    expect(report.nodes.edge.misses! - baseline.nodes.edge.misses!).toBeGreaterThan(1000);
  });
});

describe('users in front of a CDN only', () => {
  it('send everything through it: static reads are served at the edge, the rest passes to the origin', () => {
    const report = new Simulation(
      makeDocument({
        durationS: 5,
        nodes: [
          { id: 'users', kind: 'client', config: { rps: 200, staticRatio: 0.5, writeRatio: 0.2, keys: { count: 20 } } },
          { id: 'edge', kind: 'cdn' },
          { id: 'origin', kind: 'app', config: { workers: 50 } },
        ],
        links: [
          { from: 'users', to: 'edge' },
          { from: 'edge', to: 'origin' },
        ],
      }),
    ).finish();
    // It used to answer every non-static request with an error without sending it anywhere.
    expect(report.requests.error).toBe(0);
    expect(report.requests.ok).toBe(report.requests.total);
    const edge = report.nodes.edge;
    expect(edge.arrivals).toBe(report.requests.total);
    // The origin sees the non-static requests and the static misses (20 keys: about one each).
    const nonStatic = edge.arrivals - edge.hits! - edge.misses!;
    expect(report.nodes.origin.arrivals).toBe(nonStatic + edge.misses!);
    expect(nonStatic).toBeGreaterThan(report.requests.total * 0.5);
  });
});

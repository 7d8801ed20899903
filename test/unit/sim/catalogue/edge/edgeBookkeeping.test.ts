import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../../../shared/sim/simulation';
import { makeDocument, type LinkSpec, type NodeSpec } from '../../helpers/documents';
import { finishCheckingBooks } from '../../helpers/books';

/**
 * Random edge topologies — clients resolving through a DNS (any policy) to a proxy or an lb HA
 * pair, static reads to a CDN, a proxy with a cache and a rate limit — under random faults
 * (crashes and restarts of every edge node, cut heartbeat links, partitions, CDN flushes). At many
 * instants the books balance (generated = finished + in flight, one outcome each); at the end
 * no call has leaked.
 */
const topology = fc.record({
  policy: fc.constantFrom('round-robin', 'weighted', 'latency', 'geo', 'failover'),
  ttlS: fc.integer({ min: 0, max: 3 }),
  cdnMode: fc.constantFrom('pull', 'push'),
  staticRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  rateLimitRps: fc.integer({ min: 0, max: 50 }),
  perUser: fc.boolean(),
  cacheCapacity: fc.integer({ min: 0, max: 20 }),
  sticky: fc.boolean(),
  algorithm: fc.constantFrom('round-robin', 'ip-hash', 'consistent-hash', 'least-connections'),
  heartbeatLink: fc.boolean(),
  rps: fc.integer({ min: 20, max: 300 }),
  retries: fc.integer({ min: 0, max: 2 }),
  timeoutMs: fc.integer({ min: 20, max: 300 }),
  lossRate: fc.double({ min: 0, max: 0.1, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

const scenarioEvent = fc.record({
  atS: fc.double({ min: 0, max: 3, noNaN: true }),
  action: fc.constantFrom('crash', 'restart', 'cut', 'restore', 'partition', 'heal', 'flush', 'set'),
  pick: fc.nat(),
});

type Topology = typeof topology extends fc.Arbitrary<infer T> ? T : never;
type EventSpec = typeof scenarioEvent extends fc.Arbitrary<infer T> ? T : never;

function build(t: Topology, events: EventSpec[]) {
  const healthCheck = { intervalMs: 200, timeoutMs: 100 };
  const nodes: NodeSpec[] = [
    { id: 'c0', kind: 'client', region: 'us', config: { rps: t.rps, users: 50, retries: t.retries, timeoutMs: t.timeoutMs, retryBackoffMs: 10, staticRatio: t.staticRatio, keys: { count: 40 } } },
    { id: 'c1', kind: 'client', region: 'eu', config: { rps: t.rps, users: 50, timeoutMs: t.timeoutMs, keys: { count: 40, distribution: 'zipf' } } },
    { id: 'dns', kind: 'dns', config: { policy: t.policy, ttlS: t.ttlS, healthCheck } },
    { id: 'cdn', kind: 'cdn', region: 'us', config: { mode: t.cdnMode, capacity: 10, ttlS: 1 } },
    { id: 'px', kind: 'proxy', region: 'eu', config: { cache: { capacity: t.cacheCapacity, ttlS: 1 }, rateLimit: { rps: t.rateLimitRps, per: t.perUser ? 'user' : 'global' } } },
    { id: 'lbA', kind: 'lb', region: 'us', config: { algorithm: t.algorithm, sticky: t.sticky, healthCheck, ha: { peer: 'lbB', heartbeatMs: 100, deadAfter: 2 } } },
    { id: 'lbB', kind: 'lb', region: 'us', config: { algorithm: t.algorithm, healthCheck } },
    { id: 'a0', kind: 'app', region: 'us', config: { workers: 4, downstreamTimeoutMs: 100 } },
    { id: 'a1', kind: 'app', region: 'eu', config: { workers: 4, downstreamTimeoutMs: 100 } },
  ];
  const net = { latencyMs: 1, lossRate: t.lossRate };
  const links: LinkSpec[] = [
    { id: 'c0-dns', from: 'c0', to: 'dns', ...net },
    { id: 'c1-dns', from: 'c1', to: 'dns', ...net },
    { id: 'c0-cdn', from: 'c0', to: 'cdn', ...net },
    { id: 'c0-lbA', from: 'c0', to: 'lbA', ...net },
    { id: 'c0-px', from: 'c0', to: 'px', ...net },
    { id: 'c1-lbA', from: 'c1', to: 'lbA', ...net },
    { id: 'c1-px', from: 'c1', to: 'px', ...net },
    { id: 'dns-lbA', from: 'dns', to: 'lbA' },
    { id: 'dns-px', from: 'dns', to: 'px' },
    { id: 'cdn-px', from: 'cdn', to: 'px', ...net },
    { id: 'px-a0', from: 'px', to: 'a0', ...net },
    { id: 'px-a1', from: 'px', to: 'a1', ...net },
    { id: 'lbA-a0', from: 'lbA', to: 'a0', ...net },
    { id: 'lbA-a1', from: 'lbA', to: 'a1', ...net },
    { id: 'lbB-a0', from: 'lbB', to: 'a0', ...net },
    { id: 'lbB-a1', from: 'lbB', to: 'a1', ...net },
  ];
  if (t.heartbeatLink) links.push({ id: 'lbA-lbB', from: 'lbA', to: 'lbB', ...net });
  const nodeIds = nodes.map((n) => n.id);
  const linkIds = links.map((l) => l.id!);
  const scenario = events.map((e) => {
    const base = { atS: e.atS, action: e.action };
    switch (e.action) {
      case 'cut':
      case 'restore':
        return { ...base, target: linkIds[e.pick % linkIds.length] };
      case 'partition':
        return { ...base, groups: [[nodeIds[e.pick % nodeIds.length]], [nodeIds[(e.pick + 3) % nodeIds.length]]] };
      case 'heal':
        return base;
      case 'flush':
        return { ...base, target: 'cdn' };
      case 'set':
        return { ...base, target: 'dns', params: { ttlS: e.pick % 3, policy: ['round-robin', 'failover', 'latency'][e.pick % 3] } };
      default:
        return { ...base, target: nodeIds[e.pick % nodeIds.length] };
    }
  });
  return makeDocument({ seed: t.seed, durationS: 3, regions: ['us', 'eu'], nodes, links, scenario });
}

describe('edge request bookkeeping (property)', () => {
  it('generated = finished + in flight at every instant; one outcome each; no leaks', () => {
    fc.assert(
      fc.property(topology, fc.array(scenarioEvent, { maxLength: 8 }), fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 3, maxLength: 10 }), (t, events, instants) => {
        const sim = new Simulation(build(t, events));
        const world = sim.world;
        finishCheckingBooks(sim, instants);
        // Orphaned work behind balancers, proxies and CDNs ends within their 60 s upstream
        // timeout; after that only health probes (dns: 2 records; lbA, lbB: 2 backends each) and
        // one heartbeat may be on the wire.
        sim.runUntil(sim.now + 61_000);
        expect(world.calls.live).toBeLessThanOrEqual(2 + 2 + 2 + 1);
      }),
      { numRuns: 40, seed: 515 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument, type LinkSpec, type NodeSpec } from '../helpers/documents';
import { finishCheckingBooks } from '../helpers/books';

/**
 * Random small topologies (clients → optional lbs → apps → optional cache/db, apps calling
 * later apps) under random scenarios (crashes, cuts, partitions, degradation, rate changes,
 * flushes, random failures). At many instants: generated = finished + in flight, the live
 * request slots are exactly the in-flight requests, and the per-outcome counts add up to the
 * finished ones. At the end every request has exactly one outcome and no call leaked.
 */
const topology = fc.record({
  clients: fc.integer({ min: 1, max: 2 }),
  lbs: fc.integer({ min: 0, max: 2 }),
  apps: fc.integer({ min: 1, max: 3 }),
  cache: fc.boolean(),
  db: fc.boolean(),
  appChain: fc.boolean(),
  rps: fc.integer({ min: 20, max: 400 }),
  retries: fc.integer({ min: 0, max: 2 }),
  timeoutMs: fc.integer({ min: 20, max: 400 }),
  latencyMs: fc.double({ min: 0, max: 5, noNaN: true }),
  jitterMs: fc.double({ min: 0, max: 3, noNaN: true }),
  lossRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
  workers: fc.integer({ min: 1, max: 8 }),
  queueLimit: fc.integer({ min: 0, max: 20 }),
  mtbf: fc.option(fc.double({ min: 0.5, max: 5, noNaN: true }), { nil: undefined }),
  algorithm: fc.constantFrom('round-robin', 'weighted', 'least-connections', 'random', 'ip-hash', 'consistent-hash'),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

const scenarioEvent = fc.record({
  atS: fc.double({ min: 0, max: 3, noNaN: true }),
  action: fc.constantFrom('crash', 'restart', 'slow', 'recover', 'cut', 'restore', 'degrade', 'partition', 'heal', 'set', 'flush', 'note'),
  pick: fc.nat(),
  factor: fc.double({ min: 1, max: 20, noNaN: true }),
});

type Topology = typeof topology extends fc.Arbitrary<infer T> ? T : never;
type EventSpec = typeof scenarioEvent extends fc.Arbitrary<infer T> ? T : never;

function build(t: Topology, events: EventSpec[]) {
  const nodes: NodeSpec[] = [];
  const links: LinkSpec[] = [];
  const net = { latencyMs: t.latencyMs, jitterMs: t.jitterMs, lossRate: t.lossRate };
  const apps = Array.from({ length: t.apps }, (_, i) => `a${i}`);
  const lbs = Array.from({ length: t.lbs }, (_, i) => `lb${i}`);
  for (let i = 0; i < t.clients; i++) nodes.push({ id: `c${i}`, kind: 'client', config: { rps: t.rps, retries: t.retries, timeoutMs: t.timeoutMs, retryBackoffMs: 10, keys: { count: 50 } } });
  for (const id of lbs) nodes.push({ id, kind: 'lb', config: { algorithm: t.algorithm, healthCheck: { intervalMs: 200, timeoutMs: 100 } } });
  for (const id of apps) nodes.push({ id, kind: 'app', config: { workers: t.workers, queueLimit: t.queueLimit, downstreamTimeoutMs: 100, mtbfS: t.mtbf, mttrS: t.mtbf ? 0.3 : undefined } });
  if (t.cache) nodes.push({ id: 'k', kind: 'cache', config: { capacity: 10 } });
  if (t.db) nodes.push({ id: 'd', kind: 'db', config: { connections: 2, queueLimit: 5 } });
  const fronts = lbs.length > 0 ? lbs : apps;
  for (let i = 0; i < t.clients; i++) links.push({ id: `c${i}-${fronts[i % fronts.length]}`, from: `c${i}`, to: fronts[i % fronts.length], ...net });
  for (const lb of lbs) for (const app of apps) links.push({ id: `${lb}-${app}`, from: lb, to: app, ...net });
  apps.forEach((app, i) => {
    if (t.cache) links.push({ id: `${app}-k`, from: app, to: 'k', ...net });
    if (t.db) links.push({ id: `${app}-d`, from: app, to: 'd', ...net });
    if (t.appChain && i + 1 < apps.length) links.push({ id: `${app}-${apps[i + 1]}`, from: app, to: apps[i + 1], ...net });
  });
  const nodeIds = nodes.map((n) => n.id);
  const linkIds = links.map((l) => l.id!);
  const scenario = events.map((e) => {
    const base = { atS: e.atS, action: e.action };
    switch (e.action) {
      case 'cut':
      case 'restore':
        return { ...base, target: linkIds[e.pick % linkIds.length] };
      case 'degrade':
        return { ...base, target: linkIds[e.pick % linkIds.length], params: { latencyMs: e.factor, lossRate: 0.3 } };
      case 'partition':
        return { ...base, groups: [[nodeIds[e.pick % nodeIds.length]], [nodeIds[(e.pick + 1) % nodeIds.length]]] };
      case 'heal':
      case 'note':
        return base;
      case 'flush':
        return t.cache ? { ...base, target: 'k' } : { ...base, action: 'note' };
      case 'slow':
        return { ...base, target: nodeIds[e.pick % nodeIds.length], factor: e.factor };
      case 'set': {
        const client = `c${e.pick % t.clients}`;
        return { ...base, target: client, params: { rps: Math.round(e.factor * 20), retries: e.pick % 3 } };
      }
      default:
        return { ...base, target: nodeIds[e.pick % nodeIds.length] };
    }
  });
  return makeDocument({ seed: t.seed, durationS: 3, nodes, links, scenario });
}

describe('request bookkeeping (property)', () => {
  it('generated = finished + in flight at every instant; one outcome each; no leaks', () => {
    fc.assert(
      fc.property(topology, fc.array(scenarioEvent, { maxLength: 8 }), fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 5, maxLength: 20 }), (t, events, instants) => {
        const sim = new Simulation(build(t, events));
        const world = sim.world;
        finishCheckingBooks(sim, instants);
        // Orphaned work behind load balancers ends within their 60 s upstream timeout; after
        // that only health probes on the wire may hold calls.
        sim.runUntil(sim.now + 61_000);
        const probesOutstanding = t.lbs * t.apps;
        expect(world.calls.live).toBeLessThanOrEqual(probesOutstanding);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });
});

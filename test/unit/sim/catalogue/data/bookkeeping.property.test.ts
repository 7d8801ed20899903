import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../../../../shared/sim/simulation';
import { makeDocument, type LinkSpec, type NodeSpec } from '../../helpers/documents';
import { finishCheckingBooks } from '../../helpers/books';

/**
 * Random small data tiers — a replicated cluster (async / sync / semi-sync, 0–2 replicas,
 * master-master or not) reached directly or through a shard router, a cache with any policy,
 * local sessions, a queue with workers writing back — under random faults (crashes of any node,
 * cuts of any link including replication, partitions, flushes). At many instants the request
 * books balance; at the end every request has one outcome, the consistency counts are bounded by
 * what they count, and no call leaks (only health probes and deliveries a worker still holds).
 */
const tier = fc.record({
  replication: fc.constantFrom('async', 'sync', 'semi-sync'),
  replicas: fc.integer({ min: 0, max: 2 }),
  masterMaster: fc.boolean(),
  router: fc.boolean(),
  cachePolicy: fc.constantFrom('none', 'cache-aside', 'write-through', 'write-behind', 'write-around', 'refresh-ahead'),
  readFromReplicas: fc.boolean(),
  sessions: fc.constantFrom('stateless', 'local'),
  queue: fc.boolean(),
  durable: fc.boolean(),
  failureRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
  detectMs: fc.integer({ min: 50, max: 1500 }),
  rps: fc.integer({ min: 20, max: 300 }),
  writeRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  latencyMs: fc.double({ min: 0, max: 5, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

const fault = fc.record({
  atS: fc.double({ min: 0, max: 3, noNaN: true }),
  action: fc.constantFrom('crash', 'restart', 'cut', 'restore', 'partition', 'heal', 'flush', 'slow'),
  pick: fc.nat(),
});

type Tier = typeof tier extends fc.Arbitrary<infer T> ? T : never;
type Fault = typeof fault extends fc.Arbitrary<infer T> ? T : never;

const WORKER_SLOTS = 4;

function build(t: Tier, faults: Fault[]) {
  const db = { replication: t.replication, failover: { detectMs: t.detectMs }, queueLimit: 50, connections: 4 };
  const nodes: NodeSpec[] = [
    { id: 'c', kind: 'client', config: { rps: t.rps, writeRatio: t.writeRatio, users: 20, timeoutMs: 400, keys: { count: 40 } } },
    { id: 'lb', kind: 'lb', config: { algorithm: 'random', healthCheck: { intervalMs: 200, timeoutMs: 100 } } },
    { id: 'a1', kind: 'app', config: { cachePolicy: t.cachePolicy, readFromReplicas: t.readFromReplicas, sessions: t.sessions, downstreamTimeoutMs: 150 } },
    { id: 'a2', kind: 'app', config: { cachePolicy: t.cachePolicy, readFromReplicas: t.readFromReplicas, sessions: t.sessions, downstreamTimeoutMs: 150 } },
    { id: 'k', kind: 'cache', config: { capacity: 20, ttlS: 1 } },
    { id: 'p', kind: 'db', config: { ...db, role: 'primary' } },
  ];
  const net = { latencyMs: t.latencyMs };
  const links: LinkSpec[] = [
    { id: 'c-lb', from: 'c', to: 'lb', ...net },
    { id: 'lb-a1', from: 'lb', to: 'a1', ...net },
    { id: 'lb-a2', from: 'lb', to: 'a2', ...net },
    { id: 'a1-k', from: 'a1', to: 'k', ...net },
    { id: 'a2-k', from: 'a2', to: 'k', ...net },
  ];
  const members = ['p'];
  for (let i = 0; i < t.replicas; i++) {
    const id = `r${i}`;
    nodes.push({ id, kind: 'db', config: { ...db, role: t.masterMaster && i === 0 ? 'primary' : 'replica' } });
    links.push({ id: `p-${id}`, from: 'p', to: id, kind: 'replication', ...net });
    links.push({ id: `${id}-p`, from: id, to: 'p', kind: 'replication', ...net });
    members.push(id);
  }
  const store = t.router ? ['s'] : members;
  if (t.router) {
    nodes.push({ id: 's', kind: 'shard-router', config: { scheme: 'consistent-hash', vnodes: 8 } });
    nodes.push({ id: 'q0', kind: 'db', config: db });
    for (const m of [...members, 'q0']) links.push({ id: `s-${m}`, from: 's', to: m, ...net });
  }
  for (const app of ['a1', 'a2']) for (const target of store) links.push({ id: `${app}-${target}`, from: app, to: target, ...net });
  if (t.queue) {
    nodes.push({ id: 'jobs', kind: 'queue', config: { capacity: 30, durable: t.durable, visibilityTimeoutMs: 300, maxReceives: 3 } });
    nodes.push({ id: 'w', kind: 'worker', config: { workers: WORKER_SLOTS, serviceMs: { dist: 'exp', mean: 20 }, failureRate: t.failureRate } });
    links.push({ id: 'a1-jobs', from: 'a1', to: 'jobs', ...net }, { id: 'jobs-w', from: 'jobs', to: 'w', ...net }, { id: 'w-p', from: 'w', to: 'p', ...net });
  }
  const nodeIds = nodes.map((n) => n.id);
  const linkIds = links.map((l) => l.id!);
  const scenario = faults.map((f) => {
    const base = { atS: f.atS, action: f.action };
    switch (f.action) {
      case 'cut':
      case 'restore':
        return { ...base, target: linkIds[f.pick % linkIds.length] };
      case 'partition':
        return { ...base, groups: [[nodeIds[f.pick % nodeIds.length]], [nodeIds[(f.pick + 1) % nodeIds.length]]] };
      case 'heal':
        return base;
      case 'flush':
        return { ...base, target: 'k' };
      case 'slow':
        return { ...base, target: nodeIds[f.pick % nodeIds.length], factor: 5 };
      default:
        return { ...base, target: nodeIds[f.pick % nodeIds.length] };
    }
  });
  return makeDocument({ seed: t.seed, durationS: 3, nodes, links, scenario });
}

describe('data tiers keep their books (property)', () => {
  it('generated = finished + in flight; one outcome each; consistency counts bounded; no leaks', () => {
    fc.assert(
      fc.property(tier, fc.array(fault, { maxLength: 8 }), fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { minLength: 3, maxLength: 10 }), (t, faults, instants) => {
        const sim = new Simulation(build(t, faults));
        const world = sim.world;
        const report = finishCheckingBooks(sim, instants);
        const r = report.requests;
        const c = report.consistency;
        expect(c.reads + c.writes).toBe(r.ok);
        expect(c.staleReads).toBeLessThanOrEqual(c.reads);
        expect(c.lostWrites).toBeLessThanOrEqual(c.writes);
        expect(c.sessionsLost).toBeLessThanOrEqual(r.total);
        // Orphaned work ends within the upstream timeouts (60 s at the lb, then up to 60 s more at
        // the shard router for work an app started late); then only probes on the wire and jobs a
        // worker still holds may keep calls.
        sim.runUntil(sim.now + 125_000);
        expect(world.calls.live).toBeLessThanOrEqual(2 + (t.queue ? WORKER_SLOTS * 2 : 0));
      }),
      { numRuns: 40, seed: 5151 },
    );
  });
});

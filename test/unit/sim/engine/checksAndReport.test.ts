import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { collectPackets } from '../../../../shared/sim/session/packets';
import { PACKET_PENDING } from '../../../../shared/sim/session/protocol';
import { STATUS_OK } from '../../../../shared/sim/engine/codes';
import { makeDocument } from '../helpers/documents';
import { isSupportedKind } from '../../../../shared/sim/nodes/registry';
import { NODE_KINDS } from '../../../../shared/model/types';

function doc(checks: unknown[], scenario: unknown[] = []) {
  return makeDocument({
    durationS: 10,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 100 } },
      { id: 'a', kind: 'app', config: { workers: 1, serviceMs: 2, queueLimit: 50 } },
      { id: 'k', kind: 'cache' },
    ],
    links: [
      { from: 'c', to: 'a', latencyMs: 0 },
      { from: 'a', to: 'k', latencyMs: 0 },
    ],
    scenario,
    checks,
  });
}

describe('checks', () => {
  it('evaluate over requests sent in [fromS, toS) and node behaviour in that span', () => {
    const report = new Simulation(
      doc(
        [
          { id: 'fast', metric: 'latency.p99', op: '<', value: 3, toS: 4 },
          { id: 'slowWindow', metric: 'latency.p50', op: '<', value: 3, fromS: 4, toS: 6 },
          { id: 'avail', metric: 'availability', op: '>=', value: 0.99 },
          { id: 'errors', metric: 'errorRate', op: '<', value: 0.5, fromS: 4, toS: 6 },
          { metric: 'throughput', op: '>', value: 99, toS: 4 },
          { metric: 'utilization', node: 'a', op: '<', value: 0.3, toS: 4 },
          { metric: 'cache.hitRatio', node: 'k', op: '>', value: 0.5 },
          { metric: 'staleReads', op: '<=', value: 0 },
        ],
        [
          { atS: 4, action: 'slow', target: 'a', factor: 10 },
          { atS: 6, action: 'recover', target: 'a' },
        ],
      ),
    ).finish();
    const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
    expect(byId.fast.pass).toBe(true);
    expect(byId.fast.actual).toBeCloseTo(2.5, 1);
    expect(byId.slowWindow.pass).toBe(false); // 20 ms service at 100 rps: overloaded
    expect(byId.avail.pass).toBe(false);
    expect(byId.errors.actual!).toBeGreaterThan(0.5);
    expect(byId.check5.pass).toBe(true);
    expect(byId.check5.actual).toBe(100);
    // A worker is held for 2 ms service + 0.5 ms cache get: 100 × 2.5 ms per second.
    expect(byId.check6.actual).toBeCloseTo(0.25, 2);
    expect(byId.check7.actual).toBeLessThan(0.2); // 1000 uniform keys, ≈ 900 reads: mostly cold
    expect(byId.check7.pass).toBe(false);
    expect(byId.check8.actual).toBe(0);
    expect(report.checks[5].node).toBe('a');
  });

  it('a window without ok requests (or lookups) has no actual and fails', () => {
    const report = new Simulation(
      doc(
        [
          { metric: 'cache.hitRatio', node: 'k', op: '>', value: 0, fromS: 8 },
          { metric: 'latency.mean', op: '<', value: 1000, fromS: 8 },
        ],
        [{ atS: 7.9, action: 'crash', target: 'a' }],
      ),
    ).finish();
    expect(report.checks.map((c) => [c.actual, c.pass])).toEqual([
      [null, false],
      [null, false],
    ]);
  });
});

describe('report', () => {
  it('has the contract shape, one timeline row per second, and counts by send second', () => {
    const report = new Simulation(doc([])).finish();
    expect(Object.keys(report)).toEqual([
      'format', 'version', 'title', 'seed', 'durationS', 'events', 'wallMs', 'requests', 'latencyMs', 'availability', 'throughputRps', 'consistency', 'nodes', 'checks', 'timeline',
    ]);
    expect(report.timeline).toHaveLength(10);
    expect(report.timeline.every((row) => row.sent === 100 && row.failed === 0)).toBe(true);
    expect(report.requests.total).toBe(1000);
    expect(report.throughputRps).toBe(100);
    expect(report.nodes.a.utilization).toBeCloseTo(0.25, 3);
    expect(report.nodes.k.hits! + report.nodes.k.misses!).toBe(report.requests.total - report.consistency.writes);
    expect(report.wallMs).toBe(0);
  });

  it('requests in flight at the end are followed to their outcome', () => {
    const late = makeDocument({
      durationS: 2,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 5000 } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
      ],
      links: [{ from: 'c', to: 'a', latencyMs: 1500 }],
    });
    const sim = new Simulation(late);
    const report = sim.finish();
    expect(report.requests.total).toBe(200);
    expect(report.requests.ok).toBe(200);
    expect(sim.now).toBeGreaterThan(2000 + 2000);
  });
});

describe('live-session hooks', () => {
  it('inject applies an event now and records it; setNodeConfig hot-applies; packets are visible', () => {
    const sim = new Simulation(doc([]));
    sim.runUntil(1000.5);
    sim.runUntil(1000.25 + 1000);
    const stamped = sim.inject({ atS: 0, action: 'crash', target: 'a' });
    expect(stamped.atS).toBeCloseTo(2.00025, 5);
    expect(sim.world.up[1]).toBe(0);
    expect(sim.appliedEvents.at(-1)?.event.action).toBe('crash');
    sim.inject({ atS: 0, action: 'restart', target: 'a' });
    sim.setNodeConfig('a', { serviceMs: 50, workers: 100 });
    sim.runUntil(3000);
    expect(collectPackets(sim.world.calls, sim.now).count).toBe(0); // zero-latency links: nothing is ever on the wire
    const report = sim.finish();
    expect(report.timeline[5].p50).toBeCloseTo(50.5, 0);
  });

  it('collectPackets reports link, position from the link\'s origin, op and outcome', () => {
    const sim = new Simulation(
      makeDocument({
        durationS: 1,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 10, arrival: 'constant' } },
          { id: 'a', kind: 'app', config: { serviceMs: 1 } },
        ],
        links: [{ from: 'c', to: 'a', latencyMs: 100 }],
      }),
    );
    sim.runUntil(50);
    const first = collectPackets(sim.world.calls, sim.now);
    expect(first.count).toBe(1);
    expect(Array.from(first.packets.slice(0, 4))).toEqual([0, 0.5, 0, PACKET_PENDING]);
    sim.runUntil(160);
    // The first response is on its way back (position measured from the client), the second request on its way out.
    const later = collectPackets(sim.world.calls, sim.now);
    expect(later.count).toBe(2);
    const byOutcome = new Map([0, 1].map((i) => [later.packets[i * 4 + 3], later.packets[i * 4 + 1]]));
    // Constant arrivals at 10 rps: the second request left at 100 ms and is 60 of 100 ms along.
    expect(byOutcome.get(PACKET_PENDING)).toBeCloseTo(0.6, 5);
    // The first response (status ok + 1) left the app at 101 ms: 59 ms back, so 0.41 from the client.
    expect(byOutcome.get(STATUS_OK + 1)).toBeCloseTo(0.41, 5);
  });
});

describe('kinds and settings not simulated yet', () => {
  it('none is left: every kind of the contract has a model, and cache policies are not warned about', () => {
    for (const kind of NODE_KINDS) expect(isSupportedKind(kind), kind).toBe(true);
    const sim = new Simulation(
      makeDocument({
        durationS: 2,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 50 } },
          { id: 'a', kind: 'app', config: { cachePolicy: 'write-through' } },
          { id: 'k', kind: 'cache' },
        ],
        links: [
          { from: 'c', to: 'a' },
          { from: 'a', to: 'k' },
        ],
      }),
    );
    expect(sim.warnings.join('\n')).not.toMatch(/cachePolicy/);
    expect(sim.finish().availability).toBe(1);
  });
});

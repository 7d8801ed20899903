import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import type { LbModel } from '../../../../shared/sim/nodes/lb';
import { makeDocument } from '../helpers/documents';

function lbDoc(lb: Record<string, unknown>, scenario: unknown[] = [], weights: number[] = [1, 1, 1], durationS = 10, rps = 300) {
  return makeDocument({
    durationS,
    nodes: [
      { id: 'c', kind: 'client', config: { rps, timeoutMs: 300 } },
      { id: 'lb', kind: 'lb', config: lb },
      { id: 'a0', kind: 'app', config: { serviceMs: 1, workers: 100 } },
      { id: 'a1', kind: 'app', config: { serviceMs: 1, workers: 100 } },
      { id: 'a2', kind: 'app', config: { serviceMs: 1, workers: 100 } },
    ],
    links: [
      { from: 'c', to: 'lb' },
      { from: 'lb', to: 'a0', weight: weights[0] },
      { from: 'lb', to: 'a1', weight: weights[1] },
      { from: 'lb', to: 'a2', weight: weights[2] },
    ],
    scenario,
  });
}

const arrivals = (report: ReturnType<Simulation['finish']>) => ['a0', 'a1', 'a2'].map((id) => report.nodes[id].arrivals);

describe('load balancer', () => {
  it('round-robin spreads evenly (exactly, ±1)', () => {
    const report = new Simulation(lbDoc({ algorithm: 'round-robin' })).finish();
    const counts = arrivals(report);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('weighted follows link weights', () => {
    const report = new Simulation(lbDoc({ algorithm: 'weighted' }, [], [1, 2, 5])).finish();
    const counts = arrivals(report);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(counts[0] / total).toBeCloseTo(1 / 8, 2);
    expect(counts[2] / total).toBeCloseTo(5 / 8, 2);
  });

  it('random and least-connections use every backend about equally', () => {
    for (const algorithm of ['random', 'least-connections', 'ip-hash', 'consistent-hash']) {
      const counts = arrivals(new Simulation(lbDoc({ algorithm })).finish());
      const total = counts.reduce((a, b) => a + b, 0);
      for (const count of counts) expect(count / total).toBeGreaterThan(0.2);
    }
  });

  it('least-connections avoids a slow backend', () => {
    const report = new Simulation(lbDoc({ algorithm: 'least-connections' }, [{ atS: 0, action: 'slow', target: 'a0', factor: 20 }])).finish();
    const counts = arrivals(report);
    // At this load the fast backends are usually idle, so the slow one (≈ 2 open connections)
    // loses most ties; round-robin would give it exactly a third.
    expect(counts[0]).toBeLessThan(counts[1] / 2);
  });

  it('maxConnections rejects beyond the limit', () => {
    const doc = makeDocument({
      durationS: 5,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 1000 } },
        { id: 'lb', kind: 'lb', config: { maxConnections: 5 } },
        { id: 'a', kind: 'app', config: { serviceMs: 10, workers: 100 } },
      ],
      links: [
        { from: 'c', to: 'lb' },
        { from: 'lb', to: 'a' },
      ],
    });
    const report = new Simulation(doc).finish();
    expect(report.requests.rejected).toBeGreaterThan(report.requests.total / 2);
    expect(report.nodes.lb.rejected).toBe(report.requests.rejected);
  });

  it('health checks: a dead backend gets traffic until marked down, none after, and again once healthy', () => {
    // Probes every 1000 ms (timeout 500, unhealthyAfter 3, healthyAfter 2). a1 dies at 2.25 s.
    const sim = new Simulation(lbDoc({ algorithm: 'round-robin' }, [{ atS: 2.25, action: 'crash', target: 'a1' }, { atS: 7.25, action: 'restart', target: 'a1' }]));
    const lb = sim.world.models[1] as LbModel;
    sim.runUntil(2300);
    expect(Array.from(lb.markedUp)).toEqual([1, 1, 1]); // died since its last check: still marked up
    sim.runUntil(4400);
    expect(lb.markedUp[1]).toBe(1); // failures at 3.0 and 4.0 time out at 3.5 and 4.5: two so far
    sim.runUntil(5600); // third failure (probe at 5.0) timed out at 5.5
    expect(lb.markedUp[1]).toBe(0);
    sim.runUntil(8600); // probes at 8.0 ok; 2nd success at 9.0
    expect(lb.markedUp[1]).toBe(0);
    sim.runUntil(9100);
    expect(lb.markedUp[1]).toBe(1);
    const report = sim.finish();
    // Requests sent to a1 between 2.25 s and 5.5 s (≈ 1/3 of 300 rps × 3.25 s ≈ 325) are dropped.
    expect(report.requests.dropped).toBeGreaterThan(250);
    expect(report.requests.dropped).toBeLessThan(400);
    expect(report.timeline[3].failed).toBeGreaterThan(50); // dead but still marked up
    expect(report.timeline[6].failed).toBe(0); // marked down: never sent there
    expect(report.nodes.a1.arrivals).toBeGreaterThan(0);
    expect(report.nodes.a1.downS).toBeCloseTo(5, 3);
  });

  it('with every backend marked down the load balancer answers errors', () => {
    const report = new Simulation(
      lbDoc({}, [
        { atS: 0, action: 'crash', target: 'a0' },
        { atS: 0, action: 'crash', target: 'a1' },
        { atS: 0, action: 'crash', target: 'a2' },
      ]),
    ).finish();
    expect(report.timeline[9].sent).toBe(report.timeline[9].failed);
    expect(report.requests.error).toBeGreaterThan(report.requests.total * 0.6);
  });
});

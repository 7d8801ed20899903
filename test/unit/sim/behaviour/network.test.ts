import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument, type LinkSpec } from '../helpers/documents';

/** client → app (constant 1 ms service, plenty of workers) over one link. */
function direct(link: Partial<LinkSpec>, client: Record<string, unknown> = {}, scenario: unknown[] = [], durationS = 10) {
  return makeDocument({
    durationS,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 200, ...client } },
      { id: 'a', kind: 'app', config: { workers: 1000, serviceMs: 1 } },
    ],
    links: [{ id: 'ca', from: 'c', to: 'a', ...link }],
    scenario,
  });
}

describe('links', () => {
  it('latency adds both ways; explicit latencyMs 0 is zero', () => {
    expect(new Simulation(direct({ latencyMs: 0 })).finish().latencyMs.max).toBe(1);
    const report = new Simulation(direct({ latencyMs: 20 })).finish();
    expect(report.latencyMs.p50).toBeCloseTo(41, 1);
    expect(report.latencyMs.max).toBeCloseTo(41, 1);
  });

  it('the default latency inside a region is 0.5 ms', () => {
    expect(new Simulation(direct({})).finish().latencyMs.max).toBeCloseTo(2, 2);
  });

  it('jitter stays within ±jitterMs of the latency per hop', () => {
    const report = new Simulation(direct({ latencyMs: 10, jitterMs: 4 })).finish();
    expect(report.latencyMs.max!).toBeLessThanOrEqual(1 + 2 * 14 + 0.01);
    expect(report.latencyMs.max!).toBeGreaterThan(21 + 4); // two hops: some sums well above the mean
    expect(report.latencyMs.mean!).toBeGreaterThan(20.5);
    expect(report.latencyMs.mean!).toBeLessThan(21.5);
  });

  it('bandwidth adds size/bandwidth: 1 KB request and 10 KB response at 8 Mbps = 1 ms + 10 ms', () => {
    const report = new Simulation(direct({ latencyMs: 0, bandwidthMbps: 8 })).finish();
    expect(report.latencyMs.max).toBeCloseTo(12, 2);
  });

  it('lossRate drops that share of messages and the client counts them as dropped', () => {
    // 2000 requests, both directions lossy: success = 0.8² = 0.64; binomial SD ≈ 0.011, bound 0.05.
    const report = new Simulation(direct({ lossRate: 0.2 }, { timeoutMs: 100 })).finish();
    expect(report.requests.timeout).toBe(0);
    expect(Math.abs(report.availability! - 0.64)).toBeLessThan(0.05);
    expect(report.requests.dropped + report.requests.ok).toBe(report.requests.total);
  });

  it('cut drops everything until restore', () => {
    const report = new Simulation(
      direct({}, { timeoutMs: 100, arrival: 'constant' }, [
        { atS: 2, action: 'cut', target: 'ca' },
        { atS: 4, action: 'restore', target: 'ca' },
      ]),
    ).finish();
    const row = (t: number) => report.timeline[t];
    expect(row(1).failed).toBe(0);
    expect(row(2).ok).toBe(0);
    expect(row(3).ok).toBe(0);
    expect(row(4).failed).toBe(0);
    expect(report.requests.dropped).toBe(400);
  });

  it('degrade changes latency and loss from then on', () => {
    const report = new Simulation(direct({ latencyMs: 1 }, {}, [{ atS: 5, action: 'degrade', target: 'ca', params: { latencyMs: 30 } }])).finish();
    expect(report.timeline[2].p99).toBeCloseTo(3, 1);
    expect(report.timeline[7].p50).toBeCloseTo(61, 0);
  });

  it('restore undoes a degrade too: the link is back to its designed delay and loss', () => {
    const report = new Simulation(
      direct({ latencyMs: 1 }, { timeoutMs: 1000, arrival: 'constant' }, [
        { atS: 3, action: 'degrade', target: 'ca', params: { latencyMs: 30, jitterMs: 5, lossRate: 0.5 } },
        { atS: 6, action: 'restore', target: 'ca' },
      ]),
    ).finish();
    expect(report.timeline[4].failed).toBeGreaterThan(50);
    expect(report.timeline[4].p50).toBeGreaterThan(50);
    for (const t of [7, 8, 9]) {
      expect(report.timeline[t].failed).toBe(0);
      expect(report.timeline[t].p99).toBeCloseTo(3, 1);
    }
  });

  it('a partition drops traffic between its groups (by node or by region) until heal', () => {
    const doc = makeDocument({
      durationS: 6,
      regions: ['us', 'eu'],
      nodes: [
        { id: 'c', kind: 'client', region: 'us', config: { rps: 100, arrival: 'constant', timeoutMs: 200 } },
        { id: 'a', kind: 'app', region: 'eu', config: { serviceMs: 1 } },
      ],
      links: [{ from: 'c', to: 'a', latencyMs: 1 }],
      scenario: [
        { atS: 1, action: 'partition', groups: [['us'], ['eu']] },
        { atS: 2, action: 'heal' },
        { atS: 3, action: 'partition', groups: [['c'], ['a']] },
        { atS: 4, action: 'heal' },
      ],
    });
    const report = new Simulation(doc).finish();
    expect(report.timeline.map((row) => row.ok)).toEqual([100, 0, 100, 0, 100, 100]);
    expect(report.requests.dropped).toBe(200);
  });

  it('partitions add up: a later one that puts both ends in one group does not reconnect them; only heal does', () => {
    const doc = makeDocument({
      durationS: 5,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 200 } },
        { id: 'a', kind: 'app', config: { serviceMs: 1 } },
        { id: 'x', kind: 'cache' },
      ],
      links: [{ from: 'c', to: 'a', latencyMs: 1 }],
      scenario: [
        { atS: 1, action: 'partition', groups: [['c'], ['a']] },
        { atS: 2, action: 'partition', groups: [['c', 'a'], ['x']] },
        { atS: 3, action: 'heal' },
      ],
    });
    const report = new Simulation(doc).finish();
    expect(report.timeline.map((row) => row.ok)).toEqual([100, 0, 0, 100, 100]);
    expect(report.requests.dropped).toBe(200);
  });
});

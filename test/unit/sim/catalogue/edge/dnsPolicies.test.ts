import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { DnsModel } from '../../../../../shared/sim/nodes/dns';
import { makeDocument, type LinkSpec, type NodeSpec } from '../../helpers/documents';

const app = (id: string, region?: string): NodeSpec => ({ id, kind: 'app', region, config: { serviceMs: 1, workers: 100 } });

/** One client (TTL 0: every request resolves), a DNS with `policy`, records a, b (and c). */
function policyDoc(dns: Record<string, unknown>, weights = [1, 1], scenario: unknown[] = []) {
  const records = weights.map((_, i) => `r${i}`);
  return makeDocument({
    durationS: 10,
    nodes: [{ id: 'c', kind: 'client', config: { rps: 400, timeoutMs: 300 } }, { id: 'dns', kind: 'dns', config: { ttlS: 0, ...dns } }, ...records.map((id) => app(id))],
    links: [{ from: 'c', to: 'dns' }, ...records.map((id): LinkSpec => ({ from: 'c', to: id })), ...records.map((id, i): LinkSpec => ({ from: 'dns', to: id, weight: weights[i] }))],
    scenario,
  });
}

describe('dns policies', () => {
  it('round-robin alternates answers exactly', () => {
    const report = new Simulation(policyDoc({ policy: 'round-robin' })).finish();
    expect(report.nodes.r0.arrivals + report.nodes.r1.arrivals).toBe(report.requests.total);
    expect(Math.abs(report.nodes.r0.arrivals - report.nodes.r1.arrivals)).toBeLessThanOrEqual(1);
  });

  it('weighted answers follow the record links’ weights (1 : 3)', () => {
    const report = new Simulation(policyDoc({ policy: 'weighted' }, [1, 3])).finish();
    // Smooth weighted round-robin: every 4 answers are exactly 1 × r0 and 3 × r1.
    expect(Math.abs(report.nodes.r0.arrivals - report.requests.total / 4)).toBeLessThanOrEqual(1);
  });

  it('failover answers the first healthy record, and the next one once health checks drop it', () => {
    const sim = new Simulation(policyDoc({ policy: 'failover' }, [1, 1, 1], [{ atS: 3.25, action: 'crash', target: 'r0' }]));
    const dns = sim.world.models[1] as DnsModel;
    sim.runUntil(3000);
    expect(sim.world.models[2].counters.arrivals).toBeGreaterThan(1000);
    expect(sim.world.models[3].counters.arrivals).toBe(0);
    sim.runUntil(6600); // probes at 4, 5, 6 s fail; the third times out at 6.5 s
    expect(Array.from(dns.markedUp)).toEqual([0, 1, 1]);
    const report = sim.finish();
    expect(report.nodes.r2.arrivals).toBe(0); // never needed
    expect(report.nodes.r1.arrivals).toBeGreaterThan(1000); // everything after 6.5 s
    // Requests answered r0 between its death and the mark-down are lost: about 3.25 s × 400 rps.
    expect(report.requests.dropped / 400).toBeGreaterThan(3.0);
    expect(report.requests.dropped / 400).toBeLessThan(3.5);
  });

  it('fails open: with every record marked down it still answers (a DNS that answers nothing helps nobody)', () => {
    const report = new Simulation(
      policyDoc({ policy: 'round-robin' }, [1, 1], [
        { atS: 1, action: 'crash', target: 'r0' },
        { atS: 1, action: 'crash', target: 'r1' },
      ]),
    ).finish();
    expect(report.nodes.dns.errors).toBe(0);
    expect(report.nodes.dns.completed).toBe(report.nodes.dns.arrivals);
    expect(report.requests.error).toBe(0); // the requests die at the dead servers instead
    expect(report.requests.dropped).toBe(report.requests.total - report.requests.ok);
  });

  it('latency answers the record with the lowest delay from the asking client, and follows a degraded link', () => {
    const doc = makeDocument({
      durationS: 10,
      regions: ['us', 'eu'],
      nodes: [
        { id: 'cUs', kind: 'client', region: 'us', config: { rps: 200 } },
        { id: 'cEu', kind: 'client', region: 'eu', config: { rps: 200 } },
        { id: 'dns', kind: 'dns', region: 'us', config: { policy: 'latency', ttlS: 0 } },
        app('webUs', 'us'),
        app('webEu', 'eu'),
      ],
      links: [
        // A resolver nearby for everyone, so that only the answer's distance shows in latency.
        { from: 'cUs', to: 'dns', latencyMs: 1 },
        { from: 'cEu', to: 'dns', latencyMs: 1 },
        { from: 'cUs', to: 'webUs' },
        { from: 'cUs', to: 'webEu' },
        { from: 'cEu', to: 'webUs' },
        { id: 'euLocal', from: 'cEu', to: 'webEu' },
        { from: 'dns', to: 'webUs' },
        { from: 'dns', to: 'webEu' },
      ],
      // At 5 s the EU users' own link to webEu slows to 200 ms: webUs (75 ms away) is now closer.
      scenario: [{ atS: 5, action: 'degrade', target: 'euLocal', params: { latencyMs: 200 } }],
    });
    const report = new Simulation(doc).finish();
    // cUs always gets webUs (0.5 ms vs 75 ms); cEu gets webEu for 5 s, then webUs.
    const usShare = report.nodes.webUs.arrivals / report.requests.total;
    expect(usShare).toBeGreaterThan(0.7);
    expect(usShare).toBeLessThan(0.8); // 0.5 + 0.5 × 0.5 = 0.75, ± Poisson noise
    expect(report.nodes.webEu.arrivals).toBeGreaterThan(800); // cEu's first 5 s ≈ 1000
    // Lookup 2 × 1 ms + 1 ms, then the request: 2 × 0.5 + 1 ms at home, 2 × 75 + 1 ms across the ocean.
    expect(report.timeline[3].p99!).toBeLessThan(6);
    // EU users now cross the ocean: 3 + 151 ms (per-second percentiles have 2 significant digits).
    expect(report.timeline[8].p99!).toBeGreaterThan(153);
    expect(report.timeline[8].p99!).toBeLessThan(156);
  });

  it('geo answers a record in the client’s region, else the nearest region', () => {
    const doc = makeDocument({
      durationS: 5,
      regions: ['us', 'eu', 'asia'],
      nodes: [
        { id: 'cAsia', kind: 'client', region: 'asia', config: { rps: 100 } },
        { id: 'cUs', kind: 'client', region: 'us', config: { rps: 100 } },
        { id: 'dns', kind: 'dns', config: { policy: 'geo', ttlS: 0 } },
        app('webUs', 'us'),
        app('webEu', 'eu'),
      ],
      links: [
        { from: 'cAsia', to: 'dns', latencyMs: 1 },
        { from: 'cUs', to: 'dns', latencyMs: 1 },
        { from: 'cAsia', to: 'webUs' },
        { from: 'cAsia', to: 'webEu' },
        { from: 'cUs', to: 'webUs' },
        { from: 'cUs', to: 'webEu' },
        { from: 'dns', to: 'webUs' },
        { from: 'dns', to: 'webEu' },
      ],
    });
    doc.network.matrix = [
      { from: 'asia', to: 'eu', ms: 60 },
      { from: 'asia', to: 'us', ms: 90 },
    ];
    const sim = new Simulation(doc);
    const report = sim.finish();
    // Asia has no record: its nearest region is eu (60 ms < 90 ms). US users stay in the us.
    expect(report.nodes.webEu.arrivals).toBeGreaterThan(400);
    expect(report.nodes.webUs.arrivals).toBeGreaterThan(400);
    expect(report.nodes.webEu.arrivals + report.nodes.webUs.arrivals).toBe(report.requests.total);
    // Asia → eu costs 3 + 2 × 60 + 1 = 124 ms; → us it would be 184 ms: nobody crossed the Pacific.
    expect(report.latencyMs.max!).toBeCloseTo(124, 0);
  });
});

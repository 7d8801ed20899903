import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { Report } from '../../../../../shared/sim/report';
import { makeDocument } from '../../helpers/documents';

function lbDoc(lb: Record<string, unknown>, users: number, scenario: unknown[] = []) {
  return makeDocument({
    durationS: 12,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 300, users, timeoutMs: 300 } },
      { id: 'lb', kind: 'lb', config: lb },
      { id: 'a0', kind: 'app', config: { serviceMs: 1, workers: 100 } },
      { id: 'a1', kind: 'app', config: { serviceMs: 1, workers: 100 } },
      { id: 'a2', kind: 'app', config: { serviceMs: 1, workers: 100 } },
    ],
    links: [
      { from: 'c', to: 'lb' },
      { from: 'lb', to: 'a0' },
      { from: 'lb', to: 'a1' },
      { from: 'lb', to: 'a2' },
    ],
    scenario,
  });
}

const arrivals = (report: Report) => ['a0', 'a1', 'a2'].map((id) => report.nodes[id].arrivals);

describe('lb: sticky sessions, hashing and layer cost', () => {
  it('sticky (layer 7) pins each user to one backend; without it round-robin spreads one user everywhere', () => {
    const spread = arrivals(new Simulation(lbDoc({ algorithm: 'round-robin' }, 1)).finish());
    expect(Math.min(...spread)).toBeGreaterThan(1000); // ≈ 1200 each
    const pinned = arrivals(new Simulation(lbDoc({ algorithm: 'round-robin', sticky: true }, 1)).finish());
    expect(pinned.filter((count) => count > 0)).toHaveLength(1);
    // Many users: pins are handed out round-robin, so the load still spreads (each ≈ 1/3 ± noise).
    const many = arrivals(new Simulation(lbDoc({ algorithm: 'round-robin', sticky: true }, 300)).finish());
    const total = many.reduce((a, b) => a + b, 0);
    for (const count of many) expect(count / total).toBeGreaterThan(0.25);
  });

  it('a sticky user moves only when its backend is marked down, and stays on the new one', () => {
    // The one user is pinned to a0 (first round-robin pick). a0 dies at 3.25 s; probes at 4, 5
    // and 6 s fail, the third times out and marks it down at 6.5 s; a0 comes back at 7.25 s and is
    // marked up at 9 s (two good probes), but the user's pin is a1 by then.
    const report = new Simulation(
      lbDoc({ algorithm: 'round-robin', sticky: true }, 1, [
        { atS: 3.25, action: 'crash', target: 'a0' },
        { atS: 7.25, action: 'restart', target: 'a0' },
      ]),
    ).finish();
    const [a0, a1, a2] = arrivals(report);
    expect(a0 / 300).toBeCloseTo(3.25, 0); // only before the crash (requests after it are lost)
    expect(a1 / 300).toBeCloseTo(12 - 6.5, 0); // from 6.5 s to the end, including after a0 recovered
    expect(a2).toBe(0);
    expect(report.requests.dropped / 300).toBeCloseTo(6.5 - 3.25, 0);
  });

  it('sticky is ignored at layer 4 (a warning says so)', () => {
    const sim = new Simulation(lbDoc({ algorithm: 'round-robin', sticky: true, layer: 4 }, 1));
    expect(sim.warnings.join('\n')).toMatch(/lb: sticky sessions need layer 7/);
    expect(Math.min(...arrivals(sim.finish()))).toBeGreaterThan(1000);
  });

  it('ip-hash and consistent-hash keep a user on one backend without any session state', () => {
    for (const algorithm of ['ip-hash', 'consistent-hash']) {
      const counts = arrivals(new Simulation(lbDoc({ algorithm }, 1)).finish());
      expect(counts.filter((count) => count > 0)).toHaveLength(1);
    }
  });

  it('layer 4 costs 0.05 ms per request and layer 7 0.5 ms by default', () => {
    const l4 = new Simulation(lbDoc({ layer: 4 }, 100)).finish();
    const l7 = new Simulation(lbDoc({ layer: 7 }, 100)).finish();
    // Constant service everywhere: the difference in every request's latency is 0.5 − 0.05 ms.
    expect(l7.latencyMs.mean! - l4.latencyMs.mean!).toBeCloseTo(0.45, 3);
    expect(l7.nodes.lb.completed).toBe(l7.requests.ok);
  });
});

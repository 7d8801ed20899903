import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

describe('smoke', () => {
  it('runs a layered topology to a report', () => {
    const doc = makeDocument({
      durationS: 5,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200 } },
        { id: 'lb', kind: 'lb' },
        { id: 'a1', kind: 'app' },
        { id: 'a2', kind: 'app' },
        { id: 'cache', kind: 'cache' },
        { id: 'db', kind: 'db' },
      ],
      links: [
        { from: 'c', to: 'lb' },
        { from: 'lb', to: 'a1' },
        { from: 'lb', to: 'a2' },
        { from: 'a1', to: 'cache' },
        { from: 'a2', to: 'cache' },
        { from: 'a1', to: 'db' },
        { from: 'a2', to: 'db' },
      ],
    });
    const sim = new Simulation(doc);
    const report = sim.finish();
    expect(report.requests.total).toBeGreaterThan(800);
    expect(report.requests.ok).toBe(report.requests.total);
  });
});

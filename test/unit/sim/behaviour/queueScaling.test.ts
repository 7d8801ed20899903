import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/**
 * The queue lends each worker as many deliveries as it has `workers`. A `set` that raises a
 * worker's `workers` must raise that credit too: it used to be fixed at start, so scaling the
 * workers of a backed-up queue changed nothing.
 */
describe('a queue whose workers are scaled up while it is backed up', () => {
  it('delivers to the new worker slots and drains', () => {
    const document = makeDocument({
      durationS: 30,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 100, writeRatio: 1 } },
        { id: 'app', kind: 'app', config: { serviceMs: 1 } },
        { id: 'q', kind: 'queue', config: { capacity: 100_000 } },
        { id: 'w', kind: 'worker', config: { workers: 1, serviceMs: 20 } },
      ],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'q' },
        { from: 'q', to: 'w' },
      ],
      scenario: [{ atS: 10, action: 'set', target: 'w', params: { workers: 10 } }],
    });
    const simulation = new Simulation(document);
    const worker = Object.keys(document.nodes).indexOf('w');
    simulation.runUntil(10_000);
    // One slot of 20 ms: 50 jobs/s against 100 published.
    const doneBefore = simulation.world.models[worker].counters.completed;
    expect(doneBefore).toBeGreaterThan(450);
    expect(doneBefore).toBeLessThan(520);
    simulation.runUntil(20_000);
    // Ten slots: 500 jobs/s of capacity drain the ≈ 500-job backlog and keep up with 100/s.
    const doneAfter = simulation.world.models[worker].counters.completed - doneBefore;
    expect(doneAfter).toBeGreaterThan(1400);
  });
});

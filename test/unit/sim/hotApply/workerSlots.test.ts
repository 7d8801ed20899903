import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * Raising a worker's `workers` while its queue holds a backlog: the queue tracks the worker's
 * slots as credit, so the new slots must be offered the waiting jobs at the edit — not only at the
 * queue's next publish or acknowledgement, which with no new publishes is up to a whole job later.
 */
describe("a set event raising a worker's workers while jobs wait in its queue", () => {
  it('the waiting jobs start on the new slots at once', () => {
    // 20 jobs published in the first 100 ms, then the producer stops (its client crashes). One
    // slot, 1 s a job: jobs start at 0, 1, 2 s… At 2.5 s the worker gets 4 slots: 3 more jobs
    // start then, so second 2 holds 1000 + 3 × 500 busy ms, and second 3 all 4000.
    const doc = makeDocument({
      durationS: 5,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, arrival: 'constant', writeRatio: 1 } },
        { id: 'app', kind: 'app', config: { serviceMs: 0.1 } },
        { id: 'q', kind: 'queue' },
        { id: 'w', kind: 'worker', config: { workers: 1, serviceMs: 1000 } },
      ],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'q' },
        { from: 'q', to: 'w' },
      ],
      scenario: [
        { atS: 0.0999, action: 'crash', target: 'c' },
        { atS: 2.5, action: 'set', target: 'w', params: { workers: 4 } },
      ],
    });
    const sim = new Simulation(doc);
    sim.finish();
    const station = sim.world.models[sim.world.nodeIds.indexOf('w')].station!;
    // Each job of the one slot starts ~1 ms after the one before ended (its answer and the next
    // delivery are 0.5 ms hops), so these hold to within a few ms, never 500.
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThan(10);
    near(station.busyMs.sum(1, 2), 1000);
    near(station.busyMs.sum(2, 3), 1000 + 3 * 500);
    near(station.busyMs.sum(3, 4), 4000);
  });
});

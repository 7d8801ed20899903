import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * A queue's utilization is its mean fill: held messages over `capacity`, integrated over time.
 * One job every 500 ms, consumed in ~100 ms, and the capacity edited at 10.45 s while the queue
 * has been empty since ~10.1 s: the edit's second holds old × 450 ms + new × 550 ms of capacity,
 * whatever the messages did.
 */
describe("a set event changing a queue's capacity", () => {
  for (const [before, after] of [
    [10_000, 100],
    [100, 10_000],
  ]) {
    it(`${before} → ${after}: the time before the edit is counted at the old capacity`, () => {
      const doc = makeDocument({
        durationS: 12,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 2, arrival: 'constant', writeRatio: 1 } },
          { id: 'app', kind: 'app', config: { serviceMs: 1 } },
          { id: 'q', kind: 'queue', config: { capacity: before } },
          { id: 'w', kind: 'worker', config: { serviceMs: 100 } },
        ],
        links: [
          { from: 'c', to: 'app' },
          { from: 'app', to: 'q' },
          { from: 'q', to: 'w' },
        ],
        scenario: [{ atS: 10.45, action: 'set', target: 'q', params: { capacity: after } }],
      });
      const sim = new Simulation(doc);
      const report = sim.finish();
      const station = sim.world.models[sim.world.nodeIds.indexOf('q')].station!;
      expect(station.capacityMs.sum(9, 10)).toBeCloseTo(before * 1000, 6);
      expect(station.capacityMs.sum(10, 11)).toBeCloseTo(before * 450 + after * 550, 6);
      expect(station.capacityMs.sum(11, 12)).toBeCloseTo(after * 1000, 6);
      // Depth-ms is the same either way (one message held ~101 ms twice a second)…
      const heldMs = station.busyMs.sum(0, 12);
      expect(heldMs).toBeGreaterThan(0);
      // …so the report's utilization is that over the capacity in force at each moment.
      const capacityMs = before * 10_450 + after * 1_550;
      expect(report.nodes.q.utilization).toBeCloseTo(heldMs / capacityMs, 6);
    });
  }
});

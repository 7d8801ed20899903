import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';
import { busyDatabase } from '../helpers/busyDatabase';

type Scenario = Parameters<typeof makeDocument>[0]['scenario'];

/** One read every 500 ms taking 100 ms on 4 connections: idle but for 100 ms of every 500. */
function idleDatabase(scenario: Scenario) {
  return makeDocument({
    durationS: 12,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 2, arrival: 'constant', writeRatio: 0 } },
      { id: 'app', kind: 'app', config: { serviceMs: 1 } },
      { id: 'db', kind: 'db', config: { connections: 4, readMs: 100 } },
    ],
    links: [
      { from: 'c', to: 'app' },
      { from: 'app', to: 'db' },
    ],
    scenario,
  });
}

function stationOf(sim: Simulation, id: string) {
  return sim.world.models[sim.world.nodeIds.indexOf(id)].station!;
}

/*
 * A database's connections (FifoServers) changed mid-run. Lowering them preempts nothing: a job
 * admitted before the edit runs when and where it was booked (its answer is already scheduled),
 * and a connection retires when it comes free — so it is capacity exactly until then, and a
 * connection that is idle at the edit retires at the edit, not at the next admission.
 */
describe("a set event changing a database's connections", () => {
  it('lowered while idle: the retired connections stop counting as capacity at the edit', () => {
    // One read every 500 ms taking 100 ms; the edit at 10.45 s, 50 ms before the next read.
    const doc = idleDatabase([{ atS: 10.45, action: 'set', target: 'db', params: { connections: 1 } }]);
    const sim = new Simulation(doc);
    sim.finish();
    const station = stationOf(sim, 'db');
    expect(station.capacityMs.sum(9, 10)).toBeCloseTo(4000, 6);
    expect(station.capacityMs.sum(10, 11)).toBeCloseTo(4 * 450 + 1 * 550, 6);
    expect(station.capacityMs.sum(11, 12)).toBeCloseTo(1000, 6);
  });

  it.each([
    ['lowered from 8 to 1', [{ atS: 3.01, action: 'set', target: 'db', params: { connections: 1 } }]],
    [
      'lowered from 8 to 1, then raised back to 8 while the retiring ones are still busy',
      [
        { atS: 3.01, action: 'set', target: 'db', params: { connections: 1 } },
        { atS: 3.5, action: 'set', target: 'db', params: { connections: 8 } },
      ],
    ],
  ])("%s under full load: each second's capacity is its busy time, retiring connections counting until their booked work ends", (_, scenario) => {
    // 400 reads/s of 40 ms on 8 connections (offered 16): all 8 busy and a long queue booked when
    // the edit comes; the booked jobs run on as booked, on connections that retire one by one.
    const doc = busyDatabase(scenario);
    const sim = new Simulation(doc);
    sim.finish();
    const station = stationOf(sim, 'db');
    for (let second = 0; second < 6; second++) {
      const busy = station.busyMs.sum(second, second + 1);
      const capacity = station.capacityMs.sum(second, second + 1);
      expect(capacity, `second ${second}`).toBeGreaterThanOrEqual(busy - 1e-6);
      // Busy from the first second's first reads on: the retiring connections work until they
      // go and the last one never idles, so capacity is exactly the busy time.
      if (second > 0) expect(capacity, `second ${second}`).toBeCloseTo(busy, 6);
    }
  });

  it('a crash after lowering takes back the retiring connections\' booked capacity with their booked work', () => {
    const doc = busyDatabase([
      { atS: 3.01, action: 'set', target: 'db', params: { connections: 1 } },
      { atS: 3.5, action: 'crash', target: 'db' },
    ]);
    const sim = new Simulation(doc);
    sim.finish();
    const station = stationOf(sim, 'db');
    // Down from 3.5 s: nothing busy, and the one configured connection as capacity (a node that is
    // down keeps its configured servers as capacity; the retired ones went with their work).
    for (const second of [4, 5]) {
      expect(station.busyMs.sum(second, second + 1), `second ${second}`).toBe(0);
      expect(station.capacityMs.sum(second, second + 1), `second ${second}`).toBeCloseTo(1000, 6);
    }
  });

  it('lowered and raised again while idle: capacity follows each edit from its moment', () => {
    // Idle database: 4 → 1 at 10.45 s and back to 4 at 10.47 s; nothing was busy, so capacity is
    // 4 × 450 + 1 × 20 + 4 × 530 worker-ms in that second.
    const doc = idleDatabase([
      { atS: 10.45, action: 'set', target: 'db', params: { connections: 1 } },
      { atS: 10.47, action: 'set', target: 'db', params: { connections: 4 } },
    ]);
    const sim = new Simulation(doc);
    sim.finish();
    const station = stationOf(sim, 'db');
    expect(station.capacityMs.sum(10, 11)).toBeCloseTo(4 * 450 + 1 * 20 + 4 * 530, 6);
    expect(station.capacityMs.sum(11, 12)).toBeCloseTo(4000, 6);
  });
});

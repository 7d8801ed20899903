import { describe, expect, it } from 'vitest';
import { FifoServers } from '../../../../shared/sim/engine/fifoServers';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * A database or cache books a job's busy time (and its wait) per second when it admits it
 * (FifoServers). A valid but extreme setting — reads of 10⁹ ms, 11.6 days — booked every one of
 * those seconds on each arrival: 10⁶ loop steps and an 8 MB series per request, so a 3 s run of
 * lesson 8 with one such database took minutes. Time is now booked up to the run's horizon only.
 */
describe('time booked ahead stops at the run’s horizon', () => {
  it('a job outlasting the run books its seconds up to the horizon, and a crash takes back exactly those', () => {
    const horizonMs = 5000;
    const servers = new FifoServers(1, 10, horizonMs);
    const departure = servers.admit(1000, 1e9);
    expect(departure).toBe(1000 + 1e9);
    // Waits behind it: queue time booked up to the horizon too.
    expect(servers.admit(2000, 1e9)).toBe(1000 + 2e9);
    expect(servers.busyMs.values.length).toBeLessThanOrEqual(64);
    expect(servers.queueMs.values.length).toBeLessThanOrEqual(64);
    expect(servers.busyMs.sum(0, 1e6)).toBe(horizonMs - 1000);
    expect(servers.queueMs.sum(0, 1e6)).toBe(horizonMs - 2000);
    // Busy every moment from 1 s to the horizon.
    for (let second = 1; second < 5; second++) expect(servers.busyMs.sum(second, second + 1)).toBe(1000);
    servers.reset(3500);
    expect(servers.busyMs.sum(0, 1e6)).toBe(2500);
    expect(servers.queueMs.sum(0, 1e6)).toBe(1500);
    expect(servers.busyMs.sum(4, 5)).toBe(0);
  });

  it('a database whose reads take 10⁹ ms runs a minute in moments, fully busy, each read timing out', () => {
    const doc = makeDocument({
      durationS: 60,
      nodes: [
        { id: 'c', kind: 'client', config: { rps: 200, writeRatio: 0, timeoutMs: 1000 } },
        { id: 'app', kind: 'app', config: { serviceMs: 1 } },
        { id: 'db', kind: 'db', config: { readMs: 1e9, connections: 2, queueLimit: 50 } },
      ],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'db' },
      ],
      checks: [{ id: 'busy', metric: 'utilization', node: 'db', op: '>=', value: 0.99 }],
    });
    const simulation = new Simulation(doc);
    const report = simulation.finish();
    expect(report.checks[0].actual).toBeCloseTo(1, 2);
    expect(report.requests.ok).toBe(0);
    expect(report.requests.total).toBeGreaterThan(10_000);
    // Nothing booked beyond the run's horizon (61 s): the series stay a minute long, not 11.6 days.
    const db = simulation.world.models[simulation.world.nodeIds.indexOf('db')] as unknown as { station: FifoServers };
    expect(db.station.busyMs.values.length).toBeLessThanOrEqual(128);
    expect(db.station.queueMs.values.length).toBeLessThanOrEqual(128);
  });
});

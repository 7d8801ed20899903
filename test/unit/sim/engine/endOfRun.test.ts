import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * The run covers [0, durationS). Requests still in flight then are followed to their outcome,
 * but the world stops there: no scenario event and no random failure happens while they finish.
 * Every request here takes 2 s, so the last 2 s of requests are in flight at the end.
 */
function slowService(scenario: unknown[], appConfig: Record<string, unknown> = {}, durationS = 10) {
  return makeDocument({
    durationS,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 5000, writeRatio: 0 } },
      { id: 'app', kind: 'app', config: { workers: 1000, queueLimit: 1000, serviceMs: 2000, ...appConfig } },
    ],
    links: [{ from: 'c', to: 'app', latencyMs: 1 }],
    scenario,
  });
}

describe('the end of the run', () => {
  it('is reached with 200 requests in flight, which then all finish ok', () => {
    const sim = new Simulation(slowService([]));
    sim.runUntil(10_000);
    expect(sim.requestCounts.inFlight).toBe(200);
    expect(sim.finish().requests).toMatchObject({ total: 1000, ok: 1000 });
  });

  it('stops the scenario: a crash at or after durationS never happens', () => {
    for (const atS of [10, 10.5]) {
      const report = new Simulation(slowService([{ atS, action: 'crash', target: 'app' }])).finish();
      expect(report.requests, `crash at ${atS} s`).toMatchObject({ total: 1000, ok: 1000, dropped: 0 });
      expect(report.nodes.app.downS).toBe(0);
    }
  });

  it('still applies an event just before the end', () => {
    const report = new Simulation(slowService([{ atS: 9.99, action: 'crash', target: 'app' }])).finish();
    // Everything sent in the last 2 s (and the request of 9.99 s itself is sent before the crash arrives) is lost.
    expect(report.requests.dropped).toBeGreaterThanOrEqual(199);
  });

  it('stops random failures: no crash and no repair after durationS', () => {
    // A crash every 0.3 s on average, down 0.1 s: about 7 crashes would fall in the 2 s drain.
    const doc = slowService([], { mtbfS: 0.3, mttrS: 0.1 });
    const sim = new Simulation(doc);
    const crashes: number[] = [];
    const crashNode = sim.world.crashNode.bind(sim.world);
    sim.world.crashNode = (node: number) => {
      crashes.push(sim.now);
      crashNode(node);
    };
    sim.finish();
    expect(crashes.length).toBeGreaterThan(10);
    expect(Math.max(...crashes)).toBeLessThan(10_000);
    expect(sim.now).toBeGreaterThan(11_000); // the drain did run past the end
  });

  it('a shorter run asked for (the CLI --duration) warns about the events it cuts off', () => {
    const sim = new Simulation(slowService([{ atS: 9.5, action: 'crash', target: 'app' }]), { durationS: 9 });
    expect(sim.warnings).toContainEqual(expect.stringContaining('scenario[0] (crash at 9.5 s) is not before the end of this 9 s run'));
    expect(sim.finish().requests).toMatchObject({ total: 900, ok: 900 });
  });

  it('a shorter run asked for warns about the checks it leaves with nothing to measure', () => {
    const doc = slowService([]);
    doc.checks = [
      { metric: 'availability', op: '>=', value: 0.9, fromS: 9.5 },
      { id: 'early', metric: 'availability', op: '>=', value: 0.9, fromS: 2 },
    ];
    const sim = new Simulation(doc, { durationS: 9 });
    expect(sim.warnings).toEqual([expect.stringContaining('checks[0] (availability from 9.5 s) starts at or after the end of this 9 s run, so it measures nothing and fails')]);
    expect(sim.finish().checks.map((check) => check.actual)).toEqual([null, 1]);
    doc.checks.push({ metric: 'latency.p99', op: '<', value: 5000, fromS: 9 });
    expect(new Simulation(doc, { durationS: 9 }).warnings).toEqual([expect.stringContaining('2 checks, from checks[0] (availability from 9.5 s) on, start at or after the end')]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../../shared/model/load';
import { Simulation } from '../../../../shared/sim/simulation';
import type { Report } from '../../../../shared/sim/report';
import { makeDocument, type LinkSpec, type NodeSpec } from '../helpers/documents';
import { cliReport, simFixturePath } from '../helpers/cliReport';

const FIXTURE = simFixturePath('hot-apply/app-workers.faultline');

/** `faultline run --json` in-process: the exit code and the report. */
async function cliRun(): Promise<{ code: number; report: Report }> {
  const { exit, report } = await cliReport(FIXTURE);
  return { code: exit, report };
}

/*
 * Constant arrivals (one every 500 ms) and a constant 100 ms service: each app is busy exactly
 * 200 ms of every second and never queues, so every utilization below is exact — busy ms over
 * worker-ms, no sampling error to allow for (the report rounds ratios to 6 decimals). The edit
 * comes at 10.45 s, 349.5 ms after the last request finished (arrivals reach the app 0.5 ms after
 * they are sent): that stretch ran at the old worker count and must be counted at it.
 */
describe("a set event changing an app's workers mid-run (test/fixtures/sim/hot-apply/app-workers)", () => {
  it('the CLI report: utilization over the run and each check window is busy time over the workers in force at each moment', async () => {
    const { code, report } = await cliRun();
    expect(code).toBe(0); // every check passes
    // up: 40 requests × 100 ms over 1 × 10 450 + 4 × 9 550 worker-ms; down: over 4 × 10 450 + 1 × 9 550.
    expect(report.nodes.up.utilization).toBe(Number((4000 / 48650).toFixed(6)));
    expect(report.nodes.down.utilization).toBe(Number((4000 / 51350).toFixed(6)));
    expect(report.nodes.up.meanQueue).toBe(0);
    expect(report.nodes.down.meanQueue).toBe(0);
    const actual = Object.fromEntries(report.checks.map((check) => [check.id, check.actual]));
    expect(actual).toEqual({
      'up-before': 0.2,
      'up-edit-second': Number((200 / (450 + 4 * 550)).toFixed(6)),
      'up-after': 0.05,
      'down-before': 0.05,
      'down-edit-second': Number((200 / (4 * 450 + 550)).toFixed(6)),
      'down-after': 0.2,
    });
  });

  it("the engine's per-second rows: capacity is workers × ms at the count in force, busy 200 ms every second", () => {
    const loaded = loadDocument(readFileSync(FIXTURE, 'utf8'));
    if (!loaded.ok) throw new Error('fixture does not load');
    const sim = new Simulation(loaded.document);
    sim.finish();
    const stationOf = (id: string) => sim.world.models[sim.world.nodeIds.indexOf(id)].station!;
    for (const [id, before, after] of [
      ['up', 1, 4],
      ['down', 4, 1],
    ] as const) {
      const station = stationOf(id);
      for (let second = 0; second < 20; second++) {
        const workers = second < 10 ? before : after;
        const capacity = second === 10 ? before * 450 + after * 550 : workers * 1000;
        expect(station.capacityMs.sum(second, second + 1), `${id} capacity in second ${second}`).toBeCloseTo(capacity, 6);
        expect(station.busyMs.sum(second, second + 1), `${id} busy in second ${second}`).toBeCloseTo(200, 6);
      }
    }
  });
});

/*
 * A live edit in the app (Simulation.setNodeConfig while playing) goes through the same
 * applyConfig as a scenario `set`: the same figures, edited at the same moment by hand.
 */
describe('a live edit of an app\'s workers (setNodeConfig mid-run)', () => {
  it('counts the time before the edit at the old count', () => {
    const loaded = loadDocument(readFileSync(FIXTURE, 'utf8'));
    if (!loaded.ok) throw new Error('fixture does not load');
    const doc = { ...loaded.document, scenario: [] };
    const sim = new Simulation(doc);
    sim.runUntil(10_450);
    sim.setNodeConfig('up', { workers: 4 });
    sim.setNodeConfig('down', { workers: 1 });
    const report = sim.finish();
    expect(report.nodes.up.utilization).toBeCloseTo(4000 / 48650, 9);
    expect(report.nodes.down.utilization).toBeCloseTo(4000 / 51350, 9);
  });
});

/*
 * The same edit on every other kind whose servers are a Station (a worker's `workers`, a load
 * balancer's or proxy's `maxConnections`): light constant load, one request every 500 ms that
 * holds a server for ~100 ms, the edit at 10.45 s while nothing is in service. Capacity time
 * does not depend on the load at all then: in the edit's second it is the old count × 450 ms plus
 * the new count × 550 ms, whatever the requests did.
 */
describe('a set event changing servers on the other Station kinds counts the time before it at the old count', () => {
  const client = { id: 'c', kind: 'client', config: { rps: 2, arrival: 'constant', writeRatio: 0 } };
  const cases: { kind: string; field: string; node: NodeSpec; nodes: NodeSpec[]; links: LinkSpec[] }[] = [
    {
      kind: 'lb',
      field: 'maxConnections',
      node: { id: 'x', kind: 'lb', config: { serviceMs: 0.5, healthCheck: { enabled: false } } },
      nodes: [client, { id: 'app', kind: 'app', config: { serviceMs: 100 } }],
      links: [
        { from: 'c', to: 'x' },
        { from: 'x', to: 'app' },
      ],
    },
    {
      kind: 'proxy',
      field: 'maxConnections',
      node: { id: 'x', kind: 'proxy', config: { serviceMs: 0.5 } },
      nodes: [client, { id: 'app', kind: 'app', config: { serviceMs: 100 } }],
      links: [
        { from: 'c', to: 'x' },
        { from: 'x', to: 'app' },
      ],
    },
    {
      kind: 'worker',
      field: 'workers',
      node: { id: 'x', kind: 'worker', config: { serviceMs: 100 } },
      nodes: [{ ...client, config: { ...client.config, writeRatio: 1 } }, { id: 'app', kind: 'app', config: { serviceMs: 1 } }, { id: 'q', kind: 'queue' }],
      links: [
        { from: 'c', to: 'app' },
        { from: 'app', to: 'q' },
        { from: 'q', to: 'x' },
      ],
    },
  ];
  for (const { kind, field, node, nodes, links } of cases) {
    for (const [before, after] of [
      [1, 4],
      [4, 1],
    ]) {
      it(`${kind} ${field} ${before} → ${after}`, () => {
        const doc = makeDocument({
          durationS: 12,
          nodes: [...nodes, { ...node, config: { ...node.config, [field]: before } }],
          links,
          scenario: [{ atS: 10.45, action: 'set', target: 'x', params: { [field]: after } }],
        });
        const sim = new Simulation(doc);
        sim.finish();
        const station = sim.world.models[sim.world.nodeIds.indexOf('x')].station!;
        expect(station.capacityMs.sum(9, 10)).toBeCloseTo(before * 1000, 6);
        expect(station.capacityMs.sum(10, 11)).toBeCloseTo(before * 450 + after * 550, 6);
        expect(station.capacityMs.sum(11, 12)).toBeCloseTo(after * 1000, 6);
        expect(station.busyMs.sum(10, 11)).toBeGreaterThan(0);
      });
    }
  }
});

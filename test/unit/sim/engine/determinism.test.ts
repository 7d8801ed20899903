import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { reportToJson } from '../../../../shared/sim/report';
import { referenceTopology } from '../../../bench/model.bench';
import { makeDocument } from '../helpers/documents';

function busyDocument() {
  return makeDocument({
    durationS: 20,
    nodes: [
      { id: 'c', kind: 'client', config: { rps: 300, retries: 2, timeoutMs: 200, keys: { count: 500, distribution: 'zipf' } } },
      { id: 'lb', kind: 'lb', config: { algorithm: 'random' } },
      { id: 'a1', kind: 'app', config: { mtbfS: 5, mttrS: 1 } },
      { id: 'a2', kind: 'app', config: { serviceMs: { dist: 'lognormal', mean: 4 } } },
      { id: 'k', kind: 'cache', config: { capacity: 100, eviction: 'random' } },
      { id: 'd', kind: 'db' },
    ],
    links: [
      { from: 'c', to: 'lb', jitterMs: 2, lossRate: 0.01 },
      { id: 'lb-a1', from: 'lb', to: 'a1' },
      { from: 'lb', to: 'a2' },
      { from: 'a1', to: 'k' },
      { from: 'a2', to: 'k' },
      { from: 'a1', to: 'd' },
      { from: 'a2', to: 'd' },
    ],
    scenario: [
      { atS: 5, action: 'cut', target: 'lb-a1' },
      { atS: 7, action: 'restore', target: 'lb-a1' },
      { atS: 10, action: 'slow', target: 'd', factor: 5 },
      { atS: 12, action: 'partition', groups: [['lb'], ['a2']] },
      { atS: 14, action: 'heal' },
    ],
    checks: [{ metric: 'latency.p99', op: '<', value: 100, fromS: 10, toS: 15 }],
  });
}

describe('determinism', () => {
  it('same file and seed ⇒ byte-identical report and the same fingerprint', () => {
    const first = new Simulation(busyDocument(), { trace: true });
    const second = new Simulation(busyDocument(), { trace: true });
    const a = reportToJson(first.finish());
    const b = reportToJson(second.finish());
    expect(a).toBe(b);
    expect(first.fingerprint()).toBe(second.fingerprint());
    expect(first.events).toBeGreaterThan(50_000);
  });

  it('running in many small steps gives the same run as one call', () => {
    const whole = new Simulation(busyDocument(), { trace: true });
    const stepped = new Simulation(busyDocument(), { trace: true });
    for (let t = 0; t <= 20_000; t += 37.5) stepped.runUntil(t);
    expect(reportToJson(stepped.finish())).toBe(reportToJson(whole.finish()));
  });

  it('another seed gives a different run', () => {
    const a = new Simulation(busyDocument(), { trace: true });
    const b = new Simulation(busyDocument(), { seed: 2, trace: true });
    expect(reportToJson(a.finish())).not.toBe(reportToJson(b.finish()));
    expect(a.fingerprint()).not.toBe(b.fingerprint());
  });

  it('adding a node elsewhere does not change what existing nodes draw', () => {
    // The per-node streams are derived from (seed, node id): an unrelated client and app that
    // do not touch c → a leave that pair's run unchanged.
    const pair = (extra: boolean) =>
      makeDocument({
        durationS: 5,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 100 } },
          { id: 'a', kind: 'app' },
          ...(extra ? [{ id: 'c2', kind: 'client' }, { id: 'a2', kind: 'app' }] : []),
        ],
        links: [{ from: 'c', to: 'a' }, ...(extra ? [{ from: 'c2', to: 'a2' }] : [])],
      });
    const alone = new Simulation(pair(false)).finish();
    const withOthers = new Simulation(pair(true)).finish();
    expect(withOthers.nodes.a).toEqual(alone.nodes.a);
  });

  it('the reference topology is deterministic too', () => {
    const run = () => {
      const sim = new Simulation(referenceTopology({ rps: 20_000, clientLatencyMs: 5, durationS: 1 }), { trace: true });
      return [reportToJson(sim.finish()), sim.fingerprint()];
    };
    expect(run()).toEqual(run());
  });
});

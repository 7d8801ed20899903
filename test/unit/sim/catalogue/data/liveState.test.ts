import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import { NodeStateSampler } from '../../../../../shared/sim/session/nodeStates';
import { ROLE_PRIMARY, ROLE_REPLICA } from '../../../../../shared/sim/session/protocol';
import { loadDataFixture } from './loadFixture';

describe('what the live view shows of the data kinds', () => {
  it('roles follow a failover: the promoted replica shows as primary, the old primary comes back as a replica', () => {
    const doc = loadDataFixture('failover');
    const sim = new Simulation(doc);
    const sampler = new NodeStateSampler(sim, doc);
    const index = (id: string) => sim.world.nodeIds.indexOf(id);
    sim.runUntil(19_000);
    let state = sampler.sample();
    expect(state.role[index('primary')]).toBe(ROLE_PRIMARY);
    expect(state.role[index('r1')]).toBe(ROLE_REPLICA);
    sim.runUntil(31_000); // crash at 20 s, promotion at 22 s, the old primary back at 30 s
    state = sampler.sample();
    expect(state.role[index('r1')]).toBe(ROLE_PRIMARY);
    expect(state.role[index('primary')]).toBe(ROLE_REPLICA);
  });

  it("a queue's fill is its depth over its capacity", () => {
    const doc = loadDataFixture('publish');
    const sim = new Simulation(doc);
    const sampler = new NodeStateSampler(sim, doc);
    sim.runUntil(5_000); // full after ≈ 0.6 s (90 jobs/s more in than out, capacity 50)
    expect(sampler.sample().queueFill[sim.world.nodeIds.indexOf('jobs')]).toBe(1);
  });
});

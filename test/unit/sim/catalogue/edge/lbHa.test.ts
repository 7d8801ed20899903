import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import type { FaultlineDocument } from '../../../../../shared/model/types';
import type { LbModel } from '../../../../../shared/sim/nodes/lb';
import { loadEdgeFixture } from './loadFixture';
import { NodeStateSampler } from '../../../../../shared/sim/session/nodeStates';
import { NODE_DOWN, ROLE_ACTIVE, ROLE_PASSIVE } from '../../../../../shared/sim/session/protocol';

const HEARTBEAT_MS = 500;
const DEAD_AFTER = 3;

function crashAt(doc: FaultlineDocument, atS: number, extra: unknown[] = []): FaultlineDocument {
  return { ...doc, scenario: [{ atS, action: 'crash', target: 'lbA' }, ...(extra as FaultlineDocument['scenario'])] };
}

describe('lb ha: an active-passive pair (fixture lb-ha)', () => {
  const doc = loadEdgeFixture('lb-ha');

  it('the live view shows which half holds the address: the passive is ACTIVE once it has taken over, the active back when it returns', () => {
    const withReturn = crashAt(doc, 10.3, [{ atS: 16, action: 'restart', target: 'lbA' }]);
    const sim = new Simulation(withReturn);
    const sampler = new NodeStateSampler(sim, withReturn);
    const roles = () => {
      const state = sampler.sample();
      const a = sim.world.nodeIds.indexOf('lbA');
      const b = sim.world.nodeIds.indexOf('lbB');
      return { lbA: state.role[a], lbB: state.role[b], lbADown: state.nodeStatus[a] === NODE_DOWN };
    };
    sim.runUntil(10_000);
    expect(roles()).toEqual({ lbA: ROLE_ACTIVE, lbB: ROLE_PASSIVE, lbADown: false });
    // Dead, not yet noticed: the address is still the dead active's (the gap the lesson shows).
    sim.runUntil(10_600);
    expect(roles()).toEqual({ lbA: ROLE_ACTIVE, lbB: ROLE_PASSIVE, lbADown: true });
    // deadAfter missed heartbeats later (at most 3.5 × 500 ms): the passive holds it.
    sim.runUntil(10_300 + (DEAD_AFTER + 0.5) * HEARTBEAT_MS + 1);
    expect(roles()).toEqual({ lbA: ROLE_PASSIVE, lbB: ROLE_ACTIVE, lbADown: true });
    // The active returns at 16 s and, heard again, takes its address back (preemption).
    sim.runUntil(17_500);
    expect(roles()).toEqual({ lbA: ROLE_ACTIVE, lbB: ROLE_PASSIVE, lbADown: false });
  });

  it('the passive takes over after deadAfter missed heartbeats: the gap is about deadAfter × heartbeatMs', () => {
    // Constant arrivals at 1000/s: the requests lost equal the gap in milliseconds (± the one or
    // two in flight at the crash). The passive checks half a period after each heartbeat is due,
    // so the gap lies in (deadAfter − ½, deadAfter + ½] heartbeats, depending on when in the
    // heartbeat period the active dies; over evenly spread crash phases it averages deadAfter.
    const gaps: number[] = [];
    for (const phase of [0.05, 0.15, 0.25, 0.35, 0.45]) {
      const report = new Simulation(crashAt(doc, 10 + phase)).finish();
      const gapMs = report.requests.total - report.requests.ok;
      expect(report.requests.dropped).toBe(gapMs);
      expect(gapMs).toBeGreaterThan((DEAD_AFTER - 0.5) * HEARTBEAT_MS);
      expect(gapMs).toBeLessThanOrEqual((DEAD_AFTER + 0.5) * HEARTBEAT_MS + 2);
      expect(report.nodes.lbB.arrivals).toBeGreaterThan(8000); // everything after the takeover
      gaps.push(gapMs);
    }
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // Five phases spread over one period: the mean is deadAfter × heartbeatMs within ±10 %.
    expect(Math.abs(mean - DEAD_AFTER * HEARTBEAT_MS)).toBeLessThan(0.1 * DEAD_AFTER * HEARTBEAT_MS);
  });

  it('the fixture passes its check, and without ha the outage lasts until the end', () => {
    const report = new Simulation(doc).finish();
    expect(report.checks[0].pass).toBe(true);
    const alone = structuredClone(doc);
    alone.nodes.lbA.config = {};
    delete alone.links['lbA-lbB']; // without the pair that link would make lbB one of lbA's backends
    const single = new Simulation(alone).finish();
    // lbA down from 10.3 s to the end at 20 s: 9.7 s of requests lost.
    expect(single.requests.total - single.requests.ok).toBeGreaterThan(9600);
    expect(single.nodes.lbB.arrivals).toBe(0);
  });

  it('the active takes its address back when it returns (preemption)', () => {
    const sim = new Simulation(crashAt(doc, 5.3, [{ atS: 12, action: 'restart', target: 'lbA' }]));
    const lbA = sim.world.models[1] as LbModel;
    sim.runUntil(8000);
    expect(lbA.replacedByPeer).toBe(true);
    sim.runUntil(12_600); // the first heartbeat after the restart reaches lbB within ~0.5 ms
    expect(lbA.replacedByPeer).toBe(false);
    const report = sim.finish();
    // lbA served 0–5.3 s and 12–20 s; lbB the 6.7 s between takeover and return.
    expect(report.nodes.lbB.arrivals).toBeGreaterThan(5000);
    expect(report.nodes.lbB.arrivals).toBeLessThan(6000);
    expect(report.requests.total - report.requests.ok).toBeLessThan(2000);
  });

  it('cutting the heartbeat link is a split brain: the passive grabs the address of a live active', () => {
    const report = new Simulation({ ...doc, scenario: [{ atS: 5, action: 'cut', target: 'lbA-lbB' }] }).finish();
    expect(report.availability).toBe(1); // lbB serves everything sent to the address, lbA idles
    expect(report.nodes.lbB.arrivals).toBeGreaterThan(13_000); // from ≈ 6.5 s to 20 s
    expect(report.nodes.lbA.arrivals).toBeLessThan(7_000);
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../../shared/sim/simulation';
import { OP_DB_WRITE, OP_WRITE, OP_REPLICATE } from '../../../../../shared/sim/engine/codes';
import { makeDocument, type NodeSpec, type LinkSpec } from '../../helpers/documents';
import { InFlightVersions } from '../../../../../shared/sim/nodes/db/inFlightVersions';

/*
 * A db read returns the data as of when it starts executing in the db's FIFO, not as of when it
 * arrives: an apply (or write) queued ahead of it has ended by then; one running beside it on
 * another connection has not.
 */

/**
 * Writer w (50 rps: a write at t = 20j ms) and readers r1, r2 (100 rps each: reads at t = 10k),
 * one key, constant arrivals; every link 0.5 ms except r2 → app (2.5 ms); the app spends 1 ms.
 * `reader` (a replica, or a second primary in master-master) has one connection, reads 4 ms,
 * applies 1 ms, and gets the writes over a 20 ms replication link.
 */
function fifoDesign(readerIsPrimary: boolean): { nodes: NodeSpec[]; links: LinkSpec[] } {
  const client = (rps: number, writeRatio: number) => ({ rps, arrival: 'constant', writeRatio, keys: { count: 1 } });
  const db = { readMs: 4, writeMs: 1, applyMs: 1 };
  const nodes: NodeSpec[] = [
    { id: 'w', kind: 'client', config: client(50, 1) },
    { id: 'r1', kind: 'client', config: client(100, 0) },
    { id: 'r2', kind: 'client', config: client(100, 0) },
    { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 1 } },
    { id: 'p', kind: 'db', config: db },
    { id: 'reader', kind: 'db', config: { ...db, role: readerIsPrimary ? 'primary' : 'replica', connections: 1 } },
  ];
  const links: LinkSpec[] = [
    { from: 'w', to: 'app' },
    { from: 'r1', to: 'app' },
    { from: 'r2', to: 'app', latencyMs: 2.5 },
    { from: 'p', to: 'reader', kind: 'replication', latencyMs: 20 },
  ];
  if (readerIsPrimary) {
    // Master-master: writes go to p (first primary linked), reads to `reader` through a second app.
    nodes.push({ id: 'readApp', kind: 'app', config: { workers: 64, serviceMs: 1 } });
    links[1] = { from: 'r1', to: 'readApp' };
    links[2] = { from: 'r2', to: 'readApp', latencyMs: 2.5 };
    links.push({ from: 'app', to: 'p' }, { from: 'readApp', to: 'reader' }, { from: 'reader', to: 'p', kind: 'replication', latencyMs: 20 });
  } else {
    links.push({ from: 'app', to: 'p' }, { from: 'app', to: 'reader' });
  }
  return { nodes, links };
}

/*
 * Write j (sent at 20j) reaches p at 20j+2, commits at 20j+3; its ack reaches w at 20j+4 and its
 * copy reaches `reader` at 20j+23. r1's reads arrive 2 ms after being sent, r2's 4 ms after. In
 * the steady cycle (one connection, reads 4 ms, apply 1 ms):
 *   r1 sent 20j+20: arrives 22, runs [22, 26)   — the apply (arrived 23) is behind it
 *   apply j:        arrives 23, runs [26, 27)
 *   r2 sent 20j+20: arrives 24, runs [27, 31)   — after the apply: sees write j
 *   r1 sent 20j+30: arrives 32, runs [32, 36);  r2 sent 20j+30: arrives 34, runs [36, 40)
 * A read is stale if it misses a write acknowledged before it was sent: at 20j+20 that is write j
 * (acked at 20j+4) — r1 misses it (it ends at 27), r2 sees it; at 20j+30 it is write j+1 (acked
 * 20j+24, applied 20j+47) — both miss it. So 3 of every 4 reads are stale: 0.75 × 2000 = 1500,
 * less one: r1's first read (sent at 0) has nothing acknowledged before it (r2's first is fresh
 * anyway, and reads sent at 10 are stale like every later one). Expected 1499.
 * Judged at arrival instead, r2's read at 20j+20 (arriving at 24, before the apply ended) would be
 * stale too: 2000 − 2 = 1998.
 */
const EXPECTED_STALE = 0.75 * 2000 - 1;

describe('db reads see the data as of when they start, not when they arrive', () => {
  it('a replica read queued behind an apply of its key sees that apply', () => {
    const report = new Simulation(makeDocument({ ...fifoDesign(false), durationS: 10 })).finish();
    expect(report.consistency.reads).toBe(2000);
    expect(report.consistency.staleReads).toBe(EXPECTED_STALE);
  });

  it('so does a master-master primary read queued behind a replicated write', () => {
    const report = new Simulation(makeDocument({ ...fifoDesign(true), durationS: 10 })).finish();
    expect(report.consistency.reads).toBe(2000);
    expect(report.consistency.staleReads).toBe(EXPECTED_STALE);
  });

  /*
   * A primary's own write: w writes at t = 100j, r reads at the same times over a link 1 ms
   * longer. The write reaches p at t+2 and runs [t+2, t+7); the read reaches p at t+3. With two
   * connections it runs [t+3, t+4), beside the write, and returns the version before it (j, with
   * versions 1, 2, … in write order); with one it waits and runs [t+7, t+8), and returns write j's
   * (j+1). Neither is stale (the write is acknowledged after the read was sent), but the version
   * served is what a cache-aside fill stores.
   */
  it.each([
    [2, 0],
    [1, 1],
  ])('a primary read beside (connections %i) or behind a write of its key sees it only once the write ended', (connections, offset) => {
    const doc = makeDocument({
      durationS: 1,
      nodes: [
        { id: 'w', kind: 'client', config: { rps: 10, arrival: 'constant', writeRatio: 1, keys: { count: 1 } } },
        { id: 'r', kind: 'client', config: { rps: 10, arrival: 'constant', writeRatio: 0, keys: { count: 1 } } },
        { id: 'app', kind: 'app', config: { serviceMs: 1 } },
        { id: 'p', kind: 'db', config: { connections, readMs: 1, writeMs: 5 } },
      ],
      links: [
        { from: 'w', to: 'app' },
        { from: 'r', to: 'app', latencyMs: 1.5 },
        { from: 'app', to: 'p' },
      ],
    });
    const sim = new Simulation(doc);
    const world = sim.world;
    const p = world.nodeIds.indexOf('p');
    const readVersions: number[] = [];
    const send = world.sendResponse.bind(world);
    world.sendResponse = (call, status, afterMs) => {
      const op = world.calls.op[call];
      if (world.links.to[world.calls.link[call]] === p && op !== OP_DB_WRITE && op !== OP_WRITE && op !== OP_REPLICATE) readVersions.push(world.callData.versionOf(call));
      send(call, status, afterMs);
    };
    const report = sim.finish();
    expect(report.consistency.staleReads).toBe(0);
    expect(readVersions).toEqual(Array.from({ length: 10 }, (_, j) => j + offset));
  });
});

describe('InFlightVersions', () => {
  it('an apply whose call died (a crash) is never seen; one that ended is left to the store', () => {
    const calls = { gen: new Int32Array(4) };
    const v = new InFlightVersions(calls);
    v.addApply(7, 5, 10, 1, 0);
    expect(v.versionAt(7, 10, 0, 3)).toBe(5);
    expect(v.versionAt(7, 9.5, 0, 3)).toBe(3);
    calls.gen[1]++; // the replica crashed: the apply never happens
    expect(v.versionAt(7, 10, 1, 3)).toBe(3);
  });

  it('a write is hidden until it ends, then reads fall back to the store', () => {
    const v = new InFlightVersions({ gen: new Int32Array(4) });
    v.addWrite(2, 8, 10, 4, 0); // store held 4, now holds 8
    v.addWrite(2, 9, 6, 8, 1); // a later write on another connection ends first
    expect(v.versionAt(2, 5, 1, 9)).toBe(4);
    expect(v.versionAt(2, 6, 1, 9)).toBe(9);
    expect(v.versionAt(2, 10, 1, 9)).toBe(9);
    expect(v.versionAt(2, 7, 7, 9)).toBe(9); // the write ending at 6 joined the floor
  });

  it('holds at most about twice what is in flight, however many keys pass through', () => {
    const v = new InFlightVersions({ gen: new Int32Array(4) });
    for (let i = 0; i < 100_000; i++) v.addWrite(i, i + 1, i + 5, 0, i); // 5 in flight at a time
    expect((v as unknown as { used: number }).used).toBeLessThanOrEqual(64);
  });
});

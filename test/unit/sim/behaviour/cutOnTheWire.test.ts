import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import type { Report } from '../../../../shared/sim/report';
import type { DbModel } from '../../../../shared/sim/nodes/db';
import { makeDocument } from '../helpers/documents';
import { finishCheckingBooks } from '../helpers/books';
import { STATE_REQUEST_HELD } from '../../../../shared/sim/engine/codes';
import { collectPackets } from '../../../../shared/sim/session/packets';
import { PACKET_FLOATS } from '../../../../shared/sim/session/protocol';

/*
 * DESIGN §3: "A cut link or a partition drops everything that would cross it." A message is lost
 * if its link is cut (or a partition separates its ends) at any moment from when it leaves its
 * sender until it arrives; a message a sender hands over with a processing delay leaves when that
 * delay is over, and is judged then (World.transmit).
 *
 * The runs are constant-rate: the client sends one request every 10 ms, at 0, 10, 20, … ms.
 */

const dropped = (sim: Simulation, linkId: string): number => sim.world.links.dropped[sim.world.links.ids.indexOf(linkId)];
const failedBySecond = (report: Report): number[] => report.timeline.map((row) => row.failed);

describe('a 75 ms link cut for 50 ms loses what is on it at the cut', () => {
  // client → app over one 75 ms link; the app answers after 1 ms. A request sent at s reaches the
  // app at s + 75, its answer leaves at s + 76 and is home at s + 151. The link is cut at
  // T = 2002.5 ms and restored at T + 50 ms.
  //  - requests on the wire at T: sent at 1930 … 2000 ms (8);
  //  - answers on the wire at T: of the requests sent at 1860 … 1920 ms (7);
  //  - requests handed over during the cut: sent at 2010 … 2050 ms (5).
  // 20 requests lost, every one of them seen by the client as dropped. Before messages on the wire
  // were lost with the link, only the 5 cut off at hand-over and the answers of the requests sent
  // at 1930 … 1970 ms (handed back to the still-cut link) were: 10, and the requests sent at 1980 …
  // 2000 ms and the 7 answers on the way came through.
  const run = (fault: 'cut' | 'partition') => {
    const scenario =
      fault === 'cut'
        ? [
            { atS: 2.0025, action: 'cut', target: 'ca' },
            { atS: 2.0525, action: 'restore', target: 'ca' },
          ]
        : [
            { atS: 2.0025, action: 'partition', groups: [['c'], ['a']] },
            { atS: 2.0525, action: 'heal' },
          ];
    return new Simulation(
      makeDocument({
        durationS: 4,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 1000 } },
          { id: 'a', kind: 'app', config: { workers: 1000, serviceMs: 1 } },
        ],
        links: [{ id: 'ca', from: 'c', to: 'a', latencyMs: 75 }],
        scenario,
      }),
    );
  };

  for (const fault of ['cut', 'partition'] as const) {
    it(`${fault}: the 15 messages on the wire are lost, and the 5 requests sent during it`, () => {
      const sim = run(fault);
      const report = finishCheckingBooks(sim, [2002, 2003, 2060, 3000]);
      expect(report.requests.dropped).toBe(20);
      expect(report.requests.ok).toBe(report.requests.total - 20);
      expect(report.requests.timeout + report.requests.error + report.requests.rejected).toBe(0);
      expect(dropped(sim, 'ca')).toBe(20);
      // Sent in second 1: 1860 … 1990 ms (14); in second 2: 2000 … 2050 ms (6).
      expect(failedBySecond(report)).toEqual([0, 14, 6, 0]);
      // The app never saw the 8 requests on the wire nor the 5 sent during the cut.
      expect(report.nodes.a.arrivals).toBe(report.requests.total - 13);
    });
  }

  it('a message that left just before the cut and arrives just after it is lost; one that arrived at the cut is not', () => {
    // The answer to the request of 1850 ms arrives at 2001 ms (before the cut): ok. The request
    // of 2000 ms left at 2000 ms: lost.
    const sim = run('cut');
    sim.runUntil(2002);
    expect(sim.world.calls.live).toBe(15);
    sim.runUntil(2003);
    expect(sim.world.calls.live).toBe(0);
    expect(dropped(sim, 'ca')).toBe(15);
  });
});

describe('a message sent after a processing delay is judged when it leaves', () => {
  // client → app (0.5 ms) → db (1 ms). The app's service takes 100 ms and its db read leaves when
  // it ends: a request sent at s is handed to the app → db link at s + 0.5 and leaves at s + 100.5.
  // The app → db link is cut at T = 2006.25 ms (nothing is on its wire then) for 30 ms.
  //  - handed over before the cut, leaving during it (at 2010.5, 2020.5, 2030.5 ms: requests of
  //    1910, 1920, 1930 ms): lost when they leave, the link being cut then; those leaving after
  //    the restore (requests of 1940 … 2000 ms) go through;
  //  - handed over during the cut (at 2010.5, 2020.5, 2030.5 ms: requests of 2010, 2020, 2030 ms),
  //    leaving after the restore (at 2110.5 ms and later): they go through.
  // Judged at hand-over instead, the first three would get through and the last three be lost.
  const run = (fault: 'cut' | 'partition') => {
    const scenario =
      fault === 'cut'
        ? [
            { atS: 2.00625, action: 'cut', target: 'ad' },
            { atS: 2.03625, action: 'restore', target: 'ad' },
          ]
        : [
            { atS: 2.00625, action: 'partition', groups: [['a'], ['d']] },
            { atS: 2.03625, action: 'heal' },
          ];
    return new Simulation(
      makeDocument({
        durationS: 4,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', timeoutMs: 1000, writeRatio: 0 } },
          { id: 'a', kind: 'app', config: { workers: 1000, serviceMs: 100, downstreamTimeoutMs: 2000 } },
          { id: 'd', kind: 'db', config: { readMs: 1, connections: 1000 } },
        ],
        links: [
          { id: 'ca', from: 'c', to: 'a' },
          { id: 'ad', from: 'a', to: 'd', latencyMs: 1 },
        ],
        scenario,
      }),
    );
  };

  for (const fault of ['cut', 'partition'] as const) {
    it(`${fault}: lost if the link is cut when it leaves, sent if it was restored by then`, () => {
      const sim = run(fault);
      const report = finishCheckingBooks(sim, [2006, 2007, 2031, 2040, 2200]);
      expect(report.requests.dropped).toBe(3);
      expect(report.requests.ok).toBe(report.requests.total - 3);
      expect(dropped(sim, 'ad')).toBe(3);
      // The three lost requests were sent in second 1 (1910 … 1930 ms); second 2 is whole.
      expect(failedBySecond(report)).toEqual([0, 3, 0, 0]);
      expect(report.nodes.d.arrivals).toBe(report.requests.total - 3);
    });
  }

  it('a held message is not drawn on the wire before it leaves, and a crash of its sender withdraws it', () => {
    const sim = run('cut');
    sim.runUntil(2020);
    const calls = sim.world.calls;
    const ad = sim.world.links.ids.indexOf('ad');
    const held = () => {
      let count = 0;
      for (let c = 0; c < calls.highWater; c++) if (calls.state[c] === STATE_REQUEST_HELD) count++;
      return count;
    };
    // Held at the app, none of them on the wire: the requests of 1920 … 2000 ms (9: handed over
    // before the cut, caught by it while waiting to leave; the one of 1910 ms left into the cut
    // and was lost) and of 2010 ms (handed to the cut link at 2010.5 ms).
    expect(held()).toBe(10);
    const { packets, count } = collectPackets(calls, sim.now);
    for (let i = 0; i < count; i++) expect(packets[i * PACKET_FLOATS]).not.toBe(ad);
    // The app crashes: no message leaves a crashed node, held or not.
    sim.world.crashNode(sim.world.nodeIds.indexOf('a'));
    expect(held()).toBe(0);
    const report = sim.finish();
    expect(dropped(sim, 'ad')).toBe(1); // only the request of 1910 ms, which left at 2010.5 ms into the cut
    expect(report.requests.ok + report.requests.dropped).toBe(report.requests.total);
  });
});

describe('a replication copy on the wire when its link is cut is lost and sent again', () => {
  // client → app → p (primary), p → r over a 75 ms async replication link; only writes, 100/s, to
  // distinct keys. The replication link is cut at 10.0025 s for 200 ms. The copies of the writes
  // committed in the 75 ms before the cut are on the wire (7 or 8 of them, depending on where the
  // commits fall); the 20 committed during the cut are lost at hand-over. The primary sends all of
  // them again (its backlog) once the link is back, so r ends with every key it has in a run
  // without the cut (the last ~75 ms of copies are still on their way when the run ends).
  const run = (cut: boolean) =>
    new Simulation(
      makeDocument({
        durationS: 15,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', writeRatio: 1, keys: { count: 1_000_000 } } },
          { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 1 } },
          { id: 'p', kind: 'db', config: { readMs: 1, writeMs: 1, applyMs: 1 } },
          { id: 'r', kind: 'db', config: { role: 'replica', readMs: 1, writeMs: 1, applyMs: 1 } },
        ],
        links: [
          { from: 'c', to: 'app' },
          { from: 'app', to: 'p' },
          { id: 'rep', from: 'p', to: 'r', latencyMs: 75, kind: 'replication' },
        ],
        scenario: cut
          ? [
              { atS: 10.0025, action: 'cut', target: 'rep' },
              { atS: 10.2025, action: 'restore', target: 'rep' },
            ]
          : [],
      }),
    );
  const sim = run(true);
  const receivedAt = (ms: number) => {
    sim.runUntil(ms);
    return (sim.world.models[sim.world.nodeIds.indexOf('r')] as DbModel).received.size;
  };
  const beforeCut = receivedAt(10_002);
  const afterCut = receivedAt(10_200);
  const report = sim.finish();

  it('the copies on the wire at the cut are lost with it, and the primary sends them again', () => {
    // Nothing arrives at r during the cut: the 7–8 copies on their way are gone with the link.
    expect(afterCut).toBe(beforeCut);
    // 20 copies handed to the cut link + the 7 or 8 on it.
    const lost = dropped(sim, 'rep');
    expect(lost).toBeGreaterThanOrEqual(27);
    expect(lost).toBeLessThanOrEqual(28);
    // Sent again once the link is back: the replica ends with every write.
    const reference = run(false).finish();
    expect(report.nodes.r.keys).toBe(reference.nodes.r.keys);
    expect(report.nodes.p.keys).toBe(reference.nodes.p.keys);
    expect(report.requests.ok).toBe(report.requests.total);
  });
});

describe('a sync replica acknowledgement on the wire when its link is cut is lost and sent again', () => {
  // As above with sync replication and a 50 ms cut: a write waits for the replica's
  // acknowledgement. One every 10 ms, 75 ms each way (plus 1 ms to apply) puts 8 copies and 7
  // acknowledgements on the link at the cut, and 5 copies are handed to it during the cut: 20
  // messages lost. The primary sends its copies again and the replica its acknowledgements (after
  // a second each): every write is acknowledged, later, and none is lost.
  it('every write still succeeds, about a second late', () => {
    const sim = new Simulation(
      makeDocument({
        durationS: 15,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 100, arrival: 'constant', writeRatio: 1, timeoutMs: 5000, keys: { count: 1_000_000 } } },
          { id: 'app', kind: 'app', config: { workers: 64, serviceMs: 1, downstreamTimeoutMs: 5000 } },
          { id: 'p', kind: 'db', config: { readMs: 1, writeMs: 1, applyMs: 1, replication: 'sync' } },
          { id: 'r', kind: 'db', config: { role: 'replica', readMs: 1, writeMs: 1, applyMs: 1 } },
        ],
        links: [
          { from: 'c', to: 'app' },
          { from: 'app', to: 'p' },
          { id: 'rep', from: 'p', to: 'r', latencyMs: 75, kind: 'replication' },
        ],
        scenario: [
          { atS: 10.0025, action: 'cut', target: 'rep' },
          { atS: 10.0525, action: 'restore', target: 'rep' },
        ],
      }),
    );
    const report = finishCheckingBooks(sim, [10_002, 10_003, 10_100, 11_000, 12_000]);
    expect(dropped(sim, 'rep')).toBe(20);
    expect(report.requests.ok).toBe(report.requests.total);
    expect(report.consistency.lostWrites).toBe(0);
    expect(report.nodes.r.keys).toBe(report.nodes.p.keys);
    // Undisturbed, a write takes 155 ms; those whose copy or acknowledgement was lost waited about
    // a second more for it to be sent again.
    expect(report.latencyMs.p50).toBe(155);
    expect(report.latencyMs.max!).toBeGreaterThan(1100);
    expect(sim.world.calls.live).toBe(0);
  });
});

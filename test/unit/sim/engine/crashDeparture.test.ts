import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * A crash loses the messages a node was still processing ("sent after" its service time), not
 * the ones already on the wire. Send times are kept in the call table as float32 offsets from an
 * epoch (CallTable.setTimes); an hour into a run the epoch is 3 538 944 ms and the float32 step
 * at the offset is 1/256 ms, so a response that left at 3 600 000.2015 ms is stored as
 * 3 600 000.203125. A crash at 3 600 000.2025 must still see it as gone.
 */
describe('a crash right after a response left', () => {
  it('does not lose the response (float32 send times round up)', () => {
    const sim = new Simulation(
      makeDocument({
        durationS: 3601,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 1, arrival: 'constant' } },
          { id: 'a', kind: 'app', config: { serviceMs: 0.1015 } },
        ],
        links: [{ from: 'c', to: 'a', latencyMs: 0.1 }],
        scenario: [{ atS: 3600.0002025, action: 'crash', target: 'a' }],
      }),
    );
    sim.runUntil(3_600_000.19);
    expect(sim.world.calls.live).toBe(1); // the request of 3 600 000 ms, in service until .2015
    const report = sim.finish();
    const lastSecond = report.timeline.find((row) => row.t === 3600)!;
    expect(lastSecond.sent).toBe(1);
    expect(lastSecond.ok).toBe(1);
    expect(report.requests.dropped).toBe(0);
  });
});

describe('a crash after another crash withdrew a message to the crashed node', () => {
  it('does not free the withdrawn call again', () => {
    // One request a second; the app's db read leaves 100 ms after the request arrives. The app
    // crashes 10 ms into that wait (the read never leaves; its call is freed with its send time
    // still ahead), then the db crashes: the free slot is not the db's to lose.
    const sim = new Simulation(
      makeDocument({
        durationS: 5,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 1, arrival: 'constant', writeRatio: 0 } },
          { id: 'a', kind: 'app', config: { serviceMs: 100 } },
          { id: 'd', kind: 'db', config: { readMs: 1 } },
        ],
        links: [
          { from: 'c', to: 'a' },
          { from: 'a', to: 'd' },
        ],
        scenario: [
          { atS: 1.01, action: 'crash', target: 'a' },
          { atS: 1.02, action: 'crash', target: 'd' },
        ],
      }),
    );
    sim.runUntil(1015);
    expect(sim.world.calls.live).toBe(0);
    sim.runUntil(1025);
    expect(sim.world.calls.live).toBe(0);
    const report = sim.finish();
    expect(report.requests.ok + report.requests.dropped).toBe(report.requests.total);
    expect(sim.world.calls.live).toBe(0);
  });
});

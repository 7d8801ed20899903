import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HA_ADDRESS } from '../../../shared/sim/session/protocol';
import { createHarness } from './harness';

/*
 * lb-ha.faultline: lbA (active, heartbeats every 500 ms, dead after 3 missed) and its standby
 * lbB; lbA crashes at 10.3 s. The standby's takeover belongs in the event log, as a database
 * failover does: it is the moment service comes back.
 */
const fixture = readFileSync(new URL('../../fixtures/sim/edge/lb-ha.faultline', import.meta.url), 'utf8');

describe('the event log of an lb HA pair', () => {
  it('shows the standby taking over the address about deadAfter × heartbeatMs after the active died, and the active taking it back', () => {
    const h = createHarness();
    const restarted = JSON.parse(fixture) as { scenario: unknown[] };
    restarted.scenario.push({ atS: 15, action: 'restart', target: 'lbA' });
    h.session.handle({ type: 'load', documentText: JSON.stringify(restarted) });
    h.session.handle({ type: 'seek', timeMs: 20_000 });
    h.scheduler.drain();
    const moves = h.frames().flatMap((frame) => frame.log.filter((entry) => entry.action === HA_ADDRESS));
    expect(moves.map((entry) => [entry.target, entry.from])).toEqual([
      ['lbB', 'lbA'],
      ['lbA', 'lbA'],
    ]);
    // Between (deadAfter − ½) and (deadAfter + ½) heartbeats after the crash (see HaPair).
    expect(moves[0].timeMs - 10_300).toBeGreaterThanOrEqual(1_250);
    expect(moves[0].timeMs - 10_300).toBeLessThanOrEqual(1_750);
    // Back within a heartbeat of the restart: the first heartbeat the standby hears.
    expect(moves[1].timeMs).toBeGreaterThanOrEqual(15_000);
    expect(moves[1].timeMs).toBeLessThanOrEqual(15_500 + 1);
  });
});

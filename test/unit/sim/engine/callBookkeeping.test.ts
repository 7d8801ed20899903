// The call table, its payload pool and the request table keep their own live counts and free
// lists. A slot freed twice, or a payload its call did not give back, would corrupt them without
// failing any one scenario at once — so every data-tier fixture and every lesson is run here, and
// the counts are compared with the tables' contents every simulated second.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../../shared/model/load';
import { STATE_FREE } from '../../../../shared/sim/engine/codes';
import { REQ_LIVE } from '../../../../shared/sim/engine/requestTable';
import { Simulation } from '../../../../shared/sim/simulation';

const folders = ['../../../fixtures/sim/data/', '../../../fixtures/sim/edge/', '../../../../shared/examples/lessons/'].map((path) => new URL(path, import.meta.url));
const files = folders.flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.faultline')).map((name) => new URL(name, folder)));

function tableCounts(sim: Simulation): { calls: number; payloads: number; requests: number } {
  const { calls, requests } = sim.world;
  let liveCalls = 0;
  let payloads = 0;
  for (let c = 0; c < calls.highWater; c++) {
    if (calls.state[c] === STATE_FREE) continue;
    liveCalls++;
    if (calls.payloadOf(c) >= 0) payloads++;
  }
  let liveRequests = 0;
  for (let r = 0; r < requests.highWater; r++) if ((requests.flags[r] & REQ_LIVE) !== 0) liveRequests++;
  return { calls: liveCalls, payloads, requests: liveRequests };
}

let payloadsSeen = 0;

describe('call and request bookkeeping', () => {
  it.each(files.map((url) => [url.pathname.split('/').slice(-2).join('/'), url] as const))('%s: live counts match the tables every second', (_name, url) => {
    const loaded = loadDocument(readFileSync(url, 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const sim = new Simulation(loaded.document);
    const { calls, requests } = sim.world;
    for (let second = 1; second <= loaded.document.durationS; second++) {
      sim.runUntil(second * 1000);
      const counted = tableCounts(sim);
      expect({ calls: calls.live, payloads: calls.payloads.live, requests: requests.live }, `at ${second} s`).toEqual(counted);
      expect(requests.live).toBe(sim.world.inFlight);
      payloadsSeen += counted.payloads;
    }
    sim.finish();
  });

  it('saw calls with payloads (replication, deliveries, flushes) in those runs', () => {
    expect(payloadsSeen).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { LINK_RATE_FLOATS, LINK_RATE_MEMORY_MS, LinkRates } from '../../../shared/sim/session/linkRates';
import type { LinkTable } from '../../../shared/sim/network/linkTable';
import { Simulation } from '../../../shared/sim/simulation';
import { lessonDocument } from '../lessons/helpers';
import { collectPackets } from '../../../shared/sim/session/packets';
import { PACKET_FLOATS } from '../../../shared/sim/session/protocol';

/** The counters LinkRates reads, for one link. */
function counters(): LinkTable {
  return { count: 1, requestsSent: new Float64Array(1), answersSent: new Float64Array(1), failedAnswersSent: new Float64Array(1) } as unknown as LinkTable;
}

describe('LinkRates (the flow dashes\' throughput)', () => {
  it('reads a steady stream as its rate, frame by frame, and a long jump as the jump\'s mean rate', () => {
    const links = counters();
    const rates = new LinkRates(1);
    expect(Array.from(rates.sample(links, 0))).toEqual([0, 0, 0]);
    // 100 requests/s, 60 frames/s at 1×: ten times the memory later the average has settled.
    let now = 0;
    while (now < 10 * LINK_RATE_MEMORY_MS) {
      now += 1000 / 60;
      links.requestsSent[0] = Math.floor(now / 10);
      rates.sample(links, now);
    }
    expect(rates.sample(links, now)[0]).toBeGreaterThan(98);
    expect(rates.sample(links, now)[0]).toBeLessThan(102);
    // A seek forward of 20 s that carried 1,000 answers, 250 of them failed: that interval's rates.
    links.answersSent[0] += 1000;
    links.failedAnswersSent[0] += 250;
    links.requestsSent[0] += 1000;
    const jumped = rates.sample(links, now + 20_000);
    expect(jumped[1]).toBeCloseTo(50, 3);
    expect(jumped[2]).toBeCloseTo(12.5, 3);
    expect(jumped[0]).toBeCloseTo(50, 3);
  });

  it('keeps its figures through frames with no simulated time passing (paused)', () => {
    const links = counters();
    const rates = new LinkRates(1);
    rates.sample(links, 0);
    links.requestsSent[0] = 40;
    const playing = Array.from(rates.sample(links, 1000));
    expect(Array.from(rates.sample(links, 1000))).toEqual(playing);
    expect(Array.from(rates.sample(links, 1000))).toEqual(playing);
  });

  it('shows lesson 1\'s three app servers the same steady third of the traffic in every frame, where counting the packets on a 0.5 ms hop blinked', () => {
    const document = lessonDocument('load-balancing-and-health-checks');
    const sim = new Simulation(document);
    const ids = sim.world.links.ids;
    const toApps = ['lb-app1', 'lb-app2', 'lb-app3'].map((id) => ids.indexOf(id));
    const rates = new LinkRates(ids.length);
    const perFrame: number[][] = [];
    let framesWithNothingOnTheWire = 0;
    // 1× for the first 9 s (app2 crashes at 10 s), 60 frames a second, once the average has settled.
    for (let now = 0; now <= 9000; now += 1000 / 60) {
      sim.runUntil(now);
      const sample = rates.sample(sim.world.links, now);
      if (now < 2000) continue;
      perFrame.push(toApps.map((link) => sample[link * LINK_RATE_FLOATS]));
      const { packets, count } = collectPackets(sim.world.calls, now);
      let onTheWire = false;
      for (let p = 0; p < count; p++) if (toApps.includes(packets[p * PACKET_FLOATS])) onTheWire = true;
      if (!onTheWire) framesWithNothingOnTheWire++;
    }
    // The old dashes went by what was on the wire at the frame's instant: mostly nothing.
    expect(framesWithNothingOnTheWire / perFrame.length).toBeGreaterThan(0.5);
    // 300 requests/s round-robin: 100/s each (health probes add 1/s). With a 0.5 s memory the
    // average of ~50 arrivals is within ±3 SD (1/√(2·100·0.5) = 10 %) of 100 in every frame.
    for (const frame of perFrame) {
      for (const rate of frame) {
        expect(rate).toBeGreaterThan(70);
        expect(rate).toBeLessThan(135);
      }
    }
  });
});

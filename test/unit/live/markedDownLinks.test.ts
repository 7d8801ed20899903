import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { Simulation } from '../../../shared/sim/simulation';
import { markedDownLinks } from '../../../shared/sim/session/markedDownLinks';

function classicStack() {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return loaded.document;
}

describe('markedDownLinks', () => {
  it('marks the lb → app2 link down once health checks notice the crash at 20 s, and clears it after the restart at 40 s', () => {
    const document = classicStack();
    const linkIds = Object.keys(document.links);
    const lbToApp2 = linkIds.indexOf('lb-app2');
    const sim = new Simulation(document);
    sim.runUntil(19_900);
    expect(Array.from(markedDownLinks(sim.world))).toEqual(linkIds.map(() => 0));
    // Default checks: every 1000 ms, 500 ms timeout, down after 3 failures ⇒ marked by 20 + 3 + 0.5 s at the latest.
    sim.runUntil(23_600);
    const marks = markedDownLinks(sim.world);
    expect(marks[lbToApp2]).toBe(1);
    expect(marks.reduce((sum, mark) => sum + mark, 0)).toBe(1);
    // Restart at 40 s, up after 2 good probes ⇒ clear by 42 s plus one round trip.
    sim.runUntil(42_500);
    expect(markedDownLinks(sim.world)[lbToApp2]).toBe(0);
  });
});

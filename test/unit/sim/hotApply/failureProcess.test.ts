import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

/*
 * `mtbfS` / `mttrS` edited while a random crash has the node down: the outage in progress still
 * ends — after a repair time drawn at the new mean (repairs are exponential, so what is left of one
 * is as long as a whole one) — instead of waiting for a repair the edit cancelled.
 */
describe('a set event changing mtbfS / mttrS while a random crash has the node down', () => {
  for (const [config, patch] of [
    [{ mtbfS: 20, mttrS: 2 }, { mttrS: 1 }],
    [{ mtbfS: 20, mttrS: 2 }, { mtbfS: 50 }],
    // No mttrS: random crashes were permanent; the edit gives the outage a repair.
    [{ mtbfS: 20 }, { mttrS: 1 }],
  ]) {
    it(`${JSON.stringify(config)} then ${JSON.stringify(patch)}: the node comes back`, () => {
      const doc = makeDocument({
        durationS: 400,
        nodes: [
          { id: 'c', kind: 'client', config: { rps: 10 } },
          { id: 'app', kind: 'app', config },
        ],
        links: [{ from: 'c', to: 'app' }],
      });
      const sim = new Simulation(doc);
      const app = sim.world.nodeIds.indexOf('app');
      let t = 0;
      while (sim.world.up[app] === 1) sim.runUntil((t += 10));
      sim.setNodeConfig('app', patch);
      const downS = sim.finish().nodes.app.downS;
      // Down about mttr / (mtbf + mttr) of the time (≤ 1/11 with these figures: ~35 s of 400, a sum
      // of dozens of exponential repairs); an outage the edit never ends is down from ~12 s to the end.
      expect(downS).toBeLessThan(200);
    });
  }
});

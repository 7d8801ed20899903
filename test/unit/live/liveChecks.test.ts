import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../shared/model/load';
import { Simulation } from '../../../shared/sim/simulation';
import { LiveChecks } from '../../../shared/sim/session/liveChecks';
import { recentHitRatios } from '../../../shared/sim/session/hitRatios';
import { metricRows } from '../../../shared/sim/session/metricRows';
import { METRIC_ROW_FLOATS } from '../../../shared/sim/session/protocol';

function classicStack() {
  const loaded = loadDocument(readFileSync(new URL('../../../shared/examples/classic-web-stack.faultline', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the default sandbox does not load');
  return loaded.document;
}

describe('LiveChecks', () => {
  it('measures availability over settled seconds, agreeing with the metric rows, and shows the crash', () => {
    const document = classicStack();
    const availability = document.checks.findIndex((check) => check.metric === 'availability');
    const sim = new Simulation(document);
    const live = new LiveChecks(sim, document);
    expect(Number.isNaN(live.sample().checkActual[availability])).toBe(true);

    sim.runUntil(19_000);
    const before = live.sample();
    // Nothing has failed before the crash at 20 s.
    expect(before.checkActual[availability]).toBe(1);
    expect(before.checkPass[availability]).toBe(1);

    sim.runUntil(30_000);
    const after = live.sample();
    const settled = Math.floor((sim.now - sim.world.maxRequestLifetimeMs) / 1000);
    const rows = metricRows(sim.world.metrics, 0, settled);
    let sent = 0;
    let ok = 0;
    for (let o = 0; o < rows.length; o += METRIC_ROW_FLOATS) {
      sent += rows[o + 1];
      ok += rows[o + 2];
    }
    expect(after.checkActual[availability]).toBeCloseTo(ok / sent, 12);
    // app2 takes a third of the lb's traffic for ~3 s before it is marked down: some requests fail.
    expect(after.checkActual[availability]).toBeLessThan(1);
  });

  it('splits each metric row\'s failures by outcome; finished failures never exceed sent − ok', () => {
    const document = classicStack();
    const sim = new Simulation(document);
    sim.runUntil(30_000);
    const rows = metricRows(sim.world.metrics, 0, 25);
    let failedAfterCrash = 0;
    for (let o = 0; o < rows.length; o += METRIC_ROW_FLOATS) {
      const [, sent, ok, failed, , , , error, timeout, rejected, dropped] = rows.subarray(o, o + METRIC_ROW_FLOATS);
      expect(failed).toBe(sent - ok);
      expect(error + timeout + rejected + dropped).toBeLessThanOrEqual(failed);
      if (rows[o] >= 20) failedAfterCrash += error + timeout + rejected + dropped;
    }
    expect(failedAfterCrash).toBeGreaterThan(0);
  });
});

describe('recentHitRatios', () => {
  it('reports the cache and CDN hit ratios of the last two seconds and NaN for other kinds', () => {
    const document = classicStack();
    const sim = new Simulation(document);
    sim.runUntil(10_500);
    const ratios = recentHitRatios(sim);
    const ids = sim.world.nodeIds;
    for (const kind of ['cache', 'cdn']) {
      const i = ids.indexOf(kind);
      const expected = sim.world.models[i].hitRatioIn!(9, 11)!;
      expect(ratios[i]).toBeCloseTo(expected, 6);
      expect(ratios[i]).toBeGreaterThan(0);
    }
    expect(Number.isNaN(ratios[ids.indexOf('app1')])).toBe(true);
  });
});

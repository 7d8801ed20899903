import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../../../shared/model/load';
import { Simulation } from '../../../../shared/sim/simulation';

describe('fixture: layered web service with a failing app server', () => {
  it('loads, runs, and shows the crash in the numbers', () => {
    const loaded = loadDocument(readFileSync(new URL('../../../fixtures/sim/layered.faultline', import.meta.url), 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const report = new Simulation(loaded.document).finish();
    expect(report.requests.total).toBeGreaterThan(14_000);
    expect(report.nodes.app1.downS).toBeCloseTo(10, 3);
    // least-connections + one retry mask the dead server almost completely
    expect(report.availability!).toBeGreaterThan(0.99);
    expect(report.checks.every((check) => check.pass)).toBe(true);
    expect(report.latencyMs.p50!).toBeGreaterThan(80); // two 40 ms internet hops
  });
});

import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../../shared/sim/simulation';
import { makeDocument } from '../helpers/documents';

function run(rps: number, durationS: number, scenario: unknown[] = []) {
  return new Simulation(
    makeDocument({
      durationS,
      nodes: [
        { id: 'users', kind: 'client', config: { rps, arrival: 'constant' } },
        { id: 'app', kind: 'app', config: { serviceMs: 0.1, workers: 100 } },
      ],
      links: [{ from: 'users', to: 'app', latencyMs: 0 }],
      scenario,
    }),
  ).finish();
}

/*
 * Constant arrivals start at once and come every 1000/rps ms: exactly rps × duration requests,
 * rps in every second. A gap like 1000/3 or 1000/333 ms is not a binary fraction; adding it up
 * arrival after arrival drifts below the true times (333 gaps of 1000/333 ms end just short of
 * 1000 ms), so an arrival due on a second boundary fell in the second before: one request too
 * many at the end of the run and rows of rps ± 1 (rps 3 over 100 s: 301 requests, rows 1 and 2
 * with 4 and 2).
 */
describe('constant arrivals', () => {
  for (const rps of [3, 7, 30, 333, 999]) {
    it(`rps ${rps}: rps × duration requests, rps in every second`, () => {
      const report = run(rps, 100);
      expect(report.requests.total).toBe(rps * 100);
      for (const row of report.timeline) expect(row.sent).toBe(rps);
    });
  }

  it('after a rate change the new gaps count from the last arrival, again without drift', () => {
    // 10 /s for 5 s, then 3 /s from the change at 5 s (which comes before the arrival due then):
    // the last arrival was at 4900 ms, so the next is one new gap after it, at 5233.3 ms, and every
    // second from 5 on has three — 6000 ms is 3 gaps of 1000/3 ms after 5000, not a hair before.
    // (Counting the new gap from the change instead left second 5 with two: a 433 ms hole.)
    const report = run(10, 20, [{ atS: 5, action: 'set', target: 'users', params: { rps: 3 } }]);
    expect(report.timeline.map((row) => row.sent)).toEqual([...Array(5).fill(10), ...Array(15).fill(3)]);
    expect(report.requests.total).toBe(50 + 45);
  });

  it('a change between arrivals keeps the new spacing from the last one, or starts now when that is past', () => {
    // Slower at 5.05 s: the last arrival was at 5000 ms, the next is 500 ms after it (not 5550).
    const slower = run(10, 10, [{ atS: 5.05, action: 'set', target: 'users', params: { rps: 2 } }]);
    expect(slower.timeline.map((row) => row.sent)).toEqual([10, 10, 10, 10, 10, 2, 2, 2, 2, 2]);
    // Faster at 5.05 s: 5000 + 50 ms is due now, so it comes now; second 5 has 5000 and 5050…5950.
    const faster = run(10, 10, [{ atS: 5.05, action: 'set', target: 'users', params: { rps: 20 } }]);
    expect(faster.timeline.map((row) => row.sent)).toEqual([10, 10, 10, 10, 10, 20, 20, 20, 20, 20]);
  });
});

import { expect } from 'vitest';
import { OUTCOME_COUNT } from '../../../../shared/sim/engine/codes';
import { REQ_LIVE } from '../../../../shared/sim/engine/requestTable';
import type { Report } from '../../../../shared/sim/report';
import type { Simulation } from '../../../../shared/sim/simulation';

/**
 * DESIGN §3's books at one instant: the live request slots are exactly the requests in flight,
 * generated = finished + in flight, every generated request is in the per-second sent counts, and
 * the per-second outcome counts add up to finished.
 */
export function expectBooksBalance(simulation: Simulation): void {
  const world = simulation.world;
  let live = 0;
  for (let r = 0; r < world.requests.highWater; r++) if ((world.requests.flags[r] & REQ_LIVE) !== 0) live++;
  expect(live).toBe(world.requests.live);
  expect(world.requests.live).toBe(world.generated - world.finished);
  expect(world.metrics.sentIn(0, Number.MAX_SAFE_INTEGER)).toBe(world.generated);
  let finished = 0;
  for (let i = 0; i < world.metrics.seconds * OUTCOME_COUNT; i++) finished += world.metrics.outcomes[i];
  expect(finished).toBe(world.finished);
}

/**
 * Runs to each instant checking the books, then to the end; every request must have ended with
 * exactly one outcome. Returns the report.
 */
export function finishCheckingBooks(simulation: Simulation, instantsMs: readonly number[]): Report {
  for (const at of [...instantsMs].sort((a, b) => a - b)) {
    simulation.runUntil(Math.max(at, simulation.now));
    expectBooksBalance(simulation);
  }
  const report = simulation.finish();
  expectBooksBalance(simulation);
  expect(simulation.world.inFlight).toBe(0);
  const r = report.requests;
  expect(r.ok + r.error + r.timeout + r.rejected + r.dropped).toBe(r.total);
  expect(r.total).toBe(simulation.world.generated);
  return report;
}

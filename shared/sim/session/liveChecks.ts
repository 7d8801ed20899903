import type { Check, FaultlineDocument } from '../../model/types';
import { evaluateChecks } from '../checks';
import { WindowStats } from '../metrics/windowStats';
import type { Simulation } from '../simulation';

/** Check results as typed arrays, one entry per document check (file order). */
export interface LiveCheckArrays {
  /** The measured value; NaN while there is nothing to measure yet. */
  checkActual: Float64Array;
  /** 1 pass, 0 fail (a check with nothing measured yet fails, as in the report). */
  checkPass: Uint8Array;
}

/** Metrics that count events (stale reads, lost writes, lost sessions): they only grow as requests finish. */
const COUNT_METRICS: ReadonlySet<Check['metric']> = new Set(['staleReads', 'lostWrites', 'sessionsLost']);

/**
 * The document's checks (DESIGN §3) measured so far: over every whole second whose requests have
 * all finished (sent at least the longest request lifetime ago), so a value never counts requests
 * still in flight as failures. Recomputed only when that settled second moves. Counts are the
 * exception: a request still in flight cannot be miscounted by them, so they run up to now and
 * agree with the Consistency line shown beside the checks (which counted more "so far" than
 * the checks under it did).
 */
export class LiveChecks {
  private settledS = -1;
  private last: LiveCheckArrays;

  constructor(
    private readonly sim: Simulation,
    private document: FaultlineDocument,
  ) {
    this.last = { checkActual: new Float64Array(document.checks.length).fill(Number.NaN), checkPass: new Uint8Array(document.checks.length) };
  }

  /** After an edit that kept the run (checks may have changed). */
  refresh(document: FaultlineDocument): void {
    this.document = document;
    this.settledS = -1;
  }

  sample(): LiveCheckArrays {
    const world = this.sim.world;
    const endS = this.sim.durationMs / 1000;
    const settled = Math.max(0, Math.min(endS, Math.floor((this.sim.now - world.maxRequestLifetimeMs) / 1000)));
    const count = this.document.checks.length;
    if (settled !== this.settledS || this.last.checkPass.length !== count) {
      this.settledS = settled;
      const actual = new Float64Array(count).fill(Number.NaN);
      const pass = new Uint8Array(count);
      if (settled > 0) {
        const nodeIndex = new Map(world.nodeIds.map((id, i) => [id, i] as const));
        const checks = this.document.checks;
        evaluateChecks(checks, new WindowStats(world, settled), settled, nodeIndex).forEach((result, i) => {
          // A window that starts at or after the settled seconds has measured nothing yet (its
          // counts would read 0 and pass or fail on nothing): it stays NaN, not yet measured.
          if ((checks[i].fromS ?? 0) >= settled) return;
          if (result.actual !== null) actual[i] = result.actual;
          pass[i] = result.pass ? 1 : 0;
        });
      }
      this.last = { checkActual: actual, checkPass: pass };
    }
    // Fresh copies: the frame's buffers are transferred away.
    const result = { checkActual: this.last.checkActual.slice(), checkPass: this.last.checkPass.slice() };
    this.countUpToNow(result, Math.min(endS, this.sim.now / 1000));
    return result;
  }

  private countUpToNow(into: LiveCheckArrays, nowS: number): void {
    const checks = this.document.checks;
    const counted = checks.flatMap((check, i) => (COUNT_METRICS.has(check.metric) && (check.fromS ?? 0) < nowS ? [i] : []));
    if (counted.length === 0) return;
    const world = this.sim.world;
    // Whole seconds up to the one under way: nothing later has been sent.
    const untilS = Math.ceil(nowS);
    const results = evaluateChecks(
      counted.map((i) => checks[i]),
      new WindowStats(world, untilS),
      untilS,
      new Map(world.nodeIds.map((id, i) => [id, i] as const)),
    );
    results.forEach((result, k) => {
      into.checkActual[counted[k]] = result.actual ?? Number.NaN;
      into.checkPass[counted[k]] = result.pass ? 1 : 0;
    });
  }
}

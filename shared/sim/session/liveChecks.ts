import type { Check, FaultlineDocument } from '../../model/types';
import { evaluateChecks } from '../checks';
import { isVerdictFinal, windowEndS } from '../checkFinality';
import { WindowStats } from '../metrics/windowStats';
import type { Simulation } from '../simulation';

/** Check results as typed arrays, one entry per document check (file order). */
export interface LiveCheckArrays {
  /** The measured value; NaN while there is nothing to measure yet. */
  checkActual: Float64Array;
  /** 1 pass, 0 fail (a check with nothing measured yet fails, as in the report). */
  checkPass: Uint8Array;
  /** 1 where the verdict can no longer change (checkFinality.ts); 0 while the rest of the window may still turn it. */
  checkFinal: Uint8Array;
}

/**
 * Metrics measured up to now, not up to the settled seconds: counts of events (stale reads, lost
 * writes, lost sessions), which only grow as requests finish, and a queue's deepest point, which
 * is a state and waits on no request's outcome (it lagged the queue on the canvas by 1–2 s).
 */
const UP_TO_NOW_METRICS: ReadonlySet<Check['metric']> = new Set(['staleReads', 'lostWrites', 'sessionsLost', 'queue.maxDepth']);

/**
 * The document's checks (DESIGN §3) measured so far: over every whole second whose requests have
 * all finished (sent at least the longest request lifetime ago), so a value never counts requests
 * still in flight as failures. Recomputed only when that settled second moves. Counts and queue
 * depths are the exception (UP_TO_NOW_METRICS): a request still in flight cannot be miscounted by
 * them, so they run up to now and agree with the Consistency line shown beside the checks (which
 * counted more "so far" than the checks under it did) and with the queue on the canvas.
 */
export class LiveChecks {
  private settledS = -1;
  private last: LiveCheckArrays;
  /** Node id → index, as the checks name nodes (a run's nodes never change). */
  private readonly nodeIndex: Map<string, number>;

  constructor(
    private readonly sim: Simulation,
    private document: FaultlineDocument,
  ) {
    this.nodeIndex = new Map(sim.world.nodeIds.map((id, i) => [id, i] as const));
    const count = document.checks.length;
    this.last = { checkActual: new Float64Array(count).fill(Number.NaN), checkPass: new Uint8Array(count), checkFinal: new Uint8Array(count) };
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
      const final = new Uint8Array(count);
      if (settled > 0) {
        const checks = this.document.checks;
        const stats = new WindowStats(world, settled);
        evaluateChecks(checks, stats, settled, this.nodeIndex).forEach((result, i) => {
          const check = checks[i];
          // A window that starts at or after the settled seconds has measured nothing yet (its
          // counts would read 0 and pass or fail on nothing): it stays NaN, not yet measured.
          const fromS = Math.max(0, check.fromS ?? 0);
          if (fromS >= settled) return;
          if (result.actual !== null) actual[i] = result.actual;
          pass[i] = result.pass ? 1 : 0;
          const measured = result.actual === null ? null : { actual: result.actual, throughputFloor: check.metric === 'throughput' ? this.throughputFloor(stats, fromS, windowEndS(check, endS), settled) : undefined };
          final[i] = isVerdictFinal(check, measured, { settledS: settled, durationS: endS }) ? 1 : 0;
        });
      }
      this.last = { checkActual: actual, checkPass: pass, checkFinal: final };
    }
    // Fresh copies: the frame's buffers are transferred away.
    const result = { checkActual: this.last.checkActual.slice(), checkPass: this.last.checkPass.slice(), checkFinal: this.last.checkFinal.slice() };
    this.countUpToNow(result, Math.min(endS, this.sim.now / 1000), { settledS: this.settledS, durationS: endS });
    return result;
  }

  /**
   * Counts (stale reads, lost writes, lost sessions) and queue depths up to now rather than the
   * settled seconds, as the Consistency line beside them does. Both only grow, so a verdict is
   * final once its bound is crossed; otherwise only when the window's requests have all settled.
   */
  private countUpToNow(into: LiveCheckArrays, nowS: number, times: { settledS: number; durationS: number }): void {
    const checks = this.document.checks;
    const counted = checks.flatMap((check, i) => (UP_TO_NOW_METRICS.has(check.metric) && (check.fromS ?? 0) < nowS ? [i] : []));
    if (counted.length === 0) return;
    const world = this.sim.world;
    // Whole seconds up to the one under way: nothing later has been sent.
    const untilS = Math.ceil(nowS);
    const results = evaluateChecks(
      counted.map((i) => checks[i]),
      new WindowStats(world, untilS),
      untilS,
      this.nodeIndex,
    );
    results.forEach((result, k) => {
      const i = counted[k];
      into.checkActual[i] = result.actual ?? Number.NaN;
      into.checkPass[i] = result.pass ? 1 : 0;
      into.checkFinal[i] = isVerdictFinal(checks[i], result.actual === null ? null : { actual: result.actual }, times) ? 1 : 0;
    });
  }

  /** The ok requests sent in the window so far over the whole window's length: the least its throughput can end at. */
  private throughputFloor(stats: WindowStats, fromS: number, toS: number, settledS: number): number | undefined {
    return toS > fromS ? stats.ok(fromS, Math.min(toS, settledS)) / (toS - fromS) : undefined;
  }
}

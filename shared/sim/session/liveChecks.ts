import type { FaultlineDocument } from '../../model/types';
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
 * The document's checks (DESIGN §3) measured so far: over every whole second whose requests have
 * all finished (sent at least the longest request lifetime ago), so a value never counts requests
 * still in flight as failures. Recomputed only when that settled second moves.
 */
export class LiveChecks {
  private settledS = -1;
  private last: LiveCheckArrays;

  constructor(
    private readonly sim: Simulation,
    private document: FaultlineDocument,
  ) {
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
        const nodeIndex = new Map(world.nodeIds.map((id, i) => [id, i] as const));
        const checks = this.document.checks;
        const stats = new WindowStats(world, settled);
        evaluateChecks(checks, stats, settled, nodeIndex).forEach((result, i) => {
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
    return { checkActual: this.last.checkActual.slice(), checkPass: this.last.checkPass.slice(), checkFinal: this.last.checkFinal.slice() };
  }

  /** The ok requests sent in the window so far over the whole window's length: the least its throughput can end at. */
  private throughputFloor(stats: WindowStats, fromS: number, toS: number, settledS: number): number | undefined {
    return toS > fromS ? stats.ok(fromS, Math.min(toS, settledS)) / (toS - fromS) : undefined;
  }
}

import { CONSISTENCY_COUNTS, CONSISTENCY_ROW_FLOATS } from '../../shared/sim/session/protocol';
import type { ConsistencyName } from './consistencyCounts';

/**
 * Stale reads, lost writes and sessions lost of one run, per second of the client requests' send
 * time (the engine's consistency rows), dense by second. Rows are overwritten as they come: the
 * newest seconds while their requests finish, and an old second again when a failover decides
 * that writes sent in it were lost. Seconds not received yet are NaN.
 */
export class ConsistencySeries {
  readonly columns: Record<ConsistencyName, Float64Array>;

  constructor(readonly seconds: number) {
    this.columns = Object.fromEntries(CONSISTENCY_COUNTS.map((name) => [name, new Float64Array(seconds).fill(Number.NaN)])) as Record<ConsistencyName, Float64Array>;
  }

  apply(rows: Float64Array): void {
    for (let o = 0; o + CONSISTENCY_ROW_FLOATS <= rows.length; o += CONSISTENCY_ROW_FLOATS) {
      const t = rows[o];
      if (!(t >= 0 && t < this.seconds) || !Number.isInteger(t)) continue;
      CONSISTENCY_COUNTS.forEach((name, c) => {
        this.columns[name][t] = rows[o + 1 + c];
      });
    }
  }

  clear(): void {
    for (const name of CONSISTENCY_COUNTS) this.columns[name].fill(Number.NaN);
  }
}

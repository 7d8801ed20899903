import type { Consistency } from '../engine/consistency';
import { CONSISTENCY_ROW_FLOATS } from './protocol';

/**
 * Per-second consistency rows for seconds [fromS, toS), flattened into a Float64Array: t, then the
 * stale reads, lost writes and sessions lost of the client requests sent in second t (the
 * engine's series checks are measured on, so the rows add up to the report's totals).
 */
export function consistencyRows(consistency: Consistency, fromS: number, toS: number): Float64Array {
  const from = Math.max(0, fromS);
  const to = Math.max(from, toS);
  const rows = new Float64Array((to - from) * CONSISTENCY_ROW_FLOATS);
  const { staleSeries, lostSeries, sessionSeries } = consistency;
  for (let t = from; t < to; t++) {
    const o = (t - from) * CONSISTENCY_ROW_FLOATS;
    rows[o] = t;
    rows[o + 1] = staleSeries.sum(t, t + 1);
    rows[o + 2] = lostSeries.sum(t, t + 1);
    rows[o + 3] = sessionSeries.sum(t, t + 1);
  }
  return rows;
}

/**
 * The seconds whose consistency rows a frame sends: those of its metric rows ([rowsFrom, rowsTo),
 * where requests are still finishing, so stale reads and lost sessions are still being counted)
 * and, before them, any settled second a count was added to since the last frame — a failover
 * decides a write is lost long after it was sent. Taking the engine's low-water mark keeps this to
 * the seconds that changed, not a copy of the whole series each frame.
 */
export function consistencyRowsSince(consistency: Consistency, rowsFrom: number, rowsTo: number): Float64Array {
  const changedFrom = consistency.takeChangedFromSecond();
  return consistencyRows(consistency, Math.min(rowsFrom, changedFrom), rowsTo);
}

import type { Simulation } from '../simulation';
import { hasQueue } from './queueingStation';

/**
 * Numbers per node in a node row: utilization, cache hit ratio, queue fill (NaN: no station / not a
 * cache or no lookups / no station).
 */
export const NODE_ROW_VALUES = 3;

/** Numbers per node row for `nodes` nodes: t, then NODE_ROW_VALUES per node. */
export function nodeRowFloats(nodes: number): number {
  return 1 + nodes * NODE_ROW_VALUES;
}

/**
 * Per-second node figures for seconds [fromS, toS) — the per-node charts' rows, so they are whole
 * at any speed and after a seek (frames alone sample a second only when one happens to fall in
 * it). Utilization is busy time over capacity in that second; the hit ratio is hits / lookups; the
 * queue fill is the time-averaged queue over that second (so far, for the second under way) against
 * the queue limit as it was then, time-averaged too where an edit changed it within the second (0
 * for a node with servers but no queue).
 */
export function nodeRows(sim: Simulation, fromS: number, toS: number): Float64Array {
  const models = sim.world.models;
  const stride = nodeRowFloats(models.length);
  const from = Math.max(0, fromS);
  const to = Math.max(from, toS);
  const rows = new Float64Array((to - from) * stride);
  for (const model of models) model.station?.advance(sim.now);
  for (let t = from; t < to; t++) {
    const o = (t - from) * stride;
    rows[o] = t;
    // What of the second has run: all of it, but for the second under way (a frame while it plays,
    // or paused in it) and the last of a run that does not end on a whole second. Over a whole
    // second a part of it would read as a queue that emptied.
    const spanMs = Math.min(1000, sim.durationMs - t * 1000, sim.now - t * 1000);
    for (let i = 0; i < models.length; i++) {
      const station = models[i].station;
      let utilization = Number.NaN;
      let queueFill = Number.NaN;
      if (station !== null) {
        const capacity = station.capacityMs.sum(t, t + 1);
        utilization = capacity > 0 ? Math.min(1, station.busyMs.sum(t, t + 1) / capacity) : 0;
        // Against the limit in force during that second, not now: a second before an edit (re-read
        // after a seek, or still settling) keeps the fill it had when it was drawn.
        const limitMs = hasQueue(station) && spanMs > 0 ? station.queueLimitMs(t * 1000, t * 1000 + spanMs) : 0;
        queueFill = limitMs > 0 ? Math.min(1, station.queueMs.sum(t, t + 1) / limitMs) : 0;
      }
      const ratio = models[i].hitRatioIn?.(t, t + 1);
      rows[o + 1 + i * NODE_ROW_VALUES] = utilization;
      rows[o + 2 + i * NODE_ROW_VALUES] = ratio === undefined || ratio === null ? Number.NaN : ratio;
      rows[o + 3 + i * NODE_ROW_VALUES] = queueFill;
    }
  }
  return rows;
}

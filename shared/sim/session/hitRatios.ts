import type { Simulation } from '../simulation';

/**
 * Per node: the cache hit ratio over the previous and current simulated second (the window node
 * utilization uses), NaN for nodes that are not caches or had no lookups in that window.
 */
export function recentHitRatios(sim: Simulation): Float32Array {
  const models = sim.world.models;
  const out = new Float32Array(models.length).fill(Number.NaN);
  const second = Math.floor(sim.now / 1000);
  for (let i = 0; i < models.length; i++) {
    const ratio = models[i].hitRatioIn?.(second - 1, second + 1);
    if (ratio !== undefined && ratio !== null) out[i] = ratio;
  }
  return out;
}

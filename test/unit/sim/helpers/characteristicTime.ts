/**
 * Characteristic-time approximations of a cache of C keys under independent requests with
 * popularities p_i (Che et al.; Fricker, Robert & Roberts for FIFO / random): the time T solves
 * Σ occupancy_i(T) = C, and the hit ratio is Σ p_i · occupancy_i(T), where occupancy_i is the
 * policy's probability that key i is held — 1 − e^{−p·T} for LRU, p·T / (1 + p·T) for FIFO and
 * random. Accurate to about 1 % for Zipf popularities at the sizes the tests use.
 */
export function characteristicTimeHitRatio(probabilities: number[], capacity: number, occupancy: (p: number, t: number) => number): number {
  const filled = (t: number): number => probabilities.reduce((sum, p) => sum + occupancy(p, t), 0);
  let lo = 0;
  let hi = 1;
  while (filled(hi) < capacity) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (filled(mid) < capacity) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return probabilities.reduce((sum, p) => sum + p * occupancy(p, t), 0);
}

/** LRU occupancy: the key was asked for within the last T. */
export const lruOccupancy = (p: number, t: number): number => -Math.expm1(-p * t);
/** FIFO / random occupancy. */
export const fifoOccupancy = (p: number, t: number): number => (p * t) / (1 + p * t);

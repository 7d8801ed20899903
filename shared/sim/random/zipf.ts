import type { RandomStream } from './stream';

/** Draws key indices with Zipf popularity: P(k) ∝ 1 / (k + 1)^s, index 0 the most popular. */
export interface ZipfSampler {
  readonly count: number;
  readonly exponent: number;
  /** A key index in [0, count). */
  sample(rng: RandomStream): number;
  /** Exact probability of index k (0 outside [0, count)). */
  probability(k: number): number;
}

/**
 * Builds the cumulative distribution once (count float64s: 8 MB for a million keys) so each
 * draw is one uniform plus a binary search — O(log count), no allocation, and exact rather
 * than an approximate rejection method. s = 0 is uniform; larger s concentrates on few keys.
 */
export function createZipf(count: number, s: number): ZipfSampler {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`zipf key count must be an integer ≥ 1 (got ${count})`);
  if (!(s >= 0 && Number.isFinite(s))) throw new RangeError(`zipf exponent must be finite and ≥ 0 (got ${s})`);

  const cumulative = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) {
    total += Math.pow(k + 1, -s);
    cumulative[k] = total;
  }
  for (let k = 0; k < count; k++) cumulative[k] /= total;
  // Rounding may leave the last entry a hair under 1; a draw u < 1 must always find a key.
  cumulative[count - 1] = 1;
  const normaliser = total;
  // Guide table (the "indexed search" of the alias-free inversion method): guide[j] is the first
  // index whose cumulative probability exceeds j / GUIDE. A draw u in [j/GUIDE, (j+1)/GUIDE) —
  // exactly, since j = floor(u·GUIDE) and GUIDE is a power of two — has its answer in
  // [guide[j], guide[j+1]], so the binary search covers a few entries instead of all of them
  // (17 cache-missing steps for 100k keys). The answer is the same index as a full search.
  const guideSize = guideSizeFor(count);
  const guide = new Int32Array(guideSize + 1);
  {
    let k = 0;
    for (let j = 0; j <= guideSize; j++) {
      const threshold = j / guideSize;
      while (k < count - 1 && !(cumulative[k] > threshold)) k++;
      guide[j] = k;
    }
  }

  return {
    count,
    exponent: s,
    sample(rng: RandomStream): number {
      const u = rng.next();
      // First index whose cumulative probability exceeds u, searched within its guide bucket.
      const bucket = Math.floor(u * guideSize);
      let lo = guide[bucket];
      let hi = guide[bucket + 1];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
    probability(k: number): number {
      if (!Number.isInteger(k) || k < 0 || k >= count) return 0;
      return Math.pow(k + 1, -s) / normaliser;
    },
  };
}

/** Guide buckets: about one per key (a power of two so bucket bounds are exact), at most 2^20. */
function guideSizeFor(count: number): number {
  let size = 1;
  while (size < count && size < 1 << 20) size *= 2;
  return size;
}

import { Int32Histogram } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/** Latencies are recorded in integer microseconds, so sub-millisecond hops keep their precision. */
export const MICROS_PER_MS = 1000;
/**
 * Largest recordable latency (µs): 2^38 − 1 µs ≈ 76 hours, above anything a run can measure (a
 * request sent at the start of a day-long run, MAX_DURATION_S, waiting out the longest timeout
 * after it). Larger values are clamped. (It was 2^31 µs, 35.8 minutes: a backlog growing through
 * a long run reported every later latency as 2,147,483 ms, and a check on it passed.)
 */
const MAX_MICROS = 2 ** 38 - 1;
/** Values from here up take the slower bin lookup (`Math.clz32` sees 32 bits). */
const LARGE_MICROS = 2 ** 31;
const EMPTY = new Int32Array(0);
const EMPTY_ABOVE = new Uint32Array(0);

/**
 * A latency histogram with HdrHistogram's exact bucket layout (log-linear: `digits` significant
 * decimal digits in every power of two), filled by a few integer operations per value.
 *
 * Why not call hdr-histogram-js's recordValue directly: it computes bucket indices with
 * `Math.log2`/`Math.pow` (measured ≈ 250 ns per value here, a visible share of a 300k requests/s
 * budget), while `Math.clz32` gives the same index in a few ns. The counts are handed to a real
 * hdr-histogram-js histogram (same layout, via recordValueWithCount) whenever percentiles are
 * asked for, so percentile ranks are hdr-histogram-js's.
 *
 * Beside each bin's count it keeps the largest value recorded in that bin (`binMaxAbove`), so a
 * percentile can be reported as that value instead of the top of the bin (see percentilesMs).
 * It is kept as the amount above the bin's lowest value, which is below the bin's width (< 2^30 µs
 * at 2 or 3 digits), so 4 bytes hold it exactly up to 2^38 µs: 8 bytes a bin with the count, 34 KB
 * at 2 digits (4,224 bins), 246 KB at 3.
 */
export class LatencyBins {
  readonly digits: 2 | 3;
  private readonly halfMagnitude: number;
  private readonly half: number;
  /** Bins in the histogram layout (HdrHistogram's counts index). */
  private readonly binCount: number;
  /** Dense counts per bin; empty while sealed. */
  counts: Int32Array;
  /**
   * binMaxAbove[i]: the largest value (µs) recorded in bin i, less the bin's lowest value; read it
   * only where counts[i] is not 0. Empty while sealed.
   */
  binMaxAbove: Uint32Array;
  /**
   * Sealed form (see seal): the non-empty bins only, in index order. A second of a long run keeps
   * ~10 bytes per distinct bin instead of 34 KB, which is what lets a day-long run fit in memory.
   */
  private sealedIndex: Uint16Array | null = null;
  private sealedCount: Int32Array | null = null;
  /** Per non-empty bin: its largest value above the bin's lowest (< 2^30 µs at 2 or 3 digits). */
  private sealedMaxAbove: Uint32Array | null = null;
  total = 0;
  /** Sum of recorded values in µs (exact mean, not binned). */
  sumMicros = 0;
  maxMicros = 0;

  constructor(digits: 2 | 3) {
    this.digits = digits;
    const subBucketCount = 2 ** Math.ceil(Math.log2(2 * 10 ** digits));
    this.half = subBucketCount / 2;
    this.halfMagnitude = Math.log2(this.half);
    // Bucket indices go up to 38 − halfMagnitude − 1 for values below 2^38.
    this.binCount = (39 - this.halfMagnitude) * this.half + this.half;
    this.counts = new Int32Array(this.binCount);
    this.binMaxAbove = new Uint32Array(this.binCount);
  }

  get sealed(): boolean {
    return this.sealedIndex !== null;
  }

  /**
   * Keeps only the non-empty bins (for a second nothing will be recorded in any more). Recording
   * into a sealed histogram unseals it first, so sealing never loses a value, only memory.
   */
  seal(): void {
    if (this.sealedIndex !== null) return;
    const counts = this.counts;
    let used = 0;
    for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) used++;
    const index = new Uint16Array(used);
    const count = new Int32Array(used);
    const maxAbove = new Uint32Array(used);
    let k = 0;
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) continue;
      index[k] = i;
      count[k] = counts[i];
      maxAbove[k] = this.binMaxAbove[i];
      k++;
    }
    this.sealedIndex = index;
    this.sealedCount = count;
    this.sealedMaxAbove = maxAbove;
    this.counts = EMPTY;
    this.binMaxAbove = EMPTY_ABOVE;
  }

  private unseal(): void {
    const index = this.sealedIndex!;
    const count = this.sealedCount!;
    const maxAbove = this.sealedMaxAbove!;
    this.counts = new Int32Array(this.binCount);
    this.binMaxAbove = new Uint32Array(this.binCount);
    for (let k = 0; k < index.length; k++) {
      this.counts[index[k]] = count[k];
      this.binMaxAbove[index[k]] = maxAbove[k];
    }
    this.sealedIndex = this.sealedCount = this.sealedMaxAbove = null;
  }

  record(micros: number): void {
    if (this.sealedIndex !== null) this.unseal();
    const value = micros >= MAX_MICROS ? MAX_MICROS : micros > 0 ? Math.round(micros) : 0;
    // indexOf and valueAt inlined for the common case (one call per answered request and second).
    let index: number;
    let lowest: number;
    if (value < LARGE_MICROS) {
      const bucket = Math.max(0, 31 - Math.clz32(value) - this.halfMagnitude);
      const sub = value >>> bucket;
      index = (bucket + 1) * this.half + (sub - this.half);
      lowest = sub << bucket; // ≤ value < 2^31: no sign
    } else {
      index = this.indexOfLarge(value);
      lowest = this.valueAt(index);
    }
    this.counts[index]++;
    // 0 in an empty bin, and never negative: the first value recorded always sets it.
    const above = value - lowest;
    if (above > this.binMaxAbove[index]) this.binMaxAbove[index] = above;
    this.total++;
    this.sumMicros += value;
    if (value > this.maxMicros) this.maxMicros = value;
  }

  add(other: LatencyBins): void {
    if (other.digits !== this.digits) throw new Error(`LatencyBins.add: ${other.digits} digits into ${this.digits}`);
    if (this.sealedIndex !== null) this.unseal();
    // Both have the same layout (digits), so a bin's lowest value is the same in both and the
    // amounts above it compare directly; an empty bin's 0 loses to any recorded one.
    const counts = this.counts;
    const binMaxAbove = this.binMaxAbove;
    if (other.sealedIndex !== null) {
      const index = other.sealedIndex;
      const count = other.sealedCount!;
      const maxAbove = other.sealedMaxAbove!;
      for (let k = 0; k < index.length; k++) {
        const i = index[k];
        counts[i] += count[k];
        if (maxAbove[k] > binMaxAbove[i]) binMaxAbove[i] = maxAbove[k];
      }
    } else {
      const from = other.counts;
      const fromAbove = other.binMaxAbove;
      for (let i = 0; i < counts.length; i++) {
        counts[i] += from[i];
        if (fromAbove[i] > binMaxAbove[i]) binMaxAbove[i] = fromAbove[i];
      }
    }
    this.total += other.total;
    this.sumMicros += other.sumMicros;
    if (other.maxMicros > this.maxMicros) this.maxMicros = other.maxMicros;
  }

  /** The bin of an integer value (µs) in [0, 2^38 − 1]: HdrHistogram's counts index. */
  indexOf(value: number): number {
    if (value >= LARGE_MICROS) return this.indexOfLarge(value);
    const bucket = Math.max(0, 31 - Math.clz32(value) - this.halfMagnitude);
    return (bucket + 1) * this.half + ((value >>> bucket) - this.half);
  }

  /** {@link indexOf} for values of 2^31 and more, past what 32-bit operations hold. */
  private indexOfLarge(value: number): number {
    let magnitude = Math.floor(Math.log2(value));
    // log2 of a value just below a power of two can round up to it.
    if (2 ** magnitude > value) magnitude--;
    const bucket = magnitude - this.halfMagnitude;
    return (bucket + 1) * this.half + (Math.floor(value / 2 ** bucket) - this.half);
  }

  /** Lowest value (µs) that falls into bin `index`. */
  valueAt(index: number): number {
    const bucket = Math.max(0, Math.floor(index / this.half) - 1);
    const sub = index - (bucket + 1) * this.half + this.half;
    return bucket === 0 && index < 2 * this.half ? index : sub * 2 ** bucket;
  }

  /** The counts as an hdr-histogram-js histogram (µs). */
  toHistogram(): Histogram {
    const histogram = new Int32Histogram(1, 2 ** 31, this.digits);
    histogram.autoResize = true;
    if (this.sealedIndex !== null) {
      const index = this.sealedIndex;
      const count = this.sealedCount!;
      for (let k = 0; k < index.length; k++) histogram.recordValueWithCount(this.valueAt(index[k]), count[k]);
      return histogram;
    }
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i];
      if (count !== 0) histogram.recordValueWithCount(this.valueAt(i), count);
    }
    return histogram;
  }

  /**
   * Percentiles (0–100) in ms; 0 when nothing was recorded. hdr-histogram-js finds the bin the
   * percentile's rank falls in and answers with the top of that bin, which can lie above every
   * value recorded in it (a run where every request takes exactly 50 ms would report p50 =
   * 50.015 ms at 3 digits, 50.175 ms at 2). The answer is clamped to the largest value actually
   * recorded in that bin: still never below the true percentile (the value at that rank lies in
   * that bin, so it is at most the bin's largest value), and exact when the bin holds one value.
   * (p = 0 is hdr-histogram-js's bottom of the lowest bin, as before; nothing here asks for it.)
   */
  percentilesMs(percentiles: number[]): number[] {
    if (this.total === 0) return percentiles.map(() => 0);
    const histogram = this.toHistogram();
    const values = percentiles.map((p) => {
      const top = Math.min(histogram.getValueAtPercentile(p), MAX_MICROS);
      return Math.min(top, this.maxInBin(this.indexOf(top))) / MICROS_PER_MS;
    });
    histogram.destroy();
    return values;
  }

  /** The largest value recorded in bin `bin` (0 if none). */
  private maxInBin(bin: number): number {
    const index = this.sealedIndex;
    if (index === null) return this.counts[bin] === 0 ? 0 : this.valueAt(bin) + this.binMaxAbove[bin];
    let lo = 0;
    let hi = index.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (index[mid] === bin) return this.valueAt(bin) + this.sealedMaxAbove![mid];
      if (index[mid] < bin) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  meanMs(): number {
    return this.total === 0 ? 0 : this.sumMicros / this.total / MICROS_PER_MS;
  }

  maxMs(): number {
    return this.maxMicros / MICROS_PER_MS;
  }
}

import { Int32Histogram } from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/** Latencies are recorded in integer microseconds, so sub-millisecond hops keep their precision. */
export const MICROS_PER_MS = 1000;
/** Largest recordable latency (µs): 2^31 − 1 µs ≈ 35 minutes; larger values are clamped. */
const MAX_MICROS = 0x7fffffff;

/**
 * A latency histogram with HdrHistogram's exact bucket layout (log-linear: `digits` significant
 * decimal digits in every power of two), filled by a few integer operations per value.
 *
 * Why not call hdr-histogram-js's recordValue directly: it computes bucket indices with
 * `Math.log2`/`Math.pow` (measured ≈ 250 ns per value here, a visible share of a 300k requests/s
 * budget), while `Math.clz32` gives the same index in a few ns. The counts are handed to a real
 * hdr-histogram-js histogram (same layout, via recordValueWithCount) whenever percentiles are
 * asked for, so percentile semantics are hdr-histogram-js's.
 */
export class LatencyBins {
  readonly digits: 1 | 2 | 3;
  private readonly halfMagnitude: number;
  private readonly half: number;
  counts: Int32Array;
  total = 0;
  /** Sum of recorded values in µs (exact mean, not binned). */
  sumMicros = 0;
  maxMicros = 0;

  constructor(digits: 1 | 2 | 3) {
    this.digits = digits;
    const subBucketCount = 2 ** Math.ceil(Math.log2(2 * 10 ** digits));
    this.half = subBucketCount / 2;
    this.halfMagnitude = Math.log2(this.half);
    // Bucket indices go up to 31 − halfMagnitude − 1 for values below 2^31.
    this.counts = new Int32Array((32 - this.halfMagnitude) * this.half + this.half);
  }

  record(micros: number): void {
    const value = micros >= MAX_MICROS ? MAX_MICROS : micros > 0 ? Math.round(micros) : 0;
    const bucket = Math.max(0, 31 - Math.clz32(value) - this.halfMagnitude);
    const index = (bucket + 1) * this.half + ((value >>> bucket) - this.half);
    this.counts[index]++;
    this.total++;
    this.sumMicros += value;
    if (value > this.maxMicros) this.maxMicros = value;
  }

  add(other: LatencyBins): void {
    const counts = this.counts;
    const from = other.counts;
    for (let i = 0; i < counts.length; i++) counts[i] += from[i];
    this.total += other.total;
    this.sumMicros += other.sumMicros;
    if (other.maxMicros > this.maxMicros) this.maxMicros = other.maxMicros;
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
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      const count = counts[i];
      if (count !== 0) histogram.recordValueWithCount(this.valueAt(i), count);
    }
    return histogram;
  }

  /**
   * Percentiles (0–100) in ms, via hdr-histogram-js; 0 when nothing was recorded. HdrHistogram
   * answers with the top of the bin the percentile falls in, which can lie above every value
   * recorded: no percentile is larger than the largest value.
   */
  percentilesMs(percentiles: number[]): number[] {
    if (this.total === 0) return percentiles.map(() => 0);
    const histogram = this.toHistogram();
    const maxMs = this.maxMs();
    const values = percentiles.map((p) => Math.min(histogram.getValueAtPercentile(p) / MICROS_PER_MS, maxMs));
    histogram.destroy();
    return values;
  }

  meanMs(): number {
    return this.total === 0 ? 0 : this.sumMicros / this.total / MICROS_PER_MS;
  }

  maxMs(): number {
    return this.maxMicros / MICROS_PER_MS;
  }
}

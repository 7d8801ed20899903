import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LatencyBins } from '../../../../shared/sim/metrics/latencyBins';

const PERCENTILES = [1, 25, 50, 90, 95, 99, 99.9, 100];

/** Latencies past 2^31 µs (35.8 minutes), up to the largest kept (2^38 − 1 µs, 76 hours). */
const LONG_MICROS = fc.double({ min: 2 ** 31 - 2, max: 2 ** 38 - 1, noNaN: true }).map(Math.round);

function filled(digits: 2 | 3, micros: readonly number[]): LatencyBins {
  const bins = new LatencyBins(digits);
  for (const value of micros) bins.record(value);
  return bins;
}

/** hdr-histogram-js's own answers (the top of the bin each percentile falls in), µs. */
function hdrTops(bins: LatencyBins, percentiles: number[]): number[] {
  const histogram = bins.toHistogram();
  const tops = percentiles.map((p) => histogram.getValueAtPercentile(p));
  histogram.destroy();
  return tops;
}

describe('LatencyBins percentiles', () => {
  it('are exact when the bin a percentile falls in holds one value', () => {
    // 100 × 50 ms and 100 × 99 ms: hdr-histogram-js alone answers 50.175 / 99.327 at 2 digits.
    const micros = [...Array<number>(100).fill(50_000), ...Array<number>(100).fill(99_000)];
    for (const digits of [2, 3] as const) {
      expect(filled(digits, micros).percentilesMs([50, 95, 99, 100])).toEqual([50, 99, 99, 99]);
    }
    expect(filled(2, Array<number>(7).fill(151_000)).percentilesMs([50, 99])).toEqual([151, 151]);
    expect(hdrTops(filled(2, micros), [50])[0]).toBe(50_175);
  });

  it('with several values in the bin, answer the largest of them: inside the bin and not above the true percentile’s bin', () => {
    // At 2 digits 50 000 µs lies in the 256 µs wide bin [49 920, 50 175].
    const bins = filled(2, [49_930, 49_990, 50_010, 99_000]);
    const [p50] = bins.percentilesMs([50]);
    expect(p50).toBe(50.01);
    expect(p50 * 1000).toBeGreaterThanOrEqual(bins.valueAt(bins.indexOf(50_000)));
    expect(p50 * 1000).toBeLessThanOrEqual(hdrTops(bins, [50])[0]);
  });

  it('are a recorded value, no smaller than the value at hdr-histogram-js’s rank and in its bin (any values)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<2 | 3>(2, 3),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 49_000, max: 51_000 }), LONG_MICROS), { minLength: 1, maxLength: 300 }),
        (digits, micros) => {
          const bins = filled(digits, micros);
          const sorted = [...micros].sort((a, b) => a - b);
          const answers = bins.percentilesMs(PERCENTILES).map((ms) => Math.round(ms * 1000));
          const tops = hdrTops(bins, PERCENTILES);
          PERCENTILES.forEach((p, i) => {
            // hdr-histogram-js's rank: the ceil(p % of the count)-th smallest value (at least the first).
            const atRank = sorted[Math.max(1, Math.ceil((p / 100) * sorted.length - 1e-9)) - 1];
            const answer = answers[i];
            expect(micros).toContain(answer);
            expect(answer).toBeGreaterThanOrEqual(atRank);
            expect(bins.indexOf(answer)).toBe(bins.indexOf(atRank));
            expect(answer).toBeLessThanOrEqual(tops[i]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('of merged bins equal those of recording everything into one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 200 }), fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 200 }), (a, b) => {
        const merged = filled(2, a);
        merged.add(filled(2, b));
        const together = filled(2, [...a, ...b]);
        expect(merged.percentilesMs(PERCENTILES)).toEqual(together.percentilesMs(PERCENTILES));
        expect(merged.maxMs()).toBe(together.maxMs());
      }),
      { numRuns: 200 },
    );
  });
});

describe('sealed LatencyBins (a settled second kept sparse)', () => {
  const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), LONG_MICROS), { minLength: 1, maxLength: 300 });

  it('answer every question as the dense histogram did, and merge the same', () => {
    fc.assert(
      fc.property(values, values, (first, second) => {
        const dense = filled(2, first);
        const sealed = filled(2, first);
        sealed.seal();
        expect(sealed.sealed).toBe(true);
        expect(sealed.percentilesMs(PERCENTILES)).toEqual(dense.percentilesMs(PERCENTILES));
        expect([sealed.total, sealed.meanMs(), sealed.maxMs()]).toEqual([dense.total, dense.meanMs(), dense.maxMs()]);
        // Merging a sealed histogram into a dense one, and a dense one into a sealed one.
        const intoDense = filled(2, second);
        intoDense.add(sealed);
        const reference = filled(2, [...first, ...second]);
        expect(intoDense.percentilesMs(PERCENTILES)).toEqual(reference.percentilesMs(PERCENTILES));
        const intoSealed = filled(2, second);
        intoSealed.seal();
        intoSealed.add(dense);
        expect(intoSealed.percentilesMs(PERCENTILES)).toEqual(reference.percentilesMs(PERCENTILES));
      }),
    );
  });

  it('take a late value by unsealing: nothing recorded is lost', () => {
    const bins = filled(2, [10_000, 20_000, 30_000]);
    bins.seal();
    bins.record(40_000);
    expect(bins.sealed).toBe(false);
    expect(bins.total).toBe(4);
    expect(bins.percentilesMs([100])).toEqual([40]);
    bins.seal();
    expect(bins.percentilesMs([25, 50, 75, 100])).toEqual(filled(2, [10_000, 20_000, 30_000, 40_000]).percentilesMs([25, 50, 75, 100]));
  });
});

import { describe, expect, it } from 'vitest';
import { createStream } from '../../../../shared/sim/random/stream';
import {
  DEFAULT_LOGNORMAL_SIGMA,
  exponential,
  inverseStandardNormalCdf,
  meanOf,
  normal,
  percentileOf,
  sample,
  uniformBetween,
  varianceOf,
} from '../../../../shared/sim/random/distributions';
import type { DistributionInput } from '../../../../shared/model/types';
import { normalizeDistribution } from '../../../../shared/model/defaults';
import { DEFAULT_LOGNORMAL_SIGMA as MODEL_DEFAULT_LOGNORMAL_SIGMA } from '../../../../shared/model/schema/common';

const SAMPLES = 200_000;

function moments(draw: () => number, n = SAMPLES): { mean: number; variance: number; values: Float64Array } {
  const values = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    values[i] = draw();
    sum += values[i];
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, variance: squares / (n - 1), values };
}

/**
 * Sample mean within 5 standard errors (sigma / sqrt(n)) of the true mean: a correct sampler
 * fails this about once in 1.7 million seeds, a wrong mean (e.g. lognormal with mu = ln(mean))
 * misses by hundreds of standard errors.
 */
function expectMeanNear(observed: number, mean: number, variance: number, n = SAMPLES): void {
  expect(Math.abs(observed - mean)).toBeLessThanOrEqual(5 * Math.sqrt(variance / n));
}

function quantile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

describe('sample()', () => {
  it('exp: mean m, variance m², median m·ln 2', () => {
    const spec: DistributionInput = { dist: 'exp', mean: 5 };
    const rng = createStream(1, 'exp');
    const { mean, variance, values } = moments(() => sample(spec, rng));
    expectMeanNear(mean, 5, 25);
    // Variance of the sample variance for an exponential: (mu4 - sigma^4)/n = 8 m^4 / n.
    expect(Math.abs(variance - 25)).toBeLessThanOrEqual(5 * Math.sqrt((8 * 5 ** 4) / SAMPLES));
    values.sort();
    // The p-quantile estimate's standard error is sqrt(p(1-p)/n)/f(q); at the median of exp(5)
    // that is sqrt(.25/2e5)/(0.5/5) ≈ 0.011. Bound 5 × that.
    expect(Math.abs(quantile(values, 0.5) - percentileOf(spec, 0.5))).toBeLessThan(0.06);
    expect(Math.min(...values.subarray(0, 10))).toBeGreaterThanOrEqual(0);
  });

  it('const and bare numbers: always the mean', () => {
    const rng = createStream(1, 'const');
    expect(sample({ dist: 'const', mean: 3.25 }, rng)).toBe(3.25);
    expect(sample(7, rng)).toBe(7);
    expect(varianceOf(7)).toBe(0);
    expect(meanOf(7)).toBe(7);
  });

  it('uniform: on [0, 2·mean] with mean m and variance (2m)²/12', () => {
    const spec: DistributionInput = { dist: 'uniform', mean: 4 };
    const rng = createStream(1, 'uniform');
    const { mean, variance, values } = moments(() => sample(spec, rng));
    expectMeanNear(mean, 4, varianceOf(spec));
    // Uniform on width w: Var(sample variance) ≈ (mu4 - sigma^4)/n with mu4 = w^4/80.
    const w = 8;
    expect(Math.abs(variance - (w * w) / 12)).toBeLessThanOrEqual(5 * Math.sqrt((w ** 4 / 80 - (w * w / 12) ** 2) / SAMPLES));
    expect(values.every((v) => v >= 0 && v < 8)).toBe(true);
  });

  it('lognormal: the *mean* is `mean` (mu = ln(mean) − sigma²/2), variance (e^{σ²} − 1)·m²', () => {
    const spec: DistributionInput = { dist: 'lognormal', mean: 10, sigma: 0.5 };
    const rng = createStream(1, 'lognormal');
    const { mean, variance, values } = moments(() => sample(spec, rng));
    expectMeanNear(mean, 10, varianceOf(spec));
    // The median of a lognormal is e^mu = mean·e^{-σ²/2} ≈ 8.825; a sampler using mu = ln(mean)
    // would put it at 10. Standard error of the median ≈ 0.02 here; bound 0.1.
    values.sort();
    expect(Math.abs(quantile(values, 0.5) - 10 * Math.exp(-0.125))).toBeLessThan(0.1);
    expect(Math.abs(quantile(values, 0.99) - percentileOf(spec, 0.99))).toBeLessThan(0.5);
    // The sample variance of a lognormal converges slowly (heavy fourth moment); 5% is ~6 SE
    // at sigma 0.5 and n = 200k.
    expect(Math.abs(variance / varianceOf(spec) - 1)).toBeLessThan(0.05);
  });

  it('a mean of 0 draws 0 every time, whatever the shape (the editor warns of it; DESIGN §3 allows it)', () => {
    const rng = createStream(1, 'zero-mean');
    for (const dist of ['exp', 'const', 'uniform', 'lognormal'] as const) {
      for (let i = 0; i < 100; i++) expect(sample({ dist, mean: 0, sigma: 1 }, rng), dist).toBe(0);
    }
  });

  it('lognormal without sigma uses the documented default, the one the model resolves files with', () => {
    expect(DEFAULT_LOGNORMAL_SIGMA).toBe(MODEL_DEFAULT_LOGNORMAL_SIGMA);
    const a = createStream(9, 'default-sigma');
    const b = createStream(9, 'default-sigma');
    for (let i = 0; i < 100; i++) {
      expect(sample({ dist: 'lognormal', mean: 3 }, a)).toBe(sample(normalizeDistribution({ dist: 'lognormal', mean: 3 }), b));
    }
    expect(percentileOf({ dist: 'lognormal', mean: 3 }, 0.99)).toBe(percentileOf(normalizeDistribution({ dist: 'lognormal', mean: 3 }), 0.99));
    const rng = createStream(9, 'default-sigma-mean');
    const spec: DistributionInput = { dist: 'lognormal', mean: 3 };
    const { mean } = moments(() => sample(spec, rng));
    expectMeanNear(mean, 3, varianceOf(spec));
  });

  it('rejects an unknown distribution', () => {
    const rng = createStream(1, 'bad');
    expect(() => sample({ dist: 'pareto', mean: 1 } as unknown as DistributionInput, rng)).toThrow(/unknown distribution/);
  });
});

describe('helpers', () => {
  it('exponential, uniformBetween and normal have the right moments', () => {
    const rng = createStream(4, 'helpers');
    expectMeanNear(moments(() => exponential(rng, 2)).mean, 2, 4);
    const uniform = moments(() => uniformBetween(rng, -3, 5));
    expectMeanNear(uniform.mean, 1, 64 / 12);
    const gaussian = moments(() => normal(rng, 100, 15));
    expectMeanNear(gaussian.mean, 100, 225);
    // Normal: Var(sample variance) = 2σ⁴/(n−1).
    expect(Math.abs(gaussian.variance - 225)).toBeLessThan(5 * Math.sqrt((2 * 225 * 225) / SAMPLES));
  });

  it('inverseStandardNormalCdf matches known quantiles', () => {
    expect(inverseStandardNormalCdf(0.5)).toBeCloseTo(0, 9);
    expect(inverseStandardNormalCdf(0.975)).toBeCloseTo(1.959963985, 7);
    expect(inverseStandardNormalCdf(0.01)).toBeCloseTo(-2.326347874, 7);
    expect(inverseStandardNormalCdf(0.999)).toBeCloseTo(3.090232306, 7);
  });

  it('percentileOf gives closed forms', () => {
    expect(percentileOf({ dist: 'exp', mean: 10 }, 0.99)).toBeCloseTo(46.0517, 3);
    expect(percentileOf({ dist: 'uniform', mean: 10 }, 0.25)).toBe(5);
    expect(percentileOf({ dist: 'const', mean: 10 }, 0.99)).toBe(10);
  });
});

import { DEFAULT_LOGNORMAL_SIGMA } from '../../model/schema/common';
import type { DistributionInput } from '../../model/types';
import type { RandomStream } from './stream';

/*
 * Distributions as written in a .faultline file (DESIGN §3): `exp` exponential with this mean;
 * `const` always `mean`; `uniform` on [0, 2·mean]; `lognormal` with `sigma` the standard
 * deviation of the underlying normal (default {@link DEFAULT_LOGNORMAL_SIGMA}) and mu chosen so
 * the distribution's *mean* is `mean`. A bare number is the shorthand for `{ dist: 'const', mean }`.
 */

// One default for the loader, the inspector and the engine: the engine falls back to it only for
// specs that were never resolved (the model resolves every file's to carry their sigma), and then
// must agree with the file.
export { DEFAULT_LOGNORMAL_SIGMA };

/** Draws one value of `spec`. */
export function sample(spec: DistributionInput, rng: RandomStream): number {
  if (typeof spec === 'number') return spec;
  switch (spec.dist) {
    case 'exp':
      return exponential(rng, spec.mean);
    case 'const':
      return spec.mean;
    case 'uniform':
      return uniformBetween(rng, 0, 2 * spec.mean);
    case 'lognormal':
      return lognormal(rng, spec.mean, spec.sigma ?? DEFAULT_LOGNORMAL_SIGMA);
    default:
      throw new RangeError(`unknown distribution ${JSON.stringify((spec as { dist: unknown }).dist)}`);
  }
}

/** Exponential with the given mean (inter-arrival times of a Poisson process, memoryless service). */
export function exponential(rng: RandomStream, mean: number): number {
  // next() < 1, so log1p(-u) is finite; log1p keeps precision for small u and never yields -0.
  return -Math.log1p(-rng.next()) * mean;
}

/** Uniform on [lo, hi). */
export function uniformBetween(rng: RandomStream, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** Standard normal by Box–Muller (one of the pair is discarded: streams carry no spare state). */
export function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.next(); // (0, 1]: log never sees 0
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export function normal(rng: RandomStream, mean: number, standardDeviation: number): number {
  return mean + standardDeviation * standardNormal(rng);
}

/** Lognormal whose mean is `mean`: exp(N(mu, sigma²)) with mu = ln(mean) − sigma²/2. */
export function lognormal(rng: RandomStream, mean: number, sigma: number): number {
  if (mean <= 0) return 0;
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * standardNormal(rng));
}

/** Exact mean of `spec` (equals `spec.mean` by construction for every kind). */
export function meanOf(spec: DistributionInput): number {
  return typeof spec === 'number' ? spec : spec.mean;
}

/** Exact variance of `spec`. */
export function varianceOf(spec: DistributionInput): number {
  if (typeof spec === 'number') return 0;
  const mean = spec.mean;
  switch (spec.dist) {
    case 'exp':
      return mean * mean;
    case 'const':
      return 0;
    case 'uniform':
      return ((2 * mean) * (2 * mean)) / 12;
    case 'lognormal': {
      const sigma = spec.sigma ?? DEFAULT_LOGNORMAL_SIGMA;
      return (Math.exp(sigma * sigma) - 1) * mean * mean;
    }
  }
}

/** The p-quantile (0 < p < 1) of `spec`: what a p·100th percentile should converge to. */
export function percentileOf(spec: DistributionInput, p: number): number {
  if (typeof spec === 'number') return spec;
  const mean = spec.mean;
  switch (spec.dist) {
    case 'exp':
      return -Math.log1p(-p) * mean;
    case 'const':
      return mean;
    case 'uniform':
      return 2 * mean * p;
    case 'lognormal': {
      if (mean <= 0) return 0;
      const sigma = spec.sigma ?? DEFAULT_LOGNORMAL_SIGMA;
      return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * inverseStandardNormalCdf(p));
    }
  }
}

/**
 * Inverse of the standard normal CDF, by Acklam's rational approximation (relative error
 * < 1.15e-9 over (0, 1)) — plenty for expected-percentile checks.
 */
export function inverseStandardNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`probability must be in [0, 1] (got ${p})`);
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

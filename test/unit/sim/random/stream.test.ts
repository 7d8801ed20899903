import { describe, expect, it } from 'vitest';
import { createStream } from '../../../../shared/sim/random/stream';

function draws(seed: number, name: string, count: number): number[] {
  const rng = createStream(seed, name);
  return Array.from({ length: count }, () => rng.next());
}

describe('createStream', () => {
  it('is deterministic: the same seed and name give the same sequence', () => {
    expect(draws(7, 'app1', 1000)).toEqual(draws(7, 'app1', 1000));
  });

  it('gives different sequences for a different name or seed, even similar ones', () => {
    const base = draws(7, 'app1', 64);
    for (const [seed, name] of [
      [7, 'app2'],
      [7, 'app10'],
      [7, 'App1'],
      [7, ''],
      [8, 'app1'],
      [7 + 2 ** 32, 'app1'], // the seed's high half matters too
    ] as const) {
      const other = draws(seed, name, 64);
      const equalPositions = other.filter((value, index) => value === base[index]).length;
      expect(equalPositions, `${seed}/${name}`).toBe(0);
    }
  });

  it('pins the first draws of a stream (changing them changes every saved lesson\u2019s replay)', () => {
    const rng = createStream(1, 'client1');
    expect([rng.next(), rng.next(), rng.int(1000)]).toMatchInlineSnapshot(`
      [
        0.987621988783832,
        0.8098398278496823,
        903,
      ]
    `);
  });

  it('next() is in [0, 1) and int(n) in [0, n) and an integer', () => {
    const rng = createStream(3, 'bounds');
    for (let i = 0; i < 100_000; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) throw new Error(`next() = ${u}`);
      const k = rng.int(7);
      if (!(Number.isInteger(k) && k >= 0 && k < 7)) throw new Error(`int(7) = ${k}`);
    }
    const wide = createStream(3, 'wide');
    for (let i = 0; i < 10_000; i++) {
      const k = wide.int(2 ** 32);
      if (!(Number.isInteger(k) && k >= 0 && k < 2 ** 32)) throw new Error(`int(2^32) = ${k}`);
    }
  });

  it('next() has a uniform mean and variance', () => {
    // n = 200k uniforms: mean 1/2, variance 1/12. Standard error of the mean = sqrt(1/12 / n)
    // ≈ 6.5e-4; of the variance estimate ≈ sqrt(1/180 / n) ≈ 1.7e-4. We allow 5 standard errors,
    // so a correct generator fails about once in 1.7 million runs (and the seed is fixed anyway).
    const n = 200_000;
    const rng = createStream(11, 'moments');
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sum += u;
      sumSquares += u * u;
    }
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });

  it('int(n) passes a chi-square test of uniformity', () => {
    // 100 bins, 200k draws: expected 2000 per bin. For 99 degrees of freedom the statistic has
    // mean 99 and sd sqrt(2·99) ≈ 14; 99 + 5·14 ≈ 170 is a 5-sigma bound (p ≈ 1e-8 by the normal
    // approximation, tighter in truth). Also check it is not suspiciously *too* uniform.
    for (const name of ['chi-a', 'chi-b']) {
      const bins = 100;
      const n = 200_000;
      const counts = new Array<number>(bins).fill(0);
      const rng = createStream(5, name);
      for (let i = 0; i < n; i++) counts[rng.int(bins)]++;
      const expected = n / bins;
      const chiSquare = counts.reduce((acc, count) => acc + ((count - expected) ** 2) / expected, 0);
      expect(chiSquare).toBeLessThan(170);
      expect(chiSquare).toBeGreaterThan(40);
    }
  });

  it('streams with different names are uncorrelated', () => {
    // Pearson correlation of paired draws from two streams; for independent uniforms its
    // standard error is 1/sqrt(n) ≈ 0.0022 at n = 200k. Bound: 5 standard errors.
    const n = 200_000;
    const x = createStream(1, 'app1');
    const y = createStream(1, 'app2');
    let sxy = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      const u = x.next();
      const v = y.next();
      sx += u;
      sy += v;
      sxy += u * v;
      sxx += u * u;
      syy += v * v;
    }
    const covariance = sxy / n - (sx / n) * (sy / n);
    const correlation = covariance / Math.sqrt((sxx / n - (sx / n) ** 2) * (syy / n - (sy / n) ** 2));
    expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('successive draws of one stream are uncorrelated (lag 1)', () => {
    const n = 200_000;
    const rng = createStream(2, 'lag');
    let previous = rng.next();
    let sxy = 0;
    let sx = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      sxy += previous * u;
      sx += u;
      previous = u;
    }
    const correlation = (sxy / n - (sx / n) ** 2) / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(n));
  });

  it('rejects seeds that are not integers ≥ 0', () => {
    expect(() => createStream(-1, 'x')).toThrow(RangeError);
    expect(() => createStream(1.5, 'x')).toThrow(RangeError);
    expect(() => createStream(Number.NaN, 'x')).toThrow(RangeError);
  });
});

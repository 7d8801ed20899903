import { describe, expect, it } from 'vitest';
import { LimitHistory } from '../../../../shared/sim/engine/limitHistory';

describe('LimitHistory', () => {
  it('integrates each part of a span at the limit in force then', () => {
    const limits = new LimitHistory(100);
    expect(limits.integral(0, 1000)).toBe(100_000);
    limits.set(400, 10_250);
    expect(limits.current).toBe(400);
    expect(limits.integral(5_000, 6_000)).toBe(100_000);
    expect(limits.integral(10_000, 11_000)).toBe(100 * 250 + 400 * 750);
    expect(limits.integral(12_000, 13_000)).toBe(400_000);
    // Set twice at one moment, only the last was ever in force; setting the same value changes nothing.
    limits.set(50, 20_000);
    limits.set(60, 20_000);
    limits.set(60, 21_000);
    expect(limits.integral(19_000, 22_000)).toBe(400 * 1000 + 60 * 2000);
  });
});

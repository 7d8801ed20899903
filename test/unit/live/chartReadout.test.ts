import { describe, expect, it } from 'vitest';
import { readoutValue } from '../../../renderer/live/chartReadout';

describe('a chart readout value', () => {
  it('writes counts whole with separators, latencies to 0.1 ms (seconds from 1 s), shares to 0.1 %, and a dash for none', () => {
    expect(readoutValue(12_345, '')).toBe('12,345');
    expect(readoutValue(2.5, '')).toBe('2.5');
    expect(readoutValue(16.23, 'ms')).toBe('16.2 ms');
    expect(readoutValue(1_234, 'ms')).toBe('1.23 s');
    expect(readoutValue(42.06, '%')).toBe('42.1 %');
    expect(readoutValue(null, 'ms')).toBe('—');
    expect(readoutValue(Number.NaN, '')).toBe('—');
  });
});

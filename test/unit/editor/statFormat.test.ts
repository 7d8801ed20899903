import { describe, expect, it } from 'vitest';
import { formatCount, formatFixed, formatMeanQueue, formatPercent } from '../../../renderer/app/editor/statFormat';

describe('inspector figures', () => {
  it('group thousands in every figure, not only in whole counts', () => {
    expect(formatCount(13326)).toBe('13,326');
    // A mean queue of a thousand jobs read "1017.4" beside a max queue of "2,000".
    expect(formatFixed(1017.4, 1)).toBe('1,017.4');
    expect(formatFixed(0.25, 2)).toBe('0.25');
    expect(formatFixed(1234.56, 1)).toBe('1,234.6');
  });

  it('write percentages with one decimal and no space, 0 and 100 whole', () => {
    expect(formatPercent(0.14)).toBe('14.0%');
    expect(formatPercent(0.9996)).toBe('100.0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('write a mean queue so a short one is not taken for none: 0 only when nothing waited, the report\'s three decimals below 0.01', () => {
    // The default sandbox's cache: meanQueue 0.004 in the report, max queue 3; its app servers: 0.
    expect(formatMeanQueue(0.004)).toBe('0.004');
    expect(formatMeanQueue(0)).toBe('0');
    expect(formatMeanQueue(0.079)).toBe('0.08');
    expect(formatMeanQueue(2.536)).toBe('2.54');
    expect(formatMeanQueue(1017.379)).toBe('1,017.4');
  });
});

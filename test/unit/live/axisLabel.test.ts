import { describe, expect, it } from 'vitest';
import { axisLabel } from '../../../renderer/live/UPlotChart';

describe('axisLabel', () => {
  it('keeps labels short enough for the axis', () => {
    expect(axisLabel(250, 'ms')).toBe('250ms');
    expect(axisLabel(2000, 'ms')).toBe('2 s');
    expect(axisLabel(1500, 'ms')).toBe('1.5 s');
    expect(axisLabel(12_000, '')).toBe('12k');
    expect(axisLabel(500, '')).toBe('500');
    expect(axisLabel(50, '%')).toBe('50%');
  });
});

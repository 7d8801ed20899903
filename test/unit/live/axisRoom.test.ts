import { describe, expect, it } from 'vitest';
import { timeAxisSpace, valueAxisSize, BETWEEN_TIME_LABELS_PX } from '../../../renderer/live/axisRoom';

/** Every character 6 px wide, as 11 px type roughly is. */
const measure = (text: string) => text.length * 6;

describe('timeAxisSpace', () => {
  it('sets ticks apart by the widest end label and a gap, so a long run’s wider labels get fewer ticks', () => {
    expect(timeAxisSpace(['0s', '59s'], measure)).toBe(18 + BETWEEN_TIME_LABELS_PX);
    expect(timeAxisSpace(['0:00', '1:00:00'], measure)).toBe(42 + BETWEEN_TIME_LABELS_PX);
  });
});

describe('valueAxisSize', () => {
  it('is as wide as the widest label with its tick and gap, so "0" to "20" takes less room than "500ms"', () => {
    expect(valueAxisSize(['0', '20'], measure)).toBe(12 + 10);
    expect(valueAxisSize(['0ms', '500ms'], measure)).toBe(30 + 10);
    // uPlot asks before it has labels.
    expect(valueAxisSize(null, measure)).toBe(10);
    expect(valueAxisSize([null, '5'], measure)).toBe(6 + 10);
  });
});

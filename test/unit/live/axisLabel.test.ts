import { describe, expect, it } from 'vitest';
import { axisLabel, axisSplits, niceAxisTop, percentAxisSplits, percentAxisTop, timeAxisLabels } from '../../../renderer/live/UPlotChart';

describe('axisLabel', () => {
  it('keeps labels short enough for the axis', () => {
    // Milliseconds and seconds written alike on one axis ("500ms", "1s"; it mixed "500ms" and "1 s"), as the time axis writes "10s".
    expect(axisLabel(250, 'ms')).toBe('250ms');
    expect(axisLabel(0, 'ms')).toBe('0ms');
    expect(axisLabel(2000, 'ms')).toBe('2s');
    expect(axisLabel(1500, 'ms')).toBe('1.5s');
    expect(axisLabel(12_000, '')).toBe('12k');
    expect(axisLabel(500, '')).toBe('500');
    expect(axisLabel(50, '%')).toBe('50%');
  });
});

describe('percent axis', () => {
  it('tops the axis at a round value just above the data, so a low series has a labelled top', () => {
    expect(percentAxisTop(1.7)).toBe(2);
    expect(percentAxisTop(0.03)).toBe(0.05);
    expect(percentAxisTop(0.4)).toBe(0.5);
    expect(percentAxisTop(2)).toBe(2);
    expect(percentAxisTop(22)).toBe(25);
    expect(percentAxisTop(57)).toBe(100);
    expect(percentAxisTop(100)).toBe(100);
    expect(percentAxisTop(0)).toBe(1);
    expect(percentAxisTop(Number.NaN)).toBe(1);
    expect(percentAxisSplits(2).map((v) => axisLabel(v, '%'))).toEqual(['0%', '1%', '2%']);
    expect(percentAxisSplits(0.05).map((v) => axisLabel(v, '%'))).toEqual(['0%', '0.025%', '0.05%']);
    expect(axisLabel(0.1 + 0.2, '%')).toBe('0.3%');
  });
});

describe('every y axis', () => {
  it('ends on a round value at or above the data, so the top has a label (a short plot used to show only "0")', () => {
    expect(niceAxisTop(166)).toBe(200);
    expect(niceAxisTop(600)).toBe(1000);
    expect(niceAxisTop(230)).toBe(250);
    expect(niceAxisTop(2400)).toBe(2500);
    expect(niceAxisTop(3)).toBe(5);
    expect(niceAxisTop(0)).toBe(1);
  });

  it('labels 0, the middle and the top; only 0 and the top on a short plot, or when a count’s middle is a fraction', () => {
    expect(axisSplits(200, 100, true)).toEqual([0, 100, 200]);
    expect(axisSplits(200, 32, true)).toEqual([0, 200]);
    expect(axisSplits(1, 100, true)).toEqual([0, 1]);
    expect(axisSplits(250, 100, true)).toEqual([0, 125, 250]);
    expect(axisSplits(2.5, 100, false)).toEqual([0, 1.25, 2.5]);
    expect(percentAxisSplits(100, 30)).toEqual([0, 100]);
  });
});

describe('time axis', () => {
  it('labels seconds while every tick is under a minute, else reads as the clock does', () => {
    expect(timeAxisLabels([0, 5, 10, 15])).toEqual(['0s', '5s', '10s', '15s']);
    // A 20-minute lesson: whole-minute ticks, not "500s 1000s".
    expect(timeAxisLabels([0, 300, 600, 900, 1200])).toEqual(['0:00', '5:00', '10:00', '15:00', '20:00']);
    expect(timeAxisLabels([30, 60, 90])).toEqual(['0:30', '1:00', '1:30']);
    // As the playback clock beside the charts writes a long run: hours from the hour on.
    expect(timeAxisLabels([0, 3600, 5400])).toEqual(['0:00', '1:00:00', '1:30:00']);
  });
});

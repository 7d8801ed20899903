import { describe, expect, it } from 'vitest';
import { formatSimSeconds, formatSimTime } from '../../../renderer/live/speedPresets';

describe('formatSimTime', () => {
  it('writes m:ss.s', () => {
    expect(formatSimTime(0)).toBe('0:00.0');
    expect(formatSimTime(3_800)).toBe('0:03.8');
    expect(formatSimTime(60_000)).toBe('1:00.0');
    expect(formatSimTime(1_200_000)).toBe('20:00.0');
    expect(formatSimTime(-5)).toBe('0:00.0');
  });

  it('never writes 60 seconds: a time just short of a minute rounds up to the next one', () => {
    expect(formatSimTime(59_970)).toBe('1:00.0');
    expect(formatSimTime(119_960)).toBe('2:00.0');
    expect(formatSimTime(59_940)).toBe('0:59.9');
  });
});

describe('formatSimSeconds', () => {
  it('writes seconds under a minute, and the clock\'s m:ss (without its tenth) from one on', () => {
    expect(formatSimSeconds(0)).toBe('0 s');
    expect(formatSimSeconds(59)).toBe('59 s');
    expect(formatSimSeconds(60)).toBe('1:00');
    expect(formatSimSeconds(889)).toBe('14:49');
    expect(formatSimSeconds(1200)).toBe('20:00');
  });
});

import { describe, expect, it } from 'vitest';
import { formatSimSeconds, formatSimTime } from '../../../renderer/live/speedPresets';
import { parseEventTime } from '../../../renderer/live/scenarioEdits';

describe('formatSimTime', () => {
  it('writes m:ss.s', () => {
    expect(formatSimTime(0)).toBe('0:00.0');
    expect(formatSimTime(3_800)).toBe('0:03.8');
    expect(formatSimTime(60_000)).toBe('1:00.0');
    expect(formatSimTime(1_200_000)).toBe('20:00.0');
    expect(formatSimTime(-5)).toBe('0:00.0');
  });

  it('writes h:mm:ss.s from an hour on (a day-long run ended at "1440:00.0"), which the event editor reads back', () => {
    expect(formatSimTime(3_599_900)).toBe('59:59.9');
    expect(formatSimTime(3_599_970)).toBe('1:00:00.0');
    expect(formatSimTime(3_723_400)).toBe('1:02:03.4');
    expect(formatSimTime(86_400_000)).toBe('24:00:00.0');
    expect(parseEventTime(formatSimTime(3_723_400))).toEqual({ ok: true, value: 3723.4 });
    expect(formatSimSeconds(3_723)).toBe('1:02:03');
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

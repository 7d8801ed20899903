import { describe, expect, it } from 'vitest';
import { keyStepOrigin } from '../../../renderer/live/keyStepOrigin';

describe('keyStepOrigin: where a timeline key steps from', () => {
  const paused = (timeMs: number) => ({ timeMs, playing: false });

  it('the frame on screen when no key has asked yet', () => {
    expect(keyStepOrigin(null, paused(4000), 0)).toBe(4000);
  });

  it('the time asked last, while no newer frame has come', () => {
    const frame = paused(10_000);
    expect(keyStepOrigin({ timeMs: 13_000, frame }, frame, 10_000)).toBe(13_000);
  });

  it('the time asked last when a paused frame answers an older press (it would step back)', () => {
    // → three times from 10 s (asked 11, 12, 13 s), then the answer to the first press comes.
    expect(keyStepOrigin({ timeMs: 13_000, frame: paused(10_000) }, paused(11_000), 11_000)).toBe(13_000);
  });

  it('the newest frame once it answers the last press, or when the run plays on', () => {
    const asked = { timeMs: 13_000, frame: paused(10_000) };
    expect(keyStepOrigin(asked, paused(13_000), 13_000)).toBe(13_000);
    expect(keyStepOrigin(asked, { timeMs: 13_400, playing: true }, 13_400)).toBe(13_400);
  });

  it('the time asked, or the time shown, before any frame', () => {
    expect(keyStepOrigin({ timeMs: 2000, frame: null }, null, 0)).toBe(2000);
    expect(keyStepOrigin(null, null, 500)).toBe(500);
  });
});

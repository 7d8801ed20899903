import { describe, expect, it } from 'vitest';
import { BADGE_MIN_SCREEN_FONT, badgeScale } from '../../../renderer/live/badgeScale';
import { LIVE_SIZES } from '../../../renderer/live/liveSizes';

describe('badgeScale', () => {
  const font = LIVE_SIZES.normal.badgeFont;

  it('is 1 wherever the badge reads at its own size', () => {
    for (const zoom of [BADGE_MIN_SCREEN_FONT.normal / font, 1, 3]) expect(badgeScale(font, zoom, false)).toBe(1);
  });

  it('far out keeps the text at the minimum screen size or a little over, in 1/8 steps', () => {
    for (const zoom of [0.33, 0.25, 0.21, 0.1, 0.9]) {
      const scale = badgeScale(font, zoom, false);
      const screen = font * scale * zoom;
      expect(screen).toBeGreaterThanOrEqual(BADGE_MIN_SCREEN_FONT.normal - 1e-9);
      expect(screen).toBeLessThan(BADGE_MIN_SCREEN_FONT.normal + font * zoom / 8 + 1e-9);
      expect(scale * 8).toBe(Math.round(scale * 8));
    }
    // Lesson 7 at 1280×800 pauses at about 0.33: 3.6 px before; 10 / 3.63 = 2.755, so the scale is 2.875 and the text 10.4 px.
    expect(badgeScale(font, 0.33, false)).toBe(2.875);
    expect(font * badgeScale(font, 0.33, false) * 0.33).toBeCloseTo(10.44, 2);
  });

  it('in classroom mode keeps 12 screen px, from the classroom badge size', () => {
    const classroomFont = LIVE_SIZES.classroom.badgeFont;
    expect(classroomFont * badgeScale(classroomFont, 0.3, true) * 0.3).toBeGreaterThanOrEqual(BADGE_MIN_SCREEN_FONT.classroom);
    expect(badgeScale(classroomFont, BADGE_MIN_SCREEN_FONT.classroom / classroomFont, true)).toBe(1);
  });

  it('changes only when the zoom crosses a step, not on every frame of a smooth zoom', () => {
    const scales = new Set<number>();
    for (let zoom = 0.3; zoom <= 0.31; zoom += 0.0005) scales.add(badgeScale(font, zoom, false));
    expect(scales.size).toBeLessThanOrEqual(2);
  });
});

import { describe, expect, it } from 'vitest';
import { REGION_TITLE_INSET, REGION_TITLE_MIN_SCREEN_SIZE, REGION_TITLE_SIZE, regionTitleLayout, titleFirstWord, titleWidthLimit } from '../../../renderer/canvas/regionTitle';

/** Lesson 8's regions are 1000 world units wide; fitted into 800×600 it opens at about 0.235. */
const LESSON_8_WIDTH = 1000;
const ROOM = LESSON_8_WIDTH - 2 * REGION_TITLE_INSET.x;

describe('regionTitleLayout', () => {
  it('draws the title at its world size, cut to the box, where that is readable', () => {
    for (const zoom of [11 / 13, 1, 2.5]) {
      const layout = regionTitleLayout(LESSON_8_WIDTH, zoom, false);
      expect(layout.scale).toBe(1);
      expect(layout.fontSize).toBe(REGION_TITLE_SIZE.normal);
      expect(layout.maxTextWidth).toBe(ROOM);
      expect(layout.screenSize).toBeCloseTo(REGION_TITLE_SIZE.normal * zoom);
    }
  });

  it('far out keeps the title at the minimum screen size', () => {
    for (const zoom of [0.25, 0.235, 0.1]) {
      const layout = regionTitleLayout(LESSON_8_WIDTH, zoom, false);
      expect(REGION_TITLE_SIZE.normal * layout.scale * zoom).toBeCloseTo(REGION_TITLE_MIN_SCREEN_SIZE.normal);
      expect(layout.screenSize).toBe(REGION_TITLE_MIN_SCREEN_SIZE.normal);
      expect(layout.scale).toBeGreaterThan(1);
    }
    expect(regionTitleLayout(LESSON_8_WIDTH, 0.25, false).scale).toBeCloseTo(11 / (13 * 0.25));
  });

  it('in classroom mode keeps 13 screen px, from its own 17 px type', () => {
    const layout = regionTitleLayout(LESSON_8_WIDTH, 0.25, true);
    expect(layout.fontSize).toBe(REGION_TITLE_SIZE.classroom);
    expect(REGION_TITLE_SIZE.classroom * layout.scale * 0.25).toBeCloseTo(REGION_TITLE_MIN_SCREEN_SIZE.classroom);
    expect(regionTitleLayout(LESSON_8_WIDTH, 13 / 17, true).scale).toBe(1);
  });

  it('far out cuts the title to the box as the screen shows it, never wider', () => {
    for (const zoom of [0.25, 0.235, 0.4, 0.1]) {
      const layout = regionTitleLayout(LESSON_8_WIDTH, zoom, false);
      const titleOnScreen = layout.maxTextWidth * layout.scale * zoom;
      const boxRoomOnScreen = ROOM * zoom;
      expect(titleOnScreen).toBeLessThanOrEqual(boxRoomOnScreen + 1e-9);
      // Within one step of 4 screen px.
      expect(titleOnScreen).toBeGreaterThan(boxRoomOnScreen - 4);
    }
    // At 0.25 the box's room is 964 × 0.25 = 241 screen px, stepped to 240: 240 px of 11 px type is 240 × 13 / 11 units of 13 px type.
    expect(regionTitleLayout(LESSON_8_WIDTH, 0.25, false).maxTextWidth).toBeCloseTo((240 * 13) / 11);
  });

  it('re-cuts the title only when the zoom crosses a step of the box width on screen', () => {
    const widths = new Set<number>();
    // A smooth zoom from 0.2 to 0.25, a thousand frames: the box's room on screen grows from 192.8 px to 241 px.
    for (let frame = 0; frame <= 1000; frame++) widths.add(regionTitleLayout(LESSON_8_WIDTH, 0.2 + (0.05 * frame) / 1000, false).maxTextWidth);
    expect(widths.size).toBeLessThanOrEqual(Math.ceil((241 - 192.8) / 4) + 1);
    expect(widths.size).toBeGreaterThan(1);
    // Within a step the cut width stays put.
    expect(regionTitleLayout(LESSON_8_WIDTH, 0.2491, false).maxTextWidth).toBe(regionTitleLayout(LESSON_8_WIDTH, 0.2495, false).maxTextWidth);
  });

  it('rasterises the text near 1:1 with the screen, not at 2× then stretched', () => {
    // Far out one unit of 13 px type is 11/13 screen px: resolution 1 on a plain screen, 2 on a 2× one.
    expect(regionTitleLayout(LESSON_8_WIDTH, 0.235, false, 1).resolution).toBe(1);
    expect(regionTitleLayout(LESSON_8_WIDTH, 0.235, false, 2).resolution).toBe(2);
    // Zoomed in, it follows the zoom as the cards' text does.
    expect(regionTitleLayout(LESSON_8_WIDTH, 2, false, 1).resolution).toBe(2);
  });

  it('leaves a box too narrow for its insets no room, rather than a negative width', () => {
    expect(regionTitleLayout(20, 1, false).maxTextWidth).toBe(0);
    expect(regionTitleLayout(20, 0.2, false).maxTextWidth).toBe(0);
  });
});

describe('titleWidthLimit', () => {
  // A title row at zoom 0.25 (11 screen px, 44 world units high) from x = 100, whose first word
  // and "…" take 176 world units.
  const zoom = 0.25;
  const row = { x: 100, y: 12, h: 44 };
  const shortest = 176;

  it('ends the title before the first obstacle lying across its row', () => {
    const obstacles = [
      { x: 900, y: 20, w: 300, h: 60 },
      { x: 600, y: 30, w: 300, h: 60 },
    ];
    // 4 screen px (16 world units) short of the nearer one.
    expect(titleWidthLimit(row, obstacles, zoom, shortest)).toBeCloseTo(600 - 100 - 4 / zoom);
  });

  it('ignores obstacles above or below the row, and ones wholly left of it', () => {
    const obstacles = [
      { x: 400, y: 56, w: 300, h: 60 },
      { x: 400, y: -60, w: 300, h: 72 },
      { x: -300, y: 12, w: 400, h: 44 },
    ];
    expect(titleWidthLimit(row, obstacles, zoom, shortest)).toBe(Infinity);
  });

  it('does not cut a title short of its first word: an obstacle nearer its start covers it instead', () => {
    expect(titleWidthLimit(row, [{ x: 100 + 150, y: 12, w: 300, h: 44 }], zoom, shortest)).toBe(Infinity);
    expect(titleWidthLimit(row, [{ x: 80, y: 12, w: 300, h: 44 }], zoom, shortest)).toBe(Infinity);
    expect(titleWidthLimit(row, [{ x: 100 + 176 + 16, y: 12, w: 300, h: 44 }], zoom, shortest)).toBeCloseTo(176);
    // Nor for a farther one then: cut before it, the title would still lie under the nearer one.
    expect(titleWidthLimit(row, [{ x: 700, y: 12, w: 40, h: 44 }, { x: 150, y: 12, w: 40, h: 44 }], zoom, shortest)).toBe(Infinity);
  });

  it('cuts the layout to the limit as the screen shows it, in the same 4 px steps', () => {
    const whole = regionTitleLayout(LESSON_8_WIDTH, zoom, false);
    const limited = regionTitleLayout(LESSON_8_WIDTH, zoom, false, 1, 401);
    expect(limited.scale).toBe(whole.scale);
    // 401 world units are 100.25 screen px: 100 after the step, in text units of 11/13 screen px.
    expect(limited.maxTextWidth).toBeCloseTo(100 / (11 / 13));
    expect(limited.maxTextWidth).toBeLessThan(whole.maxTextWidth);
    expect(regionTitleLayout(LESSON_8_WIDTH, zoom, false, 1, 10_000).maxTextWidth).toBe(whole.maxTextWidth);
  });
});

describe('titleFirstWord', () => {
  it('is what a cut title keeps: its first word, or the whole of a one-word title', () => {
    expect(titleFirstWord('CONSISTENT HASHING')).toBe('CONSISTENT');
    expect(titleFirstWord('ASYNCHRONOUS REPLICATION')).toBe('ASYNCHRONOUS');
    expect(titleFirstWord('US EAST')).toBe('US');
    expect(titleFirstWord('EUROPE')).toBe('EUROPE');
  });
});

import { describe, expect, it } from 'vitest';
import { placeMenu } from '../../../renderer/live/menuPlacement';

const window = { width: 800, height: 600 };
const menu = { width: 272, height: 168 };

describe('placeMenu', () => {
  it('opens at the point when the menu fits there', () => {
    expect(placeMenu({ x: 100, y: 100 }, menu, window)).toEqual({ x: 100, y: 100 });
  });

  it('opens to the left of, or above, a point near the right or bottom edge', () => {
    expect(placeMenu({ x: 600, y: 100 }, menu, window)).toEqual({ x: 328, y: 100 });
    expect(placeMenu({ x: 100, y: 500 }, menu, window)).toEqual({ x: 100, y: 332 });
  });

  it('keeps against the far edge when flipping would cross the near one, and starts at the top when taller than the window', () => {
    expect(placeMenu({ x: 200, y: 100 }, { width: 700, height: 100 }, window)).toEqual({ x: 92, y: 100 });
    expect(placeMenu({ x: 100, y: 300 }, { width: 200, height: 700 }, window)).toEqual({ x: 100, y: 8 });
  });
});

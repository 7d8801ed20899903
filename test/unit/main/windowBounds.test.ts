import { describe, expect, it } from 'vitest';
import { restoreBounds } from '../../../main/window/windowBounds';

const screens = [
  { x: 0, y: 0, width: 1920, height: 1080 },
  { x: 1920, y: 0, width: 1280, height: 1024 },
];
const minimum = { width: 960, height: 600 };

describe('restoreBounds', () => {
  it('restores bounds that are on a screen, and the maximized flag', () => {
    expect(restoreBounds({ bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true }, screens, minimum)).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true });
    expect(restoreBounds({ bounds: { x: 2000, y: 10, width: 1000, height: 700 } }, screens, minimum)?.bounds.x).toBe(2000);
  });

  it('gives up on a window whose screen is gone (title bar unreachable)', () => {
    expect(restoreBounds({ bounds: { x: 3500, y: 0, width: 1000, height: 700 }, maximized: false }, screens, minimum)).toBeNull();
    expect(restoreBounds({ bounds: { x: 100, y: -500, width: 1000, height: 700 }, maximized: false }, screens, minimum)).toBeNull();
  });

  it('raises a too-small size to the minimum', () => {
    expect(restoreBounds({ bounds: { x: 0, y: 0, width: 10, height: 10 } }, screens, minimum)?.bounds).toEqual({ x: 0, y: 0, width: 960, height: 600 });
  });

  it.each([null, 'garbage', { bounds: null }, { bounds: { x: 0, y: 0, width: Infinity, height: 1 } }, { bounds: { x: '0', y: 0, width: 1, height: 1 } }])('ignores damaged state %j', (saved) => {
    expect(restoreBounds(saved, screens, minimum)).toBeNull();
  });
});

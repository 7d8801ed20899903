import { describe, expect, it } from 'vitest';
import { bandChanged, fitCamera, MESSAGES_GAP_PX, messagesBandPx } from '../../../renderer/canvas/fitArea';

describe('messagesBandPx', () => {
  const canvas = { top: 40, bottom: 485 };

  it('is what the messages column covers of the canvas, with a gap above it', () => {
    // Lesson 1's paused caption in classroom mode at 1280×800: 187 px tall, 18 px above the canvas's bottom.
    expect(messagesBandPx(canvas, { top: 280, bottom: 467 })).toBe(485 - 280 + MESSAGES_GAP_PX);
  });

  it('is 0 when the column shows nothing or lies below the canvas', () => {
    expect(messagesBandPx(canvas, { top: 467, bottom: 467 })).toBe(0);
    expect(messagesBandPx(canvas, null)).toBe(0);
    expect(messagesBandPx(canvas, { top: 500, bottom: 540 })).toBe(0);
  });

  it('never covers more than the whole canvas', () => {
    expect(messagesBandPx(canvas, { top: 0, bottom: 485 }, 0)).toBe(445);
  });
});

describe('fitCamera', () => {
  const screen = { width: 940, height: 445 };
  const rect = { x: 100, y: 50, w: 420, h: 220 };
  const options = { topPx: 85, bottomPx: 213, margin: 32, minZoom: 0.04, maxZoom: 2.5 };

  /** Where the rect lands on the screen (screen y of its top and bottom) with the camera fitted. */
  const project = (fit: { zoom: number; centre: { x: number; y: number } }) => ({
    top: (rect.y - fit.centre.y) * fit.zoom + screen.height / 2,
    bottom: (rect.y + rect.h - fit.centre.y) * fit.zoom + screen.height / 2,
    left: (rect.x - fit.centre.x) * fit.zoom + screen.width / 2,
    right: (rect.x + rect.w - fit.centre.x) * fit.zoom + screen.width / 2,
  });

  it('shows the whole rect between the top overlays and the messages column', () => {
    const shown = project(fitCamera(screen, rect, options));
    expect(shown.top).toBeGreaterThanOrEqual(options.topPx);
    expect(shown.bottom).toBeLessThanOrEqual(screen.height - options.bottomPx + 1e-9);
    expect(shown.left).toBeGreaterThanOrEqual(0);
    expect(shown.right).toBeLessThanOrEqual(screen.width);
    // Centred in the free band, with the margin on the tighter side.
    expect(shown.top - options.topPx).toBeCloseTo(screen.height - options.bottomPx - shown.bottom, 6);
    expect(shown.top - options.topPx).toBeCloseTo(options.margin * fitCamera(screen, rect, options).zoom, 6);
  });

  it('zooms out as the messages column grows', () => {
    const small = fitCamera(screen, rect, { ...options, bottomPx: 100 });
    const tall = fitCamera(screen, rect, options);
    expect(tall.zoom).toBeLessThan(small.zoom);
  });

  it('keeps to its zoom limits, and to a 1-pixel band when the overlays leave nothing', () => {
    expect(fitCamera(screen, { x: 0, y: 0, w: 10, h: 10 }, { ...options, margin: 0 }).zoom).toBe(options.maxZoom);
    expect(fitCamera(screen, rect, { ...options, topPx: 300, bottomPx: 300 }).zoom).toBe(options.minZoom);
  });
});

describe('bandChanged', () => {
  it('ignores a few pixels either way and not a caption line', () => {
    expect(bandChanged(213, 220)).toBe(false);
    expect(bandChanged(213, 180)).toBe(true);
    expect(bandChanged(100, 213)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { bandChanged, fitAround, freeBoxes, MESSAGES_GAP_PX, messagesBandPx, type ScreenBox } from '../../../renderer/canvas/fitArea';
import { fitCamera } from './bandFit';

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

describe('fitCamera (the band fit fitAround is checked against)', () => {
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

describe('fitAround', () => {
  // Lesson 8's three regions (wide, fairly tall) on a 1024×640 window's canvas: the folded legend
  // at the top left, the toolbar at the top right, the paused caption across the bottom.
  const screen = { width: 692, height: 344 };
  const rect = { x: 0, y: 0, w: 2000, h: 640 };
  const legend: ScreenBox = { left: 2, top: 2, right: 90, bottom: 44 };
  const toolbar: ScreenBox = { left: 404, top: 4, right: 688, bottom: 60 };
  const caption: ScreenBox = { left: 4, top: 265, right: 688, bottom: 344 };
  const limits = { margin: 32, minZoom: 0.04, maxZoom: 1.5 };

  const project = (fit: { zoom: number; centre: { x: number; y: number } }, shown = rect, on = screen): ScreenBox => ({
    left: (shown.x - fit.centre.x) * fit.zoom + on.width / 2,
    top: (shown.y - fit.centre.y) * fit.zoom + on.height / 2,
    right: (shown.x + shown.w - fit.centre.x) * fit.zoom + on.width / 2,
    bottom: (shown.y + shown.h - fit.centre.y) * fit.zoom + on.height / 2,
  });
  const overlaps = (a: ScreenBox, b: ScreenBox) => a.left < b.right - 1e-9 && b.left < a.right - 1e-9 && a.top < b.bottom - 1e-9 && b.top < a.bottom - 1e-9;

  it('lists the gaps beside the overlays as well as the bands between them', () => {
    const boxes = freeBoxes(screen, [legend, toolbar, caption]);
    // Between the legend and the toolbar, from the top down to the caption.
    expect(boxes).toContainEqual({ left: 90, top: 0, right: 404, bottom: 265 });
    // Under both, across the whole width.
    expect(boxes).toContainEqual({ left: 0, top: 60, right: 692, bottom: 265 });
    // Beside the toolbar under the legend.
    expect(boxes).toContainEqual({ left: 0, top: 44, right: 404, bottom: 265 });
  });

  it('matches a fit between a top and a bottom band when the overlays span the canvas', () => {
    const bands = fitAround(screen, rect, { ...limits, overlays: [{ left: 0, top: 0, right: 692, bottom: 60 }, { left: 0, top: 265, right: 692, bottom: 344 }] });
    const old = fitCamera(screen, rect, { ...limits, topPx: 60, bottomPx: 344 - 265 });
    expect(bands.zoom).toBeCloseTo(old.zoom, 9);
    expect(bands.centre.x).toBeCloseTo(old.centre.x, 6);
    expect(bands.centre.y).toBeCloseTo(old.centre.y, 6);
  });

  it('shows the whole diagram clear of every overlay, never smaller than under the lowest top overlay', () => {
    const fit = fitAround(screen, rect, { ...limits, overlays: [legend, toolbar, caption] });
    const shown = project(fit);
    for (const overlay of [legend, toolbar, caption]) expect(overlaps(shown, overlay)).toBe(false);
    expect(shown.left).toBeGreaterThanOrEqual(0);
    expect(shown.right).toBeLessThanOrEqual(screen.width);
    expect(fit.zoom).toBeGreaterThanOrEqual(fitCamera(screen, rect, { ...limits, topPx: 60, bottomPx: 344 - 265 }).zoom);
  });

  it('sets a tall diagram beside a wide legend rather than under it', () => {
    const tall = { x: 0, y: 0, w: 300, h: 900 };
    const wideLegend: ScreenBox = { left: 2, top: 2, right: 300, bottom: 125 };
    const small = { width: 500, height: 318 };
    const fit = fitAround(small, tall, { ...limits, overlays: [wideLegend] });
    const under = fitCamera(small, tall, { ...limits, topPx: 125, bottomPx: 0 });
    expect(fit.zoom).toBeGreaterThan(under.zoom * 1.5);
    const shown = project(fit, tall, small);
    expect(shown.left).toBeGreaterThanOrEqual(300);
    expect(shown.top).toBeGreaterThanOrEqual(0);
    expect(shown.bottom).toBeLessThanOrEqual(318);
  });

  it('centres a small design at its largest zoom, not in a corner beside an overlay', () => {
    const small = { x: 0, y: 0, w: 100, h: 50 };
    const fit = fitAround(screen, small, { ...limits, overlays: [legend, toolbar, caption] });
    expect(fit.zoom).toBe(limits.maxZoom);
    const shown = project(fit, small);
    // In the band under both top overlays and above the caption, across the whole width.
    expect((shown.left + shown.right) / 2).toBeCloseTo(screen.width / 2, 6);
    expect((shown.top + shown.bottom) / 2).toBeCloseTo((60 + 265) / 2, 6);
  });

  it('sets a diagram beside the legend only for clearly more zoom, else centred under it', () => {
    const canvas = { width: 800, height: 400 };
    const topLeftLegend: ScreenBox = { left: 0, top: 0, right: 200, bottom: 60 };
    const fitOf = (rectangle: { x: number; y: number; w: number; h: number }) => {
      const fit = fitAround(canvas, rectangle, { margin: 0, minZoom: 0.04, maxZoom: 4, overlays: [topLeftLegend] });
      return { zoom: fit.zoom, shown: project(fit, rectangle, canvas) };
    };
    // Beside the legend (600×400) gives zoom 2, under it (800×340) 1.89: 6 % is not worth a
    // diagram pushed against the right edge.
    const slightly = fitOf({ x: 0, y: 0, w: 300, h: 180 });
    expect(slightly.zoom).toBeCloseTo(340 / 180, 9);
    expect((slightly.shown.left + slightly.shown.right) / 2).toBeCloseTo(400, 6);
    expect(slightly.shown.top).toBeGreaterThanOrEqual(60);
    // 2 against 1.7 (18 %): beside it.
    const clearly = fitOf({ x: 0, y: 0, w: 300, h: 200 });
    expect(clearly.zoom).toBeCloseTo(2, 9);
    expect(clearly.shown.left).toBeGreaterThanOrEqual(200);
  });

  it('beside the legend, stands the diagram as near the canvas\'s centre as the legend lets it', () => {
    const canvas = { width: 800, height: 400 };
    const topLeftLegend: ScreenBox = { left: 0, top: 0, right: 200, bottom: 60 };
    const square = { x: 0, y: 0, w: 200, h: 200 };
    // Beside: zoom 2 (400 px wide in a 600 px box); under: 1.7.
    const fit = fitAround(canvas, square, { margin: 0, minZoom: 0.04, maxZoom: 4, overlays: [topLeftLegend] });
    expect(fit.zoom).toBeCloseTo(2, 9);
    const shown = project(fit, square, canvas);
    // Centred on the canvas, its left edge just clear of the legend (not centred in 200–800).
    expect(shown.left).toBeCloseTo(200, 6);
    expect((shown.left + shown.right) / 2).toBeCloseTo(400, 6);
  });

  it('fits the whole canvas when the overlays cover all of it', () => {
    const fit = fitAround(screen, rect, { ...limits, overlays: [{ left: 0, top: 0, right: 692, bottom: 344 }] });
    expect(fit.zoom).toBeCloseTo(fitCamera(screen, rect, { ...limits, topPx: 0, bottomPx: 0 }).zoom, 9);
  });
});

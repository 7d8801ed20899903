import type { Point, Rect } from '../../../renderer/editor/geometry';

/*
 * The fit the canvas used before fitAround: the diagram centred in the band between the top
 * overlays and the messages column, across the whole width. The app no longer calls it; the
 * fitAround tests hold it as the reference fitAround must match when the overlays span the
 * canvas, and never do worse than.
 */

interface BandFitOptions {
  /** Screen pixels kept free at the top (the toolbar and legend). */
  topPx: number;
  /** Screen pixels kept free at the bottom (the messages column, or a fixed band for captions). */
  bottomPx: number;
  /** Screen pixels of margin around the content inside the free area. */
  margin: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * The camera that shows all of `rect` inside the part of a `width`×`height` canvas left free
 * between `topPx` and `bottomPx`: its zoom and the world point at the canvas's centre.
 */
export function fitCamera(screen: { width: number; height: number }, rect: Rect, options: BandFitOptions): { zoom: number; centre: Point } {
  const usableHeight = Math.max(1, screen.height - options.topPx - options.bottomPx);
  const scale = Math.min(screen.width / (rect.w + options.margin * 2), usableHeight / (rect.h + options.margin * 2));
  const zoom = Math.min(Math.max(scale, options.minZoom), options.maxZoom);
  // The free area's centre is (topPx - bottomPx) / 2 screen pixels below the canvas's centre.
  const centre = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 - (options.topPx - options.bottomPx) / 2 / zoom };
  return { zoom, centre };
}

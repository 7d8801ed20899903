import type { Point, Rect } from '../editor/geometry';

/** Screen pixels kept between the diagram and the messages column over the canvas's bottom edge. */
export const MESSAGES_GAP_PX = 8;

/** A box on the page (getBoundingClientRect's fields that matter here). */
export interface PageBox {
  top: number;
  bottom: number;
}

/**
 * How many screen pixels at the bottom of the canvas the messages column (notices, hint, narration)
 * covers, with a small gap above it: 0 when the column shows nothing or sits outside the canvas.
 */
export function messagesBandPx(canvas: PageBox, messages: PageBox | null, gap = MESSAGES_GAP_PX): number {
  if (!messages || messages.bottom - messages.top <= 0) return 0;
  const top = Math.max(messages.top, canvas.top);
  if (top >= canvas.bottom) return 0;
  return Math.ceil(canvas.bottom - top + gap);
}

export interface FitOptions {
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
export function fitCamera(screen: { width: number; height: number }, rect: Rect, options: FitOptions): { zoom: number; centre: Point } {
  const usableHeight = Math.max(1, screen.height - options.topPx - options.bottomPx);
  const scale = Math.min(screen.width / (rect.w + options.margin * 2), usableHeight / (rect.h + options.margin * 2));
  const zoom = Math.min(Math.max(scale, options.minZoom), options.maxZoom);
  // The free area's centre is (topPx - bottomPx) / 2 screen pixels below the canvas's centre.
  const centre = { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 - (options.topPx - options.bottomPx) / 2 / zoom };
  return { zoom, centre };
}

/** The messages column changed height enough (either way) for a view still as Fit left it to fit again. */
export function bandChanged(before: number, after: number, thresholdPx = 12): boolean {
  return Math.abs(after - before) > thresholdPx;
}

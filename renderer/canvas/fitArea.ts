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

/** The messages column changed height enough (either way) for a view still as Fit left it to fit again. */
export function bandChanged(before: number, after: number, thresholdPx = 12): boolean {
  return Math.abs(after - before) > thresholdPx;
}

/** A box on the canvas in screen pixels, from its top-left corner (an overlay drawn over it). */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface FitAroundOptions {
  /** The overlays over the canvas (legend, toolbar, messages), each already grown by the gap kept from it. */
  overlays: readonly ScreenBox[];
  /** Margin around the content, in world units. */
  margin: number;
  minZoom: number;
  maxZoom: number;
}

/**
 * The largest boxes of the canvas no overlay covers: for each band between an overlay's bottom
 * (or the canvas's top) and another's top (or the canvas's bottom), the gaps between the overlays
 * that reach into that band. A handful of overlays gives a handful of boxes.
 */
export function freeBoxes(screen: { width: number; height: number }, overlays: readonly ScreenBox[]): ScreenBox[] {
  const clipped = overlays
    .map((box) => ({ left: Math.max(0, box.left), top: Math.max(0, box.top), right: Math.min(screen.width, box.right), bottom: Math.min(screen.height, box.bottom) }))
    .filter((box) => box.right > box.left && box.bottom > box.top);
  const tops = [0, ...clipped.map((box) => box.bottom)];
  const bottoms = [screen.height, ...clipped.map((box) => box.top)];
  const boxes: ScreenBox[] = [];
  for (const top of tops) {
    for (const bottom of bottoms) {
      if (bottom <= top) continue;
      const blocking = clipped.filter((box) => box.top < bottom && box.bottom > top).sort((a, b) => a.left - b.left);
      let left = 0;
      for (const box of [...blocking, { left: screen.width, right: screen.width }]) {
        if (box.left > left) boxes.push({ left, top, right: box.left, bottom });
        left = Math.max(left, box.right);
      }
    }
  }
  return boxes;
}

/**
 * How much zoom a box off the canvas's centre must win by to be chosen over a more central one.
 * A diagram set beside the legend for a few percent more zoom sits against the canvas's far edge
 * with a third of the canvas empty beside it, and jumps there and back as a caption comes and
 * goes; beside the legend is worth it when it makes the cards clearly larger (at 800×600 it
 * tripled lesson 8's zoom), not for a few percent.
 */
export const OFF_CENTRE_ZOOM_GAIN = 1.1;

/**
 * The camera that shows all of `rect` as large as it can be shown without any overlay over it:
 * in a free box (see freeBoxes), centred there. A diagram may sit beside a narrow overlay (the
 * legend at the top left) rather than under it, and only the overlays over its columns push it
 * down. Among the boxes that show it within {@link OFF_CENTRE_ZOOM_GAIN} of the largest zoom, the
 * one whose centre is nearest the canvas's centre (so a design is not pushed aside for little).
 */
export function fitAround(screen: { width: number; height: number }, rect: Rect, options: FitAroundOptions): { zoom: number; centre: Point } {
  const zoomIn = (box: ScreenBox) =>
    Math.min(Math.max(Math.min((box.right - box.left) / (rect.w + options.margin * 2), (box.bottom - box.top) / (rect.h + options.margin * 2)), options.minZoom), options.maxZoom);
  const offCentre = (box: ScreenBox) => Math.hypot((box.left + box.right - screen.width) / 2, (box.top + box.bottom - screen.height) / 2);
  const candidates = freeBoxes(screen, options.overlays).map((box) => ({ box, zoom: zoomIn(box), offCentre: offCentre(box) }));
  const largest = Math.max(...candidates.map((candidate) => candidate.zoom));
  let best: (typeof candidates)[number] | null = null;
  for (const candidate of candidates) {
    if (candidate.zoom * OFF_CENTRE_ZOOM_GAIN < largest) continue;
    // Nearer the centre wins; at the same distance (within a pixel), the larger zoom.
    if (best === null || candidate.offCentre < best.offCentre - 1 || (candidate.offCentre <= best.offCentre + 1 && candidate.zoom > best.zoom)) best = candidate;
  }
  // Overlays over the whole canvas leave nothing free: fit the whole canvas rather than nothing.
  const box = best?.box ?? { left: 0, top: 0, right: screen.width, bottom: screen.height };
  const zoom = best?.zoom ?? zoomIn(box);
  // Across, the diagram goes as near the canvas's centre as the box lets it (in a box beside the
  // legend it then stands against the legend's column, not in the middle of what is left); down,
  // in the middle of the box, between the top overlays and the caption.
  const halfWidthPx = ((rect.w + options.margin * 2) * zoom) / 2;
  const centreXPx = Math.min(Math.max(screen.width / 2, box.left + halfWidthPx), box.right - halfWidthPx);
  const shownCentreXPx = box.right - box.left >= 2 * halfWidthPx ? centreXPx : (box.left + box.right) / 2;
  // The world point at the canvas's centre puts the rect's centre there.
  const centre = {
    x: rect.x + rect.w / 2 - (shownCentreXPx - screen.width / 2) / zoom,
    y: rect.y + rect.h / 2 - ((box.top + box.bottom) / 2 - screen.height / 2) / zoom,
  };
  return { zoom, centre };
}

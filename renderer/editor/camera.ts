import type { Point, Rect } from './geometry';

/** What the editor needs from the canvas's camera (pixi-viewport); the camera is never history. */
export interface Camera {
  zoom(): number;
  zoomBy(factor: number): void;
  /** Sets the zoom, keeping the centre of the view where it is (1 = actual size). */
  setZoom(zoom: number): void;
  /**
   * Shows all of `rect` above the messages over the canvas's bottom edge (captions, notices),
   * leaving at least `bottomPx` screen pixels free at the bottom, zooming in no further than
   * `maxZoom` (1.5 when not given); `smooth` glides there instead of jumping.
   */
  fit(rect: Rect, bottomPx?: number, maxZoom?: number, options?: { smooth?: boolean }): void;
  /** Centres the view on a world point at a zoom (a file's saved `view`). */
  lookAt(centre: Point, zoom: number): void;
  panByScreen(dx: number, dy: number): void;
  /** World point at a client (page) position, or undefined when it is outside the canvas. */
  clientToWorld(clientX: number, clientY: number): Point | undefined;
  /** World point at the centre of the visible canvas. */
  visibleCentre(): Point;
  /** The part of the world the canvas shows. */
  visibleRect(): Rect;
  /**
   * The part of it no overlay covers (the packet legend and the toolbar at the top, captions and
   * notices at the bottom), where a new card can be seen; the whole view where there are none.
   */
  unobstructedRect?(): Rect;
  /**
   * Every part of the view no overlay covers, as a fit sees it: beside the legend as well as
   * under it (unobstructedRect is only the band between the top overlays and the bottom ones).
   */
  unobstructedRects?(): Rect[];
  /**
   * Where the canvas draws a region's title (world units). Far out a title is enlarged to stay
   * readable and reaches below the box's top 36 units, the strip a region is grabbed by.
   */
  regionTitleRect?(id: string): Rect | undefined;
  /** Page position of a world point (to place HTML over the canvas, such as the rename field). */
  worldToClient(point: Point): Point;
}

/** How much the canvas must grow or shrink (either side, as a fraction) before a fitted view is fitted again. */
export const REFIT_RESIZE_RATIO = 0.15;

/** The canvas changed size enough to fit its content again (a maximised window, not a scrollbar). */
export function substantialResize(before: { width: number; height: number }, after: { width: number; height: number }, ratio = REFIT_RESIZE_RATIO): boolean {
  const changed = (a: number, b: number) => Math.abs(b - a) > ratio * Math.max(1, a);
  return changed(before.width, after.width) || changed(before.height, after.height);
}

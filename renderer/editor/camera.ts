import type { Point, Rect } from './geometry';

/** What the editor needs from the canvas's camera (pixi-viewport); the camera is never history. */
export interface Camera {
  zoom(): number;
  zoomBy(factor: number): void;
  /** Sets the zoom, keeping the centre of the view where it is (1 = actual size). */
  setZoom(zoom: number): void;
  /** Shows all of `rect`, leaving `bottomPx` screen pixels free at the bottom (for captions). */
  fit(rect: Rect, bottomPx?: number): void;
  /** Centres the view on a world point at a zoom (a file's saved `view`). */
  lookAt(centre: Point, zoom: number): void;
  panByScreen(dx: number, dy: number): void;
  /** World point at a client (page) position, or undefined when it is outside the canvas. */
  clientToWorld(clientX: number, clientY: number): Point | undefined;
  /** World point at the centre of the visible canvas. */
  visibleCentre(): Point;
  /** The part of the world the canvas shows. */
  visibleRect(): Rect;
  /** Page position of a world point (to place HTML over the canvas, such as the rename field). */
  worldToClient(point: Point): Point;
}

/** Room a popup (the fault menu, the scenario event editor) keeps from the window's edges, in CSS pixels. */
export const WINDOW_MARGIN_PX = 8;

/**
 * Where a menu opened at `point` goes so all of it is in the window: at the point when it fits,
 * else to the point's left (or above it) as native context menus open near an edge, and never
 * past the window's top or left. A menu taller than the window starts at its top (it scrolls).
 */
export function placeMenu(point: { x: number; y: number }, size: { width: number; height: number }, window: { width: number; height: number }): { x: number; y: number } {
  return { x: placeAlong(point.x, size.width, window.width), y: placeAlong(point.y, size.height, window.height) };
}

function placeAlong(at: number, length: number, room: number): number {
  if (at + length <= room - WINDOW_MARGIN_PX) return at;
  // Flipped to end at the point, when that leaves it inside; else against the far edge.
  const flipped = at - length;
  const placed = flipped >= WINDOW_MARGIN_PX ? flipped : room - WINDOW_MARGIN_PX - length;
  return Math.max(WINDOW_MARGIN_PX, placed);
}

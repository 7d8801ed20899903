import type { Point } from '../editor/geometry';

/** Half the width of a zig-zag tooth, in world pixels. */
const TOOTH = 9;
/** How far the line runs past the outermost link it cuts. */
const OVERHANG = 36;

/**
 * A jagged line (a crack) across the midpoints of the links a partition cuts: the midpoints are
 * ordered along the direction perpendicular to the links' mean direction, and the line zig-zags
 * between them with teeth that alternate sides. Deterministic: the same links give the same line.
 */
export function faultLinePoints(segments: readonly { start: Point; end: Point }[]): Point[] {
  if (segments.length === 0) return [];
  let dx = 0;
  let dy = 0;
  for (const { start, end } of segments) {
    const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
    // Orientation-free mean: flip segments pointing "backwards" relative to the first.
    const sign = dx * (end.x - start.x) + dy * (end.y - start.y) < 0 ? -1 : 1;
    dx += (sign * (end.x - start.x)) / length;
    dy += (sign * (end.y - start.y)) / length;
  }
  const norm = Math.hypot(dx, dy) || 1;
  const along = { x: dx / norm, y: dy / norm };
  const across = { x: -along.y, y: along.x };
  const mids = segments.map(({ start, end }) => ({ x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }));
  mids.sort((a, b) => a.x * across.x + a.y * across.y - (b.x * across.x + b.y * across.y));
  const first = mids[0];
  const last = mids[mids.length - 1];
  const anchors = [
    { x: first.x - across.x * OVERHANG, y: first.y - across.y * OVERHANG },
    ...mids,
    { x: last.x + across.x * OVERHANG, y: last.y + across.y * OVERHANG },
  ];
  const points: Point[] = [anchors[0]];
  let side = 1;
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1];
    const b = anchors[i];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const teeth = Math.max(2, Math.round(length / (TOOTH * 2)));
    for (let k = 1; k < teeth; k++) {
      const t = k / teeth;
      points.push({ x: a.x + (b.x - a.x) * t + along.x * TOOTH * side, y: a.y + (b.y - a.y) * t + along.y * TOOTH * side });
      side = -side;
    }
    points.push(b);
  }
  return points;
}

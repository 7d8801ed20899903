import type { Graphics } from 'pixi.js';
import type { Point } from '../editor/geometry';

export function drawArrowHead(graphics: Graphics, from: Point, to: Point, color: number, size = 10): void {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  graphics
    .moveTo(to.x, to.y)
    .lineTo(to.x - size * Math.cos(angle - 0.38), to.y - size * Math.sin(angle - 0.38))
    .lineTo(to.x - size * Math.cos(angle + 0.38), to.y - size * Math.sin(angle + 0.38))
    .closePath()
    .fill({ color });
}

export function drawDashedLine(graphics: Graphics, from: Point, to: Point, dash: number, gap: number): void {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return;
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  for (let along = 0; along < length; along += dash + gap) {
    const end = Math.min(along + dash, length);
    graphics.moveTo(from.x + ux * along, from.y + uy * along).lineTo(from.x + ux * end, from.y + uy * end);
  }
}

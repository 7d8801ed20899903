import type { FaultlineDocument, LinkRecord, NodeRecord, Region } from '../../shared/model/types';

/** A node's (x, y) is the top-left corner of its card (DESIGN §4 "left edge", "top edge"), as is a region's. */
export const NODE_CARD = { width: 164, height: 60, radius: 11 } as const;
/** A running node's status dot, in the card's top-right corner (centre `inset` in from both edges). */
export const NODE_STATUS_DOT = { inset: 9, radius: 4.5 } as const;
/** The kind's icon disc at a card's left: its centre `x` in from the card's left edge, on the card's middle line. */
export const ICON_DISC = { x: 30, radius: 18 } as const;
/** Where a card's name and kind are written: from `left` to `right`, clear of the status dot. */
export const NODE_TEXT = { left: 56, right: NODE_CARD.width - NODE_STATUS_DOT.inset - NODE_STATUS_DOT.radius - 6 } as const;
/** The link handle: a dot on the card's right edge that starts a link drag. */
export const LINK_HANDLE = { radius: 7, hitRadius: 12 } as const;
/** Region corner grip for resizing, in world units. */
export const REGION_GRIP = 14;
export const REGION_MIN = { w: 200, h: 140 } as const;
export const GRID = 20;

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function snap(value: number, grid = GRID): number {
  return Math.round(value / grid) * grid;
}

export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

export function nodeRect(node: Pick<NodeRecord, 'x' | 'y'>): Rect {
  return { x: node.x, y: node.y, w: NODE_CARD.width, h: NODE_CARD.height };
}

export function nodeCentre(node: Pick<NodeRecord, 'x' | 'y'>): Point {
  return { x: node.x + NODE_CARD.width / 2, y: node.y + NODE_CARD.height / 2 };
}

/** The top-left corner that puts a card's centre at the point. */
export function cornerForCentre(centre: Point): Point {
  return { x: centre.x - NODE_CARD.width / 2, y: centre.y - NODE_CARD.height / 2 };
}

export function containsPoint(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function handlePoint(node: Pick<NodeRecord, 'x' | 'y'>): Point {
  return { x: node.x + NODE_CARD.width, y: node.y + NODE_CARD.height / 2 };
}

/** Topmost node under the point (later nodes are drawn on top). */
export function nodeAt(doc: FaultlineDocument, point: Point, selected: readonly string[] = []): NodeRecord | undefined {
  // Selected cards are drawn above the rest (SceneView), so they are hit first; then the last in
  // document order, which is drawn last.
  for (const id of selected) {
    if (Object.hasOwn(doc.nodes, id) && containsPoint(nodeRect(doc.nodes[id]), point)) return doc.nodes[id];
  }
  const nodes = Object.values(doc.nodes);
  for (let index = nodes.length - 1; index >= 0; index--) {
    if (containsPoint(nodeRect(nodes[index]), point)) return nodes[index];
  }
  return undefined;
}

/** The node whose link handle is under the point, within a hit radius scaled for the zoom. */
export function handleAt(doc: FaultlineDocument, point: Point, zoom: number, selected: readonly string[] = []): NodeRecord | undefined {
  const radius = LINK_HANDLE.hitRadius / Math.max(zoom, 0.25);
  for (const id of selected) {
    if (!Object.hasOwn(doc.nodes, id)) continue;
    const handle = handlePoint(doc.nodes[id]);
    if (Math.hypot(point.x - handle.x, point.y - handle.y) <= radius) return doc.nodes[id];
  }
  const nodes = Object.values(doc.nodes);
  for (let index = nodes.length - 1; index >= 0; index--) {
    const handle = handlePoint(nodes[index]);
    if (Math.hypot(point.x - handle.x, point.y - handle.y) <= radius) return nodes[index];
  }
  return undefined;
}

/** The smallest region containing the point: nested-looking regions pick the inner one. */
export function regionAt(doc: FaultlineDocument, point: Point): Region | undefined {
  let best: Region | undefined;
  for (const region of Object.values(doc.regions)) {
    if (containsPoint(region, point) && (!best || region.w * region.h < best.w * best.h)) best = region;
  }
  return best;
}

/** The region whose bottom-right resize grip is under the point. */
export function regionGripAt(doc: FaultlineDocument, point: Point, zoom: number): Region | undefined {
  const size = REGION_GRIP / Math.max(zoom, 0.25);
  for (const region of Object.values(doc.regions)) {
    const cornerX = region.x + region.w;
    const cornerY = region.y + region.h;
    if (point.x >= cornerX - size && point.x <= cornerX + size / 2 && point.y >= cornerY - size && point.y <= cornerY + size / 2) return region;
  }
  return undefined;
}

/**
 * The region whose label strip (top 36 units) or drawn title is under the point: where a region
 * is grabbed. Far out a title is enlarged to stay readable (renderer/canvas/regionTitle.ts) and
 * reaches below the strip — at a lesson's fitted 0.235 the strip is 8 px under a 16 px title —
 * so `titleRect`, where the canvas drew it, counts too; only the title, not a taller strip across
 * the whole box, where a press just above a top-row card starts a box selection. Regions are
 * drawn in document order, so where strips overlap the last one is on top — the one whose label
 * is visible there.
 */
export function regionLabelAt(doc: FaultlineDocument, point: Point, titleRect?: (id: string) => Rect | undefined): Region | undefined {
  return Object.values(doc.regions).findLast((region) => {
    if (containsPoint({ x: region.x, y: region.y, w: region.w, h: 36 }, point)) return true;
    const title = titleRect?.(region.id);
    return title !== undefined && containsPoint(title, point);
  });
}

/** Where the segment from a card's centre towards another point leaves the card. */
export function cardEdgePoint(centre: Point, toward: Point, pad = 4): Point {
  const dx = toward.x - centre.x;
  const dy = toward.y - centre.y;
  if (dx === 0 && dy === 0) return { x: centre.x, y: centre.y };
  const halfWidth = NODE_CARD.width / 2 + pad;
  const halfHeight = NODE_CARD.height / 2 + pad;
  const scale = Math.min(dx === 0 ? Infinity : halfWidth / Math.abs(dx), dy === 0 ? Infinity : halfHeight / Math.abs(dy));
  return { x: centre.x + dx * scale, y: centre.y + dy * scale };
}

/** Keys of every (from, to, kind) link, so finding a link's reverse is a lookup. */
export function linkPairKeys(doc: FaultlineDocument): Set<string> {
  return new Set(Object.values(doc.links).map((link) => `${link.from}\u0000${link.to}\u0000${link.kind}`));
}

/**
 * The drawn segment of a link, card edge to card edge; offset sideways when both directions exist.
 * Pass `pairs` (from `linkPairKeys`) when drawing many links, to keep this O(1) per link.
 */
export function linkSegment(doc: FaultlineDocument, link: LinkRecord, pairs: Set<string> = linkPairKeys(doc)): { start: Point; end: Point } | undefined {
  const from = Object.hasOwn(doc.nodes, link.from) ? doc.nodes[link.from] : undefined;
  const to = Object.hasOwn(doc.nodes, link.to) ? doc.nodes[link.to] : undefined;
  if (!from || !to) return undefined;
  const start = cardEdgePoint(nodeCentre(from), nodeCentre(to));
  const end = cardEdgePoint(nodeCentre(to), nodeCentre(from));
  const reverse = pairs.has(`${link.to}\u0000${link.from}\u0000${link.kind}`);
  if (!reverse || link.kind === 'replication') return { start, end };
  // Two arrows between the same pair would overlap: shift each to its own right-hand side.
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  const nx = (-(end.y - start.y) / length) * 6;
  const ny = ((end.x - start.x) / length) * 6;
  return { start: { x: start.x + nx, y: start.y + ny }, end: { x: end.x + nx, y: end.y + ny } };
}

export function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / lengthSquared));
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
}

export function linkAt(doc: FaultlineDocument, point: Point, zoom: number): LinkRecord | undefined {
  const tolerance = 6 / Math.max(zoom, 0.25);
  let best: LinkRecord | undefined;
  let bestDistance = tolerance;
  const pairs = linkPairKeys(doc);
  for (const link of Object.values(doc.links)) {
    const segment = linkSegment(doc, link, pairs);
    if (!segment) continue;
    const distance = distanceToSegment(point, segment.start, segment.end);
    if (distance <= bestDistance) {
      best = link;
      bestDistance = distance;
    }
  }
  return best;
}

/** Bounds of everything drawn, for fit-to-content. */
export function documentBounds(doc: FaultlineDocument): Rect | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (rect: Rect) => {
    minX = Math.min(minX, rect.x);
    minY = Math.min(minY, rect.y);
    maxX = Math.max(maxX, rect.x + rect.w);
    maxY = Math.max(maxY, rect.y + rect.h);
  };
  for (const node of Object.values(doc.nodes)) grow({ ...nodeRect(node), w: NODE_CARD.width + LINK_HANDLE.radius });
  for (const region of Object.values(doc.regions)) grow(region);
  if (!Number.isFinite(minX)) return undefined;
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY };
}

/**
 * Where new things go on the canvas: a new region in free space (so it never pulls existing
 * nodes into it, which would change their network delays behind the user's back), a node added
 * with a palette click on free canvas near the middle of the view, and a duplicate beside its
 * original, clear of other cards and inside the view.
 */
import type { FaultlineDocument, NodeKind, NodeRecord } from '../../../shared/model/types';
import { GRID, intersects, NODE_CARD, nodeCentre, nodeRect, regionAt, REGION_MIN, snap, type Point, type Rect } from '../geometry';

/** A new region's size when there is room for it; smaller ones are tried when there is not. */
export const REGION_SIZES: readonly { w: number; h: number }[] = [
  { w: 720, h: 400 },
  { w: 560, h: 320 },
  { w: 440, h: 260 },
  { w: 320, h: 200 },
  { w: REGION_MIN.w, h: REGION_MIN.h },
];

/** World units kept clear between a new region and the cards around it. */
const CLEARANCE = GRID;
/** Most candidate positions tried along one axis of the view. */
const STEPS_PER_AXIS = 48;

function grow(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, w: rect.w + 2 * by, h: rect.h + 2 * by };
}

function inside(rect: Rect, outer: Rect): boolean {
  return rect.x >= outer.x && rect.y >= outer.y && rect.x + rect.w <= outer.x + outer.w && rect.y + rect.h <= outer.y + outer.h;
}

function centreDistance(rect: Rect, point: Point): number {
  return Math.hypot(rect.x + rect.w / 2 - point.x, rect.y + rect.h / 2 - point.y);
}

/**
 * Candidate rectangles of one size inside `area`, on the grid, nearest to `anchor` first; the
 * first for which `free` holds is returned.
 */
function nearestFree(size: { w: number; h: number }, area: Rect, anchor: Point, free: (rect: Rect) => boolean): Rect | undefined {
  if (size.w > area.w || size.h > area.h) return undefined;
  const step = Math.max(GRID, snap(Math.max(area.w, area.h) / STEPS_PER_AXIS));
  const candidates: Rect[] = [];
  const firstX = snap(area.x + GRID / 2 - 1);
  const firstY = snap(area.y + GRID / 2 - 1);
  for (let x = Math.max(firstX, area.x); x + size.w <= area.x + area.w; x += step) {
    for (let y = Math.max(firstY, area.y); y + size.h <= area.y + area.h; y += step) candidates.push({ x: snap(x), y: snap(y), ...size });
  }
  // The anchored position itself (the drop point, the middle of the view) comes first when it is free.
  const centred = { x: snap(anchor.x - size.w / 2), y: snap(anchor.y - size.h / 2), ...size };
  if (inside(centred, area)) candidates.push(centred);
  candidates.sort((a, b) => centreDistance(a, anchor) - centreDistance(b, anchor));
  return candidates.find((rect) => inside(rect, area) && free(rect));
}

/**
 * A rectangle for a new region that contains no node (nor touches one), as near `anchor` as
 * possible: inside the visible part of the world at the largest size that fits there, clear of
 * other regions too. When the view has no such room, the nearest place just outside it clear of
 * nodes and regions (the caller brings it into view); only a search that finds none of those
 * settles for a place clear of nodes alone.
 */
export function freeRegionRect(doc: FaultlineDocument, anchor: Point, view: Rect): Rect {
  const cards = Object.values(doc.nodes).map((node) => grow(nodeRect(node), CLEARANCE));
  const regions = Object.values(doc.regions).map((region) => grow(region, CLEARANCE));
  const noNodes = (rect: Rect) => !cards.some((card) => intersects(rect, card));
  const noRegions = (rect: Rect) => !regions.some((region) => intersects(rect, region));
  const margin = Math.min(CLEARANCE, view.w / 10, view.h / 10);
  const visible = grow(view, -margin);
  const clear = (rect: Rect) => noNodes(rect) && noRegions(rect);
  for (const size of REGION_SIZES) {
    const found = nearestFree(size, visible, anchor, clear);
    if (found) return found;
  }
  // No room in view: the nearest place of the usual size clear of nodes and regions alike,
  // searching ever wider around it (a box on another box hides its label and its extent).
  const size = REGION_SIZES[0];
  for (const free of [(rect: Rect) => noNodes(rect) && noRegions(rect), noNodes]) {
    for (let reach = 1; reach <= 64; reach *= 2) {
      const around = grow(view, Math.max(view.w, view.h, size.w, size.h) * reach);
      const found = nearestFree(size, around, anchor, free);
      if (found) return found;
    }
  }
  // Everything is nodes (cannot happen with a finite document): right of all of them.
  const right = Math.max(...cards.map((card) => card.x + card.w), anchor.x);
  return { x: snap(right + CLEARANCE), y: snap(anchor.y - size.h / 2), ...size };
}

/** World units kept clear around a card placed by the editor (a palette click): one grid step. */
const CARD_GAP = GRID / 2;

/**
 * The band at the top of a region its name is written in (regionView: 12 below the edge, up to
 * 17 units tall in classroom mode), which a card placed by the editor leaves readable.
 */
export const REGION_LABEL_BAND = 36;

/** The part of a region a placed card may take: inside its edges, below its name. */
function regionBody(region: Rect): Rect {
  return { x: region.x + CARD_GAP, y: region.y + REGION_LABEL_BAND, w: region.w - 2 * CARD_GAP, h: region.h - REGION_LABEL_BAND - CARD_GAP };
}

/**
 * The top-left corner for a new card centred as near `centre` as it can go without overlapping
 * (or touching) any other card, and either wholly inside a region (below its name) or wholly
 * outside it — a card across a region's edge reads as in both, and one on its name hides it:
 * inside the view when there is room there (the same nearest-free search a new region uses),
 * else just outside it (the caller brings it into view). Only when no such place exists does a
 * card go across a region's edge. `alsoFree`: more of the screen where a card can be seen (the
 * parts beside the overlays that `view` leaves out).
 */
export function freeNodeCorner(doc: FaultlineDocument, centre: Point, view: Rect, alsoFree: readonly Rect[] = []): Point {
  const size = { w: NODE_CARD.width, h: NODE_CARD.height };
  const cards = Object.values(doc.nodes).map((node) => grow(nodeRect(node), CARD_GAP));
  const regions = Object.values(doc.regions);
  const clearOfCards = (rect: Rect) => !cards.some((card) => intersects(rect, card));
  const clearOfEdges = (rect: Rect) => regions.every((region) => !intersects(rect, region) || inside(rect, regionBody(region)));
  const inset = (area: Rect) => grow(area, -Math.min(GRID, area.w / 10, area.h / 10));
  for (const free of [(rect: Rect) => clearOfCards(rect) && clearOfEdges(rect), clearOfCards]) {
    // The nearest free place in the view or in any other part of the screen left clear (beside
    // the legend, where a fit puts cards too).
    let best: Rect | undefined;
    for (const area of [view, ...alsoFree]) {
      const found = nearestFree(size, inset(area), centre, free);
      if (found && (best === undefined || centreDistance(found, centre) < centreDistance(best, centre))) best = found;
    }
    if (best) return { x: best.x, y: best.y };
  }
  for (const free of [(rect: Rect) => clearOfCards(rect) && clearOfEdges(rect), clearOfCards]) {
    for (let reach = 1; reach <= 64; reach *= 2) {
      const around = nearestFree(size, grow(view, Math.max(view.w, view.h, size.w, size.h) * reach), centre, free);
      if (around) return { x: around.x, y: around.y };
    }
  }
  // Cards everywhere (cannot happen with a finite document): right of all of them.
  return { x: snap(Math.max(...cards.map((card) => card.x + card.w), centre.x) + GRID), y: snap(centre.y - size.h / 2) };
}

/**
 * Where a palette click aims a new card. Beside the one selected node when it is in view: right of
 * it for another kind (the next tier of a left-to-right flow: users, then a load balancer, then
 * apps), below it for the same kind (another server of that tier). Otherwise the middle of the view.
 * Aiming at the middle alone stacked every new card in one column, where the links between them
 * ran under the cards in between and read as other links.
 */
export function paletteAnchor(selected: Pick<NodeRecord, 'kind' | 'x' | 'y'> | undefined, kind: NodeKind, view: Rect): Point {
  const middle = { x: view.x + view.w / 2, y: view.y + view.h / 2 };
  if (selected === undefined || !intersects(nodeRect(selected), view)) return middle;
  const centre = nodeCentre(selected);
  if (selected.kind === kind) return { x: centre.x, y: centre.y + NODE_CARD.height + 2 * GRID };
  return { x: centre.x + NODE_CARD.width + 4 * GRID, y: centre.y };
}

/** The smallest rectangle around the given rectangles. */
export function boundsOf(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((rect) => rect.x));
  const y = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.w));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.h));
  return { x, y, w: right - x, h: bottom - y };
}

/**
 * How far to shift a duplicate of `original` (the bounds of the copied cards and regions,
 * `ownRegionIds` the copied regions, `copiedNodes` the copied cards) so it stands visibly apart.
 *
 * Cards that all sit in one region (and no region copied with them) stay in it when it has room:
 * a copy outside would take `interRegionMs` per hop instead of the region's own delay, which is
 * rarely what Duplicate means. So first a place beside the original (right, else below, left,
 * above) inside that region, in view and clear of every card; else the free place in that region
 * and in view nearest the original. Otherwise, as for anything else: beside it, the first side
 * inside the view and clear of every other card and region; when no side is clear, the free place
 * in view nearest the original; when there is none, the first clear side out of view, else the
 * free place nearest the view further out (the editor zooms out to show the copy). Only a canvas
 * with no free place at all gets the side in view with the least overlap (or, none in view, the
 * right).
 */
export function duplicateOffset(
  doc: FaultlineDocument,
  original: Rect,
  view: Rect | undefined,
  ownRegionIds: ReadonlySet<string> = new Set(),
  copiedNodes: readonly Pick<NodeRecord, 'x' | 'y'>[] = [],
): Point {
  const gap = 2 * GRID;
  const sides: Point[] = [
    { x: snap(original.w + gap + GRID / 2 - 1), y: 0 },
    { x: 0, y: snap(original.h + gap + GRID / 2 - 1) },
    { x: -snap(original.w + gap + GRID / 2 - 1), y: 0 },
    { x: 0, y: -snap(original.h + gap + GRID / 2 - 1) },
  ];
  // Copied cards must clear every card; a copied region box must also clear the other boxes
  // (copied cards alone may land in a region, as they would by hand).
  const obstacles = [
    ...Object.values(doc.nodes).map((node) => nodeRect(node)),
    ...(ownRegionIds.size === 0 ? [] : Object.values(doc.regions).filter((region) => !ownRegionIds.has(region.id))),
  ];
  const overlap = (rect: Rect) => obstacles.filter((obstacle) => intersects(rect, obstacle)).length;
  const shifted = (offset: Point): Rect => ({ x: original.x + offset.x, y: original.y + offset.y, w: original.w, h: original.h });
  const visible = view === undefined ? undefined : grow(view, -Math.min(GRID, view.w / 10, view.h / 10));
  const inView = (offset: Point) => visible === undefined || inside(shifted(offset), visible);

  // The free place in `area` nearest the original, clear of every obstacle by half a grid step
  // and passing `also` (an offset), as an offset; undefined when there is none.
  const spaced = obstacles.map((obstacle) => grow(obstacle, GRID / 2));
  const anchor = { x: original.x + original.w / 2, y: original.y + original.h / 2 };
  const nearestFreeOffset = (area: Rect, also: (offset: Point) => boolean = () => true): Point | undefined => {
    const found = nearestFree({ w: original.w, h: original.h }, area, anchor, (rect) => {
      const offset = { x: rect.x - original.x, y: rect.y - original.y };
      return also(offset) && !spaced.some((obstacle) => intersects(rect, obstacle));
    });
    return found && { x: found.x - original.x, y: found.y - original.y };
  };

  const home = ownRegionIds.size === 0 ? sharedRegion(doc, copiedNodes) : undefined;
  if (home !== undefined) {
    const region = doc.regions[home];
    // Below the region's name, as a card the palette places: a copy on the box's top edge reads as
    // half in it.
    const staysHome = (offset: Point) => inside(shifted(offset), regionBody(region)) && centresIn(doc, copiedNodes, offset, home);
    const besideAtHome = sides.find((offset) => inView(offset) && staysHome(offset) && overlap(shifted(offset)) === 0);
    if (besideAtHome) return besideAtHome;
    const area = visible === undefined ? region : intersection(region, visible);
    const found = area && nearestFreeOffset(area, staysHome);
    if (found) return found;
  }

  // Copied cards (no region copied with them) land together: all in one region, below its name,
  // or all outside every region — never some in and some out, or one across a region's edge,
  // which would give the copies different network delays. Only a view with no such place gets one.
  const regions = Object.values(doc.regions);
  const together = (offset: Point): boolean => {
    if (ownRegionIds.size > 0 || copiedNodes.length === 0) return true;
    const cards = copiedNodes.map((node) => nodeRect({ x: node.x + offset.x, y: node.y + offset.y }));
    if (!cards.every((card) => regions.every((region) => !intersects(card, region) || inside(card, regionBody(region))))) return false;
    const first = regionAt(doc, nodeCentre({ x: copiedNodes[0].x + offset.x, y: copiedNodes[0].y + offset.y }))?.id;
    return centresIn(doc, copiedNodes, offset, first);
  };
  for (const apart of [together, () => true]) {
    const clear = sides.find((offset) => inView(offset) && overlap(shifted(offset)) === 0 && apart(offset));
    if (clear) return clear;
    // Every side taken (a third copy of a card between two others): the free place in view nearest
    // the original, rather than a copy over a card.
    const free = visible && nearestFreeOffset(visible, apart);
    if (free) return free;
  }
  // No room in view: beside the original out of view, else the nearest free place further out
  // (the editor zooms out to show it) — not over cards while the canvas has room elsewhere.
  const clearOutOfView = sides.find((offset) => overlap(shifted(offset)) === 0);
  if (clearOutOfView) return clearOutOfView;
  const around = visible ?? original;
  for (let reach = 1; reach <= 64; reach *= 2) {
    const found = nearestFreeOffset(grow(around, Math.max(around.w, around.h) * reach));
    if (found) return found;
  }
  const shown = sides.filter(inView);
  if (shown.length > 0) return shown.reduce((best, offset) => (overlap(shifted(offset)) < overlap(shifted(best)) ? offset : best));
  return sides[0];
}

/**
 * How far to shift a paste of cards and regions copied from `original`: not at all where that place
 * is free (after Cut, or pasted into another document), so the copy lands where it was; else
 * beside the original, as a duplicate goes ({@link duplicateOffset}), clear of the cards already
 * there — pasting again finds the next free side; in a region with no free room left, a step
 * down-right inside it. (A fixed 40 px step down-right everywhere left the copy over the original's
 * name.)
 */
export function pasteOffset(
  doc: FaultlineDocument,
  original: Rect,
  view: Rect | undefined,
  ownRegionIds: ReadonlySet<string> = new Set(),
  copiedNodes: readonly Pick<NodeRecord, 'x' | 'y'>[] = [],
): Point {
  const cardsThere = Object.values(doc.nodes).some((node) => intersects(nodeRect(node), original));
  const regionsThere = ownRegionIds.size > 0 && Object.values(doc.regions).some((region) => intersects(region, original));
  if (!cardsThere && !regionsThere) return { x: 0, y: 0 };
  const beside = duplicateOffset(doc, original, view, ownRegionIds, copiedNodes);
  const home = ownRegionIds.size === 0 ? sharedRegion(doc, copiedNodes) : undefined;
  if (home === undefined || centresIn(doc, copiedNodes, beside, home)) return beside;
  // A region with no free room left: a copy outside it would take the delay between regions per
  // hop, which a paste rarely means. It stays in, a step down-right of the original (the first
  // step no card has taken, so pasting again steps on), and is dragged apart by hand.
  const taken = new Set(Object.values(doc.nodes).map((node) => `${node.x},${node.y}`));
  const first = copiedNodes[0]; // sharedRegion found a home: there are copied cards
  for (let step = 1; step <= 8; step++) {
    const offset = { x: 2 * GRID * step, y: 2 * GRID * step };
    if (!centresIn(doc, copiedNodes, offset, home)) break;
    if (!taken.has(`${first.x + offset.x},${first.y + offset.y}`)) return offset;
  }
  return beside;
}

/**
 * Whether every node's centre, shifted by `offset`, falls in region `regionId` itself (not in a
 * smaller region inside it); `undefined`: in no region at all.
 */
function centresIn(doc: FaultlineDocument, nodes: readonly Pick<NodeRecord, 'x' | 'y'>[], offset: Point, regionId: string | undefined): boolean {
  return nodes.every((node) => {
    const centre = nodeCentre(node);
    return regionAt(doc, { x: centre.x + offset.x, y: centre.y + offset.y })?.id === regionId;
  });
}

/** The region every one of the nodes is in (by where its centre is), if they share one. */
function sharedRegion(doc: FaultlineDocument, nodes: readonly Pick<NodeRecord, 'x' | 'y'>[]): string | undefined {
  if (nodes.length === 0) return undefined;
  const first = regionAt(doc, nodeCentre(nodes[0]))?.id;
  if (first === undefined) return undefined;
  return nodes.every((node) => regionAt(doc, nodeCentre(node))?.id === first) ? first : undefined;
}

function intersection(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.w, b.x + b.w);
  const bottom = Math.min(a.y + a.h, b.y + b.h);
  return right > x && bottom > y ? { x, y, w: right - x, h: bottom - y } : undefined;
}

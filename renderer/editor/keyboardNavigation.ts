import type { FaultlineDocument } from '../../shared/model/types';
import { kindNoun } from '../../shared/model/linkRules';
import { nodeCentre, type Point } from './geometry';
import { countOf } from '../../shared/model/plural';

/**
 * Moving the selection between nodes without a pointer (pure, so it is unit-tested in Node):
 * Tab walks the nodes in reading order and then the regions, Alt+arrows jump to the nearest node
 * in a direction, and the same jumps choose the target of a link made from the keyboard.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * The nodes in reading order: top to bottom by their cards' centres, then left to right, then by
 * id. Centres less than half a card apart vertically count as one row, so a row drawn slightly
 * unevenly still reads left to right.
 */
export function readingOrder(doc: FaultlineDocument): string[] {
  const nodes = Object.values(doc.nodes).map((node) => ({ id: node.id, centre: nodeCentre(node) }));
  nodes.sort((a, b) => a.centre.y - b.centre.y || a.centre.x - b.centre.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Group into rows: a node joins the current row while its centre is within ROW_BAND of the row's first.
  const ROW_BAND = 30;
  const rows: (typeof nodes)[] = [];
  for (const node of nodes) {
    const row = rows.at(-1);
    if (row && node.centre.y - row[0].centre.y < ROW_BAND) row.push(node);
    else rows.push([node]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.centre.x - b.centre.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((node) => node.id));
}

/**
 * The node after (`step` 1) or before (-1) `currentId` in reading order. With no current node
 * (or one that is gone) it is the first (or last) node; past either end it is undefined, so Tab
 * can leave the canvas instead of trapping focus in it.
 */
export function nextNodeInOrder(doc: FaultlineDocument, currentId: string | undefined, step: 1 | -1): string | undefined {
  const order = readingOrder(doc);
  if (order.length === 0) return undefined;
  const index = currentId === undefined ? -1 : order.indexOf(currentId);
  if (index < 0) return step === 1 ? order[0] : order.at(-1);
  return order[index + step];
}

/**
 * The node nearest `from` in a direction, judged by card centres: only nodes whose centre lies in
 * that direction (strictly) count; those within 45° of it come first; among them the one with the
 * smallest distance along the direction plus twice the sideways offset wins (so a node straight
 * ahead beats a closer one off to the side), ties going to the smaller id. `from` is a node id or,
 * with nothing selected, a world point (the middle of the view). Undefined when nothing lies that way.
 */
export function nextNodeInDirection(doc: FaultlineDocument, from: string | Point, direction: Direction, exclude: readonly string[] = []): string | undefined {
  const origin = typeof from === 'string' ? (Object.hasOwn(doc.nodes, from) ? nodeCentre(doc.nodes[from]) : undefined) : from;
  if (origin === undefined) return undefined;
  const fromId = typeof from === 'string' ? from : undefined;
  let best: { id: string; inCone: boolean; score: number } | undefined;
  for (const node of Object.values(doc.nodes)) {
    if (node.id === fromId || exclude.includes(node.id)) continue;
    const centre = nodeCentre(node);
    const dx = centre.x - origin.x;
    const dy = centre.y - origin.y;
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    const aside = Math.abs(direction === 'left' || direction === 'right' ? dy : dx);
    if (along <= 0) continue;
    const inCone = aside <= along;
    const score = along + 2 * aside;
    if (
      best === undefined ||
      (inCone && !best.inCone) ||
      (inCone === best.inCone && (score < best.score || (score === best.score && node.id < best.id)))
    ) {
      best = { id: node.id, inCone, score };
    }
  }
  return best?.id;
}

/** What the engine says of a node in a run (NODE_UP / NODE_DOWN / NODE_DEGRADED as words). */
export type NodeRunState = 'up' | 'down' | 'slowed';

/**
 * One sentence for a screen reader about a node: its name, kind and number of links, and in a
 * run whether it is up — "lb, load balancer, 3 links, up".
 */
export function describeNode(doc: FaultlineDocument, id: string, state?: NodeRunState): string {
  if (!Object.hasOwn(doc.nodes, id)) return '';
  const node = doc.nodes[id];
  const links = Object.values(doc.links).filter((link) => link.from === id || link.to === id).length;
  const parts = [node.name ?? node.id, kindNoun(node.kind), countOf(links, 'link')];
  if (state !== undefined) parts.push(state);
  return parts.join(', ');
}

/**
 * The links of a node, in the reading order of their other ends (then by id): what `]` and `[`
 * step through once a node is selected.
 */
export function linksOfNode(doc: FaultlineDocument, nodeId: string): string[] {
  const order = new Map(readingOrder(doc).map((id, index) => [id, index]));
  const other = (link: { from: string; to: string }) => (link.from === nodeId ? link.to : link.from);
  return Object.values(doc.links)
    .filter((link) => link.from === nodeId || link.to === nodeId)
    .sort((a, b) => (order.get(other(a)) ?? 0) - (order.get(other(b)) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((link) => link.id);
}

/** The link after (before) `currentId` among a node's links, wrapping; the first (last) when none is current. */
export function nextLinkOfNode(doc: FaultlineDocument, nodeId: string, currentId: string | undefined, step: 1 | -1): string | undefined {
  const links = linksOfNode(doc, nodeId);
  if (links.length === 0) return undefined;
  const index = currentId === undefined ? -1 : links.indexOf(currentId);
  if (index < 0) return step === 1 ? links[0] : links.at(-1);
  return links[(index + step + links.length) % links.length];
}

/**
 * The regions in reading order of their top-left corners (where the label is): top to bottom,
 * boxes whose tops are less than ROW_BAND apart reading as one row, left to right, then by id.
 */
export function regionOrder(doc: FaultlineDocument): string[] {
  const ROW_BAND = 30;
  const regions = Object.values(doc.regions).map((region) => ({ id: region.id, x: region.x, y: region.y }));
  regions.sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows: (typeof regions)[] = [];
  for (const region of regions) {
    const row = rows.at(-1);
    if (row && region.y - row[0].y < ROW_BAND) row.push(region);
    else rows.push([region]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((region) => region.id));
}

/**
 * R / Shift+R on the canvas: the region after (before) `currentId` in reading order, wrapping
 * round (regions are few, and R is not a Tab stop to leave by); the first (last) when none is current.
 */
export function nextRegionInOrder(doc: FaultlineDocument, currentId: string | undefined, step: 1 | -1): string | undefined {
  const order = regionOrder(doc);
  if (order.length === 0) return undefined;
  const index = currentId === undefined ? -1 : order.indexOf(currentId);
  if (index < 0) return step === 1 ? order[0] : order.at(-1);
  return order[(index + step + order.length) % order.length];
}

/** A stop on the canvas's Tab walk: a node or a region. */
export type TabStop = { kind: 'nodes' | 'regions'; id: string };

/**
 * The canvas's Tab walk: every node in reading order, then every region in reading order (by
 * its top-left corner, the same row logic). Nodes come first because they are what most keys act
 * on; the regions, fewer and larger, follow, so Tab still reaches each of them before it leaves.
 */
export function tabOrder(doc: FaultlineDocument): TabStop[] {
  return [
    ...readingOrder(doc).map((id): TabStop => ({ kind: 'nodes', id })),
    ...regionOrder(doc).map((id): TabStop => ({ kind: 'regions', id })),
  ];
}

/**
 * Tab (`step` 1) / Shift+Tab (-1) on the canvas: the stop after (before) `current` in the Tab
 * walk. With no current stop (or one that is gone) it is the first (last) stop; past either end
 * it is undefined, so Tab leaves the canvas instead of trapping focus in it.
 */
export function nextTabStop(doc: FaultlineDocument, current: TabStop | undefined, step: 1 | -1): TabStop | undefined {
  const order = tabOrder(doc);
  if (order.length === 0) return undefined;
  const index = current === undefined ? -1 : order.findIndex((stop) => stop.kind === current.kind && stop.id === current.id);
  if (index < 0) return step === 1 ? order[0] : order.at(-1);
  return order[index + step];
}

/**
 * One sentence for a screen reader about a region: its name and how many nodes are in it —
 * "Region EU West, 3 nodes" (a name that already says "Region", such as the default "Region 2",
 * is not prefixed again).
 */
export function describeRegion(doc: FaultlineDocument, id: string): string {
  if (!Object.hasOwn(doc.regions, id)) return '';
  const name = doc.regions[id].name;
  const nodes = Object.values(doc.nodes).filter((node) => node.region === id).length;
  const title = /^region\b/i.test(name) ? name : `Region ${name}`;
  return `${title}, ${countOf(nodes, 'node')}`;
}

/**
 * A selection of several things for a screen reader, by kind: "12 nodes, 19 links and 2 regions
 * selected" (not "33 items selected", which says neither what nor how many of each).
 */
export function describeSelectionCounts(selection: { nodes: readonly unknown[]; links: readonly unknown[]; regions: readonly unknown[] }): string {
  const parts = (
    [
      [selection.nodes.length, 'node'],
      [selection.links.length, 'link'],
      [selection.regions.length, 'region'],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, noun]) => countOf(count, noun));
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${list} selected`;
}

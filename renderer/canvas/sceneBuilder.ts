import { Container, Graphics, Text } from 'pixi.js';
import type { FaultlineDocument, LinkRecord, NodeRecord, Region } from '../../shared/model/types';
import { KIND_STYLES, NODE_CARD } from './kindStyle';
import type { CanvasTheme } from './theme';

/**
 * Builds the static diagram of a document: regions, links, node cards. A node's (x, y) is the
 * centre of its card; a region's (x, y) is its top-left corner.
 */
export function buildScene(document: FaultlineDocument, theme: CanvasTheme): Container {
  const scene = new Container({ label: 'scene' });
  const regions = new Container({ label: 'regions' });
  const links = new Graphics({ label: 'links' });
  const nodes = new Container({ label: 'nodes' });
  scene.addChild(regions, links, nodes);

  for (const region of Object.values(document.regions)) regions.addChild(drawRegion(region, theme));
  for (const link of Object.values(document.links)) {
    const from = document.nodes[link.from];
    const to = document.nodes[link.to];
    if (from && to) drawLink(links, link, from, to, theme);
  }
  for (const node of Object.values(document.nodes)) nodes.addChild(drawNode(node, theme));
  return scene;
}

function drawRegion(region: Region, theme: CanvasTheme): Container {
  const box = new Container({ label: `region:${region.id}` });
  const frame = new Graphics()
    .roundRect(region.x, region.y, region.w, region.h, 16)
    .fill({ color: theme.regionFill })
    .stroke({ width: 1.5, color: theme.regionStroke });
  const label = new Text({
    text: region.name.toUpperCase(),
    style: { fontFamily: 'Inter, system-ui, sans-serif', fontSize: 13, fontWeight: '600', letterSpacing: 1.5, fill: theme.regionLabel },
  });
  label.position.set(region.x + 16, region.y + 12);
  box.addChild(frame, label);
  return box;
}

function drawLink(graphics: Graphics, link: LinkRecord, from: NodeRecord, to: NodeRecord, theme: CanvasTheme): void {
  const start = cardEdgePoint(from, to);
  const end = cardEdgePoint(to, from);
  const replication = link.kind === 'replication';
  const color = replication ? theme.replicationLink : theme.link;
  if (replication) {
    drawDashedLine(graphics, start.x, start.y, end.x, end.y, 6, 5);
    graphics.stroke({ width: 2, color, alpha: 0.9 });
  } else {
    graphics.moveTo(start.x, start.y).lineTo(end.x, end.y).stroke({ width: 2, color, alpha: 0.9 });
    drawArrowHead(graphics, start, end, color);
  }
}

function drawNode(node: NodeRecord, theme: CanvasTheme): Container {
  const style = KIND_STYLES[node.kind];
  const { width, height, radius } = NODE_CARD;
  const card = new Container({ label: `node:${node.id}` });
  card.position.set(node.x - width / 2, node.y - height / 2);

  const body = new Graphics()
    .roundRect(0, 0, width, height, radius)
    .fill({ color: theme.cardFill })
    .stroke({ width: 1.5, color: theme.cardStroke });
  const stripe = new Graphics().roundRect(0, 0, 5, height, 2).fill({ color: style.color });
  const disc = new Graphics().circle(28, height / 2, 17).fill({ color: style.color, alpha: 0.18 }).stroke({ width: 2, color: style.color });
  const glyph = new Text({
    text: style.glyph,
    style: { fontFamily: 'Inter, system-ui, sans-serif', fontSize: style.glyph.length > 2 ? 10 : 12, fontWeight: '700', fill: style.color },
  });
  glyph.anchor.set(0.5);
  glyph.position.set(28, height / 2);
  const name = new Text({
    text: node.name ?? node.id,
    style: { fontFamily: 'Inter, system-ui, sans-serif', fontSize: 14, fontWeight: '600', fill: theme.text },
  });
  name.position.set(54, 12);
  const kind = new Text({
    text: style.label,
    style: { fontFamily: 'Inter, system-ui, sans-serif', fontSize: 11, fill: theme.mutedText },
  });
  kind.position.set(54, 33);
  card.addChild(body, stripe, disc, glyph, name, kind);
  return card;
}

/** Where the segment from `node`'s centre towards `other`'s centre leaves `node`'s card. */
function cardEdgePoint(node: NodeRecord, other: NodeRecord): { x: number; y: number } {
  const dx = other.x - node.x;
  const dy = other.y - node.y;
  const halfWidth = NODE_CARD.width / 2 + 4;
  const halfHeight = NODE_CARD.height / 2 + 4;
  if (dx === 0 && dy === 0) return { x: node.x, y: node.y };
  const scale = Math.min(dx === 0 ? Infinity : halfWidth / Math.abs(dx), dy === 0 ? Infinity : halfHeight / Math.abs(dy));
  return { x: node.x + dx * scale, y: node.y + dy * scale };
}

function drawArrowHead(graphics: Graphics, from: { x: number; y: number }, to: { x: number; y: number }, color: number): void {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const size = 9;
  graphics
    .moveTo(to.x, to.y)
    .lineTo(to.x - size * Math.cos(angle - 0.4), to.y - size * Math.sin(angle - 0.4))
    .lineTo(to.x - size * Math.cos(angle + 0.4), to.y - size * Math.sin(angle + 0.4))
    .closePath()
    .fill({ color });
}

function drawDashedLine(graphics: Graphics, x1: number, y1: number, x2: number, y2: number, dash: number, gap: number): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  for (let along = 0; along < length; along += dash + gap) {
    const end = Math.min(along + dash, length);
    graphics.moveTo(x1 + ux * along, y1 + uy * along).lineTo(x1 + ux * end, y1 + uy * end);
  }
}

/** Bounds of everything drawn, for fit-to-content. */
export function documentBounds(document: FaultlineDocument): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of Object.values(document.nodes)) {
    minX = Math.min(minX, node.x - NODE_CARD.width / 2);
    maxX = Math.max(maxX, node.x + NODE_CARD.width / 2);
    minY = Math.min(minY, node.y - NODE_CARD.height / 2);
    maxY = Math.max(maxY, node.y + NODE_CARD.height / 2);
  }
  for (const region of Object.values(document.regions)) {
    minX = Math.min(minX, region.x);
    maxX = Math.max(maxX, region.x + region.w);
    minY = Math.min(minY, region.y);
    maxY = Math.max(maxY, region.y + region.h);
  }
  if (!Number.isFinite(minX)) return { x: 0, y: 0, width: 800, height: 600 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

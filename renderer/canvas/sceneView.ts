import { Container, Graphics } from 'pixi.js';
import type { FaultlineDocument } from '../../shared/model/types';
import { cardEdgePoint, handlePoint, linkPairKeys, linkSegment, NODE_CARD, nodeCentre } from '../editor/geometry';
import type { Selection } from '../editor/store/selection';
import type { Overlay } from '../editor/tools/toolTypes';
import { drawArrowHead, drawDashedLine } from './linkDrawing';
import { NodeView } from './nodeView';
import { RegionView } from './regionView';
import { SharedShapes } from './sharedShapes';
import type { CanvasTheme } from './theme';

/**
 * The model → view copy of the canvas. Each sync compares records by identity (the store's immer
 * documents share every untouched record), so only changed cards and regions are touched; links
 * are one Graphics redrawn when nodes or links change.
 */
export class SceneView {
  readonly root = new Container({ label: 'scene' });
  private readonly regionLayer = new Container({ label: 'regions' });
  private readonly linkLayer = new Graphics({ label: 'links' });
  private readonly nodeLayer = new Container({ label: 'nodes' });
  private readonly overlayLayer = new Graphics({ label: 'overlay' });
  /** Where the live view draws packets and link states: above links, below node cards. */
  readonly liveUnderNodes = new Container({ label: 'live-under-nodes' });
  /** Where the live view draws node states (health ring, bars, DOWN): above node cards. */
  readonly liveOverNodes = new Container({ label: 'live-over-nodes' });
  private readonly nodeViews = new Map<string, NodeView>();
  private readonly regionViews = new Map<string, RegionView>();
  private shapes: SharedShapes;
  private last: { doc?: FaultlineDocument; selection?: Selection; overlay?: Overlay; theme?: CanvasTheme } = {};

  constructor(theme: CanvasTheme) {
    this.shapes = new SharedShapes(theme);
    this.root.addChild(this.regionLayer, this.linkLayer, this.liveUnderNodes, this.nodeLayer, this.liveOverNodes, this.overlayLayer);
  }

  sync(doc: FaultlineDocument, selection: Selection, overlay: Overlay, theme: CanvasTheme): void {
    const themeChanged = theme !== this.last.theme;
    if (themeChanged && this.last.theme) {
      const old = this.shapes;
      this.shapes = new SharedShapes(theme);
      queueMicrotask(() => old.destroy());
    }
    const docChanged = doc !== this.last.doc;
    const selectionChanged = selection !== this.last.selection;
    if (docChanged || selectionChanged || themeChanged) this.syncRegions(doc, selection, theme);
    if (docChanged || themeChanged) this.syncNodes(doc);
    if (docChanged || selectionChanged || themeChanged || overlay.hoverNodeId !== this.last.overlay?.hoverNodeId || overlay.linkDrag !== this.last.overlay?.linkDrag || overlay.keyboardFocus !== this.last.overlay?.keyboardFocus) {
      this.syncNodeStates(selection, overlay);
    }
    if (docChanged || selection.links !== this.last.selection?.links || themeChanged || overlay.keyboardFocus !== this.last.overlay?.keyboardFocus) {
      this.drawLinks(doc, selection, theme, overlay.keyboardFocus === true);
    }
    if (overlay !== this.last.overlay || docChanged || themeChanged) this.drawOverlay(doc, overlay, theme);
    this.last = { doc, selection, overlay, theme };
  }

  private syncRegions(doc: FaultlineDocument, selection: Selection, theme: CanvasTheme): void {
    for (const [id, view] of this.regionViews) {
      if (!Object.hasOwn(doc.regions, id)) {
        view.destroy();
        this.regionViews.delete(id);
      }
    }
    for (const region of Object.values(doc.regions)) {
      let view = this.regionViews.get(region.id);
      if (!view) {
        view = new RegionView();
        this.regionViews.set(region.id, view);
        this.regionLayer.addChild(view.container);
      }
      view.update(region, theme, selection.regions.includes(region.id));
    }
  }

  private syncNodes(doc: FaultlineDocument): void {
    for (const [id, view] of this.nodeViews) {
      if (!Object.hasOwn(doc.nodes, id)) {
        view.destroy();
        this.nodeViews.delete(id);
      }
    }
    for (const node of Object.values(doc.nodes)) {
      let view = this.nodeViews.get(node.id);
      if (!view) {
        view = new NodeView(this.shapes);
        this.nodeViews.set(node.id, view);
        this.nodeLayer.addChild(view.container);
      }
      view.update(node, this.shapes);
    }
  }

  private syncNodeStates(selection: Selection, overlay: Overlay): void {
    const selected = new Set(selection.nodes);
    const linkTarget = overlay.linkDrag?.targetId;
    for (const [id, view] of this.nodeViews) {
      const isSelected = selected.has(id);
      const hovered = overlay.hoverNodeId === id || linkTarget === id;
      // With keyboard focus on the canvas, the focus ring marks where the keys act: the selection,
      // or the source of a link being made from the keyboard.
      const focused = overlay.keyboardFocus === true && (overlay.linkDrag ? overlay.linkDrag.fromId === id : isSelected);
      view.setState(isSelected, hovered, isSelected || overlay.hoverNodeId === id || overlay.linkDrag?.fromId === id, focused);
    }
  }

  private drawLinks(doc: FaultlineDocument, selection: Selection, theme: CanvasTheme, keyboardFocus: boolean): void {
    const graphics = this.linkLayer.clear();
    const selected = new Set(selection.links);
    const pairs = linkPairKeys(doc);
    for (const link of Object.values(doc.links)) {
      const segment = linkSegment(doc, link, pairs);
      if (!segment) continue;
      const isSelected = selected.has(link.id);
      const replication = link.kind === 'replication';
      if (isSelected && keyboardFocus) {
        // The keyboard's link (reached with ] / [): a wide halo under it, like a node's focus ring.
        graphics.moveTo(segment.start.x, segment.start.y).lineTo(segment.end.x, segment.end.y).stroke({ width: 14, color: theme.selection, alpha: 0.28, cap: 'round' });
      }
      const color = isSelected ? theme.selection : replication ? theme.replicationLink : theme.link;
      const width = isSelected ? 3 : 2;
      if (replication) {
        drawDashedLine(graphics, segment.start, segment.end, 7, 5);
        graphics.stroke({ width, color });
        drawArrowHead(graphics, segment.start, segment.end, color, 9);
      } else {
        graphics.moveTo(segment.start.x, segment.start.y).lineTo(segment.end.x, segment.end.y).stroke({ width, color, alpha: isSelected ? 1 : 0.85 });
        drawArrowHead(graphics, segment.start, segment.end, color);
      }
    }
  }

  private drawOverlay(doc: FaultlineDocument, overlay: Overlay, theme: CanvasTheme): void {
    const graphics = this.overlayLayer.clear();
    if (overlay.brush) {
      const { x, y, w, h } = overlay.brush;
      graphics.rect(x, y, w, h).fill({ color: theme.brushFill, alpha: 0.08 }).stroke({ width: 1, color: theme.selection, alpha: 0.9 });
    }
    const drag = overlay.linkDrag;
    if (drag && Object.hasOwn(doc.nodes, drag.fromId)) {
      const from = doc.nodes[drag.fromId];
      const start = handlePoint(from);
      const target = drag.targetId && Object.hasOwn(doc.nodes, drag.targetId) ? doc.nodes[drag.targetId] : undefined;
      const end = target ? cardEdgePoint(nodeCentre(target), start) : drag.to;
      const color = drag.refused ? theme.refused : theme.selection;
      drawDashedLine(graphics, start, end, 8, 6);
      graphics.stroke({ width: 2.5, color });
      if (target) {
        graphics.roundRect(target.x - 4, target.y - 4, NODE_CARD.width + 8, NODE_CARD.height + 8, NODE_CARD.radius + 4).stroke({ width: 2.5, color });
        if (drag.refused) {
          // A cross on the refused target: the reason itself is shown as text in the hint bar.
          const c = nodeCentre(target);
          graphics.moveTo(c.x - 10, c.y - 10).lineTo(c.x + 10, c.y + 10).moveTo(c.x + 10, c.y - 10).lineTo(c.x - 10, c.y + 10).stroke({ width: 3, color });
        }
      } else {
        graphics.circle(end.x, end.y, 5).fill({ color });
      }
    }
  }

  destroy(): void {
    this.root.destroy({ children: true });
    this.shapes.destroy();
  }
}

import { Container, Graphics } from 'pixi.js';
import type { FaultlineDocument, LinkRecord } from '../../shared/model/types';
import { cardEdgePoint, handlePoint, linkPairKeys, linkSegment, NODE_CARD, nodeCentre, type Rect } from '../editor/geometry';
import { EMPTY_SELECTION, type Selection } from '../editor/store/selection';
import type { Overlay } from '../editor/tools/toolTypes';
import { FarLabelLayer } from './farLabelLayer';
import { drawArrowHead, drawDashedLine } from './linkDrawing';
import { NodeView } from './nodeView';
import { RegionView } from './regionView';
import { titleWidthLimit } from './regionTitle';
import { SharedShapes } from './sharedShapes';
import { cardTextMetrics } from './cardText';
import { cardTextResolution } from './textResolution';
import type { CanvasTheme } from './theme';

/**
 * The model → view copy of the canvas. Each sync compares records by identity (the store's immer
 * documents share every untouched record), so only changed cards and regions are touched.
 *
 * What the user is working on — the selected nodes and links, and the links that touch them — is
 * drawn in layers of its own, each a Pixi render group. Dragging a selection then rebuilds only
 * those small layers; everything else keeps its geometry on the GPU, which is what keeps a large
 * design responsive (rebuilding a thousand cards and links costs a frame several times over).
 */
/**
 * A card's name is written smaller than this on screen (px, at its full size, before a long name
 * shrinks) only where the far labels take over. 7 px is about the least a name reads at; at
 * 1280×800 lesson 7 at its first pause (zoom 0.42) drew its names at 6.7 px, and lesson 8 at
 * 1024×768 (0.33) at 5.2 px: squinted at rather than read. Classroom type is 30 % larger, so
 * its cards keep their own names further out: there a far label cut to the room its row leaves
 * ("Primary (as…") would say less than the card's two lines ("Primary / (async)").
 */
const CARD_NAME_MIN_PX = 7;

/**
 * Below this zoom a card's name would draw under CARD_NAME_MIN_PX: cards are drawn plain (see
 * NodeView), and their names are written over them at a readable screen size instead
 * (FarLabelLayer). 0.4375 in the usual type, 0.333 in classroom type.
 */
export function farZoom(classroom: boolean): number {
  return CARD_NAME_MIN_PX / cardTextMetrics(classroom).nameSize;
}



export class SceneView {
  readonly root = new Container({ label: 'scene' });
  private readonly regionLayer = new Container({ label: 'regions' });
  private readonly linkLayer = new Container({ label: 'links' });
  /** Links with neither end selected, and not selected themselves. */
  private readonly restingLinks = new Graphics({ label: 'resting-links' });
  private readonly activeLinks = new Graphics({ label: 'active-links' });
  private readonly nodeLayer = new Container({ label: 'nodes' });
  private readonly restingNodes = new Container({ label: 'resting-nodes' });
  private readonly activeNodes = new Container({ label: 'active-nodes' });
  private readonly farLabels: FarLabelLayer;
  private readonly overlayLayer = new Graphics({ label: 'overlay' });
  /** Where the live view draws packets and link states: above links, below node cards. */
  readonly liveUnderNodes = new Container({ label: 'live-under-nodes' });
  /**
   * Where the live view draws what belongs on a card (the green status dot): above the cards but
   * under the far labels, so far out a label's "…" is not covered by a dot a few pixels from it.
   */
  readonly liveOnCards = new Container({ label: 'live-on-cards' });
  /** Where the live view draws node states (health ring, bars, DOWN): above node cards and far labels. */
  readonly liveOverNodes = new Container({ label: 'live-over-nodes' });
  private readonly nodeViews = new Map<string, NodeView>();
  private readonly regionViews = new Map<string, RegionView>();
  private shapes: SharedShapes;
  private last: { doc?: FaultlineDocument; selection?: Selection; overlay?: Overlay; theme?: CanvasTheme } = {};
  /** What the resting links were drawn from: they are redrawn only when one of these changes. */
  private restingDrawn: { links: FaultlineDocument['links']; nodes: FaultlineDocument['nodes']; active: ReadonlySet<string>; theme: CanvasTheme } | null = null;
  private detailed = true;
  private textResolution = 2;
  private zoom = 1;
  private pixelRatio = 1;
  private classroom = false;
  /** A card was added: the next placement restores document order. */
  private orderPending = false;
  /** What the region titles were last cut around: the far labels' placement, other things in their way, the regions and the zoom. */
  private titlesFitFor: { placements: number; obstacles: readonly Rect[]; regions: FaultlineDocument['regions'] | undefined; classroom: boolean; zoom: number } | null = null;
  /** Things drawn over the regions besides the far labels (the live view's badges), in world units. */
  private titleObstacles: readonly Rect[] = [];

  constructor(theme: CanvasTheme) {
    this.shapes = new SharedShapes(theme);
    this.farLabels = new FarLabelLayer(theme);
    this.root.addChild(this.regionLayer, this.linkLayer, this.liveUnderNodes, this.nodeLayer, this.liveOnCards, this.farLabels.container, this.liveOverNodes, this.overlayLayer);
    this.linkLayer.addChild(this.restingLinks, this.activeLinks);
    this.nodeLayer.addChild(this.restingNodes, this.activeNodes);
    // Pointer input reaches the tools through the canvas element (SandboxCanvas), never through
    // Pixi's hit testing, which would otherwise walk every card on each pointer move.
    this.root.interactiveChildren = false;
    // Panning and zooming move one render group on the GPU instead of every card on the CPU.
    this.root.isRenderGroup = true;
    for (const layer of [this.regionLayer, this.restingLinks, this.activeLinks, this.liveUnderNodes, this.restingNodes, this.activeNodes, this.liveOnCards, this.farLabels.container, this.liveOverNodes, this.overlayLayer]) {
      layer.isRenderGroup = true;
    }
  }

  /** Draws every card in full whatever the zoom (an export), until the returned function is called. */
  withFullDetail(): () => void {
    // The export is the diagram, not the editor's state: no selection, hover, focus ring or link
    // handle (a selected card's handle and a hovered one's were in the image).
    const shown = this.last;
    if (shown.doc && shown.theme) this.sync(shown.doc, EMPTY_SELECTION, {}, shown.theme);
    const detailed = this.detailed;
    if (!detailed) for (const view of this.nodeViews.values()) view.setDetailed(true);
    // The cards write their own names in the export: labels sized for the screen would cover them.
    const showFarLabels = this.farLabels.hideWhile();
    // An export is drawn at actual size or larger: text at full resolution, whatever the zoom.
    for (const view of this.nodeViews.values()) view.setTextResolution(2);
    // Region titles at their world size, as at zoom 1, rasterised at the export's double density.
    for (const view of this.regionViews.values()) {
      view.setTitleLimit(Infinity);
      view.setZoom(1, 2);
    }
    return () => {
      showFarLabels();
      for (const view of this.regionViews.values()) view.setZoom(this.zoom, this.pixelRatio);
      this.titlesFitFor = null;
      this.fitTitles();
      if (!detailed) for (const view of this.nodeViews.values()) view.setDetailed(this.detailed);
      for (const view of this.nodeViews.values()) view.setTextResolution(this.textResolution);
      if (shown.doc && shown.theme) this.sync(shown.doc, shown.selection ?? EMPTY_SELECTION, shown.overlay ?? {}, shown.theme);
    };
  }

  /**
   * Classroom mode: larger card and region text (see CARD_TEXT). Each card is re-laid once, when
   * the mode changes; returns whether it did (the caller then draws a frame).
   */
  setClassroom(classroom: boolean): boolean {
    if (classroom === this.classroom) return false;
    this.classroom = classroom;
    const metrics = cardTextMetrics(classroom);
    for (const view of this.nodeViews.values()) view.setTextMetrics(metrics);
    for (const view of this.regionViews.values()) view.setClassroom(classroom);
    this.farLabels.setClassroom(classroom);
    // The larger type keeps the cards' own names readable further out.
    this.applyDetail();
    return true;
  }

  /** The zoom the scene was last laid out for (setZoom). */
  get currentZoom(): number {
    return this.zoom;
  }

  /** Where a region's title is drawn (world units): far out it reaches below the box's label strip. */
  regionTitleRect(id: string): Rect | undefined {
    return this.regionViews.get(id)?.titleRect();
  }

  /** What a node's card shows (its name's lines and its kind, or null when the name took that line), for tests. */
  drawnCardText(id: string): { name: string[]; kind: string | null } | null {
    return this.nodeViews.get(id)?.drawnText() ?? null;
  }

  /** The name a node's far label shows, or null when it shows none (at farZoom or nearer, or left out for a neighbour's), for tests. */
  drawnFarLabel(id: string): string | null {
    return this.farLabels.drawnLabel(id);
  }

  /** Where a node's far label is drawn (world units), or undefined when none is, for tests. */
  farLabelRect(id: string): Rect | undefined {
    return this.farLabels.labelRect(id);
  }

  /** What a region's title shows and its type size on screen (CSS px), or null for an unknown region, for tests. */
  drawnRegionTitle(id: string): { text: string; screenPx: number } | null {
    return this.regionViews.get(id)?.drawnTitle() ?? null;
  }

  /**
   * `visible`: the world in view (the far labels are placed for it). Returns whether the level of
   * detail changed, the far labels were re-placed, or a region's title was resized (the caller then draws a frame).
   */
  setZoom(zoom: number, pixelRatio = 1, visible?: Rect): boolean {
    const resolution = cardTextResolution(zoom, pixelRatio);
    let changed = this.farLabels.setZoom(zoom, pixelRatio, visible);
    this.zoom = zoom;
    this.pixelRatio = pixelRatio;
    for (const view of this.regionViews.values()) if (view.setZoom(zoom, pixelRatio)) changed = true;
    if (resolution !== this.textResolution) {
      this.textResolution = resolution;
      for (const view of this.nodeViews.values()) view.setTextResolution(resolution);
      changed = true;
    }
    if (this.applyDetail()) changed = true;
    // Called on every frame: this is where the titles catch up with labels re-placed by a sync or a mode change.
    return this.fitTitles() || changed;
  }

  /**
   * What else lies over the regions (world units; a new array when it changes): region titles end
   * before these as before far labels. The live view gives its badges, which far out grow above their cards.
   */
  setTitleObstacles(obstacles: readonly Rect[]): void {
    this.titleObstacles = obstacles;
  }

  /**
   * Cuts each region's title to end before the far labels (far out) and other obstacles lying
   * across its row (see titleWidthLimit); nearer in, gives every title back its box's width.
   * Redone only when the labels were placed again, or the obstacles, the regions or the zoom (the
   * titles' size) changed; returns whether a title changed.
   */
  private fitTitles(): boolean {
    const regions = this.last.doc?.regions;
    const fitFor = { placements: this.farLabels.placements, obstacles: this.titleObstacles, regions, classroom: this.classroom, zoom: this.zoom };
    const before = this.titlesFitFor;
    if (before !== null && before.placements === fitFor.placements && before.obstacles === fitFor.obstacles && before.regions === regions && before.classroom === fitFor.classroom && before.zoom === fitFor.zoom) return false;
    this.titlesFitFor = fitFor;
    const labels = [...this.farLabels.shownRects(), ...this.titleObstacles];
    let changed = false;
    for (const view of this.regionViews.values()) {
      // A cut shortens the title; its row (left edge, top, height) stays where it was.
      const row = view.titleRow();
      const limit = row === undefined || labels.length === 0 ? Infinity : titleWidthLimit(row, labels, this.zoom, view.shortestCut());
      if (view.setTitleLimit(limit)) changed = true;
    }
    return changed;
  }

  /** Cards in full, or plain under far labels, for the zoom and the type size; returns whether that changed. */
  private applyDetail(): boolean {
    const detailed = this.zoom >= farZoom(this.classroom);
    if (detailed === this.detailed) return false;
    this.detailed = detailed;
    for (const view of this.nodeViews.values()) view.setDetailed(detailed);
    this.farLabels.setActive(!detailed);
    return true;
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
    const keyboardFocusChanged = overlay.keyboardFocus !== this.last.overlay?.keyboardFocus;
    if (docChanged || selectionChanged || themeChanged || keyboardFocusChanged) this.syncRegions(doc, selection, theme, overlay.keyboardFocus === true);
    if (docChanged || themeChanged) this.syncNodes(doc);
    if (docChanged || selectionChanged || themeChanged) this.placeNodes(doc, selection);
    if (docChanged || selectionChanged || themeChanged || overlay.hoverNodeId !== this.last.overlay?.hoverNodeId || overlay.linkDrag !== this.last.overlay?.linkDrag || keyboardFocusChanged) {
      this.syncNodeStates(selection, overlay);
    }
    // The node under the pointer claims its label's place early: pointing at a blank card far out shows its name.
    this.farLabels.sync(doc.nodes, selection.nodes, overlay.hoverNodeId, theme);
    if (docChanged || selectionChanged || themeChanged || keyboardFocusChanged) this.drawLinks(doc, selection, theme, overlay.keyboardFocus === true);
    if (overlay !== this.last.overlay || docChanged || themeChanged) this.drawOverlay(doc, overlay, theme);
    this.last = { doc, selection, overlay, theme };
  }

  private syncRegions(doc: FaultlineDocument, selection: Selection, theme: CanvasTheme, keyboardFocus: boolean): void {
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
        view.setClassroom(this.classroom);
        view.setZoom(this.zoom, this.pixelRatio);
        this.regionViews.set(region.id, view);
        this.regionLayer.addChild(view.container);
      }
      const selected = selection.regions.includes(region.id);
      view.update(region, theme, selected, selected && keyboardFocus);
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
        view.setDetailed(this.detailed);
        view.setTextResolution(this.textResolution);
        view.setTextMetrics(cardTextMetrics(this.classroom));
        this.nodeViews.set(node.id, view);
        this.orderPending = true;
      }
      view.update(node, this.shapes);
    }
  }

  /**
   * Selected cards go to the active layer (drawn above the rest; nodeAt hits them first), the
   * others to the resting one, each layer in document order — a card coming back from the active
   * layer returns to its place in the stack, not to the top.
   */
  private placeNodes(doc: FaultlineDocument, selection: Selection): void {
    const selected = new Set(selection.nodes);
    let moved = false;
    for (const [id, view] of this.nodeViews) {
      const layer = selected.has(id) ? this.activeNodes : this.restingNodes;
      if (view.container.parent === layer) continue;
      layer.addChild(view.container);
      moved = true;
    }
    if (!moved && !this.orderPending) return;
    this.orderPending = false;
    const resting: Container[] = [];
    const active: Container[] = [];
    for (const id of Object.keys(doc.nodes)) {
      const view = this.nodeViews.get(id);
      if (view === undefined) continue;
      (view.container.parent === this.activeNodes ? active : resting).push(view.container);
    }
    for (const [layer, order] of [[this.restingNodes, resting], [this.activeNodes, active]] as const) {
      if (order.every((child, index) => layer.children[index] === child)) continue;
      layer.removeChildren();
      if (order.length > 0) layer.addChild(...order);
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
    const activeNodes = new Set(selection.nodes);
    const selectedLinks = new Set(selection.links);
    const isActive = (link: LinkRecord) => selectedLinks.has(link.id) || activeNodes.has(link.from) || activeNodes.has(link.to);
    const pairs = linkPairKeys(doc);
    const active = new Set([...activeNodes, ...selectedLinks]);
    const resting = this.restingDrawn;
    if (resting === null || resting.theme !== theme || resting.links !== doc.links || !sameMembers(resting.active, active) || !sameOutside(resting.nodes, doc.nodes, activeNodes)) {
      const graphics = this.restingLinks.clear();
      for (const link of Object.values(doc.links)) if (!isActive(link)) this.drawLink(graphics, doc, link, pairs, false, false, theme);
      this.restingDrawn = { links: doc.links, nodes: doc.nodes, active, theme };
    }
    const graphics = this.activeLinks.clear();
    for (const link of Object.values(doc.links)) {
      if (isActive(link)) this.drawLink(graphics, doc, link, pairs, selectedLinks.has(link.id), keyboardFocus, theme);
    }
  }

  private drawLink(graphics: Graphics, doc: FaultlineDocument, link: LinkRecord, pairs: Set<string>, isSelected: boolean, keyboardFocus: boolean, theme: CanvasTheme): void {
    const segment = linkSegment(doc, link, pairs);
    if (!segment) return;
    if (isSelected && keyboardFocus) {
      // The keyboard's link (reached with ] / [): a wide halo under it, like a node's focus ring.
      graphics.moveTo(segment.start.x, segment.start.y).lineTo(segment.end.x, segment.end.y).stroke({ width: 14, color: theme.selection, alpha: 0.28, cap: 'round' });
    }
    const replication = link.kind === 'replication';
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
    // First: the labels' textures are their own, and the root's destroy leaves textures be.
    this.farLabels.destroy();
    this.root.destroy({ children: true });
    this.shapes.destroy();
  }
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const member of a) if (!b.has(member)) return false;
  return true;
}

/** Are the node records the same objects, apart from the ones in `except`? */
function sameOutside(before: FaultlineDocument['nodes'], after: FaultlineDocument['nodes'], except: ReadonlySet<string>): boolean {
  if (before === after) return true;
  for (const id in before) if (!except.has(id) && before[id] !== after[id]) return false;
  for (const id in after) if (!except.has(id) && !Object.hasOwn(before, id)) return false;
  return true;
}

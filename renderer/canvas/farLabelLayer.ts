import { Container, Sprite, Texture } from 'pixi.js';
import type { FaultlineDocument, NodeKind, NodeRecord } from '../../shared/model/types';
import type { Rect } from '../editor/geometry';
import { NODE_CARD } from '../editor/geometry';
import { CHIP_HEIGHT_EMS, farLabelLimits, farLabelOrder, labelHeight, placeFarLabels, type FarLabelCandidate, type FittedLabel } from './farLabels';
import { drawChip, measureChipText } from './farLabelChip';
import { fitLabel, fitLabelTwoLines } from './fitLabel';
import { KIND_STYLES } from './kindStyle';
import type { CanvasTheme } from './theme';

/**
 * The far labels' type size in screen px. 11 is the smallest the app writes running text at (the
 * charts' keys and axes), still read at arm's length yet a row of lesson cards keeps a word or so
 * each; classroom mode's 13 is read from the back of a room, as its cards' 30 % larger text is.
 */
export const FAR_LABEL_SIZE = { normal: 11, classroom: 13 } as const;
/** The chip behind a label: its text's room on each side, and its height per px of type. */
const CHIP_PADDING = 4;
/** Clear screen px kept between two labels. */
const LABEL_GAP = 3;
/**
 * Labels are placed for the cards in view and this share of the view's size round it: a pan
 * within it moves labels already placed, and a thousand cards far out of view are never measured
 * or drawn.
 */
const PLACED_MARGIN = 0.5;

/** One card's far label. Its Pixi objects are made the first time it is shown; fitting only measures. */
class FarLabel implements FarLabelCandidate {
  id: string;
  x = 0;
  y = 0;
  name = '';
  kind: NodeKind;
  sprite: Sprite | null = null;
  /** What the sprite's texture was drawn for (text, width, selection, kind, theme, size), to redraw it only when that changes. */
  drawn = '';
  private whole: FittedLabel | null = null;
  private readonly cut = new Map<number, FittedLabel | null>();
  private readonly cutOneLine = new Map<number, FittedLabel | null>();
  private fontSize: number;

  constructor(node: NodeRecord, fontSize: number) {
    this.fontSize = fontSize;
    this.id = node.id;
    this.kind = node.kind;
    this.update(node);
  }

  update(node: NodeRecord): void {
    this.x = node.x + NODE_CARD.width / 2;
    this.y = node.y + NODE_CARD.height / 2;
    this.kind = node.kind;
    this.sprite?.position.set(this.x, this.y);
    const name = node.name ?? node.id;
    if (name !== this.name) {
      this.name = name;
      this.forgetFits();
    }
  }

  /** A new type size: every width measured so far is wrong. */
  setFontSize(fontSize: number): void {
    this.fontSize = fontSize;
    this.forgetFits();
  }

  private forgetFits(): void {
    this.whole = null;
    this.cut.clear();
    this.cutOneLine.clear();
  }

  fit(maxWidth: number): FittedLabel | null {
    const measure = (text: string) => measureChipText(text, this.fontSize);
    this.whole ??= { text: this.name, width: Math.ceil(measure(this.name)) + 2 * CHIP_PADDING };
    if (this.whole.width <= maxWidth) return this.whole;
    let fitted = this.cut.get(maxWidth);
    if (fitted === undefined) {
      const room = maxWidth - 2 * CHIP_PADDING;
      const lines = fitLabelTwoLines(this.name, room, measure);
      fitted = lines === null ? this.fitOneLine(maxWidth) : { text: lines.join('\n'), width: Math.ceil(Math.max(measure(lines[0]), measure(lines[1]))) + 2 * CHIP_PADDING, lines: 2 };
      this.cut.set(maxWidth, fitted);
    }
    return fitted;
  }

  fitOneLine(maxWidth: number): FittedLabel | null {
    const measure = (text: string) => measureChipText(text, this.fontSize);
    let fitted = this.cutOneLine.get(maxWidth);
    if (fitted === undefined) {
      const text = fitLabel(this.name, maxWidth - 2 * CHIP_PADDING, measure);
      // "…" alone says nothing: such a card keeps no label.
      fitted = text === '…' ? null : { text, width: Math.ceil(measure(text)) + 2 * CHIP_PADDING };
      this.cutOneLine.set(maxWidth, fitted);
    }
    return fitted;
  }
}

/**
 * The far labels' layer (see farLabels.ts): over the cards and the live view's status dots (a
 * dot a few pixels wide far out would cover a label's "…"), under its node states (a health ring
 * or a DOWN veil still shows over a label). Each label is one sprite drawn in
 * screen pixels (farLabelChip.ts) — scaled by 1/zoom at the card's centre — so a zoom only
 * rescales and re-places the labels; a label is re-drawn only when its cut changes. Does nothing
 * at all until the zoom first drops below farZoom().
 */
export class FarLabelLayer {
  readonly container = new Container({ label: 'far-labels' });
  private readonly labels = new Map<string, FarLabel>();
  /** The labels placed, in priority order (see farLabelOrder). */
  private order: FarLabel[] = [];
  private shown = new Map<string, FittedLabel>();
  private nodes: FaultlineDocument['nodes'] | undefined;
  private selected: ReadonlySet<string> = new Set();
  private selection: readonly string[] = [];
  private hovered: string | undefined;
  private theme: CanvasTheme;
  private classroom = false;
  private zoom = 1;
  private resolution = 1;
  /** The part of the world in view, when the canvas says (world units), and the part labels were last placed for. */
  private visible: Rect | undefined;
  private placedArea: Rect | undefined;
  private active = false;
  private placementCount = 0;
  /** The labels are behind the document, selection or theme (they catch up only while shown: nearer in, they cost nothing). */
  private stale = true;

  constructor(theme: CanvasTheme) {
    this.theme = theme;
    this.container.visible = false;
  }

  private get fontSize(): number {
    return this.classroom ? FAR_LABEL_SIZE.classroom : FAR_LABEL_SIZE.normal;
  }

  sync(nodes: FaultlineDocument['nodes'], selection: readonly string[], hovered: string | undefined, theme: CanvasTheme): void {
    if (nodes === this.nodes && selection === this.selection && hovered === this.hovered && theme === this.theme) return;
    this.theme = theme;
    this.nodes = nodes;
    this.selection = selection;
    this.selected = new Set(selection);
    this.hovered = hovered;
    this.stale = true;
    if (this.active) this.refresh();
  }

  /** Shows the labels (below farZoom()) or hides them; returns whether that changed. */
  setActive(active: boolean): boolean {
    if (active === this.active) return false;
    this.active = active;
    this.placementCount++;
    this.container.visible = active;
    if (active) this.refresh();
    return true;
  }

  /**
   * Re-places the labels for a new zoom (their screen size stays), or a pan out of the area they
   * were placed for; returns whether anything was redone.
   */
  setZoom(zoom: number, resolution: number, visible?: Rect): boolean {
    this.visible = visible;
    const panned = visible !== undefined && (this.placedArea === undefined || !containsRect(this.placedArea, visible));
    if (zoom === this.zoom && resolution === this.resolution && !panned) return false;
    this.zoom = zoom;
    // Drawn at 1:1 on screen: rasterised at the screen's own density, sharp on a high-density display.
    this.resolution = resolution;
    if (this.active) this.place();
    return this.active;
  }

  setClassroom(classroom: boolean): void {
    if (classroom === this.classroom) return;
    this.classroom = classroom;
    for (const label of this.labels.values()) label.setFontSize(this.fontSize);
    if (this.active) this.place();
  }

  /**
   * The text a card's far label shows, or null when none is (nearer in, or left out for a
   * neighbour's): for tests. Two lines read as one, joined by a space (where the name broke).
   */
  drawnLabel(id: string): string | null {
    if (!this.active || !this.container.visible) return null;
    return this.shown.get(id)?.text.replace('\n', ' ') ?? null;
  }

  /**
   * Counts the placements and every showing or hiding: when it has not changed, neither have
   * {@link shownRects}.
   */
  get placements(): number {
    return this.placementCount;
  }

  /** Where the labels shown are (world units); none nearer in than farZoom(). */
  shownRects(): Rect[] {
    const rects: Rect[] = [];
    for (const id of this.shown.keys()) {
      const rect = this.labelRect(id);
      if (rect !== undefined) rects.push(rect);
    }
    return rects;
  }

  /** Where a card's far label is (world units), or undefined when none is shown. */
  labelRect(id: string): Rect | undefined {
    const fitted = this.shown.get(id);
    const label = this.labels.get(id);
    if (!this.active || fitted === undefined || label === undefined) return undefined;
    const width = fitted.width / this.zoom;
    const height = labelHeight(fitted, Math.round(this.fontSize * CHIP_HEIGHT_EMS)) / this.zoom;
    return { x: label.x - width / 2, y: label.y - height / 2, w: width, h: height };
  }

  /** Hides the labels (an export draws every card in full) until the returned function is called. */
  hideWhile(): () => void {
    const visible = this.container.visible;
    this.container.visible = false;
    return () => {
      this.container.visible = visible;
    };
  }

  private refresh(): void {
    if (!this.stale || this.nodes === undefined) {
      this.place();
      return;
    }
    this.stale = false;
    const nodes = this.nodes;
    for (const [id, label] of this.labels) {
      if (Object.hasOwn(nodes, id)) continue;
      label.sprite?.destroy({ texture: true, textureSource: true });
      this.labels.delete(id);
      this.shown.delete(id);
    }
    for (const node of Object.values(nodes)) {
      const label = this.labels.get(node.id);
      if (label === undefined) this.labels.set(node.id, new FarLabel(node, this.fontSize));
      else label.update(node);
    }
    this.order = farLabelOrder(Object.keys(nodes), this.selection, this.hovered).map((id) => this.labels.get(id)!);
    this.place();
  }

  private place(): void {
    const fontSize = this.fontSize;
    const height = Math.round(fontSize * CHIP_HEIGHT_EMS);
    const visible = this.visible;
    let candidates = this.order;
    this.placedArea = undefined;
    if (visible !== undefined) {
      const area = { x: visible.x - visible.w * PLACED_MARGIN, y: visible.y - visible.h * PLACED_MARGIN, w: visible.w * (1 + 2 * PLACED_MARGIN), h: visible.h * (1 + 2 * PLACED_MARGIN) };
      candidates = this.order.filter((label) => label.x >= area.x && label.x <= area.x + area.w && label.y >= area.y && label.y <= area.y + area.h);
      this.placedArea = area;
    }
    const placed = placeFarLabels(candidates, this.zoom, farLabelLimits(NODE_CARD.width * this.zoom, fontSize), height, LABEL_GAP);
    for (const id of this.shown.keys()) {
      if (placed.has(id)) continue;
      const sprite = this.labels.get(id)?.sprite;
      if (sprite) sprite.visible = false;
    }
    const scale = 1 / this.zoom;
    for (const [id, fitted] of placed) this.show(this.labels.get(id)!, fitted, scale, labelHeight(fitted, height));
    this.shown = placed;
    this.placementCount++;
  }

  private show(label: FarLabel, fitted: FittedLabel, scale: number, height: number): void {
    if (label.sprite === null) {
      label.sprite = new Sprite({ anchor: 0.5, roundPixels: true });
      label.sprite.position.set(label.x, label.y);
      this.container.addChild(label.sprite);
    }
    const sprite = label.sprite;
    sprite.visible = true;
    sprite.scale.set(scale);
    const selected = this.selected.has(label.id);
    const theme = this.theme;
    const drawn = `${fitted.text}|${fitted.width}|${height}|${selected}|${label.kind}|${theme.name}|${this.fontSize}|${this.resolution}`;
    if (drawn === label.drawn) return;
    label.drawn = drawn;
    const previous = sprite.texture;
    // The card's own fill, opaque over the links and packets round it, edged in its kind's colour:
    // the label covers the card's coloured edge, and the colour still tells a database from a client.
    sprite.texture = drawChip(fitted.text, {
      width: fitted.width,
      height,
      fontSize: this.fontSize,
      fill: theme.cardFill,
      border: selected ? theme.selection : KIND_STYLES[label.kind].color[theme.name],
      borderWidth: selected ? 2.5 : 1.5,
      textColor: theme.text,
      resolution: this.resolution,
    });
    if (previous !== Texture.EMPTY) previous.destroy(true);
  }

  destroy(): void {
    for (const label of this.labels.values()) label.sprite?.destroy({ texture: true, textureSource: true });
    this.container.destroy({ children: true });
  }
}

function containsRect(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

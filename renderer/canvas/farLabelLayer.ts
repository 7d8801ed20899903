import { CanvasTextMetrics, Container, Graphics, Text, TextStyle } from 'pixi.js';
import type { FaultlineDocument, NodeKind, NodeRecord } from '../../shared/model/types';
import { NODE_CARD } from '../editor/geometry';
import { farLabelLimits, farLabelOrder, placeFarLabels, type FarLabelCandidate, type FittedLabel } from './farLabels';
import { fitLabel } from './fitLabel';
import { KIND_STYLES } from './kindStyle';
import type { CanvasTheme } from './theme';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
/**
 * The far labels' type size in screen px. 11 is the smallest the app writes running text at (the
 * charts' keys and axes), still read at arm's length yet a row of lesson cards keeps a word or so
 * each; classroom mode's 13 is read from the back of a room, as its cards' 30 % larger text is.
 */
export const FAR_LABEL_SIZE = { normal: 11, classroom: 13 } as const;
/** The pill round a label: its text's room on each side, and its height per px of type. */
const PILL_PADDING = 4;
const PILL_HEIGHT_PER_PX = 1.5;
/** Clear screen px kept between two labels. */
const LABEL_GAP = 3;

/** One card's far label. Its Pixi objects are made the first time it is shown; fitting only measures. */
class FarLabel implements FarLabelCandidate {
  id: string;
  x = 0;
  y = 0;
  name = '';
  kind: NodeKind;
  view: { container: Container; pill: Graphics; text: Text } | null = null;
  /** What the pill was drawn for (its width, whether selected, the theme), to redraw it only when that changes. */
  pillDrawn = '';
  private whole: FittedLabel | null = null;
  private readonly cut = new Map<number, FittedLabel | null>();

  constructor(
    node: NodeRecord,
    private readonly style: TextStyle,
  ) {
    this.id = node.id;
    this.kind = node.kind;
    this.update(node);
  }

  update(node: NodeRecord): void {
    this.x = node.x + NODE_CARD.width / 2;
    this.y = node.y + NODE_CARD.height / 2;
    this.kind = node.kind;
    this.view?.container.position.set(this.x, this.y);
    const name = node.name ?? node.id;
    if (name !== this.name) {
      this.name = name;
      this.forgetFits();
    }
  }

  /** The type size changed: every width measured so far is wrong. */
  forgetFits(): void {
    this.whole = null;
    this.cut.clear();
  }

  fit(maxWidth: number): FittedLabel | null {
    const measure = (text: string) => CanvasTextMetrics.measureText(text, this.style).width;
    this.whole ??= { text: this.name, width: Math.ceil(measure(this.name)) + 2 * PILL_PADDING };
    if (this.whole.width <= maxWidth) return this.whole;
    let fitted = this.cut.get(maxWidth);
    if (fitted === undefined) {
      const text = fitLabel(this.name, maxWidth - 2 * PILL_PADDING, measure);
      // "…" alone says nothing: such a card keeps no label.
      fitted = text === '…' ? null : { text, width: Math.ceil(measure(text)) + 2 * PILL_PADDING };
      this.cut.set(maxWidth, fitted);
    }
    return fitted;
  }
}

/**
 * The far labels' layer (see farLabels.ts): over the cards, under the live view's node states
 * (a status dot or a DOWN veil still shows over a label). Each label is drawn in screen pixels —
 * its container is scaled by 1/zoom at the card's centre — so a zoom only rescales and re-places
 * the labels; text is re-rasterised only when a label's cut changes. Does nothing at all until
 * the zoom first drops below FAR_ZOOM.
 */
export class FarLabelLayer {
  readonly container = new Container({ label: 'far-labels' });
  private readonly style: TextStyle;
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
  private active = false;
  /** The document, selection or theme changed while the labels were not shown. */
  private stale = true;

  constructor(theme: CanvasTheme) {
    this.theme = theme;
    this.style = new TextStyle({ fontFamily: FONT, fontSize: FAR_LABEL_SIZE.normal, fontWeight: '500', fill: theme.text });
    this.container.visible = false;
  }

  private get fontSize(): number {
    return this.classroom ? FAR_LABEL_SIZE.classroom : FAR_LABEL_SIZE.normal;
  }

  sync(nodes: FaultlineDocument['nodes'], selection: readonly string[], hovered: string | undefined, theme: CanvasTheme): void {
    if (nodes === this.nodes && selection === this.selection && hovered === this.hovered && theme === this.theme) return;
    if (theme !== this.theme) {
      this.theme = theme;
      this.style.fill = theme.text;
    }
    this.nodes = nodes;
    this.selection = selection;
    this.selected = new Set(selection);
    this.hovered = hovered;
    this.stale = true;
    if (this.active) this.refresh();
  }

  /** Shows the labels (below FAR_ZOOM) or hides them; returns whether that changed. */
  setActive(active: boolean): boolean {
    if (active === this.active) return false;
    this.active = active;
    this.container.visible = active;
    if (active) this.refresh();
    return true;
  }

  /** Re-places the labels for a new zoom (their screen size stays); returns whether anything was redone. */
  setZoom(zoom: number, resolution: number): boolean {
    if (zoom === this.zoom && resolution === this.resolution) return false;
    this.zoom = zoom;
    if (resolution !== this.resolution) {
      // Drawn at 1:1 on screen: rasterised at the screen's own density, sharp on a high-density display.
      this.resolution = resolution;
      for (const label of this.labels.values()) if (label.view) label.view.text.resolution = resolution;
    }
    if (this.active) this.place();
    return this.active;
  }

  setClassroom(classroom: boolean): void {
    if (classroom === this.classroom) return;
    this.classroom = classroom;
    this.style.fontSize = this.fontSize;
    for (const label of this.labels.values()) label.forgetFits();
    if (this.active) this.place();
  }

  /** The text a card's far label shows, or null when none is (nearer in, or left out for a neighbour's): for tests. */
  drawnLabel(id: string): string | null {
    if (!this.active || !this.container.visible) return null;
    return this.shown.get(id)?.text ?? null;
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
      label.view?.container.destroy({ children: true });
      this.labels.delete(id);
      this.shown.delete(id);
    }
    for (const node of Object.values(nodes)) {
      const label = this.labels.get(node.id);
      if (label === undefined) this.labels.set(node.id, new FarLabel(node, this.style));
      else label.update(node);
    }
    this.order = farLabelOrder(Object.keys(nodes), this.selection, this.hovered).map((id) => this.labels.get(id)!);
    this.place();
  }

  private place(): void {
    const fontSize = this.fontSize;
    const height = Math.round(fontSize * PILL_HEIGHT_PER_PX);
    const placed = placeFarLabels(this.order, this.zoom, farLabelLimits(NODE_CARD.width * this.zoom, fontSize), height, LABEL_GAP);
    for (const id of this.shown.keys()) {
      if (placed.has(id)) continue;
      const view = this.labels.get(id)?.view;
      if (view) view.container.visible = false;
    }
    const scale = 1 / this.zoom;
    for (const [id, fitted] of placed) this.show(this.labels.get(id)!, fitted, scale, height);
    this.shown = placed;
  }

  private show(label: FarLabel, fitted: FittedLabel, scale: number, height: number): void {
    if (label.view === null) {
      const pill = new Graphics();
      const text = new Text({ text: fitted.text, style: this.style, anchor: 0.5, resolution: this.resolution, roundPixels: true });
      const container = new Container({ children: [pill, text] });
      container.position.set(label.x, label.y);
      label.view = { container, pill, text };
      this.container.addChild(container);
    }
    const { container, pill, text } = label.view;
    container.visible = true;
    container.scale.set(scale);
    text.text = fitted.text;
    const selected = this.selected.has(label.id);
    const drawn = `${fitted.width}|${height}|${selected}|${label.kind}|${this.theme.name}`;
    if (drawn === label.pillDrawn) return;
    label.pillDrawn = drawn;
    const theme = this.theme;
    // The card's own fill, opaque over the links and packets round it, edged in its kind's colour:
    // the label covers the card's coloured edge, and the colour still tells a database from a client.
    pill
      .clear()
      .roundRect(-fitted.width / 2, -height / 2, fitted.width, height, height / 2)
      .fill({ color: theme.cardFill })
      .stroke({ width: selected ? 2.5 : 1.5, color: selected ? theme.selection : KIND_STYLES[label.kind].color[theme.name] });
  }

  destroy(): void {
    this.container.destroy({ children: true });
    this.style.destroy();
  }
}

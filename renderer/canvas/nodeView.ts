import { CanvasTextMetrics, Container, Graphics, Text } from 'pixi.js';
import { NODE_KIND_INFO } from '../../shared/model/schema/nodeKinds';
import type { NodeRecord } from '../../shared/model/types';
import { NODE_CARD } from '../editor/geometry';
import { CARD_TEXT, layoutCardName, NAME_MIN_SCALE, type CardTextMetrics } from './cardText';
import { fitLabel } from './fitLabel';
import { ICON_SIZE, kindIconContext } from './iconContexts';
import { ICON_DISC, type SharedShapes } from './sharedShapes';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
/** Shows the whole kind if it fits (shrinking it a little if needed), else cuts it with "…". */
function fitText(text: Text, value: string, width: number): void {
  const measure = (shown: string) => CanvasTextMetrics.measureText(shown, text.style).width;
  const whole = measure(value);
  const scale = whole <= width ? 1 : Math.max(width / whole, NAME_MIN_SCALE);
  text.scale.set(scale);
  text.text = fitLabel(value, width / scale, measure);
}

/** One node card. Rebuilt only when its record (or the theme) changes; moves just reposition it. */
export class NodeView {
  readonly container = new Container();
  private readonly body: Graphics;
  /** The plain card drawn far out. A Graphics of its own, shown instead of `body`, rather than `body`'s shape swapped: see applyDetail. */
  private readonly farBody: Graphics;
  private readonly ring: Graphics;
  private readonly hover: Graphics;
  private readonly focus: Graphics;
  private readonly disc: Graphics;
  /** The kind's colour stripe of the plain card, shown instead of `disc` far out. */
  private readonly farStripe: Graphics;
  private readonly icon: Graphics;
  private readonly handle: Graphics;
  private readonly name: Text;
  private readonly kindLabel: Text;
  private record: NodeRecord | undefined;
  private detailed = true;
  /** The name takes two lines (and the kind's place). */
  private twoLines = false;
  private metrics = CARD_TEXT.normal;

  constructor(private shapes: SharedShapes) {
    this.body = new Graphics(shapes.card);
    this.farBody = new Graphics(shapes.farCard);
    this.farBody.visible = false;
    this.ring = new Graphics(shapes.selectedRing);
    this.hover = new Graphics(shapes.hoverRing);
    this.focus = new Graphics(shapes.focusRing);
    this.focus.visible = false;
    this.disc = new Graphics();
    this.farStripe = new Graphics();
    this.farStripe.visible = false;
    this.icon = new Graphics();
    this.handle = new Graphics(shapes.handle);
    this.disc.position.set(ICON_DISC.x, NODE_CARD.height / 2);
    this.farStripe.position.set(ICON_DISC.x, NODE_CARD.height / 2);
    this.icon.position.set(ICON_DISC.x - ICON_SIZE / 2, NODE_CARD.height / 2 - ICON_SIZE / 2);
    this.handle.position.set(NODE_CARD.width, NODE_CARD.height / 2);
    this.name = new Text({ text: '', resolution: 2, style: { fontFamily: FONT, fontSize: this.metrics.nameSize, fontWeight: '700', fill: shapes.theme.text } });
    this.kindLabel = new Text({ text: '', resolution: 2, style: { fontFamily: FONT, fontSize: this.metrics.kindSize, fill: shapes.theme.mutedText, letterSpacing: 0.2 } });
    this.placeText();
    this.container.addChild(this.focus, this.ring, this.body, this.farBody, this.hover, this.disc, this.farStripe, this.icon, this.name, this.kindLabel, this.handle);
  }

  update(node: NodeRecord, shapes: SharedShapes): void {
    const themeChanged = shapes !== this.shapes;
    this.shapes = shapes;
    this.container.position.set(node.x, node.y);
    this.container.label = `node:${node.id}`;
    const previous = this.record;
    this.record = node;
    if (!themeChanged && previous && previous.kind === node.kind && previous.name === node.name) return;
    if (themeChanged || !previous) {
      this.ring.context = shapes.selectedRing;
      this.hover.context = shapes.hoverRing;
      this.focus.context = shapes.focusRing;
      this.handle.context = shapes.handle;
      this.body.context = shapes.card;
      this.farBody.context = shapes.farCard;
      this.name.style.fill = shapes.theme.text;
      this.kindLabel.style.fill = shapes.theme.mutedText;
    }
    this.disc.context = shapes.disc(node.kind);
    this.farStripe.context = shapes.farStripe(node.kind);
    this.applyDetail();
    this.icon.context = kindIconContext(node.kind, shapes.theme.name);
    this.writeText();
  }

  private placeText(): void {
    const metrics = this.metrics;
    this.name.position.set(metrics.left, metrics.nameY);
    this.kindLabel.position.set(metrics.left, metrics.kindY);
  }

  private writeText(): void {
    const node = this.record;
    if (!node) return;
    const metrics = this.metrics;
    const width = metrics.right - metrics.left;
    const style = this.name.style;
    const layout = layoutCardName(node.name ?? node.id, width, (text) => CanvasTextMetrics.measureText(text, style).width);
    this.name.text = layout.lines.join('\n');
    this.name.scale.set(layout.scale);
    this.twoLines = layout.lines.length > 1;
    if (this.twoLines) {
      // Two lines of name take the kind's line too, centred on the card (as the icon is).
      this.name.position.set(metrics.left, Math.round((NODE_CARD.height - this.name.height) / 2));
    } else {
      this.name.position.set(metrics.left, metrics.nameY);
      // A database's role is not repeated here: the live layer badges the role it has right now.
      fitText(this.kindLabel, NODE_KIND_INFO[node.kind].label, width);
    }
    this.kindLabel.visible = this.detailed && !this.twoLines;
  }

  /** The text the card shows (what end-to-end tests read): the name's lines, and the kind or null. */
  drawnText(): { name: string[]; kind: string | null } {
    return { name: this.name.text.split('\n'), kind: this.twoLines ? null : this.kindLabel.text };
  }

  /** Classroom mode's larger text (see CARD_TEXT); called when the mode changes, never per frame. */
  setTextMetrics(metrics: CardTextMetrics): void {
    if (metrics === this.metrics) return;
    this.metrics = metrics;
    this.name.style.fontSize = metrics.nameSize;
    this.kindLabel.style.fontSize = metrics.kindSize;
    this.placeText();
    this.writeText();
  }

  /** Far out, names and icons are too small to read: the card alone keeps the frame cheap to draw. */
  setDetailed(detailed: boolean): void {
    if (detailed === this.detailed) return;
    this.detailed = detailed;
    this.applyDetail();
  }

  private applyDetail(): void {
    const detailed = this.detailed;
    this.name.visible = detailed;
    this.kindLabel.visible = detailed && !this.twoLines;
    this.icon.visible = detailed;
    // Shown and hidden, never a shape swapped: every card shares one shape, and Pixi unhooks a
    // Graphics from its old shape by scanning that shape's listeners (one per card), so swapping
    // them all as the zoom crossed the far threshold cost the square of the card count
    // (56 s of a 48,000-node file's first fit).
    this.body.visible = detailed;
    this.farBody.visible = !detailed;
    this.disc.visible = detailed;
    this.farStripe.visible = !detailed;
  }

  /**
   * Rasterises the card's text for the size it is shown at: small text drawn from a much larger
   * texture loses its thin strokes (grey, broken letters far out), so it is drawn near 1:1.
   */
  setTextResolution(resolution: number): void {
    if (this.name.resolution === resolution) return;
    this.name.resolution = resolution;
    this.kindLabel.resolution = resolution;
  }

  setState(selected: boolean, hovered: boolean, showHandle: boolean, focused = false): void {
    this.ring.visible = selected;
    this.focus.visible = focused;
    this.hover.visible = hovered && !selected;
    this.handle.visible = showHandle;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}

import { CanvasTextMetrics, Container, Graphics, Text } from 'pixi.js';
import type { Region } from '../../shared/model/types';
import { REGION_GRIP, type Rect } from '../editor/geometry';
import { fitLabel } from './fitLabel';
import { REGION_TITLE_INSET, REGION_TITLE_SIZE, regionTitleLayout, titleFirstWord, type TitleRow } from './regionTitle';
import type { CanvasTheme } from './theme';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';

/**
 * A labelled region box with a resize grip in its bottom-right corner when selected, and with the
 * canvas's keyboard focus on it (R or Tab selected it) a wide halo round the box, like a node's focus ring.
 * Far out its title is enlarged to stay readable (see regionTitle.ts).
 */
export class RegionView {
  readonly container = new Container();
  private readonly frame = new Graphics();
  private readonly grip = new Graphics();
  private readonly label: Text;
  private record: Region | undefined;
  private theme: CanvasTheme | undefined;
  private selected = false;
  private focused = false;
  private classroom = false;
  private zoom = 1;
  private pixelRatio = 1;
  /** The most the title may take from its left edge (world units) where far labels lie across its row. */
  private titleLimit = Infinity;
  /** What shortestCut last measured (its text and type size), and its width in the title's own units. */
  private shortestFor = '';
  private shortestTextWidth = 0;
  /** What the title was last cut for (name, type size, width): it is measured again only when one changes. */
  private cutFor = '';

  constructor() {
    this.label = new Text({ text: '', resolution: 2, style: { fontFamily: FONT, fontSize: REGION_TITLE_SIZE.normal, fontWeight: '700', letterSpacing: 1.6 } });
    this.container.addChild(this.frame, this.label, this.grip);
  }

  setClassroom(classroom: boolean): void {
    this.classroom = classroom;
    this.layOutTitle();
  }

  /** Sizes the title for the zoom (and the screen's pixel ratio); returns whether what it draws changed. */
  setZoom(zoom: number, pixelRatio = 1): boolean {
    if (zoom === this.zoom && pixelRatio === this.pixelRatio) return false;
    this.zoom = zoom;
    this.pixelRatio = pixelRatio;
    return this.layOutTitle();
  }

  /**
   * Cuts the title to end within `limit` world units of its left edge (Infinity: the box's width
   * alone); returns whether what it draws changed.
   */
  setTitleLimit(limit: number): boolean {
    if (limit === this.titleLimit) return false;
    this.titleLimit = limit;
    return this.layOutTitle();
  }

  /** The title's row (world units): its left edge, top and height, whatever it is cut to. */
  titleRow(): TitleRow | undefined {
    if (this.record === undefined) return undefined;
    return { x: this.label.x, y: this.label.y, h: this.label.height };
  }

  /** The title's type size on screen (CSS px). */
  titleScreenSize(): number {
    return Number(this.label.style.fontSize) * this.label.scale.x * this.zoom;
  }

  /** The least a cut title keeps (world units): its first word and "…" (see titleWidthLimit). */
  shortestCut(): number {
    if (this.record === undefined) return Infinity;
    const name = this.record.name.toUpperCase();
    const first = titleFirstWord(name);
    const kept = first === name ? name : `${first}…`;
    const key = `${kept}|${String(this.label.style.fontSize)}`;
    if (key !== this.shortestFor) {
      this.shortestFor = key;
      this.shortestTextWidth = CanvasTextMetrics.measureText(kept, this.label.style).width;
    }
    return this.shortestTextWidth * this.label.scale.x;
  }

  /** The title's text and its type size on screen (CSS px), for tests. */
  drawnTitle(): { text: string; screenPx: number } | null {
    if (this.record === undefined) return null;
    return { text: this.label.text, screenPx: this.titleScreenSize() };
  }

  /** Where the title is drawn (world units, its scale included); undefined before the first update or for an empty name. */
  titleRect(): Rect | undefined {
    if (this.record === undefined || this.label.text === '') return undefined;
    return { x: this.label.x, y: this.label.y, w: this.label.width, h: this.label.height };
  }

  update(region: Region, theme: CanvasTheme, selected: boolean, focused = false): void {
    if (region === this.record && theme === this.theme && selected === this.selected && focused === this.focused) return;
    this.record = region;
    this.theme = theme;
    this.selected = selected;
    this.focused = focused;
    this.container.label = `region:${region.id}`;
    this.frame.clear();
    if (focused) this.frame.roundRect(region.x - 4, region.y - 4, region.w + 8, region.h + 8, 22).stroke({ width: 8, color: theme.selection, alpha: 0.28 });
    this.frame
      .roundRect(region.x, region.y, region.w, region.h, 18)
      .fill({ color: theme.regionFill, alpha: 0.85 })
      .stroke({ width: selected ? 2.5 : 1.5, color: selected ? theme.selection : theme.regionStroke });
    this.label.style.fill = theme.regionLabel;
    this.label.position.set(region.x + REGION_TITLE_INSET.x, region.y + REGION_TITLE_INSET.y);
    this.layOutTitle();
    this.grip.clear();
    if (selected) {
      const cornerX = region.x + region.w;
      const cornerY = region.y + region.h;
      this.grip
        .moveTo(cornerX - REGION_GRIP, cornerY - 3)
        .lineTo(cornerX - 3, cornerY - REGION_GRIP)
        .moveTo(cornerX - REGION_GRIP / 2, cornerY - 3)
        .lineTo(cornerX - 3, cornerY - REGION_GRIP / 2)
        .stroke({ width: 2, color: theme.selection });
    }
  }

  /** Sizes, rasterises and cuts the title for the zoom, the mode and the box; returns whether any of that changed. */
  private layOutTitle(): boolean {
    const region = this.record;
    if (region === undefined) return false;
    const layout = regionTitleLayout(region.w, this.zoom, this.classroom, this.pixelRatio, this.titleLimit);
    const label = this.label;
    let changed = false;
    if (label.scale.x !== layout.scale) {
      label.scale.set(layout.scale);
      changed = true;
    }
    if (label.resolution !== layout.resolution) {
      label.resolution = layout.resolution;
      changed = true;
    }
    const name = region.name.toUpperCase();
    const cutFor = `${name}|${layout.fontSize}|${layout.maxTextWidth}`;
    if (cutFor === this.cutFor) return changed;
    this.cutFor = cutFor;
    const before = label.text;
    label.style.fontSize = layout.fontSize;
    // A long name ends in "…" inside the box instead of running over its edge and a neighbour's label.
    // Measured in the text's own units: the label's width includes its scale.
    const text = fitLabel(name, layout.maxTextWidth, (candidate) => {
      label.text = candidate;
      return label.width / label.scale.x;
    });
    label.text = text;
    return changed || text !== before;
  }

  destroy(): void {
    this.container.destroy({ children: true });
  }
}

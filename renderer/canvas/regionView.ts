import { Container, Graphics, Text } from 'pixi.js';
import type { Region } from '../../shared/model/types';
import { REGION_GRIP } from '../editor/geometry';
import { fitLabel } from './fitLabel';
import type { CanvasTheme } from './theme';

const FONT = 'Inter, system-ui, -apple-system, "Segoe UI", sans-serif';
/** A region's label size, and in classroom mode (read from the back of a room). */
export const REGION_LABEL_SIZE = { normal: 13, classroom: 17 } as const;
/** The label's inset from the box's left edge; it keeps the same room on the right. */
const LABEL_INSET = 18;

/**
 * A labelled region box with a resize grip in its bottom-right corner when selected, and with the
 * canvas's keyboard focus on it (R or Tab selected it) a wide halo round the box, like a node's focus ring.
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

  constructor() {
    this.label = new Text({ text: '', resolution: 2, style: { fontFamily: FONT, fontSize: REGION_LABEL_SIZE.normal, fontWeight: '700', letterSpacing: 1.6 } });
    this.container.addChild(this.frame, this.label, this.grip);
  }

  setClassroom(classroom: boolean): void {
    this.label.style.fontSize = classroom ? REGION_LABEL_SIZE.classroom : REGION_LABEL_SIZE.normal;
    // The label is cut to the box at its size: cut it again at the new one on the next update.
    this.record = undefined;
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
    // A long name ends in "…" inside the box instead of running over its edge and a neighbour's label.
    this.label.style.fill = theme.regionLabel;
    this.label.text = fitLabel(region.name.toUpperCase(), region.w - 2 * LABEL_INSET, (text) => {
      this.label.text = text;
      return this.label.width;
    });
    this.label.position.set(region.x + LABEL_INSET, region.y + 12);
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

  destroy(): void {
    this.container.destroy({ children: true });
  }
}

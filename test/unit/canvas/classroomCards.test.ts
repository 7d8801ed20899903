import { describe, expect, it } from 'vitest';
import { CARD_TEXT, cardTextMetrics } from '../../../renderer/canvas/cardText';
import { Editor } from '../../../renderer/editor/editor';
import { ICON_DISC, NODE_CARD, NODE_STATUS_DOT, type Rect } from '../../../renderer/editor/geometry';
import { DocumentStore } from '../../../renderer/editor/store/documentStore';
import { makeDocument, node } from '../editor/helpers';

/** Height of a line of text set at `size` (Pixi's line box is about 1.25 × the font size). */
const lineHeight = (size: number) => size * 1.25;

describe('classroom mode on the canvas', () => {
  it('writes card names and kinds at least a quarter larger than usual', () => {
    expect(cardTextMetrics(false)).toBe(CARD_TEXT.normal);
    expect(cardTextMetrics(true)).toBe(CARD_TEXT.classroom);
    expect(CARD_TEXT.classroom.nameSize).toBeGreaterThanOrEqual(1.25 * CARD_TEXT.normal.nameSize);
    expect(CARD_TEXT.classroom.kindSize).toBeGreaterThanOrEqual(1.25 * CARD_TEXT.normal.kindSize);
  });

  it('keeps the larger text inside the card: below the top, the kind under the name, clear of the icon and the status dot', () => {
    for (const metrics of [CARD_TEXT.normal, CARD_TEXT.classroom]) {
      expect(metrics.nameY).toBeGreaterThanOrEqual(2);
      expect(metrics.nameY + lineHeight(metrics.nameSize)).toBeLessThanOrEqual(metrics.kindY);
      expect(metrics.kindY + lineHeight(metrics.kindSize)).toBeLessThanOrEqual(NODE_CARD.height - 2);
      expect(metrics.left).toBeGreaterThanOrEqual(ICON_DISC.x + ICON_DISC.radius + 2);
      expect(metrics.right).toBeLessThanOrEqual(NODE_CARD.width - NODE_STATUS_DOT.inset - NODE_STATUS_DOT.radius - 4);
      // Room for a short name at full size ("Database", "app1") before it shrinks.
      expect(metrics.right - metrics.left).toBeGreaterThanOrEqual(80);
    }
  });

  it('fits the diagram again when switched, and may zoom in further for a projector', () => {
    const store = new DocumentStore(makeDocument({ nodes: [node('a', 'app', 0, 0), node('b', 'db', 300, 0)] }));
    const editor = new Editor(store);
    const fits: { rect: Rect; maxZoom?: number }[] = [];
    editor.attachCamera({
      zoom: () => 1,
      zoomBy: () => {},
      setZoom: () => {},
      lookAt: () => {},
      fit: (rect, _bottomPx, maxZoom) => fits.push({ rect, maxZoom }),
      panByScreen: () => {},
      clientToWorld: (x, y) => ({ x, y }),
      visibleCentre: () => ({ x: 0, y: 0 }),
      visibleRect: () => ({ x: 0, y: 0, w: 800, h: 600 }),
      worldToClient: (point) => point,
    });
    let emitted = 0;
    editor.subscribe(() => emitted++);
    editor.fitToContent();
    const usual = fits.at(-1)!.maxZoom!;
    editor.setClassroom(true);
    expect(editor.isClassroom()).toBe(true);
    expect(emitted).toBeGreaterThan(0);
    expect(fits).toHaveLength(2);
    expect(fits[1].maxZoom).toBeGreaterThan(usual);
    editor.setClassroom(false);
    expect(fits).toHaveLength(3);
    expect(fits[2].maxZoom).toBe(usual);
  });
});

import { GraphicsContext } from 'pixi.js';
import type { NodeKind } from '../../shared/model/types';
import { ICON_DISC, LINK_HANDLE, NODE_CARD } from '../editor/geometry';
import { KIND_STYLES } from './kindStyle';
import type { CanvasTheme } from './theme';

export { ICON_DISC };

/**
 * The geometry every card shares, built once per theme (Pixi v8: many Graphics may draw one
 * GraphicsContext, so a hundred cards cost one tessellation).
 */
export class SharedShapes {
  readonly card: GraphicsContext;
  readonly selectedRing: GraphicsContext;
  readonly hoverRing: GraphicsContext;
  readonly focusRing: GraphicsContext;
  readonly handle: GraphicsContext;
  /**
   * A card seen from far out: square corners, no shadow. A rounded card is a few hundred
   * vertices; at a thousand cards that is most of a software-rendered frame.
   */
  readonly farCard: GraphicsContext;
  private readonly discs = new Map<NodeKind, GraphicsContext>();
  private readonly stripes = new Map<NodeKind, GraphicsContext>();

  constructor(readonly theme: CanvasTheme) {
    const { width, height, radius } = NODE_CARD;
    this.card = new GraphicsContext()
      .roundRect(1, 3, width, height, radius)
      .fill({ color: theme.cardShadow, alpha: theme.name === 'dark' ? 0.35 : 0.08 })
      .roundRect(0, 0, width, height, radius)
      .fill({ color: theme.cardFill })
      .stroke({ width: 1.5, color: theme.cardStroke });
    this.farCard = new GraphicsContext().rect(0, 0, width, height).fill({ color: theme.cardFill }).stroke({ width: 3, color: theme.cardStroke });
    this.selectedRing = new GraphicsContext().roundRect(-4, -4, width + 8, height + 8, radius + 4).stroke({ width: 2.5, color: theme.selection });
    // Keyboard focus: a soft halo behind the card and a thick ring outside the selection ring,
    // parted from it by a background-coloured gap, so it reads on the card, the grid and a region
    // alike, and still at the zoom that fits a whole design.
    this.focusRing = new GraphicsContext()
      .roundRect(-18, -18, width + 36, height + 36, radius + 18)
      .fill({ color: theme.selection, alpha: 0.16 })
      .roundRect(-9, -9, width + 18, height + 18, radius + 9)
      .stroke({ width: 5, color: theme.background })
      .roundRect(-13, -13, width + 26, height + 26, radius + 13)
      .stroke({ width: 5, color: theme.selection });
    this.hoverRing = new GraphicsContext().roundRect(-1, -1, width + 2, height + 2, radius + 1).stroke({ width: 1.5, color: theme.selection, alpha: 0.6 });
    this.handle = new GraphicsContext()
      .circle(0, 0, LINK_HANDLE.radius)
      .fill({ color: theme.cardFill })
      .stroke({ width: 2, color: theme.selection });
  }

  disc(kind: NodeKind): GraphicsContext {
    let context = this.discs.get(kind);
    if (!context) {
      const color = KIND_STYLES[kind].color[this.theme.name];
      context = new GraphicsContext()
        .circle(0, 0, ICON_DISC.radius)
        .fill({ color, alpha: 0.16 })
        .stroke({ width: 1.5, color, alpha: 0.7 })
        .roundRect(-ICON_DISC.x, -NODE_CARD.height / 2, 5, NODE_CARD.height, 2)
        .fill({ color });
      this.discs.set(kind, context);
    }
    return context;
  }

  /** The far card's kind mark: the card's coloured left edge and a block where the icon is. */
  farStripe(kind: NodeKind): GraphicsContext {
    let context = this.stripes.get(kind);
    if (!context) {
      const color = KIND_STYLES[kind].color[this.theme.name];
      context = new GraphicsContext()
        .rect(-ICON_DISC.x, -NODE_CARD.height / 2, 8, NODE_CARD.height)
        .fill({ color })
        .rect(-ICON_DISC.radius, -ICON_DISC.radius, ICON_DISC.radius * 2, ICON_DISC.radius * 2)
        .fill({ color, alpha: 0.5 });
      this.stripes.set(kind, context);
    }
    return context;
  }

  destroy(): void {
    this.card.destroy();
    this.selectedRing.destroy();
    this.hoverRing.destroy();
    this.focusRing.destroy();
    this.handle.destroy();
    this.farCard.destroy();
    for (const context of this.discs.values()) context.destroy();
    for (const context of this.stripes.values()) context.destroy();
  }
}

import { ICON_DISC, NODE_TEXT } from '../editor/geometry';

/** Where and how large a card writes its name and kind (world units, inside the card). */
export interface CardTextMetrics {
  nameSize: number;
  nameY: number;
  kindSize: number;
  kindY: number;
  /** The text's left edge (clear of the icon disc) and its right edge (clear of the status dot). */
  left: number;
  right: number;
}

/**
 * Card text at its usual size, and in classroom mode: a class reads the diagram from the back of
 * a room, so the name and the kind are about 30 % larger, in the same card (the card's size is
 * the document's geometry: links, hit testing and placement all depend on it, so it never
 * changes). The text starts just right of the icon disc and still ends before the status dot;
 * a long name shrinks, then ends in an ellipsis, as it does at the usual size.
 */
export const CARD_TEXT: { normal: CardTextMetrics; classroom: CardTextMetrics } = {
  normal: { nameSize: 16, nameY: 10, kindSize: 12.5, kindY: 33, left: NODE_TEXT.left, right: NODE_TEXT.right },
  classroom: { nameSize: 21, nameY: 5, kindSize: 16, kindY: 32, left: ICON_DISC.x + ICON_DISC.radius + 4, right: NODE_TEXT.right },
};

export function cardTextMetrics(classroom: boolean): CardTextMetrics {
  return classroom ? CARD_TEXT.classroom : CARD_TEXT.normal;
}

import { ICON_DISC, NODE_TEXT } from '../editor/geometry';
import { fitLabel } from './fitLabel';

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

/** A one-line name may shrink this far before it takes a second line instead. */
export const ONE_LINE_MIN_SCALE = 0.88;
/** Names shrink to this scale (on one line or two) before they are cut with an ellipsis. */
export const NAME_MIN_SCALE = 0.72;

/** A line of a two-line name has at least this many characters, unless nothing else fits. */
const MIN_LINE_CHARACTERS = 3;

/** How a card writes its name: one or two lines, at a scale of the card's name size. */
export interface CardNameLayout {
  lines: string[];
  scale: number;
}

/** Places a name may break between its two lines: after a space, or after a hyphen, slash or underscore. */
function breakPoints(value: string): { first: string; second: string }[] {
  const points: { first: string; second: string }[] = [];
  for (let index = 1; index < value.length; index++) {
    const previous = value[index - 1];
    if (previous === ' ' || ((previous === '-' || previous === '/' || previous === '_') && value[index] !== ' ')) {
      const first = value.slice(0, index).trimEnd();
      const second = value.slice(index).trimStart();
      if (first !== '' && second !== '') points.push({ first, second });
    }
  }
  return points;
}

/** The longest start of `value` no wider than `width` (binary search: the measure lays out text). */
function longestFittingStart(value: string, width: number, measure: (text: string) => number): string {
  let low = 0;
  let high = value.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(value.slice(0, mid)) <= width) low = mid;
    else high = mid - 1;
  }
  return value.slice(0, low);
}

/**
 * How a card's name fits `width` (world units at the name's full size; `measure` is the
 * renderer's width of a string at that size). Whole on one line if it fits, or shrunk a little
 * (to ONE_LINE_MIN_SCALE); otherwise on two lines, broken where the lines come out most even,
 * shrunk if need be (to NAME_MIN_SCALE) — unless a line would be a stray character or two, when
 * one line shrunk further does if it can; a name too long even for two lines ends in "…".
 * A two-line name takes the place of the kind subtitle (the icon still says the kind): at the
 * zoom a lesson is fitted at, "Primary (async)" and "Replica (sync)" read in full instead of
 * "Primary (as…" (the card's size is the document's geometry, so the text fits the card).
 */
export function layoutCardName(value: string, width: number, measure: (text: string) => number): CardNameLayout {
  const whole = measure(value);
  if (whole <= width) return { lines: [value], scale: 1 };
  if (whole * ONE_LINE_MIN_SCALE <= width) return { lines: [value], scale: width / whole };
  // Two lines, broken where they come out most even; a line of a character or two ("Replica" /
  // "1") reads as a stray, so such a name rather shrinks on one line while it can.
  let best: { first: string; second: string; widest: number } | undefined;
  let bestStray: { first: string; second: string; widest: number } | undefined;
  for (const point of breakPoints(value)) {
    const widest = Math.max(measure(point.first), measure(point.second));
    const stray = Math.min(point.first.length, point.second.length) < MIN_LINE_CHARACTERS;
    if (stray) {
      if (bestStray === undefined || widest < bestStray.widest) bestStray = { ...point, widest };
    } else if (best === undefined || widest < best.widest) best = { ...point, widest };
  }
  if (best !== undefined && best.widest * NAME_MIN_SCALE <= width) {
    return { lines: [best.first, best.second], scale: Math.min(1, width / best.widest) };
  }
  if (whole * NAME_MIN_SCALE <= width) return { lines: [value], scale: width / whole };
  if (bestStray !== undefined && bestStray.widest * NAME_MIN_SCALE <= width) {
    return { lines: [bestStray.first, bestStray.second], scale: Math.min(1, width / bestStray.widest) };
  }
  // Too long for two lines even at the smallest size: as many words on the first line as fit
  // (or as many characters, for one long word), and the rest cut with an ellipsis.
  const room = width / NAME_MIN_SCALE;
  let first = '';
  for (const point of breakPoints(value)) if (measure(point.first) <= room && point.first.length > first.length) first = point.first;
  if (first === '') first = longestFittingStart(value, room, measure);
  if (first === '') return { lines: [fitLabel(value, room, measure)], scale: NAME_MIN_SCALE };
  const rest = value.slice(first.length).trimStart();
  if (rest === '') return { lines: [first], scale: NAME_MIN_SCALE };
  return { lines: [first, fitLabel(rest, room, measure)], scale: NAME_MIN_SCALE };
}

/**
 * Far labels, like a map's place names: below farZoom() a card's own text is a few pixels high,
 * so each card gets its name written over it at a fixed screen size, cut to a width, and left
 * out where it would run into a label already placed. Pure placement (screen pixels), no Pixi:
 * the canvas's FarLabelLayer measures and draws.
 */

/**
 * A label's text and the width of its chip (screen px) once fitted to a maximum width. A name too
 * long for one line may take two (`lines: 2`, the text's two lines joined by a newline), so cards
 * a row apart read "Primary / (async)" rather than "Primary (as…".
 */
export interface FittedLabel {
  text: string;
  width: number;
  lines?: 1 | 2;
}

/** A label's chip is this many times its type size tall (one line), and a second line adds this much. */
export const CHIP_HEIGHT_EMS = 1.5;
export const LINE_HEIGHT_EMS = 1.2;
/** A two-line chip is this many times as tall as a one-line chip. */
export const TWO_LINE_HEIGHT = (CHIP_HEIGHT_EMS + LINE_HEIGHT_EMS) / CHIP_HEIGHT_EMS;

/** The height (screen px) of a label's chip, for a one-line chip `height` tall. */
export function labelHeight(label: FittedLabel, height: number): number {
  return label.lines === 2 ? Math.round(height * TWO_LINE_HEIGHT) : height;
}

export interface FarLabelCandidate {
  id: string;
  /** The card's centre, in world units. */
  x: number;
  y: number;
  /** The label fitted to a maximum chip width (screen px), or null when nothing of the name fits. The caller caches: this measures text. */
  fit(maxWidth: number): FittedLabel | null;
  /** The label on one line, where `fit` gave two: placed instead when the two-line chip would touch a neighbour. */
  fitOneLine?(maxWidth: number): FittedLabel | null;
}

/** What a card's label may be at a width limit, best first: as `fit` gives it, then on one line. */
function labelOptions(candidate: FarLabelCandidate, limit: number): FittedLabel[] {
  const label = candidate.fit(limit);
  if (label === null) return [];
  if (label.lines !== 2 || candidate.fitOneLine === undefined) return [label];
  const oneLine = candidate.fitOneLine(limit);
  return oneLine === null ? [label] : [label, oneLine];
}

/** How much of the name a label shows: its characters less the ellipsis and the line break. */
function shownCharacters(label: FittedLabel): number {
  return label.text.replace('\n', '').replace('…', '').length;
}

/** Is `next` a better label than `now`: more of the name, or as much on fewer lines? */
function showsMoreThan(next: FittedLabel, now: FittedLabel): boolean {
  const more = shownCharacters(next) - shownCharacters(now);
  return more > 0 || (more === 0 && (next.lines ?? 1) < (now.lines ?? 1));
}

/** The widths a label is fitted to, in screen px (see farLabelLimits). */
export interface FarLabelLimits {
  narrow: number;
  wide: number;
}

/**
 * A label is first fitted a quarter wider than its card: lessons put a row's cards 1.3 to 1.5
 * card widths apart (lesson 7: 220 world units, lesson 8: 240, for a card of 164), so the
 * neighbours of a row each keep a label ("Users (h…", "App (ha…") rather than every other one
 * vanishing. Where a label has room it then widens, up to twice its card, so a short name reads whole.
 */
const NARROW_CARDS = 1.25;
const WIDE_CARDS = 2;
/** Far out a card is a few pixels wide: a label is still at least this many ems (a word or so), or it would say nothing. */
const MIN_EMS = 4;
/** …and at most this many (150 px at the usual 11 px): a long name is cut, not drawn across the diagram. */
const MAX_EMS = 13.5;
/**
 * Limits move in steps of this many pixels, so a smooth zoom re-fits (and re-rasterises) a cut
 * label a few times, not on every frame.
 */
const LIMIT_STEP = 4;
/** How much wider a label may grow in each round of widening (a multiple of LIMIT_STEP). */
const WIDEN_STEP = 2 * LIMIT_STEP;

export function farLabelLimits(cardScreenWidth: number, fontSize: number): FarLabelLimits {
  const step = (width: number) => Math.floor(width / LIMIT_STEP) * LIMIT_STEP;
  const narrow = step(Math.min(Math.max(cardScreenWidth * NARROW_CARDS, MIN_EMS * fontSize), MAX_EMS * fontSize));
  const wide = Math.max(narrow, step(Math.min(cardScreenWidth * WIDE_CARDS, MAX_EMS * fontSize)));
  return { narrow, wide };
}

/** The order labels claim their place in: the selection, then the node under the pointer, then the rest in document order. */
export function farLabelOrder(documentOrder: Iterable<string>, selected: readonly string[], hovered: string | undefined): string[] {
  const first = [...selected];
  if (hovered !== undefined && !first.includes(hovered)) first.push(hovered);
  const seen = new Set(first);
  const order = first;
  for (const id of documentOrder) if (!seen.has(id)) order.push(id);
  return order;
}

interface Box {
  candidate: FarLabelCandidate;
  label: FittedLabel;
  /** The label's centre and half its width and height, with half the gap kept round it (screen px). */
  cx: number;
  cy: number;
  half: number;
  halfHeight: number;
}

/** Buckets of this many screen pixels: a label is compared only with those in the buckets it touches. */
const CELL = 64;

/** Labels filed under the grid cells they touch. */
class LabelGrid {
  private readonly cells = new Map<number, number[]>();

  constructor(private readonly boxes: readonly Box[]) {}

  /** Files box `index` (which was `before` and is filed under that box's cells already, if given). */
  add(index: number, before?: Box): void {
    const range = this.range(this.boxes[index]);
    const filed = before === undefined ? undefined : this.range(before);
    for (let column = range.left; column <= range.right; column++) {
      for (let row = range.top; row <= range.bottom; row++) {
        if (filed !== undefined && column >= filed.left && column <= filed.right && row >= filed.top && row <= filed.bottom) continue;
        const key = cellKey(column, row);
        const members = this.cells.get(key);
        if (members === undefined) this.cells.set(key, [index]);
        else members.push(index);
      }
    }
  }

  /** The first box filed, other than box `self`, that `box` overlaps, or -1. */
  overlapping(box: Box, self: number, boxes: readonly Box[] = this.boxes): number {
    const range = this.range(box);
    for (let column = range.left; column <= range.right; column++) {
      for (let row = range.top; row <= range.bottom; row++) {
        const members = this.cells.get(cellKey(column, row));
        if (members === undefined) continue;
        for (const index of members) {
          if (index === self) continue;
          const other = boxes[index];
          if (Math.abs(other.cx - box.cx) < other.half + box.half && Math.abs(other.cy - box.cy) < other.halfHeight + box.halfHeight) return index;
        }
      }
    }
    return -1;
  }

  private range(box: Box) {
    return {
      left: Math.floor((box.cx - box.half) / CELL),
      right: Math.floor((box.cx + box.half) / CELL),
      top: Math.floor((box.cy - box.halfHeight) / CELL),
      bottom: Math.floor((box.cy + box.halfHeight) / CELL),
    };
  }
}

/** Two 26-bit halves: far more cells than any design spans at a far zoom. */
function cellKey(column: number, row: number): number {
  return (column + 0x2000000) * 0x4000000 + (row + 0x2000000);
}

/**
 * Which labels are shown, and as what, at `zoom`. Greedy in the candidates' order (see
 * farLabelOrder): every label is first placed at the narrow limit if it touches none placed
 * before it (a `gap` apart, one-line labels `height` tall, two-line ones {@link TWO_LINE_HEIGHT} times that). Then the placed labels widen together, up to
 * the wide limit, a step a round: a label stops when its next step would touch another label, or
 * another's next step (neighbours then share the room between them, rather than the first in
 * order taking it all). Grid-bucketed: linear in the number of cards.
 */
export function placeFarLabels(candidates: readonly FarLabelCandidate[], zoom: number, limits: FarLabelLimits, height: number, gap: number): Map<string, FittedLabel> {
  const halfHeightOf = (label: FittedLabel) => (labelHeight(label, height) + gap) / 2;
  const boxes: Box[] = [];
  const grid = new LabelGrid(boxes);
  // One line each first, so a card's two-line chip never takes the room its neighbour's one line needs…
  for (const candidate of candidates) {
    const label = candidate.fitOneLine?.(limits.narrow) ?? candidate.fit(limits.narrow);
    if (label === null) continue;
    const box = { candidate, label, cx: candidate.x * zoom, cy: candidate.y * zoom, half: (label.width + gap) / 2, halfHeight: halfHeightOf(label) };
    if (grid.overlapping(box, -1) !== -1) continue;
    boxes.push(box);
    grid.add(boxes.length - 1);
  }
  // …then a cut label takes its second line where that touches no label.
  for (let index = 0; index < boxes.length; index++) {
    const box = boxes[index];
    const [best] = labelOptions(box.candidate, limits.narrow);
    if (best === undefined || !showsMoreThan(best, box.label)) continue;
    const taller = { ...box, label: best, half: (best.width + gap) / 2, halfHeight: halfHeightOf(best) };
    if (grid.overlapping(taller, index) !== -1) continue;
    boxes[index] = taller;
    grid.add(index, box);
  }

  let growing = boxes.map((_, index) => index);
  for (let limit = limits.narrow + WIDEN_STEP; growing.length > 0 && limit < limits.wide + WIDEN_STEP; limit += WIDEN_STEP) {
    // Each label's next step, where it touches no label as it is now…
    const proposed = new Map<number, Box>();
    const stillGrowing: number[] = [];
    for (const index of growing) {
      const box = boxes[index];
      // Whole already, or its cut did not change at this step (it may at the next one).
      const wider = labelOptions(box.candidate, Math.min(limit, limits.wide)).filter((label) => label.width > box.label.width && showsMoreThan(label, box.label));
      if (wider.length === 0) {
        stillGrowing.push(index);
        continue;
      }
      for (const label of wider) {
        const widened = { ...box, label, half: (label.width + gap) / 2, halfHeight: halfHeightOf(label) };
        if (grid.overlapping(widened, index) !== -1) continue;
        proposed.set(index, widened);
        break;
      }
    }
    // …and where it touches no other label's next step: two that would meet both stop.
    const next = [...boxes];
    for (const [index, box] of proposed) next[index] = box;
    const steps = new LabelGrid(next);
    for (const index of proposed.keys()) steps.add(index);
    for (const [index, box] of proposed) {
      if (steps.overlapping(box, index) !== -1) continue;
      const before = boxes[index];
      boxes[index] = box;
      grid.add(index, before);
      stillGrowing.push(index);
    }
    growing = stillGrowing;
  }
  return new Map(boxes.map((box) => [box.candidate.id, box.label]));
}

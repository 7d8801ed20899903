/**
 * Cutting a one-line canvas label to a width with an ellipsis, for text that must stay inside its
 * shape (a region's name inside its box, the end of a card's long name). The measure is the
 * renderer's own (a Pixi Text's width for the string), so the cut matches what is drawn.
 */
export function fitLabel(value: string, width: number, measure: (text: string) => number): string {
  if (measure(value) <= width) return value;
  // The longest prefix that fits with "…" after it (binary search: the measure lays out text).
  let low = 0;
  let high = value.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${value.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '…' : `${value.slice(0, low).trimEnd()}…`;
}

/**
 * A name too long for one line of `width`, broken at a space into two lines that each fit, the
 * second cut with "…" if it must be: the break that shows the most of the name (then the
 * narrowest). Null when no break leaves a first line that fits, or when two lines show no more
 * than {@link fitLabel}'s one line would.
 */
export function fitLabelTwoLines(value: string, width: number, measure: (text: string) => number): [string, string] | null {
  const oneLine = fitLabel(value, width, measure);
  const shownOnOneLine = oneLine.endsWith('…') ? oneLine.length - 1 : oneLine.length;
  let best: { lines: [string, string]; shown: number; width: number } | null = null;
  for (let space = value.indexOf(' '); space > 0; space = value.indexOf(' ', space + 1)) {
    const first = value.slice(0, space).trimEnd();
    if (first.length === 0 || measure(first) > width) break; // later breaks only make it longer
    const rest = value.slice(space + 1).trimStart();
    if (rest.length === 0) continue;
    const second = fitLabel(rest, width, measure);
    if (second === '…') continue;
    const shown = first.length + (second.endsWith('…') ? second.length - 1 : second.length);
    const lineWidth = Math.max(measure(first), measure(second));
    if (best === null || shown > best.shown || (shown === best.shown && lineWidth < best.width)) best = { lines: [first, second], shown, width: lineWidth };
  }
  return best !== null && best.shown > shownOnOneLine ? best.lines : null;
}

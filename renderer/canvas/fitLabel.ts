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

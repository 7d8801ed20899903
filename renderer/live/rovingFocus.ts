/**
 * Where a key moves focus in a one-Tab-stop group (radio group, tabs, a chart's keys): the arrows
 * step to the next or previous item, wrapping round, Home and End go to the first and last.
 * Returns the new index, or null when the key is not the group's (it is left to the page). `at`
 * may be -1 (no item current yet): the arrows then start from the first or last item.
 */
export function rovingIndex(key: string, at: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return at < 0 ? 0 : (at + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return at < 0 ? count - 1 : (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * A count with its noun, singular for exactly one: "1 node", "3 nodes", "0 links". `plural`
 * defaults to the singular plus "s"; `format` writes the number (e.g. with thousands separators).
 */
export function countOf(n: number, singular: string, plural = `${singular}s`, format: (n: number) => string = String): string {
  return `${format(n)} ${n === 1 ? singular : plural}`;
}

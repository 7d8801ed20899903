/** Ids of regions, nodes, links and checks (DESIGN §4). */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export const ID_RULE = 'an id: a letter followed by up to 63 letters, digits, "_" or "-"';

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** A fresh id `prefix`, `prefix2`, `prefix3`… not in `taken` (for editors creating records). */
export function nextFreeId(prefix: string, taken: { has(id: string): boolean }): string {
  if (!taken.has(prefix)) return prefix;
  for (let n = 2; ; n++) {
    const candidate = `${prefix}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

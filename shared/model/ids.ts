/** Ids of regions, nodes, links and checks (DESIGN §4). */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export const ID_RULE = 'an id: a letter followed by up to 63 letters, digits, "_" or "-"';

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Longest id ID_PATTERN allows. */
const MAX_ID_LENGTH = 64;

/** `stem` with the number `n` appended, the stem shortened so the id stays within MAX_ID_LENGTH. */
function numbered(stem: string, n: number): string {
  const suffix = String(n);
  return `${stem.slice(0, MAX_ID_LENGTH - suffix.length)}${suffix}`;
}

/** A fresh id `prefix`, `prefix2`, `prefix3`… not in `taken` (for editors creating records). */
export function nextFreeId(prefix: string, taken: { has(id: string): boolean }): string {
  const base = prefix.slice(0, MAX_ID_LENGTH);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * An id for a copy of the record `id`: its stem (the id without a trailing number) numbered on
 * from 2, so copies of app1 become app4, app5… rather than app12, app122.
 */
export function copyId(id: string, taken: { has(id: string): boolean }): string {
  const withoutNumber = id.replace(/\d+$/, '');
  const stem = isValidId(withoutNumber) ? withoutNumber : id;
  for (let n = 2; ; n++) {
    const candidate = numbered(stem, n);
    if (!taken.has(candidate)) return candidate;
  }
}

/** A display name for a copy: "Cache" → "Cache 2", "Cache 2" → "Cache 3" (the first one not in use). */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const stem = name.replace(/ \d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem} ${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

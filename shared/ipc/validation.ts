/**
 * The result of checking a value that crossed a process boundary. Validators return this instead
 * of throwing so that callers decide how to refuse (reject a promise, drop an event, log).
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid<T>(error: string): Validation<T> {
  return { ok: false, error };
}

/** A plain `{}` object (not an array, not null, not a class instance such as a Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** How a value looks in an error message, without echoing arbitrarily long input back. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

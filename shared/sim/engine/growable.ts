/** Typed-array helpers for tables that double their capacity on demand. */

type AnyTypedArray =
  | Int32Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Float32Array
  | Float64Array;

/** A copy of `array` with `capacity` elements (the old contents first, the rest zero). */
export function grow<T extends AnyTypedArray>(array: T, capacity: number): T {
  const Constructor = array.constructor as new (length: number) => T;
  const next = new Constructor(capacity);
  next.set(array);
  return next;
}

/**
 * First pass over parsed JSON: copies it into fresh plain objects and arrays, drops keys that could
 * reach `Object.prototype` when later code copies objects around, and flags non-finite numbers
 * (`1e400` parses to Infinity) wherever they are — in known fields and in extras alike.
 */
import { MAX_NESTING_DEPTH } from './limits';
import type { PathSegment } from './paths';
import type { ProblemLog } from './problems';

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonObject = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sanitizeJson(value: unknown, log: ProblemLog, path: PathSegment[] = [], depth = 0): unknown {
  if (depth > MAX_NESTING_DEPTH) {
    // Only reachable for values that did not come from size-checked text (e.g. an object from IPC).
    log.error(path, `nested more than ${MAX_NESTING_DEPTH} levels deep`);
    return null;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) log.error(path, 'must be a finite number (this one is too large to represent)');
    return value;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, index) => sanitizeJson(item, log, [...path, index], depth + 1));
  if (typeof value === 'object') {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.has(key)) {
        log.warning([...path, key], 'ignored: this key name is reserved');
        continue;
      }
      copy[key] = sanitizeJson((value as JsonObject)[key], log, [...path, key], depth + 1);
    }
    return copy;
  }
  // undefined, functions, symbols, bigints: not JSON.
  log.error(path, 'is not a JSON value');
  return null;
}

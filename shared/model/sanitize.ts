/**
 * First pass over parsed JSON: copies it into fresh plain objects and arrays, drops keys that could
 * reach `Object.prototype` when later code copies objects around, and flags non-finite numbers
 * (`1e400` parses to Infinity) wherever they are — in known fields and in extras alike.
 */
import { MAX_NESTING_DEPTH } from './limits';
import type { PathSegment } from './paths';
import { describeNonFinite, type ProblemLog } from './problems';

export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonObject = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param maxValues bound on the values walked: Infinity for a value parsed from size-checked text
 * (text cannot share or loop); for a value that arrived parsed (a structured clone can share one
 * object many times over, or contain itself), loops are also refused on sight.
 */
export function sanitizeJson(value: unknown, log: ProblemLog, maxValues = Infinity): unknown {
  const walk: Walk = { valuesLeft: maxValues, ancestors: Number.isFinite(maxValues) ? new Set() : null, looped: false };
  const copy = sanitizeValue(value, log, [], 0, walk);
  if (walk.looped) log.error([], 'contains itself (an object inside its own value), which JSON cannot');
  else if (walk.valuesLeft < 0) log.error([], `has more than ${maxValues} values (is one object in it repeated many times over?)`);
  return copy;
}

interface Walk {
  valuesLeft: number;
  /** Objects on the path from the root to the current value (loop detection), when it is on. */
  ancestors: Set<object> | null;
  looped: boolean;
}

function sanitizeValue(value: unknown, log: ProblemLog, path: PathSegment[], depth: number, walk: Walk): unknown {
  if (--walk.valuesLeft < 0 || walk.looped) return null;
  if (depth > MAX_NESTING_DEPTH) {
    // Only reachable for values that did not come from size-checked text (e.g. an object from IPC).
    log.error(path, `nested more than ${MAX_NESTING_DEPTH} levels deep`);
    return null;
  }
  if (typeof value === 'object' && value !== null && walk.ancestors !== null) {
    if (walk.ancestors.has(value)) {
      walk.looped = true;
      return null;
    }
    walk.ancestors.add(value);
    const copy = sanitizeContent(value, log, path, depth, walk);
    walk.ancestors.delete(value);
    return copy;
  }
  return sanitizeContent(value, log, path, depth, walk);
}

function sanitizeContent(value: unknown, log: ProblemLog, path: PathSegment[], depth: number, walk: Walk): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) log.error(path, `must be a finite number (got ${describeNonFinite(value)})`);
    return value;
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((item, index) => sanitizeValue(item, log, [...path, index], depth + 1, walk));
  if (typeof value === 'object') {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.has(key)) {
        log.warning([...path, key], 'ignored: this key name is reserved');
        continue;
      }
      copy[key] = sanitizeValue((value as JsonObject)[key], log, [...path, key], depth + 1, walk);
    }
    return copy;
  }
  // undefined, functions, symbols, bigints: not JSON.
  log.error(path, 'is not a JSON value');
  return null;
}

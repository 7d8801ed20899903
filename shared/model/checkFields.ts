/**
 * Checks values against field descriptors and reports each problem in plain words at its path.
 * The zod schema built from a descriptor decides validity; the descriptor supplies the sentence.
 */
import type { z } from 'zod';
import { ID_RULE } from './ids';
import type { PathSegment } from './paths';
import { preview, type ProblemLog } from './problems';
import { isPlainObject, RESERVED_KEYS, type JsonObject } from './sanitize';
import { DISTRIBUTION_FIELDS } from './schema/common';
import { describeRule, valueSchema, type FieldDescriptor } from './schema/fields';

const schemaCache = new WeakMap<FieldDescriptor, z.ZodType>();

function schemaOf(descriptor: FieldDescriptor): z.ZodType {
  let schema = schemaCache.get(descriptor);
  if (!schema) {
    schema = valueSchema(descriptor);
    schemaCache.set(descriptor, schema);
  }
  return schema;
}

export interface ObjectCheck {
  /** Known fields that are present (valid or not), in field order. */
  known: JsonObject;
  /** Keys no field describes, in file order. */
  unknown: JsonObject;
  /** Every known field valid and every required one present. */
  valid: boolean;
}

/**
 * Checks an object against a field list: required fields present, each present field valid,
 * unknown keys reported as warnings. Returns null (after reporting) when the value is no object.
 */
export function checkObject(
  value: unknown,
  fields: readonly FieldDescriptor[],
  path: PathSegment[],
  log: ProblemLog,
  /** Keys the caller checks itself (e.g. a node's `config`, whose fields depend on its kind). */
  checkedByCaller: readonly string[] = [],
): ObjectCheck | null {
  if (!isPlainObject(value)) {
    log.error(path, `must be an object (got ${preview(value)})`);
    return null;
  }
  const known: JsonObject = {};
  let valid = true;
  for (const descriptor of fields) {
    if (checkedByCaller.includes(descriptor.name)) continue;
    if (!Object.hasOwn(value, descriptor.name)) {
      if (descriptor.required) {
        log.error([...path, descriptor.name], 'is required');
        valid = false;
      }
      continue;
    }
    known[descriptor.name] = value[descriptor.name];
    if (!checkValue(descriptor, value[descriptor.name], [...path, descriptor.name], log)) valid = false;
  }
  const unknown: JsonObject = {};
  for (const key of checkedByCaller) {
    if (Object.hasOwn(value, key)) known[key] = value[key];
  }
  for (const key of Object.keys(value)) {
    if (checkedByCaller.includes(key) || fields.some((descriptor) => descriptor.name === key)) continue;
    // Input is sanitized before it gets here; this guards direct callers.
    if (RESERVED_KEYS.has(key)) continue;
    unknown[key] = value[key];
    log.warning([...path, key], unknownFieldMessage(key, fields.map((descriptor) => descriptor.name)));
  }
  return { known, unknown, valid };
}

export function unknownFieldMessage(key: string, knownNames: readonly string[]): string {
  const lower = key.toLowerCase();
  const similar = knownNames.find((name) => name.toLowerCase() === lower);
  return similar ? `unknown field, kept but not used (did you mean "${similar}"?)` : 'unknown field, kept but not used';
}

/** Checks one value against its descriptor; returns whether it is valid. */
export function checkValue(descriptor: FieldDescriptor, value: unknown, path: PathSegment[], log: ProblemLog): boolean {
  switch (descriptor.type) {
    case 'object': {
      return checkObject(value, descriptor.fields, path, log)?.valid ?? false;
    }
    case 'list': {
      if (!Array.isArray(value)) {
        log.error(path, `must be a list (got ${preview(value)})`);
        return false;
      }
      let valid = true;
      value.forEach((item, index) => {
        if (!checkValue(descriptor.item, item, [...path, index], log)) valid = false;
      });
      return valid;
    }
    case 'distribution':
      return checkDistribution(value, path, log);
    case 'id':
    case 'ref':
      if (typeof value === 'string' && schemaOf(descriptor).safeParse(value).success) return true;
      log.error(path, `must be ${ID_RULE} (got ${preview(value)})`);
      return false;
    default:
      if (schemaOf(descriptor).safeParse(value).success) return true;
      log.error(path, `must be ${describeRule(descriptor)} (got ${preview(value)})`);
      return false;
  }
}

const distributionShorthand: FieldDescriptor = {
  name: 'serviceMs',
  type: 'number',
  integer: false,
  min: 0,
  label: '',
  description: '',
  required: false,
};

function checkDistribution(value: unknown, path: PathSegment[], log: ProblemLog): boolean {
  if (typeof value === 'number') return checkValue(distributionShorthand, value, path, log);
  if (isPlainObject(value)) {
    return checkObject(value, DISTRIBUTION_FIELDS, path, log)?.valid ?? false;
  }
  log.error(path, `must be a number of milliseconds ≥ 0 or a distribution like {"dist": "exp", "mean": 5} (got ${preview(value)})`);
  return false;
}

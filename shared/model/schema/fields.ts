/**
 * Field descriptors: the single source of truth for every configurable field.
 *
 * Each descriptor carries what a form needs (label, description, unit, default, range, options)
 * and is turned into a zod 4 schema by `fieldSchema`, so the validator, the inspector form and
 * the canonical saver cannot disagree about a field.
 */
import { z } from 'zod';
import { DISTRIBUTION_KINDS, type DistributionSpec, type NodeKind } from '../types';
import { ID_PATTERN } from '../ids';

export type FieldUnit = 'ms' | 's' | 'rps' | 'ratio' | 'count' | 'keys' | 'messages' | 'heartbeats' | 'probes' | 'Mbps' | 'px' | 'factor';

interface FieldCommon {
  /** The key in the JSON object. */
  name: string;
  /** Short human label for forms. */
  label: string;
  /** One plain sentence for tooltips and docs. */
  description: string;
  unit?: FieldUnit;
  /** Must be present (record fields like `id`); config fields are never required. */
  required: boolean;
  /**
   * The default depends on the rest of the document (e.g. app `cachePolicy`); explained in words.
   * Such fields are never dropped when saving, because their meaning would change with the context.
   */
  contextDefault?: string;
}

export interface NumberField extends FieldCommon {
  type: 'number';
  integer: boolean;
  min?: number;
  /** `min` itself is not allowed (`> min`). */
  minExclusive?: boolean;
  max?: number;
  default?: number;
  /** What 0 does when it is not a plain amount ("off": a cache of 0 responses is no cache). */
  zeroMeans?: string;
}
export interface BooleanField extends FieldCommon {
  type: 'boolean';
  default?: boolean;
}
export interface EnumField extends FieldCommon {
  type: 'enum';
  options: readonly (string | number)[];
  default?: string | number;
}
export interface StringField extends FieldCommon {
  type: 'string';
  default?: string;
}
/** A distribution in ms, or a number as shorthand for a constant. */
export interface DistributionField extends FieldCommon {
  type: 'distribution';
  default?: DistributionSpec;
}
/** This record's own id. */
export interface IdField extends FieldCommon {
  type: 'id';
}
/** An id naming another record; existence is checked after the whole file is read. */
export interface RefField extends FieldCommon {
  type: 'ref';
  refersTo: 'node' | 'region' | 'link';
  /** For node references: the kinds allowed. */
  nodeKinds?: readonly NodeKind[];
}
export interface ObjectField extends FieldCommon {
  type: 'object';
  fields: readonly FieldDescriptor[];
  /**
   * `defaults`: an absent object means "every sub-field at its default" (e.g. `healthCheck`).
   * `off`: an absent object means the feature is off (e.g. lb `ha`), resolved as `null`.
   */
  whenAbsent: 'defaults' | 'off';
}
export interface ListField extends FieldCommon {
  type: 'list';
  item: FieldDescriptor;
}

export type FieldDescriptor =
  | NumberField
  | BooleanField
  | EnumField
  | StringField
  | DistributionField
  | IdField
  | RefField
  | ObjectField
  | ListField;

// --- builders -------------------------------------------------------------------------------
// Builders take the name from the key of the object passed to `fieldList`, so a field list reads
// like the table in DESIGN §3.

type Spec<F extends FieldDescriptor> = Omit<F, 'name' | 'type' | 'required'> & { required?: boolean };
type Unnamed<F extends FieldDescriptor = FieldDescriptor> = Omit<F, 'name'>;

export const field = {
  number: (spec: Omit<Spec<NumberField>, 'integer'>): Unnamed<NumberField> => ({ type: 'number', integer: false, required: false, ...spec }),
  integer: (spec: Omit<Spec<NumberField>, 'integer'>): Unnamed<NumberField> => ({ type: 'number', integer: true, required: false, ...spec }),
  /** A count of things that must exist at least once: a whole number ≥ 1. */
  count: (spec: Omit<Spec<NumberField>, 'integer' | 'min'>): Unnamed<NumberField> => ({ type: 'number', integer: true, min: 1, required: false, unit: 'count', ...spec }),
  /** A share in [0, 1]. */
  ratio: (spec: Omit<Spec<NumberField>, 'integer' | 'min' | 'max'>): Unnamed<NumberField> => ({ type: 'number', integer: false, min: 0, max: 1, required: false, unit: 'ratio', ...spec }),
  /** A duration ≥ 0 (`unit` says ms or s). */
  duration: (unit: 'ms' | 's', spec: Omit<Spec<NumberField>, 'integer' | 'min' | 'unit'>): Unnamed<NumberField> => ({ type: 'number', integer: false, min: 0, required: false, unit, ...spec }),
  /** A duration > 0: intervals and timeouts, where 0 would make no sense or loop forever. */
  period: (unit: 'ms' | 's', spec: Omit<Spec<NumberField>, 'integer' | 'min' | 'minExclusive' | 'unit'>): Unnamed<NumberField> => ({ type: 'number', integer: false, min: 0, minExclusive: true, required: false, unit, ...spec }),
  boolean: (spec: Spec<BooleanField>): Unnamed<BooleanField> => ({ type: 'boolean', required: false, ...spec }),
  enum: (spec: Spec<EnumField>): Unnamed<EnumField> => ({ type: 'enum', required: false, ...spec }),
  string: (spec: Spec<StringField>): Unnamed<StringField> => ({ type: 'string', required: false, ...spec }),
  distribution: (spec: Spec<DistributionField>): Unnamed<DistributionField> => ({ type: 'distribution', required: false, unit: 'ms', ...spec }),
  id: (spec: Spec<IdField>): Unnamed<IdField> => ({ type: 'id', required: true, ...spec }),
  ref: (spec: Spec<RefField>): Unnamed<RefField> => ({ type: 'ref', required: false, ...spec }),
  object: (spec: Spec<ObjectField>): Unnamed<ObjectField> => ({ type: 'object', required: false, ...spec }),
  list: (spec: Omit<Spec<ListField>, 'item'> & { item: Unnamed }): Unnamed<ListField> => ({
    type: 'list',
    required: false,
    ...spec,
    item: { ...spec.item, name: 'item' } as FieldDescriptor,
  }),
};

/** Names the fields after their keys, keeping declaration order (which is also the saved key order). */
export function fieldList(fields: Record<string, Unnamed>): FieldDescriptor[] {
  return Object.entries(fields).map(([name, descriptor]) => ({ ...descriptor, name }) as FieldDescriptor);
}

// --- zod ------------------------------------------------------------------------------------

const distributionObjectSchema = z.object({
  dist: z.enum(DISTRIBUTION_KINDS),
  mean: z.number().min(0),
  sigma: z.number().min(0).optional(),
});
/** A service-time distribution as a file may write it. */
export const distributionSchema = z.union([z.number().min(0), distributionObjectSchema]);

/** The zod schema of a field's value (without default/optional wrapping). */
export function valueSchema(descriptor: FieldDescriptor): z.ZodType {
  switch (descriptor.type) {
    case 'number': {
      let schema = descriptor.integer ? z.int() : z.number();
      if (descriptor.min !== undefined) schema = descriptor.minExclusive ? schema.gt(descriptor.min) : schema.min(descriptor.min);
      if (descriptor.max !== undefined) schema = schema.max(descriptor.max);
      return schema;
    }
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.literal(descriptor.options as (string | number)[]);
    case 'string':
      return z.string();
    case 'distribution':
      return distributionSchema;
    case 'id':
    case 'ref':
      return z.string().regex(ID_PATTERN);
    case 'object':
      return objectSchema(descriptor.fields);
    case 'list':
      return z.array(fieldSchema(descriptor.item));
  }
}

/** The zod schema of a field as it sits in its object: with its default, optional, and metadata. */
export function fieldSchema(descriptor: FieldDescriptor): z.ZodType {
  const meta = { title: descriptor.label, description: descriptor.description, ...(descriptor.unit ? { unit: descriptor.unit } : {}) };
  const schema = valueSchema(descriptor);
  if (descriptor.required) return schema.meta(meta);
  const fallback = defaultValue(descriptor);
  return (fallback === undefined ? schema.optional() : schema.default(fallback as never)).meta(meta);
}

/**
 * A zod object for a field list. Unknown keys pass through: the loader keeps them (with a warning)
 * rather than failing.
 */
export function objectSchema(fields: readonly FieldDescriptor[]): z.ZodType {
  return z.looseObject(Object.fromEntries(fields.map((descriptor) => [descriptor.name, fieldSchema(descriptor)])));
}

/** The static default of a field (objects: all sub-defaults), or undefined when it has none. */
export function defaultValue(descriptor: FieldDescriptor): unknown {
  switch (descriptor.type) {
    case 'object':
      return descriptor.whenAbsent === 'defaults' ? defaultsOf(descriptor.fields) : undefined;
    case 'distribution':
      return descriptor.default ? { ...descriptor.default } : undefined;
    case 'number':
    case 'boolean':
    case 'enum':
    case 'string':
      return descriptor.default;
    default:
      return undefined;
  }
}

/** The object of every static default in a field list (fields without one are left out). */
export function defaultsOf(fields: readonly FieldDescriptor[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const descriptor of fields) {
    const value = defaultValue(descriptor);
    if (value !== undefined) result[descriptor.name] = value;
  }
  return result;
}

// --- plain-language rules -------------------------------------------------------------------

/** A bound in a rule, thousands grouped as the app writes counts ("100,000"). */
function bound(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

/** "a whole number from 1 to 100,000", "a number > 0", "one of pull, push" — the rule of a field. */
export function describeRule(descriptor: FieldDescriptor): string {
  switch (descriptor.type) {
    case 'number': {
      const kind = descriptor.integer ? 'a whole number' : 'a number';
      const { min, max, minExclusive } = descriptor;
      if (min !== undefined && max !== undefined) {
        return minExclusive ? `${kind} > ${bound(min)} and ≤ ${bound(max)}` : `${kind} from ${bound(min)} to ${bound(max)}`;
      }
      if (min !== undefined) return `${kind} ${minExclusive ? '>' : '≥'} ${bound(min)}`;
      if (max !== undefined) return `${kind} ≤ ${bound(max)}`;
      return kind;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${descriptor.options.map((option) => (typeof option === 'string' ? `"${option}"` : String(option))).join(', ')}`;
    case 'string':
      return 'text';
    case 'distribution':
      return 'a number of milliseconds ≥ 0 or a distribution like {"dist": "exp", "mean": 5}';
    case 'id':
    case 'ref':
      return 'an id';
    case 'object':
      return 'an object';
    case 'list':
      return 'a list';
  }
}

export function findField(fields: readonly FieldDescriptor[], name: string): FieldDescriptor | undefined {
  return fields.find((descriptor) => descriptor.name === name);
}

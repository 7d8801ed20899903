import type { FieldDescriptor, FieldUnit } from '../../../shared/model/schema/fields';
import { describeRule, valueSchema } from '../../../shared/model/schema/fields';
import { fieldNotInEffect } from '../../../shared/model/schema/fieldsInEffect';
import type { DistributionSpec, NodeKind } from '../../../shared/model/types';

/** What several selected nodes hold at one path: one shared value, nothing, or different values. */
export type SharedValue = { state: 'unset' } | { state: 'same'; value: unknown } | { state: 'mixed' };

export function valueAt(config: Record<string, unknown>, path: readonly string[]): unknown {
  let cursor: unknown = config;
  for (const key of path) {
    if (typeof cursor !== 'object' || cursor === null || Array.isArray(cursor) || !Object.hasOwn(cursor, key)) return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

export function sharedValue(values: readonly unknown[]): SharedValue {
  if (values.length === 0 || values.every((value) => value === undefined)) return { state: 'unset' };
  const first = JSON.stringify(values[0]);
  return values.every((value) => JSON.stringify(value) === first) ? { state: 'same', value: values[0] } : { state: 'mixed' };
}

/**
 * A field that does nothing on the selected nodes: on all of them it is disabled (its value kept)
 * with the reason under it; on some of them it stays editable, for the others, and says on how many
 * it does nothing.
 */
export interface FieldOutOfEffect {
  disabled: boolean;
  note: string;
}

export function fieldOutOfEffect(kind: NodeKind, configs: readonly Readonly<Record<string, unknown>>[], path: readonly string[]): FieldOutOfEffect | undefined {
  const reasons = configs.map((config) => fieldNotInEffect(kind, config, path.join('.'))).filter((reason) => reason !== undefined);
  if (reasons.length === 0) return undefined;
  // Different nodes may miss different conditions (one CDN in push mode, another with no capacity).
  const why = [...new Set(reasons)].join(' ');
  if (reasons.length === configs.length) return { disabled: true, note: why };
  return { disabled: false, note: `No effect on ${reasons.length} of the ${configs.length} selected. ${why}` };
}

/**
 * A distribution accepted as written that does not do what it seems to. DESIGN §3 asks of a mean
 * only that it be a number (the schema: ≥ 0), so a file may hold a lognormal of mean 0 and the
 * editor takes it too; but the engine then draws 0 every time, whatever the shape and sigma.
 */
export function distributionWarning(spec: DistributionSpec | undefined): string | undefined {
  if (spec === undefined || spec.dist === 'const' || spec.mean !== 0) return undefined;
  const what = spec.dist === 'lognormal' ? 'lognormal shape and its sigma have' : `${spec.dist} shape has`;
  return `A mean of 0 draws 0 every time: the ${what} no effect (as const 0).`;
}

export const UNIT_LABEL: Record<FieldUnit, string> = {
  ms: 'ms',
  s: 's',
  rps: 'req/s',
  ratio: '0–1',
  count: '',
  keys: 'keys',
  // Short: a longer unit narrows the box until its placeholder ("10000 (default)") is cut.
  messages: 'msgs',
  // "Dead after 3 missed", under "Heartbeat 500 ms": "heartbeats" would cut the box's placeholder.
  heartbeats: 'missed',
  probes: 'probes',
  Mbps: 'Mbps',
  px: 'px',
  factor: '×',
};

/**
 * The default as the form shows it, in the placeholder: a value, or "auto" when the default
 * depends on the context (the rule, too long for the field, is the hint line's: `hintText`).
 */
export function defaultText(descriptor: FieldDescriptor): string {
  if (descriptor.contextDefault) return 'auto';
  if ('default' in descriptor && descriptor.default !== undefined) {
    const value = descriptor.default;
    if (typeof value === 'object' && value !== null) {
      const spec = value as { dist: string; mean: number };
      return `${spec.dist} ${spec.mean}`;
    }
    // "0 = off": a bare "0 (default)" does not say that the feature is not in use. The box is
    // too narrow for "(default)" too: that is the tooltip's (defaultTitle).
    if (value === 0 && descriptor.type === 'number' && descriptor.zeroMeans) return `0 = ${descriptor.zeroMeans}`;
    return `${String(value)} (default)`;
  }
  return 'not set';
}

/** The default as the box's tooltip says it: the placeholder, with "(default)" when it had no room. */
export function defaultTitle(descriptor: FieldDescriptor): string {
  const text = defaultText(descriptor);
  return descriptor.type === 'number' && descriptor.zeroMeans && descriptor.default === 0 ? `${text} (default)` : text;
}

/**
 * A value as an empty field of a patch names it (a scenario `set` or `degrade` leaves that value
 * in place): "1000", "yes", "exp 5", "0 = off", or "not set".
 */
export function currentText(descriptor: FieldDescriptor, value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') {
    const spec = value as { dist?: string; mean?: number };
    return spec.dist === undefined ? JSON.stringify(value) : `${spec.dist} ${spec.mean}`;
  }
  if (value === 0 && descriptor.type === 'number' && descriptor.zeroMeans) return `0 = ${descriptor.zeroMeans}`;
  return String(value);
}

/** The line under a field whose default depends on the context, saying what "auto" means. */
export function hintText(descriptor: FieldDescriptor): string | undefined {
  return descriptor.contextDefault ? `auto: ${descriptor.contextDefault}` : undefined;
}

export type Checked = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Runs a value through the field's zod schema. A number out of its rule is told in the rule's
 * words ("must be a whole number from 1 to 100000", as a file with it would be), not zod's
 * ("Too small: expected number to be >=1").
 */
export function checkValue(descriptor: FieldDescriptor, value: unknown): Checked {
  const result = valueSchema(descriptor).safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  if (descriptor.type === 'number') return { ok: false, message: `must be ${describeRule(descriptor)}` };
  // The inspector edits a distribution's mean (its kind comes from a list): a negative one is the only way wrong.
  if (descriptor.type === 'distribution') return { ok: false, message: 'the mean must be a number ≥ 0' };
  return { ok: false, message: result.error.issues[0]?.message ?? 'Invalid value' };
}

/** Text typed into a number field → a number, or a message (empty text means "back to the default"). */
export function parseNumberText(text: string): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  // Decimal numbers only: Number() would also read "0x10" as 16 and "0b11" as 3.
  const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isFinite(value)) return { ok: false, message: `"${trimmed}" is not a number` };
  return { ok: true, value };
}

/**
 * A number field's text as the value to commit: empty is `undefined` (back to the default), a
 * number must pass the descriptor's rule.
 */
export function parseNumberField(descriptor: FieldDescriptor, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const parsed = parseNumberText(text);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  return checkValue(descriptor, parsed.value);
}

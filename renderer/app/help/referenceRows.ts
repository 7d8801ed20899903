import { CHECK_METRICS, NODE_KINDS, SCENARIO_ACTIONS, type NodeKind } from '../../../shared/model/types';
import { METRIC_INFO } from '../../../shared/model/schema/checks';
import { describeRule, type FieldDescriptor } from '../../../shared/model/schema/fields';
import { NODE_KIND_INFO } from '../../../shared/model/schema/nodeKinds';
import { ACTION_INFO } from '../../../shared/model/schema/scenario';
import { UNIT_LABEL } from '../editor/fieldValues';

/** One config field as the reference lists it: its name in a file, what it is, what it takes, and its default. */
export interface FieldRow {
  /** The key in a file's `config`, dotted below an object field (`ha.heartbeatMs`). */
  name: string;
  label: string;
  description: string;
  /** What a file may give it, in the loader's words ("a whole number from 1 to 100000"). */
  rule: string;
  defaultText: string;
}

export interface KindReference {
  kind: NodeKind;
  label: string;
  summary: string;
  fields: FieldRow[];
}

function withUnit(value: string, descriptor: FieldDescriptor): string {
  const unit = descriptor.unit ? UNIT_LABEL[descriptor.unit] : '';
  // A ratio's "0–1" is its rule, not a unit to write after the value.
  return unit && descriptor.unit !== 'ratio' && descriptor.unit !== 'count' ? `${value} ${unit}` : value;
}

/** The default as a reader of the file needs it: the value with its unit, the rule when it depends on other fields, or what leaving it out means. */
function defaultOf(descriptor: FieldDescriptor): string {
  if (descriptor.contextDefault) return descriptor.contextDefault;
  if (descriptor.type === 'object') return descriptor.whenAbsent === 'off' ? 'off (left out)' : 'the defaults below';
  if (descriptor.required) return 'required';
  if (!('default' in descriptor) || descriptor.default === undefined) return 'not set';
  const value = descriptor.default;
  if (typeof value === 'object' && value !== null) {
    const spec = value as { dist: string; mean: number };
    return `${spec.dist}, mean ${withUnit(String(spec.mean), descriptor)}`;
  }
  if (value === 0 && descriptor.type === 'number' && descriptor.zeroMeans) return `0 (${descriptor.zeroMeans})`;
  return withUnit(String(value), descriptor);
}

/** A kind's config fields in saved-key order, an object field followed by its own fields. */
export function fieldRows(fields: readonly FieldDescriptor[], prefix = ''): FieldRow[] {
  return fields.flatMap((descriptor) => {
    const name = `${prefix}${descriptor.name}`;
    const row: FieldRow = { name, label: descriptor.label, description: descriptor.description, rule: describeRule(descriptor), defaultText: defaultOf(descriptor) };
    return descriptor.type === 'object' ? [row, ...fieldRows(descriptor.fields, `${name}.`)] : [row];
  });
}

/** Every node kind of DESIGN §3 with its config fields, as the schema (and so the loader and the inspector) has them. */
export function kindReferences(): KindReference[] {
  return NODE_KINDS.map((kind) => {
    const info = NODE_KIND_INFO[kind];
    return { kind, label: info.label, summary: info.summary, fields: fieldRows(info.fields) };
  });
}

/** A scenario action and what an event with it must name. */
export interface ActionRow {
  action: string;
  label: string;
  needs: string;
}

export function actionRows(): ActionRow[] {
  return SCENARIO_ACTIONS.map((action) => {
    const info = ACTION_INFO[action];
    const needs: string[] = [];
    if (info.target === 'node') needs.push(info.targetKinds ? `target: a ${info.targetKinds.join(' or ')} node` : 'target: a node');
    if (info.target === 'link') needs.push('target: a link');
    if (info.needsFactor) needs.push('factor (service times × it)');
    if (info.needsGroups) needs.push('groups of node or region ids');
    if (info.params === 'config') needs.push('params: a patch of the target’s config');
    if (info.params === 'degrade') needs.push('params: latencyMs, jitterMs, lossRate');
    return { action, label: info.label, needs: needs.length > 0 ? needs.join('; ') : 'nothing else' };
  });
}

/** A check metric, its unit and whether it needs a node. */
export interface MetricRow {
  metric: string;
  label: string;
  unit: string;
  node: string;
}

export function metricRows(): MetricRow[] {
  return CHECK_METRICS.map((metric) => {
    const info = METRIC_INFO[metric];
    const unit = info.unit === 'ratio' ? '0–1' : info.unit === 'count' || info.unit === undefined ? 'count' : UNIT_LABEL[info.unit];
    const node = !info.needsNode ? '—' : info.nodeKinds ? `needed: a ${info.nodeKinds.join(', ')}` : 'needed: any node';
    return { metric, label: info.label, unit, node };
  });
}

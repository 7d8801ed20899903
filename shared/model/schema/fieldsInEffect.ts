/**
 * Config fields that do nothing while another field of the same node holds some value (DESIGN §3):
 * a Zipf exponent while keys are uniform, sticky sessions on a layer-4 balancer. The inspector shows
 * such a field disabled, saying why, and keeps its value for when it takes effect again.
 */
import { NODE_KINDS, type NodeKind } from '../types';
import { defaultValue, findField, type FieldDescriptor } from './fields';
import { configFields } from './nodeKinds';

/** When the fields take effect: the deciding field (its default when the node does not set it) equals, or is above, a value. */
type Condition = { field: string; equals: string | number | boolean } | { field: string; above: number };

export interface FieldInEffectRule {
  kinds: readonly NodeKind[];
  /** Paths into the config, nested ones as `parent.child`: number, enum or boolean fields (the controls the inspector disables). */
  fields: readonly string[];
  inEffectWhen: Condition;
  /** Shown under a disabled field: what it needs to take effect. */
  reason: string;
}

const HEALTH_CHECK_TIMING = ['healthCheck.intervalMs', 'healthCheck.timeoutMs', 'healthCheck.unhealthyAfter', 'healthCheck.healthyAfter'];

/**
 * One rule per case. Left out, because they do take effect: a replica's `replication` and
 * `failover.auto` (a promoted replica is a primary and uses them) and `failover.detectMs` without
 * automatic failover (detection still takes a dead node out of routing).
 */
export const FIELD_IN_EFFECT_RULES: readonly FieldInEffectRule[] = [
  { kinds: ['client'], fields: ['keys.zipfS'], inEffectWhen: { field: 'keys.distribution', equals: 'zipf' }, reason: 'Only with zipf key popularity.' },
  { kinds: ['client'], fields: ['retryBackoffMs'], inEffectWhen: { field: 'retries', above: 0 }, reason: 'Only with retries (above 0).' },
  { kinds: ['dns', 'lb'], fields: HEALTH_CHECK_TIMING, inEffectWhen: { field: 'healthCheck.enabled', equals: true }, reason: 'Only while health checks are enabled.' },
  { kinds: ['cdn'], fields: ['capacity', 'ttlS'], inEffectWhen: { field: 'mode', equals: 'pull' }, reason: 'Only in pull mode: push holds every key, never expiring.' },
  { kinds: ['cdn'], fields: ['ttlS'], inEffectWhen: { field: 'capacity', above: 0 }, reason: 'Only when the edge holds keys (capacity above 0).' },
  { kinds: ['lb'], fields: ['sticky'], inEffectWhen: { field: 'layer', equals: 7 }, reason: 'Only at layer 7: a layer-4 balancer never sees the cookie.' },
  { kinds: ['proxy'], fields: ['cache.ttlS'], inEffectWhen: { field: 'cache.capacity', above: 0 }, reason: 'Only with a response cache (capacity above 0).' },
  { kinds: ['proxy'], fields: ['rateLimit.burst', 'rateLimit.per'], inEffectWhen: { field: 'rateLimit.rps', above: 0 }, reason: 'Only with a rate limit (rate above 0).' },
  { kinds: ['cache'], fields: ['eviction', 'ttlS'], inEffectWhen: { field: 'capacity', above: 0 }, reason: 'Only when the cache holds keys (capacity above 0).' },
  { kinds: ['shard-router'], fields: ['vnodes'], inEffectWhen: { field: 'scheme', equals: 'consistent-hash' }, reason: 'Only with the consistent-hash scheme.' },
  { kinds: NODE_KINDS, fields: ['mttrS'], inEffectWhen: { field: 'mtbfS', above: 0 }, reason: 'Only with a mean time between failures (random crashes).' },
];

/** The descriptor at a dotted path of a kind's config. */
export function configFieldAt(kind: NodeKind, path: string): FieldDescriptor | undefined {
  let fields: readonly FieldDescriptor[] = configFields(kind);
  let found: FieldDescriptor | undefined;
  for (const name of path.split('.')) {
    found = findField(fields, name);
    if (found === undefined) return undefined;
    fields = found.type === 'object' ? found.fields : [];
  }
  return found;
}

/** What a node's config holds at a dotted path, else that field's static default. */
function effectiveValue(kind: NodeKind, config: Readonly<Record<string, unknown>>, path: string): unknown {
  let cursor: unknown = config;
  for (const name of path.split('.')) {
    if (typeof cursor !== 'object' || cursor === null || Array.isArray(cursor) || !Object.hasOwn(cursor, name)) {
      const descriptor = configFieldAt(kind, path);
      return descriptor === undefined ? undefined : defaultValue(descriptor);
    }
    cursor = (cursor as Record<string, unknown>)[name];
  }
  return cursor;
}

function holds(condition: Condition, value: unknown): boolean {
  return 'equals' in condition ? value === condition.equals : typeof value === 'number' && value > condition.above;
}

/**
 * Why the field at `path` (dotted) does nothing on a node of `kind` with this config, or undefined
 * when it takes effect. The first rule it fails gives the reason.
 */
export function fieldNotInEffect(kind: NodeKind, config: Readonly<Record<string, unknown>>, path: string): string | undefined {
  for (const rule of FIELD_IN_EFFECT_RULES) {
    if (!rule.kinds.includes(kind) || !rule.fields.includes(path)) continue;
    if (!holds(rule.inEffectWhen, effectiveValue(kind, config, rule.inEffectWhen.field))) return rule.reason;
  }
  return undefined;
}

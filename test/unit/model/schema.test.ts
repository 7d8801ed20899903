import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  ACTION_INFO,
  CHECK_FIELDS,
  describeRule,
  EVENT_FIELDS,
  LINK_FIELDS,
  METRIC_INFO,
  NODE_KIND_INFO,
  NODE_KINDS,
  SCENARIO_ACTIONS,
  CHECK_METRICS,
  type FieldDescriptor,
} from '../../../shared/model';

/** Config field names of DESIGN §3's table (Contract), nested ones as `parent.child`. */
const CONTRACT_FIELDS: Record<string, string[]> = {
  client: ['rps', 'arrival', 'users', 'writeRatio', 'staticRatio', 'keys', 'keys.count', 'keys.distribution', 'keys.zipfS', 'timeoutMs', 'retries', 'retryBackoffMs'],
  dns: ['ttlS', 'policy', 'serviceMs', 'healthCheck', ...['enabled', 'intervalMs', 'timeoutMs', 'unhealthyAfter', 'healthyAfter'].map((name) => `healthCheck.${name}`)],
  cdn: ['mode', 'capacity', 'ttlS', 'hitMs'],
  lb: [
    'algorithm',
    'layer',
    'sticky',
    'serviceMs',
    'maxConnections',
    'healthCheck',
    ...['enabled', 'intervalMs', 'timeoutMs', 'unhealthyAfter', 'healthyAfter'].map((name) => `healthCheck.${name}`),
    'ha',
    'ha.peer',
    'ha.heartbeatMs',
    'ha.deadAfter',
  ],
  proxy: ['serviceMs', 'tlsMs', 'cache', 'cache.capacity', 'cache.ttlS', 'rateLimit', 'rateLimit.rps', 'rateLimit.burst', 'rateLimit.per', 'maxConnections'],
  app: ['workers', 'queueLimit', 'serviceMs', 'cachePolicy', 'readFromReplicas', 'downstreamTimeoutMs', 'sessions', 'publishRatio'],
  cache: ['capacity', 'eviction', 'ttlS', 'serviceMs'],
  db: ['role', 'replication', 'readMs', 'writeMs', 'applyMs', 'connections', 'queueLimit', 'failover', 'failover.auto', 'failover.detectMs'],
  'shard-router': ['scheme', 'vnodes', 'serviceMs'],
  queue: ['capacity', 'durable', 'visibilityTimeoutMs', 'maxReceives'],
  worker: ['workers', 'serviceMs', 'failureRate'],
};

function flatten(fields: readonly FieldDescriptor[], prefix = ''): string[] {
  return fields.flatMap((field) => [`${prefix}${field.name}`, ...(field.type === 'object' ? flatten(field.fields, `${prefix}${field.name}.`) : [])]);
}

function allDescriptors(fields: readonly FieldDescriptor[]): FieldDescriptor[] {
  return fields.flatMap((field) => [field, ...(field.type === 'object' ? allDescriptors(field.fields) : [])]);
}

describe('NODE_KIND_INFO', () => {
  it('covers exactly the node kinds of the contract', () => {
    expect(Object.keys(NODE_KIND_INFO).sort()).toEqual([...NODE_KINDS].sort());
    expect(NODE_KINDS).toEqual(['client', 'dns', 'cdn', 'lb', 'proxy', 'app', 'cache', 'db', 'shard-router', 'queue', 'worker']);
  });

  it.each(NODE_KINDS)('%s has exactly the contract fields plus mtbfS and mttrS', (kind) => {
    expect(flatten(NODE_KIND_INFO[kind].fields)).toEqual([...CONTRACT_FIELDS[kind], 'mtbfS', 'mttrS']);
  });

  it.each(NODE_KINDS)('%s fields describe themselves well enough to build a form', (kind) => {
    for (const field of allDescriptors(NODE_KIND_INFO[kind].fields)) {
      expect(field.label, field.name).not.toBe('');
      expect(field.description, field.name).toMatch(/\.$/);
      expect(field.required, field.name).toBe(field.name === 'peer'); // only ha.peer, inside an optional object
      if (field.type === 'number') {
        expect(field.min, `${kind}.${field.name} has a lower bound`).toBeDefined();
        if (field.default !== undefined) {
          expect(field.default).toBeGreaterThanOrEqual(field.min!);
          if (field.max !== undefined) expect(field.default).toBeLessThanOrEqual(field.max);
        }
      }
      if (field.name.endsWith('Ms') && field.type !== 'distribution') expect(field.unit, field.name).toBe('ms');
      if (field.name.endsWith('S') && field.name !== 'zipfS' && field.type === 'number') expect(field.unit, field.name).toBe('s'); // zipfS is the zipf exponent s
      if (field.type === 'enum' && field.default !== undefined) expect(field.options).toContain(field.default);
      const hasDefault = 'default' in field && field.default !== undefined;
      const optionalByDesign = field.type === 'object' || field.name === 'mtbfS' || field.name === 'mttrS' || field.name === 'peer';
      expect(hasDefault || field.contextDefault !== undefined || optionalByDesign, `${kind}.${field.name} has a default`).toBe(true);
    }
  });

  it('uses consistent ranges: counts ≥ 1, ratios in [0, 1], times ≥ 0', () => {
    const byName = (kind: keyof typeof NODE_KIND_INFO, name: string) => allDescriptors(NODE_KIND_INFO[kind].fields).find((field) => field.name === name)!;
    expect(describeRule(byName('app', 'workers'))).toBe('a whole number from 1 to 100,000');
    expect(describeRule(byName('client', 'writeRatio'))).toBe('a number from 0 to 1');
    expect(describeRule(byName('db', 'applyMs'))).toBe('a number ≥ 0');
    expect(describeRule(byName('lb', 'intervalMs'))).toBe('a number ≥ 1');
    expect(describeRule(byName('client', 'timeoutMs'))).toBe('a number > 0');
    expect(describeRule(byName('client', 'retries'))).toBe('a whole number from 0 to 100');
    expect(describeRule(byName('lb', 'layer'))).toBe('one of 4, 7');
  });

  it('builds zod schemas that apply the static defaults and reject bad values', () => {
    const app = NODE_KIND_INFO.app.schema;
    expect(app.parse({})).toEqual({ workers: 8, queueLimit: 100, serviceMs: { dist: 'exp', mean: 5 }, readFromReplicas: true, downstreamTimeoutMs: 500, sessions: 'stateless' });
    expect(app.safeParse({ workers: 0 }).success).toBe(false);
    expect(app.safeParse({ workers: 2.5 }).success).toBe(false);
    expect(app.safeParse({ workers: Infinity }).success).toBe(false);
    expect(app.safeParse({ serviceMs: { dist: 'weird', mean: 1 } }).success).toBe(false);
    expect(NODE_KIND_INFO.lb.schema.safeParse({ layer: 5 }).success).toBe(false);
    expect(NODE_KIND_INFO.client.schema.parse({ keys: {} })).toMatchObject({ keys: { count: 1000, distribution: 'uniform', zipfS: 1 } });
  });

  it('spells out every abbreviation a field\'s label or tooltip uses, MTBF and MTTR in the label itself', () => {
    const spelledOut: Record<string, string> = { MTBF: 'mean time between failures', MTTR: 'mean time to repair', TTL: 'time to live', TLS: 'transport layer security' };
    // Known by everyone who opens the app: the palette names its kinds so; HTTPS and CPU are everyday words.
    const everyday = new Set(['DNS', 'CDN', 'HTTPS', 'CPU']);
    const fields = [...NODE_KINDS.flatMap((kind) => allDescriptors(NODE_KIND_INFO[kind].fields).map((field) => ({ where: `${kind}.${field.name}`, field }))), ...LINK_FIELDS.map((field) => ({ where: `link.${field.name}`, field }))];
    for (const { where, field } of fields) {
      const text = `${field.label} ${field.description}`;
      for (const abbreviation of text.match(/\b[A-Z][A-Z0-9]+\b/g) ?? []) {
        if (everyday.has(abbreviation)) continue;
        expect(Object.keys(spelledOut), `${where}: "${abbreviation}" is not spelled out`).toContain(abbreviation);
        expect(text.toLowerCase(), `${where} spells out ${abbreviation}`).toContain(spelledOut[abbreviation]);
      }
    }
    expect(NODE_KIND_INFO.app.fields.find((field) => field.name === 'mtbfS')!.label).toBe('Mean time between failures');
    expect(NODE_KIND_INFO.app.fields.find((field) => field.name === 'mttrS')!.label).toBe('Mean time to repair');
  });

  it('exposes units and descriptions through zod metadata (JSON Schema)', () => {
    const schema = z.toJSONSchema(NODE_KIND_INFO.app.schema, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.downstreamTimeoutMs).toMatchObject({ type: 'number', unit: 'ms', default: 500, exclusiveMinimum: 0, title: 'Downstream timeout' });
    expect(schema.properties.workers).toMatchObject({ type: 'integer', minimum: 1, maximum: 100000, default: 8 });
    expect(schema.properties.cachePolicy.enum).toEqual(['none', 'cache-aside', 'write-through', 'write-behind', 'write-around', 'refresh-ahead']);
  });
});

describe('scenario and check descriptors', () => {
  it('describe every action and metric of the contract', () => {
    expect(Object.keys(ACTION_INFO).sort()).toEqual([...SCENARIO_ACTIONS].sort());
    expect(Object.keys(METRIC_INFO).sort()).toEqual([...CHECK_METRICS].sort());
  });

  it('need a target exactly for the actions the contract names', () => {
    const withTarget = SCENARIO_ACTIONS.filter((action) => ACTION_INFO[action].target !== 'none');
    expect(withTarget.sort()).toEqual(['crash', 'cut', 'degrade', 'flush', 'recover', 'restart', 'restore', 'set', 'slow']);
    expect(SCENARIO_ACTIONS.filter((action) => ACTION_INFO[action].needsGroups)).toEqual(['partition']);
    expect(CHECK_METRICS.filter((metric) => METRIC_INFO[metric].needsNode)).toEqual(['cache.hitRatio', 'queue.maxDepth', 'utilization']);
  });

  it('list record fields in the contract order', () => {
    expect(EVENT_FIELDS.map((field) => field.name)).toEqual(['atS', 'action', 'target', 'groups', 'factor', 'params', 'note', 'pause']);
    expect(CHECK_FIELDS.map((field) => field.name)).toEqual(['id', 'label', 'metric', 'node', 'op', 'value', 'fromS', 'toS']);
    expect(LINK_FIELDS.map((field) => field.name)).toEqual(['id', 'from', 'to', 'kind', 'latencyMs', 'jitterMs', 'lossRate', 'bandwidthMbps', 'weight']);
  });
});

/**
 * fast-check generators of valid Faultline documents, built from the field descriptors so that
 * every config field of every kind gets exercised.
 *
 * `explicitDefaults: false` never writes a value equal to its static default (the saver drops
 * those, so such documents must survive load(save(doc)) exactly); `true` may write them.
 */
import fc from 'fast-check';
import {
  CHECK_METRICS,
  CHECK_OPS,
  DEGRADE_FIELDS,
  DISTRIBUTION_KINDS,
  METRIC_INFO,
  NODE_KIND_INFO,
  NODE_KINDS,
  RESERVED_KEYS,
  SCENARIO_ACTIONS,
  ACTION_INFO,
  defaultValue,
  type Check,
  type FaultlineDocument,
  type FieldDescriptor,
  type LatencyMatrixEntry,
  type LinkRecord,
  type NodeKind,
  type NodeRecord,
  type Region,
  type ScenarioEvent,
} from '../../shared/model';

export interface DocumentOptions {
  explicitDefaults: boolean;
}

/** JSON turns -0 into 0; generated values must already be what a round trip gives back. */
const noNegativeZero = (value: number): number => (Object.is(value, -0) ? 0 : value);

function finiteDouble(min = -1e9, max = 1e9): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
}

/** Any JSON value without reserved keys or -0, for extras and unknown config keys. */
export const safeJsonValue: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 }).map(function clean(value: unknown): unknown {
  if (typeof value === 'number') return noNegativeZero(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => !RESERVED_KEYS.has(key)).map(([key, inner]) => [key, clean(inner)]));
  }
  return value;
});

/** Unknown keys: prefixed so they can never be a real field name. */
const extrasArbitrary: fc.Arbitrary<Record<string, unknown> | undefined> = fc.option(
  fc.dictionary(fc.stringMatching(/^zz[A-Za-z0-9_]{0,6}$/), safeJsonValue, { minKeys: 1, maxKeys: 2 }),
  { nil: undefined, freq: 3 },
);

export const idArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,9}$/) },
  // Ids that are also Object.prototype member names must work like any other.
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', 'hasOwnProperty', 'valueOf') },
);

const distributionArbitrary = fc.oneof(
  fc.double({ min: 0, max: 1e4, noNaN: true }).map(noNegativeZero),
  fc.record(
    {
      dist: fc.constantFrom(...DISTRIBUTION_KINDS),
      mean: fc.double({ min: 0, max: 1e4, noNaN: true }).map(noNegativeZero),
      sigma: fc.double({ min: 0, max: 5, noNaN: true }).map(noNegativeZero),
    },
    { requiredKeys: ['dist', 'mean'] },
  ),
);

function isStaticDefault(descriptor: FieldDescriptor, value: unknown): boolean {
  const fallback = defaultValue(descriptor);
  if (fallback === undefined || descriptor.contextDefault) return false;
  if (descriptor.type === 'distribution') {
    const spec = typeof value === 'number' ? { dist: 'const', mean: value } : (value as Record<string, unknown>);
    const expected = fallback as Record<string, unknown>;
    return spec.dist === expected.dist && spec.mean === expected.mean && spec.sigma === undefined;
  }
  return value === fallback;
}

/** A value for one config field; null for fields that need the whole document (references). */
function fieldValue(descriptor: FieldDescriptor, options: DocumentOptions): fc.Arbitrary<unknown> | null {
  let arbitrary: fc.Arbitrary<unknown>;
  switch (descriptor.type) {
    case 'number': {
      const low = descriptor.min ?? -1e9;
      const high = descriptor.max ?? 1e9;
      arbitrary = descriptor.integer ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) : finiteDouble(low, high);
      if (descriptor.minExclusive) arbitrary = arbitrary.filter((value) => (value as number) > low);
      break;
    }
    case 'boolean':
      arbitrary = fc.boolean();
      break;
    case 'enum':
      arbitrary = fc.constantFrom(...descriptor.options);
      break;
    case 'string':
      arbitrary = fc.string({ maxLength: 12 });
      break;
    case 'distribution':
      arbitrary = distributionArbitrary;
      break;
    case 'object':
      if (descriptor.whenAbsent === 'off') return null; // lb `ha` needs another lb: added later
      arbitrary = configArbitrary(descriptor.fields, options, 1);
      break;
    default:
      return null;
  }
  return options.explicitDefaults ? arbitrary : arbitrary.filter((value) => !isStaticDefault(descriptor, value));
}

/** A sparse config (or nested config object) with at least `minKeys` fields. */
function configArbitrary(fields: readonly FieldDescriptor[], options: DocumentOptions, minKeys = 0): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const descriptor of fields) {
    const arbitrary = fieldValue(descriptor, options);
    if (arbitrary) shape[descriptor.name] = arbitrary;
  }
  return fc
    .record(shape, { requiredKeys: [] })
    .filter((config) => Object.keys(config).length >= minKeys)
    .map((config) => config as Record<string, unknown>);
}

/** A config for `kind`, sometimes with unknown keys the loader must keep. */
export function nodeConfigArbitrary(kind: NodeKind, options: DocumentOptions): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(configArbitrary(NODE_KIND_INFO[kind].fields, options), extrasArbitrary).map(([config, unknown]) => ({ ...config, ...unknown }));
}

const regionArbitrary = (id: string): fc.Arbitrary<Region> =>
  fc
    .record({
      name: fc.string({ maxLength: 12 }),
      x: finiteDouble(),
      y: finiteDouble(),
      w: finiteDouble(0, 1e5).filter((value) => value > 0),
      h: finiteDouble(0, 1e5).filter((value) => value > 0),
      extras: extrasArbitrary,
    })
    .map(({ extras, ...region }) => ({ id, ...region, ...(extras ? { extras } : {}) }));

interface Skeleton {
  regionIds: string[];
  nodeSpecs: { id: string; kind: NodeKind }[];
}

const skeletonArbitrary: fc.Arbitrary<Skeleton> = fc.record({
  regionIds: fc.uniqueArray(idArbitrary, { maxLength: 3 }),
  nodeSpecs: fc.uniqueArray(fc.record({ id: idArbitrary, kind: fc.constantFrom(...NODE_KINDS) }), { selector: (node) => node.id, minLength: 1, maxLength: 8 }),
});

function nodeArbitrary(spec: { id: string; kind: NodeKind }, regionIds: string[], lbIds: string[], options: DocumentOptions): fc.Arbitrary<NodeRecord> {
  const peers = lbIds.filter((id) => id !== spec.id);
  const haArbitrary: fc.Arbitrary<Record<string, unknown> | undefined> =
    spec.kind === 'lb' && peers.length > 0
      ? fc.option(
          fc.record(
            {
              peer: fc.constantFrom(...peers),
              heartbeatMs: options.explicitDefaults ? fc.integer({ min: 1, max: 5000 }) : fc.integer({ min: 1, max: 5000 }).filter((value) => value !== 500),
              deadAfter: options.explicitDefaults ? fc.integer({ min: 1, max: 10 }) : fc.integer({ min: 1, max: 10 }).filter((value) => value !== 3),
            },
            { requiredKeys: ['peer'] },
          ),
          { nil: undefined },
        )
      : fc.constant(undefined);
  return fc
    .record({
      name: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
      region: regionIds.length > 0 ? fc.option(fc.constantFrom(...regionIds), { nil: undefined }) : fc.constant(undefined),
      x: finiteDouble(),
      y: finiteDouble(),
      config: nodeConfigArbitrary(spec.kind, options),
      ha: haArbitrary,
      extras: extrasArbitrary,
    })
    .map(({ name, region, x, y, config, ha, extras }) => ({
      id: spec.id,
      kind: spec.kind,
      ...(name !== undefined ? { name } : {}),
      ...(region !== undefined ? { region } : {}),
      x,
      y,
      config: ha ? { ...config, ha } : config,
      ...(extras ? { extras } : {}),
    }));
}

function linkArbitrary(nodes: NodeRecord[], options: DocumentOptions): fc.Arbitrary<Omit<LinkRecord, 'id'>> {
  const ids = nodes.map((node) => node.id);
  const optional = (arbitrary: fc.Arbitrary<number>, fallback?: number) =>
    fc.option(options.explicitDefaults || fallback === undefined ? arbitrary : arbitrary.filter((value) => value !== fallback), { nil: undefined });
  return fc
    .record({
      from: fc.constantFrom(...ids),
      to: fc.constantFrom(...ids),
      replication: fc.boolean(),
      latencyMs: optional(finiteDouble(0, 1000)),
      jitterMs: optional(finiteDouble(0, 100), 0),
      lossRate: optional(finiteDouble(0, 1), 0),
      bandwidthMbps: optional(finiteDouble(0, 1e5).filter((value) => value > 0)),
      weight: optional(finiteDouble(0, 100), 1),
      extras: extrasArbitrary,
    })
    .filter((link) => link.from !== link.to)
    .map(({ replication, extras, ...link }) => {
      const bothDb = nodes.find((node) => node.id === link.from)!.kind === 'db' && nodes.find((node) => node.id === link.to)!.kind === 'db';
      const record: Record<string, unknown> = { from: link.from, to: link.to, kind: replication && bothDb ? 'replication' : 'traffic' };
      for (const key of ['latencyMs', 'jitterMs', 'lossRate', 'bandwidthMbps', 'weight'] as const) if (link[key] !== undefined) record[key] = link[key];
      return { ...record, ...(extras ? { extras } : {}) } as Omit<LinkRecord, 'id'>;
    });
}

function eventArbitrary(doc: { regions: Region[]; nodes: NodeRecord[]; links: LinkRecord[]; durationS: number }): fc.Arbitrary<ScenarioEvent> {
  const { nodes, links, regions } = doc;
  const possible = SCENARIO_ACTIONS.filter((action) => {
    const info = ACTION_INFO[action];
    if (info.target === 'link') return links.length > 0;
    if (info.target === 'node') return nodes.some((node) => !info.targetKinds || info.targetKinds.includes(node.kind));
    if (info.needsGroups) return nodes.length + regions.length >= 1;
    return true;
  });
  return fc.constantFrom(...possible).chain((action) => {
    const info = ACTION_INFO[action];
    const common = fc.record({
      atS: finiteDouble(0, doc.durationS),
      note: fc.option(fc.string({ maxLength: 20 }), { nil: action === 'note' ? 'narration' : undefined }),
      pause: fc.option(fc.constant(true), { nil: undefined }),
      extras: extrasArbitrary,
    });
    let specific: fc.Arbitrary<Partial<ScenarioEvent>> = fc.constant({});
    if (info.target === 'link') {
      specific = fc.constantFrom(...links).chain((link) =>
        info.params === 'degrade'
          ? configArbitrary(DEGRADE_FIELDS, { explicitDefaults: true }, 1).map((params) => ({ target: link.id, params }))
          : fc.constant({ target: link.id }),
      );
    } else if (info.target === 'node') {
      const candidates = nodes.filter((node) => !info.targetKinds || info.targetKinds.includes(node.kind));
      specific = fc.constantFrom(...candidates).chain((node) => {
        if (info.params === 'config') return configArbitrary(NODE_KIND_INFO[node.kind].fields, { explicitDefaults: true }, 1).map((params) => ({ target: node.id, params }));
        if (info.needsFactor) return finiteDouble(0, 100).filter((factor) => factor > 0).map((factor) => ({ target: node.id, factor }));
        return fc.constant({ target: node.id });
      });
    } else if (info.needsGroups) {
      const members = [...new Set([...nodes.map((node) => node.id), ...regions.map((region) => region.id)])];
      specific = fc
        .shuffledSubarray(members, { minLength: 1 })
        .chain((picked) => fc.integer({ min: 1, max: picked.length }).map((cut) => [picked.slice(0, cut), picked.slice(cut)].filter((group) => group.length > 0)))
        .map((groups) => ({ groups }));
    }
    return fc.tuple(common, specific).map(([base, extra]) => {
      const event: Record<string, unknown> = { atS: base.atS, action, ...extra };
      if (base.note !== undefined) event.note = base.note;
      if (base.pause) event.pause = true;
      if (base.extras) event.extras = base.extras;
      return event as unknown as ScenarioEvent;
    });
  });
}

function checkArbitrary(nodes: NodeRecord[]): fc.Arbitrary<Check> {
  const possible = CHECK_METRICS.filter((metric) => {
    const info = METRIC_INFO[metric];
    return !info.needsNode || nodes.some((node) => !info.nodeKinds || info.nodeKinds.includes(node.kind));
  });
  return fc.constantFrom(...possible).chain((metric) => {
    const info = METRIC_INFO[metric];
    const candidates = nodes.filter((node) => !info.nodeKinds || info.nodeKinds.includes(node.kind)).map((node) => node.id);
    return fc
      .record({
        label: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        node: info.needsNode ? fc.constantFrom(...candidates) : fc.option(fc.constantFrom(...(candidates.length > 0 ? candidates : ['unused'])), { nil: undefined }),
        op: fc.constantFrom(...CHECK_OPS),
        value: finiteDouble(),
        window: fc.option(fc.tuple(finiteDouble(0, 100), finiteDouble(0, 100)).filter(([from, to]) => to > from), { nil: undefined }),
        extras: extrasArbitrary,
      })
      .map(({ label, node, op, value, window, extras }) => {
        const check: Record<string, unknown> = { metric };
        if (label !== undefined) check.label = label;
        if (node !== undefined && (info.needsNode || candidates.length > 0)) check.node = node;
        check.op = op;
        check.value = value;
        if (window) {
          check.fromS = window[0];
          check.toS = window[1];
        }
        if (extras) check.extras = extras;
        return check as unknown as Check;
      });
  });
}

function byId<T extends { id: string }>(records: T[]): Record<string, T> {
  return Object.fromEntries(records.map((record) => [record.id, record]));
}

export function documentArbitrary(options: DocumentOptions): fc.Arbitrary<FaultlineDocument> {
  return skeletonArbitrary.chain(({ regionIds, nodeSpecs }) => {
    const lbIds = nodeSpecs.filter((node) => node.kind === 'lb').map((node) => node.id);
    return fc
      .record({
        regions: fc.tuple(...regionIds.map((id) => regionArbitrary(id))),
        nodes: fc.tuple(...nodeSpecs.map((spec) => nodeArbitrary(spec, regionIds, lbIds, options))),
        durationS: finiteDouble(0, 3600).filter((value) => value > 0),
      })
      .chain(({ regions, nodes, durationS }) => {
        const linkList = nodes.length >= 2 ? fc.uniqueArray(linkArbitrary(nodes, options), { maxLength: 8, selector: (link) => `${link.from}>${link.to}>${link.kind}` }) : fc.constant([]);
        return fc
          .record({
            links: fc.tuple(linkList, fc.uniqueArray(idArbitrary, { minLength: 8, maxLength: 8 })).map(([links, ids]) => links.map((link, index) => ({ id: ids[index], ...link }) as LinkRecord)),
            // Seeds are whole numbers ≥ 0 (the random streams need one; the schema says so).
            seed: fc.maxSafeNat(),
            meta: fc.record(
              {
                title: fc.string({ maxLength: 20 }),
                description: fc.string({ maxLength: 20 }),
                author: fc.string({ maxLength: 10 }),
                tags: fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }),
                extras: fc.constant(undefined),
              },
              { requiredKeys: ['title'] },
            ),
            network: fc.record({
              intraRegionMs: options.explicitDefaults ? finiteDouble(0, 10) : fc.oneof(fc.constant(0.5), finiteDouble(0, 10)),
              interRegionMs: fc.oneof(fc.constant(75), finiteDouble(0, 500)),
              matrix: regionIds.length >= 2
                ? fc.uniqueArray(fc.tuple(fc.constantFrom(...regionIds), fc.constantFrom(...regionIds), finiteDouble(0, 500)).filter(([from, to]) => from !== to), {
                    maxLength: 3,
                    selector: ([from, to]) => [from, to].sort().join('|'),
                  }).map((entries): LatencyMatrixEntry[] => entries.map(([from, to, ms]) => ({ from, to, ms })))
                : fc.constant<LatencyMatrixEntry[]>([]),
            }),
            view: fc.option(fc.record({ x: finiteDouble(), y: finiteDouble(), zoom: finiteDouble(0, 50).filter((zoom) => zoom > 0) }), { nil: undefined }),
            extras: extrasArbitrary,
          })
          .chain(({ links, seed, meta, network, view, extras }) => {
            const context = { regions, nodes, links, durationS };
            return fc
              .record({
                scenario: fc.array(eventArbitrary(context), { maxLength: 5 }),
                checks: fc.array(checkArbitrary(nodes), { maxLength: 3 }),
              })
              .map(({ scenario, checks }): FaultlineDocument => {
                const cleanMeta = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined)) as FaultlineDocument['meta'];
                return {
                  format: 'faultline',
                  version: 1,
                  meta: cleanMeta,
                  seed,
                  durationS,
                  network,
                  regions: byId(regions),
                  nodes: byId(nodes),
                  links: byId(links),
                  scenario,
                  checks,
                  ...(view ? { view } : {}),
                  ...(extras ? { extras } : {}),
                };
              });
          });
      });
  });
}

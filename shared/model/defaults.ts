/**
 * Resolution: the sparse config a user wrote → the complete config the simulation runs.
 * Static defaults come from the field descriptors; the few defaults that depend on the rest of
 * the document (DESIGN §3) are applied here, in `CONTEXT_DEFAULTS`.
 */
import { getLink, getNode, outgoingLinks } from './document';
import { isPlainObject, RESERVED_KEYS, type JsonObject } from './sanitize';
import { DEFAULT_LOGNORMAL_SIGMA } from './schema/common';
import { defaultValue, valueSchema, type FieldDescriptor } from './schema/fields';
import { NODE_KIND_INFO } from './schema/nodeKinds';
import type {
  ConfigByKind,
  DistributionInput,
  DistributionSpec,
  FaultlineDocument,
  NodeKind,
  NodeRecord,
  ResolvedLink,
  ResolvedNode,
} from './types';

/** `5` → `{ dist: 'const', mean: 5 }`; lognormal gets its sigma. Returns a fresh object. */
export function normalizeDistribution(input: DistributionInput): DistributionSpec {
  if (typeof input === 'number') return { dist: 'const', mean: input };
  const spec: DistributionSpec = { dist: input.dist, mean: input.mean };
  if (input.sigma !== undefined) spec.sigma = input.sigma;
  else if (input.dist === 'lognormal') spec.sigma = DEFAULT_LOGNORMAL_SIGMA;
  return spec;
}

/** What the context-dependent defaults need to know about a node's surroundings. */
export interface ResolveContext {
  /** Kinds of the nodes this node sends traffic to. */
  linkedKinds: ReadonlySet<NodeKind>;
}

type ContextDefault = (config: JsonObject, context: ResolveContext) => unknown;

/** Defaults that depend on other fields or on the links (DESIGN §3), keyed by kind and field path. */
const CONTEXT_DEFAULTS: Partial<Record<NodeKind, Record<string, ContextDefault>>> = {
  app: {
    cachePolicy: (_config, context) => (context.linkedKinds.has('cache') ? 'cache-aside' : 'none'),
    publishRatio: (_config, context) => (context.linkedKinds.has('queue') ? 1 : 0),
  },
  lb: {
    serviceMs: (config) => ({ dist: 'const', mean: config.layer === 4 ? 0.05 : 0.5 }),
  },
  proxy: {
    'rateLimit.burst': (config) => (config.rateLimit as JsonObject).rps,
  },
};

/**
 * The complete config of a node of `kind` from its sparse config. Invalid values (possible while
 * an editor holds a half-typed form) fall back to the default rather than reach the simulation.
 */
export function resolveConfig<K extends NodeKind>(kind: K, config: Readonly<Record<string, unknown>>, context: ResolveContext): ConfigByKind[K] {
  const resolved = resolveFields(NODE_KIND_INFO[kind].fields, config);
  const contextual: Record<string, ContextDefault> = CONTEXT_DEFAULTS[kind] ?? {};
  for (const [fieldPath, compute] of Object.entries(contextual)) {
    const [head, tail] = fieldPath.split('.') as [string, string | undefined];
    if (tail === undefined) {
      if (resolved[head] === undefined) resolved[head] = normalizeIfDistribution(compute(resolved, context));
    } else {
      const parent = resolved[head] as JsonObject;
      if (parent[tail] === undefined) parent[tail] = compute(resolved, context);
    }
  }
  return resolved as unknown as ConfigByKind[K];
}

function normalizeIfDistribution(value: unknown): unknown {
  return isPlainObject(value) && 'dist' in value ? normalizeDistribution(value as unknown as DistributionSpec) : value;
}

const validators = new WeakMap<FieldDescriptor, (value: unknown) => boolean>();
function isValid(descriptor: FieldDescriptor, value: unknown): boolean {
  let validate = validators.get(descriptor);
  if (!validate) {
    const schema = valueSchema(descriptor);
    validate = (candidate) => schema.safeParse(candidate).success;
    validators.set(descriptor, validate);
  }
  return validate(value);
}

/**
 * Fields with a valid given value keep it; others get their static default; fields with a context
 * default and no valid value stay undefined for the caller to fill. Unknown keys are dropped.
 */
function resolveFields(fields: readonly FieldDescriptor[], given: Readonly<Record<string, unknown>>): JsonObject {
  const resolved: JsonObject = {};
  for (const descriptor of fields) {
    const value = Object.hasOwn(given, descriptor.name) ? given[descriptor.name] : undefined;
    const usable = value !== undefined && isValid(descriptor, value);
    switch (descriptor.type) {
      case 'object':
        if (descriptor.whenAbsent === 'defaults') resolved[descriptor.name] = resolveFields(descriptor.fields, isPlainObject(value) ? value : {});
        else resolved[descriptor.name] = usable ? resolveFields(descriptor.fields, value as JsonObject) : null;
        break;
      case 'distribution': {
        const source = usable ? value : descriptor.default;
        resolved[descriptor.name] = source === undefined ? undefined : normalizeDistribution(source as DistributionInput);
        break;
      }
      default: {
        const fallback = defaultValue(descriptor);
        if (usable) resolved[descriptor.name] = value;
        else if (fallback !== undefined || descriptor.contextDefault) resolved[descriptor.name] = fallback;
        // Optional fields without a default (mtbfS, mttrS) stay absent.
      }
    }
  }
  return resolved;
}

/** The context a node's defaults depend on. */
export function resolveContext(doc: FaultlineDocument, nodeId: string): ResolveContext {
  const linkedKinds = new Set<NodeKind>();
  for (const link of outgoingLinks(doc, nodeId, 'traffic')) {
    const target = getNode(doc, link.to);
    if (target) linkedKinds.add(target.kind);
  }
  return { linkedKinds };
}

function requireNode(doc: FaultlineDocument, nodeId: string): NodeRecord {
  const node = getNode(doc, nodeId);
  if (!node) throw new Error(`no node "${nodeId}" in the document`);
  return node;
}

/** The fully-resolved config of a node. Throws if there is no such node. */
export function resolveNodeConfig(doc: FaultlineDocument, nodeId: string): ConfigByKind[NodeKind] {
  const node = requireNode(doc, nodeId);
  return resolveConfig(node.kind, node.config, resolveContext(doc, nodeId));
}

/** A node with its resolved config, discriminated by kind. Throws if there is no such node. */
export function resolveNode(doc: FaultlineDocument, nodeId: string): ResolvedNode {
  const node = requireNode(doc, nodeId);
  const resolved = { id: node.id, kind: node.kind, config: resolveConfig(node.kind, node.config, resolveContext(doc, nodeId)) } as ResolvedNode;
  if (node.name !== undefined) resolved.name = node.name;
  if (node.region !== undefined) resolved.region = node.region;
  return resolved;
}

/**
 * Every node resolved, in node order — one pass over the links instead of one per node, for
 * starting a simulation of a large document.
 */
export function resolveAllNodes(doc: FaultlineDocument): Map<string, ResolvedNode> {
  const linkedKinds = new Map<string, Set<NodeKind>>();
  for (const link of Object.values(doc.links)) {
    const target = link.kind === 'traffic' ? getNode(doc, link.to) : undefined;
    if (!target) continue;
    let kinds = linkedKinds.get(link.from);
    if (!kinds) linkedKinds.set(link.from, (kinds = new Set()));
    kinds.add(target.kind);
  }
  const resolved = new Map<string, ResolvedNode>();
  for (const node of Object.values(doc.nodes)) {
    const config = resolveConfig(node.kind, node.config, { linkedKinds: linkedKinds.get(node.id) ?? new Set() });
    const entry = { id: node.id, kind: node.kind, config } as ResolvedNode;
    if (node.name !== undefined) entry.name = node.name;
    if (node.region !== undefined) entry.region = node.region;
    resolved.set(node.id, entry);
  }
  return resolved;
}

/**
 * A config patch applied to a sparse config (scenario `set` events, inspector edits): nested
 * config objects such as `keys` or `healthCheck` are merged one level; everything else replaced.
 */
export function mergeConfigPatch(kind: NodeKind, config: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: JsonObject = { ...config };
  for (const key of Object.keys(patch)) {
    // Assigning "__proto__" would replace the merged object's prototype.
    if (RESERVED_KEYS.has(key)) continue;
    const descriptor = NODE_KIND_INFO[kind].fields.find((field) => field.name === key);
    const before = merged[key];
    const value = patch[key];
    merged[key] = descriptor?.type === 'object' && isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
  }
  return merged;
}

/**
 * One-way network delay between two regions (`undefined` = no region): intra-region delay when
 * they are the same, else the matrix entry for the pair (either direction), else inter-region.
 */
export function regionDelayMs(doc: FaultlineDocument, fromRegion: string | undefined, toRegion: string | undefined): number {
  const { network } = doc;
  if (fromRegion === toRegion) return network.intraRegionMs;
  if (fromRegion !== undefined && toRegion !== undefined) {
    const entry = network.matrix.find((candidate) => (candidate.from === fromRegion && candidate.to === toRegion) || (candidate.from === toRegion && candidate.to === fromRegion));
    if (entry) return entry.ms;
  }
  return network.interRegionMs;
}

/** A link with every field resolved. Throws if there is no such link. */
export function resolveLink(doc: FaultlineDocument, linkId: string): ResolvedLink {
  const link = getLink(doc, linkId);
  if (!link) throw new Error(`no link "${linkId}" in the document`);
  const latencyMs = link.latencyMs ?? regionDelayMs(doc, getNode(doc, link.from)?.region, getNode(doc, link.to)?.region);
  return {
    id: link.id,
    from: link.from,
    to: link.to,
    kind: link.kind ?? 'traffic',
    latencyMs,
    jitterMs: link.jitterMs ?? 0,
    lossRate: link.lossRate ?? 0,
    bandwidthMbps: link.bandwidthMbps ?? Infinity,
    weight: link.weight ?? 1,
  };
}

/**
 * The canonical text of a document (DESIGN §4): keys in the order of the format listing, config
 * keys in schema order, unknown keys (extras) after the known ones sorted by name (and the keys of
 * objects inside them sorted too); values equal
 * to their default omitted; two-space indent (none for a document that would otherwise pass the
 * 20 MB limit) and a final newline. Same document, same bytes —
 * so files diff cleanly and `save(load(save(doc)))` is a fixed point.
 */
import { normalizeDistribution } from './defaults';
import { RESERVED_KEYS, isPlainObject, type JsonObject } from './sanitize';
import { CHECK_FIELDS } from './schema/checks';
import { defaultValue, type FieldDescriptor } from './schema/fields';
import { DISTRIBUTION_FIELDS } from './schema/common';
import { isNodeKind, NODE_KIND_INFO } from './schema/nodeKinds';
import { DEFAULT_TITLE, DEGRADE_FIELDS, LINK_FIELDS, MATRIX_ENTRY_FIELDS, META_FIELDS, REGION_FIELDS, VIEW_FIELDS } from './schema/records';
import { EVENT_FIELDS } from './schema/scenario';
import type { DistributionInput, Extras, FaultlineDocument, NodeRecord, ScenarioEvent } from './types';
import { DEFAULT_NETWORK, getNode } from './document';
import { exceedsUtf8Bytes } from './jsonText';
import { MAX_FILE_BYTES } from './limits';

export function saveDocument(doc: FaultlineDocument): string {
  const canonical = canonicalDocument(doc);
  const indented = `${JSON.stringify(canonical, null, 2)}\n`;
  // Indentation can add half again to a huge document: one that loads must also save in a form
  // that loads again (and fits a share code), so past the size limit it is written compact.
  return exceedsUtf8Bytes(indented, MAX_FILE_BYTES) ? `${JSON.stringify(canonical)}\n` : indented;
}

/** The canonical JSON value of a document (what `saveDocument` serialises). */
export function canonicalDocument(doc: FaultlineDocument): JsonObject {
  const out: JsonObject = {
    format: 'faultline',
    version: doc.version,
    meta: canonicalMeta(doc),
    seed: doc.seed,
    durationS: doc.durationS,
  };
  const network = canonicalNetwork(doc);
  if (network) out.network = network;
  out.regions = Object.values(doc.regions).map((region) => ordered(region, REGION_FIELDS, region.extras));
  out.nodes = Object.values(doc.nodes).map(canonicalNode);
  out.links = Object.values(doc.links).map((link) => {
    const record = withoutDefaults(ordered(link, LINK_FIELDS, undefined), LINK_FIELDS);
    return appendExtras(record, link.extras);
  });
  out.scenario = doc.scenario.map((event) => canonicalEvent(event, doc));
  out.checks = doc.checks.map((check) => ordered(check, CHECK_FIELDS, check.extras));
  if (doc.view) out.view = ordered(doc.view, VIEW_FIELDS, doc.view.extras);
  return appendExtras(out, doc.extras);
}

function canonicalMeta(doc: FaultlineDocument): JsonObject {
  const meta = ordered(doc.meta, META_FIELDS, undefined);
  if (Array.isArray(meta.tags) && meta.tags.length === 0) delete meta.tags;
  if (meta.title === undefined) meta.title = DEFAULT_TITLE;
  return appendExtras(meta, doc.meta.extras);
}

function canonicalNetwork(doc: FaultlineDocument): JsonObject | undefined {
  const { network } = doc;
  if (!network) return undefined; // documents built in code may leave it out
  // Same order as NETWORK_FIELDS.
  const out: JsonObject = {};
  if (network.intraRegionMs !== DEFAULT_NETWORK.intraRegionMs) out.intraRegionMs = network.intraRegionMs;
  if (network.interRegionMs !== DEFAULT_NETWORK.interRegionMs) out.interRegionMs = network.interRegionMs;
  if (network.matrix?.length > 0) out.matrix = network.matrix.map((entry) => ordered(entry, MATRIX_ENTRY_FIELDS, entry.extras));
  const withExtras = appendExtras(out, network.extras);
  return Object.keys(withExtras).length > 0 ? withExtras : undefined;
}

function canonicalNode(node: NodeRecord): JsonObject {
  const out: JsonObject = { id: node.id, kind: node.kind };
  if (node.name !== undefined) out.name = node.name;
  if (node.region !== undefined) out.region = node.region;
  out.x = node.x;
  out.y = node.y;
  const fields = isNodeKind(node.kind) ? NODE_KIND_INFO[node.kind].fields : [];
  const config = canonicalConfig(node.config ?? {}, fields);
  if (Object.keys(config).length > 0) out.config = config;
  return appendExtras(out, node.extras);
}

/** Known fields in schema order without their defaults, then unknown keys sorted. */
export function canonicalConfig(config: Readonly<Record<string, unknown>>, fields: readonly FieldDescriptor[]): JsonObject {
  const known = withoutDefaults(ordered(config, fields, undefined), fields);
  return appendExtras(known, unknownKeys(config, fields));
}

function canonicalEvent(event: ScenarioEvent, doc: FaultlineDocument): JsonObject {
  const out = ordered(event, EVENT_FIELDS, undefined);
  if (out.pause === false) delete out.pause;
  if (isPlainObject(event.params)) {
    // A patch is kept whole — a value equal to the default there means "back to the default".
    const target = event.action === 'set' && typeof event.target === 'string' ? getNode(doc, event.target) : undefined;
    const fields = event.action === 'degrade' ? DEGRADE_FIELDS : target && isNodeKind(target.kind) ? NODE_KIND_INFO[target.kind].fields : [];
    out.params = appendExtras(ordered(event.params, fields, undefined), unknownKeys(event.params, fields));
  }
  return appendExtras(out, event.extras);
}

/** The present fields of `record` in descriptor order, then its extras sorted. */
function ordered(record: object, fields: readonly FieldDescriptor[], extras: Extras | undefined): JsonObject {
  const source = record as JsonObject;
  const out: JsonObject = {};
  for (const descriptor of fields) {
    if (Object.hasOwn(source, descriptor.name) && source[descriptor.name] !== undefined) {
      out[descriptor.name] = canonicalValue(descriptor, source[descriptor.name]);
    }
  }
  return appendExtras(out, extras);
}

/** Nested known objects are ordered too, so their key order does not depend on who wrote them. */
function canonicalValue(descriptor: FieldDescriptor, value: unknown): unknown {
  if (descriptor.type === 'object' && descriptor.fields.length > 0 && isPlainObject(value)) {
    return appendExtras(ordered(value, descriptor.fields, undefined), unknownKeys(value, descriptor.fields));
  }
  if (descriptor.type === 'distribution' && isPlainObject(value)) {
    return appendExtras(ordered(value, DISTRIBUTION_FIELDS, undefined), unknownKeys(value, DISTRIBUTION_FIELDS));
  }
  if (descriptor.type === 'list' && Array.isArray(value)) return value.map((item) => canonicalValue(descriptor.item, item));
  return value;
}

function unknownKeys(value: Readonly<Record<string, unknown>>, fields: readonly FieldDescriptor[]): Extras {
  const extras: Extras = {};
  for (const key of Object.keys(value)) {
    if (!RESERVED_KEYS.has(key) && !fields.some((descriptor) => descriptor.name === key)) extras[key] = value[key];
  }
  return extras;
}

function appendExtras(out: JsonObject, extras: Extras | undefined): JsonObject {
  if (!extras) return out;
  for (const key of Object.keys(extras).sort()) {
    // Extras never override a known field, and reserved names are never written.
    if (Object.hasOwn(out, key) || RESERVED_KEYS.has(key) || extras[key] === undefined) continue;
    out[key] = sortedDeep(extras[key]);
  }
  return out;
}

/** Unknown values have no schema order, so their objects' keys are sorted, all the way down. */
function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) if (!RESERVED_KEYS.has(key)) out[key] = sortedDeep(value[key]);
  return out;
}

/**
 * Drops known fields equal to their static default; nested default-able objects left empty are
 * dropped too. Fields whose default depends on context are kept (their meaning would drift).
 */
function withoutDefaults(record: JsonObject, fields: readonly FieldDescriptor[]): JsonObject {
  for (const descriptor of fields) {
    if (!Object.hasOwn(record, descriptor.name) || descriptor.contextDefault) continue;
    const value = record[descriptor.name];
    if (descriptor.type === 'object') {
      if (!isPlainObject(value)) continue;
      const inner = withoutDefaults(value, descriptor.fields);
      if (descriptor.whenAbsent === 'defaults' && Object.keys(inner).length === 0) delete record[descriptor.name];
      continue;
    }
    if (isDefault(descriptor, value)) delete record[descriptor.name];
  }
  return record;
}

function isDefault(descriptor: FieldDescriptor, value: unknown): boolean {
  const fallback = defaultValue(descriptor);
  if (fallback === undefined) return false;
  if (descriptor.type === 'distribution') {
    if (typeof value !== 'number' && !isPlainObject(value)) return false;
    if (isPlainObject(value) && Object.keys(value).some((key) => !['dist', 'mean', 'sigma'].includes(key))) return false;
    const given = normalizeDistribution(value as DistributionInput);
    const expected = normalizeDistribution(fallback as DistributionInput);
    return given.dist === expected.dist && given.mean === expected.mean && given.sigma === expected.sigma;
  }
  return value === fallback;
}

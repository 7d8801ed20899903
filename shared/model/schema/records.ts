/** Fields of the records of a `.faultline` file (DESIGN §4), in saved-key order. */
import { LINK_KINDS, NODE_KINDS } from '../types';
import { field, fieldList, type FieldDescriptor } from './fields';
import { MAX_DURATION_S } from '../limits';

export const DEFAULT_SEED = 1;
export const DEFAULT_DURATION_S = 60;
export const DEFAULT_TITLE = 'Untitled';
export const DEFAULT_INTRA_REGION_MS = 0.5;
export const DEFAULT_INTER_REGION_MS = 75;

export const REGION_FIELDS = fieldList({
  id: field.id({ label: 'Id', description: 'Unique among regions.' }),
  name: field.string({ label: 'Name', description: 'Shown on the region box.', required: true }),
  x: field.number({ label: 'X', description: 'Left edge on the canvas.', unit: 'px', required: true }),
  y: field.number({ label: 'Y', description: 'Top edge on the canvas.', unit: 'px', required: true }),
  w: field.number({ label: 'Width', description: 'Width on the canvas.', unit: 'px', min: 0, minExclusive: true, required: true }),
  h: field.number({ label: 'Height', description: 'Height on the canvas.', unit: 'px', min: 0, minExclusive: true, required: true }),
});

export const NODE_FIELDS = fieldList({
  id: field.id({ label: 'Id', description: 'Unique among nodes.' }),
  kind: field.enum({ label: 'Kind', description: 'What the node is.', options: NODE_KINDS, required: true }),
  name: field.string({ label: 'Name', description: 'Shown on the node card; the id when empty.' }),
  region: field.ref({ label: 'Region', description: 'The region the node is in.', refersTo: 'region' }),
  x: field.number({ label: 'X', description: 'Left edge on the canvas.', unit: 'px', required: true }),
  y: field.number({ label: 'Y', description: 'Top edge on the canvas.', unit: 'px', required: true }),
  // `config` is validated against the kind's own fields; it is listed for key order only.
  config: field.object({ label: 'Config', description: 'Settings of the node kind.', whenAbsent: 'defaults', fields: [] }),
});

export const LINK_FIELDS = fieldList({
  id: field.id({ label: 'Id', description: 'Unique among links.' }),
  from: field.ref({ label: 'From', description: 'The node that sends.', refersTo: 'node', required: true }),
  to: field.ref({ label: 'To', description: 'The node that receives.', refersTo: 'node', required: true }),
  kind: field.enum({ label: 'Kind', description: 'Traffic carries requests; replication joins databases into a cluster.', options: LINK_KINDS, default: 'traffic' }),
  latencyMs: field.duration('ms', {
    label: 'Latency',
    description: 'One-way delay.',
    // In the words of the document settings' Network delays, where the two defaults are set.
    contextDefault: 'the document\'s "Inside a region" delay within one region, else its "Between regions" delay (or the network matrix entry for the two regions)',
  }),
  jitterMs: field.duration('ms', { label: 'Jitter', description: 'Uniform extra delay in ±jitter.', default: 0 }),
  lossRate: field.ratio({ label: 'Loss rate', description: 'Share of messages lost.', default: 0 }),
  bandwidthMbps: field.number({ label: 'Bandwidth', description: 'Adds size/bandwidth to each message; empty for unlimited.', unit: 'Mbps', min: 0, minExclusive: true }),
  weight: field.number({ label: 'Weight', description: 'Share of traffic for weighted DNS and load balancing.', min: 0, default: 1 }),
});

/**
 * A field as a patch takes it (a `degrade`'s link values, a `set`'s config fields): nothing is
 * "default" there — the value given is the new value, and a field left out is not changed.
 */
export function asPatchField<T extends FieldDescriptor>(descriptor: T): T {
  return 'default' in descriptor || 'contextDefault' in descriptor ? { ...descriptor, contextDefault: undefined, default: undefined } : descriptor;
}

/** The link fields a `degrade` event may change. */
export const DEGRADE_FIELDS = LINK_FIELDS.filter((descriptor) => ['latencyMs', 'jitterMs', 'lossRate'].includes(descriptor.name)).map(asPatchField);

export const META_FIELDS = fieldList({
  title: field.string({ label: 'Title', description: 'Shown in the title bar and the lesson list.', default: DEFAULT_TITLE }),
  description: field.string({ label: 'Description', description: 'What the file shows or asks.' }),
  author: field.string({ label: 'Author', description: 'Who made it.' }),
  tags: field.list({ label: 'Tags', description: 'Keywords for finding lessons.', item: field.string({ label: 'Tag', description: 'A keyword.' }) }),
});

export const MATRIX_ENTRY_FIELDS = fieldList({
  from: field.ref({ label: 'From', description: 'A region.', refersTo: 'region', required: true }),
  to: field.ref({ label: 'To', description: 'Another region.', refersTo: 'region', required: true }),
  ms: field.duration('ms', { label: 'Delay', description: 'One-way delay between the two regions, both directions.', required: true }),
});

export const NETWORK_FIELDS = fieldList({
  intraRegionMs: field.duration('ms', { label: 'Inside a region', description: 'Default link delay between nodes of one region.', default: DEFAULT_INTRA_REGION_MS }),
  interRegionMs: field.duration('ms', { label: 'Between regions', description: 'Default link delay between regions without a matrix entry.', default: DEFAULT_INTER_REGION_MS }),
  matrix: field.list({ label: 'Delay matrix', description: 'Delays between particular pairs of regions.', item: field.object({ label: 'Entry', description: 'A pair of regions.', whenAbsent: 'off', fields: MATRIX_ENTRY_FIELDS }) }),
});

export const VIEW_FIELDS = fieldList({
  x: field.number({ label: 'X', description: 'Camera x.', unit: 'px', required: true }),
  y: field.number({ label: 'Y', description: 'Camera y.', unit: 'px', required: true }),
  zoom: field.number({ label: 'Zoom', description: 'Camera zoom.', unit: 'factor', min: 0, minExclusive: true, required: true }),
});

/** Top-level fields, in saved-key order. Lists and sub-objects are validated by their own field lists. */
export const DOCUMENT_KEYS = ['format', 'version', 'meta', 'seed', 'durationS', 'network', 'regions', 'nodes', 'links', 'scenario', 'checks', 'view'] as const;

export const [SEED_FIELD, DURATION_FIELD] = fieldList({
  seed: field.integer({ label: 'Seed', description: 'Seed of every random stream; same seed, same run.', default: DEFAULT_SEED, min: 0, max: Number.MAX_SAFE_INTEGER }),
  durationS: field.period('s', { label: 'Duration', description: 'Simulated seconds of a run.', default: DEFAULT_DURATION_S, max: MAX_DURATION_S }),
});

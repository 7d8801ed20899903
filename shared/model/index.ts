/** The document model: types, schema, defaults, loading, saving, migrations and share codes. */
export * from './types';
export * from './version';
export * from './limits';
export { ID_PATTERN, ID_RULE, isValidId, nextFreeId } from './ids';
export { formatPath, type PathSegment } from './paths';
export {
  field,
  fieldList,
  fieldSchema,
  valueSchema,
  objectSchema,
  distributionSchema,
  defaultValue,
  defaultsOf,
  describeRule,
  findField,
  type FieldDescriptor,
  type FieldUnit,
  type NumberField,
  type BooleanField,
  type EnumField,
  type StringField,
  type DistributionField,
  type IdField,
  type RefField,
  type ObjectField,
  type ListField,
} from './schema/fields';
export { DISTRIBUTION_FIELDS, DEFAULT_LOGNORMAL_SIGMA, FAILURE_FIELDS } from './schema/common';
export { NODE_KIND_INFO, isNodeKind, configFields, type NodeKindInfo } from './schema/nodeKinds';
export {
  REGION_FIELDS,
  NODE_FIELDS,
  LINK_FIELDS,
  DEGRADE_FIELDS,
  META_FIELDS,
  NETWORK_FIELDS,
  MATRIX_ENTRY_FIELDS,
  VIEW_FIELDS,
  DOCUMENT_KEYS,
  SEED_FIELD,
  DURATION_FIELD,
  DEFAULT_SEED,
  DEFAULT_DURATION_S,
  DEFAULT_TITLE,
  DEFAULT_INTRA_REGION_MS,
  DEFAULT_INTER_REGION_MS,
} from './schema/records';
export { EVENT_FIELDS, ACTION_INFO, type ActionInfo } from './schema/scenario';
export { CHECK_FIELDS, METRIC_INFO, type MetricInfo } from './schema/checks';
export { DEFAULT_NETWORK, createEmptyDocument, getNode, getLink, getRegion, outgoingLinks } from './document';
export {
  normalizeDistribution,
  resolveConfig,
  resolveContext,
  resolveNodeConfig,
  resolveNode,
  resolveAllNodes,
  resolveLink,
  regionDelayMs,
  mergeConfigPatch,
  type ResolveContext,
} from './defaults';
export { loadDocument, loadDocumentValue, type LoadOptions } from './load';
export { saveDocument, canonicalDocument, canonicalConfig } from './save';
export { MIGRATIONS, migrateToCurrent, oldestReadableVersion, registryProblems, type Migration, type MigrationResult } from './migrations';
export { encodeShareCode, decodeShareCode, type ShareCodeLimits } from './shareCode';
export { encodeBase64Url, decodeBase64Url } from './base64url';
export { utf8ByteLength, lineColumnAt, locateJsonSyntaxError } from './jsonText';
export { RESERVED_KEYS } from './sanitize';
export { countProblems } from './problems';

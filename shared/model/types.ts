/**
 * The Faultline document model (DESIGN §3 node kinds, scenario events, checks; §4 file format).
 *
 * Two shapes exist for every piece of configuration:
 *  - the **document** form (`NodeRecord.config`, `LinkRecord`): sparse, exactly what the user
 *    wrote — editing, saving and undo work on it;
 *  - the **resolved** form (`ConfigByKind`, `ResolvedLink`): every field present, defaults and
 *    context-dependent defaults applied, distributions normalised. The simulation reads only this,
 *    via `resolveNodeConfig` / `resolveNode` / `resolveLink` in `./defaults`.
 *
 * Unknown fields survive load → save (a newer file opened in an older app must not lose data):
 *  - on regions, nodes, links, scenario events, checks, `meta`, `network`, matrix entries, `view`
 *    and the top level they live in that record's `extras` bag (never on the record itself, so a
 *    future field cannot collide with a typed one);
 *  - inside a node's `config` (and a `set` event's / `degrade` event's `params`) they stay where they
 *    were, because `config` is the user's sparse object; resolving simply ignores them.
 * The keys `__proto__`, `constructor` and `prototype` are dropped on load (with a warning) wherever
 * they appear.
 *
 * The id-keyed maps (`regions`, `nodes`, `links`) keep file order ("link order" matters to DNS
 * failover and app fan-out). Ids like `constructor` are valid, so never look records up with a bare
 * `doc.nodes[id]` on an id you have not checked — use `Object.hasOwn` or `getNode` from `./document`.
 */

/** The node kinds of DESIGN §3, in palette order. */
export const NODE_KINDS = [
  'client',
  'dns',
  'cdn',
  'lb',
  'proxy',
  'app',
  'cache',
  'db',
  'shard-router',
  'queue',
  'worker',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const DISTRIBUTION_KINDS = ['exp', 'const', 'uniform', 'lognormal'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/**
 * A service-time distribution in milliseconds. `uniform` draws from [0, 2·mean];
 * `lognormal`'s `sigma` is that of the underlying normal (resolved configs always carry it).
 */
export interface DistributionSpec {
  dist: DistributionKind;
  mean: number;
  sigma?: number;
}
/** As written in a file: a number is shorthand for `{ dist: 'const', mean: n }`. */
export type DistributionInput = number | DistributionSpec;

/** Unknown fields of a record, kept so that saving does not lose them. */
export type Extras = Record<string, unknown>;

export interface Region {
  id: string;
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
  extras?: Extras;
}

export interface NodeRecord {
  id: string;
  kind: NodeKind;
  name?: string;
  /** A region id. */
  region?: string;
  x: number;
  y: number;
  /** Sparse, as written by the user (unknown config keys stay here too). Always present, maybe `{}`. */
  config: Record<string, unknown>;
  extras?: Extras;
}

export const LINK_KINDS = ['traffic', 'replication'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface LinkRecord {
  id: string;
  /** Node id: the sender. Links are directed "sends to" edges; responses come back along them. */
  from: string;
  to: string;
  /** Always present in memory; `traffic` is omitted when saving. */
  kind: LinkKind;
  latencyMs?: number;
  jitterMs?: number;
  lossRate?: number;
  bandwidthMbps?: number;
  weight?: number;
  extras?: Extras;
}

export const SCENARIO_ACTIONS = [
  'crash',
  'restart',
  'slow',
  'recover',
  'cut',
  'restore',
  'degrade',
  'partition',
  'heal',
  'set',
  'flush',
  'note',
] as const;
export type ScenarioAction = (typeof SCENARIO_ACTIONS)[number];

/** Actions whose `target` is a node id. */
export const NODE_ACTIONS = ['crash', 'restart', 'slow', 'recover', 'set', 'flush'] as const satisfies readonly ScenarioAction[];
export type NodeAction = (typeof NODE_ACTIONS)[number];
/** Actions whose `target` is a link id. */
export const LINK_ACTIONS = ['cut', 'restore', 'degrade'] as const satisfies readonly ScenarioAction[];
export type LinkAction = (typeof LINK_ACTIONS)[number];

/** Link parameters a `degrade` event may change. */
export interface DegradeParams {
  latencyMs?: number;
  jitterMs?: number;
  lossRate?: number;
}

export interface ScenarioEvent {
  atS: number;
  action: ScenarioAction;
  /** Node id for node actions, link id for link actions (validated on load). */
  target?: string;
  /** `partition` only: groups of node or region ids. */
  groups?: string[][];
  /** `slow` only: service times × factor. */
  factor?: number;
  /** `set`: a sparse config patch for the target's kind. `degrade`: `DegradeParams`. */
  params?: Record<string, unknown>;
  note?: string;
  pause?: boolean;
  extras?: Extras;
}

export const CHECK_METRICS = [
  'latency.mean',
  'latency.p50',
  'latency.p95',
  'latency.p99',
  'availability',
  'errorRate',
  'throughput',
  'staleReads',
  'lostWrites',
  'sessionsLost',
  'cache.hitRatio',
  'queue.maxDepth',
  'utilization',
] as const;
export type CheckMetric = (typeof CHECK_METRICS)[number];
/** Metrics that measure one node and therefore need `node`. */
export const NODE_METRICS = ['cache.hitRatio', 'queue.maxDepth', 'utilization'] as const satisfies readonly CheckMetric[];

export const CHECK_OPS = ['<', '<=', '>', '>='] as const;
export type CheckOp = (typeof CHECK_OPS)[number];

export interface Check {
  id?: string;
  label?: string;
  metric: CheckMetric;
  node?: string;
  op: CheckOp;
  value: number;
  fromS?: number;
  toS?: number;
  extras?: Extras;
}

export interface LatencyMatrixEntry {
  /** Region ids; an entry applies in both directions. */
  from: string;
  to: string;
  ms: number;
  extras?: Extras;
}

/** Always fully present in memory (defaults filled); omitted parts are omitted again on save. */
export interface NetworkSettings {
  intraRegionMs: number;
  interRegionMs: number;
  matrix: LatencyMatrixEntry[];
  extras?: Extras;
}

export interface DocumentMeta {
  title: string;
  description?: string;
  author?: string;
  tags?: string[];
  extras?: Extras;
}

export interface ViewState {
  x: number;
  y: number;
  zoom: number;
  extras?: Extras;
}

/** The in-memory form of a `.faultline` file. */
export interface FaultlineDocument {
  format: 'faultline';
  /** Always the current version in memory (older files are migrated on load). */
  version: number;
  meta: DocumentMeta;
  seed: number;
  durationS: number;
  network: NetworkSettings;
  regions: Record<string, Region>;
  nodes: Record<string, NodeRecord>;
  links: Record<string, LinkRecord>;
  scenario: ScenarioEvent[];
  checks: Check[];
  view?: ViewState;
  /** Unknown top-level fields. */
  extras?: Extras;
}

// ---------------------------------------------------------------------------------------------
// Resolved configuration: every field present, defaults applied (see ./defaults).
// `mtbfS` / `mttrS` stay optional: absent means "no random crashes" / "no random repair time".
// ---------------------------------------------------------------------------------------------

export interface FailureConfig {
  /** Mean time between random crashes, seconds (exponential). */
  mtbfS?: number;
  /** Mean time to repair after a random crash, seconds (exponential). */
  mttrS?: number;
}

export interface HealthCheckConfig {
  enabled: boolean;
  intervalMs: number;
  timeoutMs: number;
  unhealthyAfter: number;
  healthyAfter: number;
}

export interface KeySpaceConfig {
  count: number;
  distribution: 'uniform' | 'zipf';
  zipfS: number;
}

export interface ClientConfig extends FailureConfig {
  rps: number;
  arrival: 'poisson' | 'constant';
  users: number;
  writeRatio: number;
  staticRatio: number;
  keys: KeySpaceConfig;
  timeoutMs: number;
  retries: number;
  retryBackoffMs: number;
}

export type DnsPolicy = 'round-robin' | 'weighted' | 'latency' | 'geo' | 'failover';
export interface DnsConfig extends FailureConfig {
  ttlS: number;
  policy: DnsPolicy;
  serviceMs: DistributionSpec;
  healthCheck: HealthCheckConfig;
}

export interface CdnConfig extends FailureConfig {
  mode: 'pull' | 'push';
  capacity: number;
  ttlS: number;
  hitMs: number;
}

export type LbAlgorithm = 'round-robin' | 'weighted' | 'least-connections' | 'random' | 'ip-hash' | 'consistent-hash';
export interface LbHaConfig {
  /** Node id of the passive peer (another `lb`). */
  peer: string;
  heartbeatMs: number;
  deadAfter: number;
}
export interface LbConfig extends FailureConfig {
  algorithm: LbAlgorithm;
  layer: 4 | 7;
  sticky: boolean;
  serviceMs: DistributionSpec;
  maxConnections: number;
  healthCheck: HealthCheckConfig;
  /** `null` when the load balancer is not part of an active-passive pair. */
  ha: LbHaConfig | null;
}

export interface ProxyCacheConfig {
  /** 0 = no response cache. */
  capacity: number;
  ttlS: number;
}
export interface RateLimitConfig {
  /** 0 = no rate limit. */
  rps: number;
  burst: number;
  per: 'user' | 'global';
}
export interface ProxyConfig extends FailureConfig {
  serviceMs: DistributionSpec;
  tlsMs: number;
  cache: ProxyCacheConfig;
  rateLimit: RateLimitConfig;
  maxConnections: number;
}

export type CachePolicy = 'none' | 'cache-aside' | 'write-through' | 'write-behind' | 'write-around' | 'refresh-ahead';
export interface AppConfig extends FailureConfig {
  workers: number;
  queueLimit: number;
  serviceMs: DistributionSpec;
  cachePolicy: CachePolicy;
  readFromReplicas: boolean;
  downstreamTimeoutMs: number;
  sessions: 'stateless' | 'local';
  publishRatio: number;
}

export interface CacheConfig extends FailureConfig {
  capacity: number;
  eviction: 'lru' | 'lfu' | 'fifo' | 'random';
  /** 0 = entries never expire. */
  ttlS: number;
  serviceMs: DistributionSpec;
}

export interface DbFailoverConfig {
  auto: boolean;
  detectMs: number;
}
export interface DbConfig extends FailureConfig {
  role: 'primary' | 'replica';
  replication: 'async' | 'sync' | 'semi-sync';
  readMs: DistributionSpec;
  writeMs: DistributionSpec;
  applyMs: number;
  connections: number;
  queueLimit: number;
  failover: DbFailoverConfig;
}

export interface ShardRouterConfig extends FailureConfig {
  scheme: 'hash' | 'range' | 'consistent-hash';
  vnodes: number;
  serviceMs: DistributionSpec;
}

export interface QueueConfig extends FailureConfig {
  capacity: number;
  durable: boolean;
  visibilityTimeoutMs: number;
  maxReceives: number;
}

export interface WorkerConfig extends FailureConfig {
  workers: number;
  serviceMs: DistributionSpec;
  failureRate: number;
}

export interface ConfigByKind {
  client: ClientConfig;
  dns: DnsConfig;
  cdn: CdnConfig;
  lb: LbConfig;
  proxy: ProxyConfig;
  app: AppConfig;
  cache: CacheConfig;
  db: DbConfig;
  'shard-router': ShardRouterConfig;
  queue: QueueConfig;
  worker: WorkerConfig;
}
export type ResolvedConfig = ConfigByKind[NodeKind];

/** A node with its resolved config, discriminated by `kind`. */
export type ResolvedNode = {
  [K in NodeKind]: { id: string; kind: K; name?: string; region?: string; config: ConfigByKind[K] };
}[NodeKind];

/** A link with every field resolved. `bandwidthMbps` is `Infinity` when unlimited. */
export interface ResolvedLink {
  id: string;
  from: string;
  to: string;
  kind: LinkKind;
  latencyMs: number;
  jitterMs: number;
  lossRate: number;
  bandwidthMbps: number;
  weight: number;
}

/** One problem found while loading, with the JSON path it concerns (`nodes[3].config.workers`). */
export interface Problem {
  /** JSON path into the file; `""` for the file as a whole. */
  path: string;
  message: string;
  /** 1-based position in the text, for syntax errors. */
  line?: number;
  column?: number;
  /** Set on the closing note of a list cut short ("…and 2000 more"): how many problems it stands for. */
  omitted?: number;
}

export type LoadResult =
  | { ok: true; document: FaultlineDocument; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

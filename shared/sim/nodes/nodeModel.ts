import type { NodeKind, ResolvedConfig } from '../../model/types';
import type { StationStats } from '../engine/stationStats';

/** Extra per-kind figures for the report (cache hits, keys…). */
export interface NodeExtras {
  hits?: number;
  misses?: number;
  keys?: number;
  /** Shard routers: keys that would move (or did move) when a shard is added. */
  keysMoved?: number;
}

/**
 * One node's behaviour. The world delivers messages and timers to it; the model decides what to
 * do with a request (queue, serve, forward, answer). Adding a kind = one module implementing
 * this plus one line in `registry.ts`.
 */
/** Requests this node received and how it answered them (report `nodes.<id>`). */
export interface NodeCounters {
  arrivals: number;
  completed: number;
  errors: number;
  rejected: number;
}

export interface NodeModel {
  readonly kind: NodeKind;
  readonly counters: NodeCounters;
  /** Where utilization and queue figures come from; null for kinds without one. */
  readonly station: StationStats | null;
  /** Called once when the whole world exists: start arrival processes, health checks… */
  start?(): void;
  /** A request message arrived (the call is now at this node). */
  onRequest(call: number): void;
  /** The response to a call this node made arrived back here. The model frees the call. */
  onResponse(call: number): void;
  /** A client's retry backoff ended (clients only). */
  onRetry?(req: number, gen: number): void;
  /** A service step this node scheduled with `world.scheduleService` finished. */
  onServiceDone(call: number): void;
  /** The node went down. The world has already failed every call held here. */
  crash(): void;
  /** The node is back, empty. */
  restart(): void;
  /** Service times × factor from now on (1 = normal). */
  setSlow(factor: number): void;
  /** New resolved config from now on (scenario `set`, live edits). */
  applyConfig(config: ResolvedConfig): void;
  /** `flush`: drop cached contents (no-op for kinds without any). */
  flush(): void;
  /** Report extras for this kind, measured at the end. */
  extras(): NodeExtras;
  /** A database's role right now (a failover promotes a replica); undefined for other kinds. */
  readonly role?: 'primary' | 'replica';
  /** Cache hits and misses in seconds [fromS, toS), for checks (undefined: not a cache). */
  hitRatioIn?(fromS: number, toS: number): number | null;
  /**
   * Whether this node's database reads may go to replicas (apps: `readFromReplicas`). A shard
   * router asks the node a read came from, as a driver's read preference travels with the query.
   */
  readsFromReplicas?(): boolean;
  /** The network lost a replication message this node sent (databases only: it sends it again). */
  onReplicationLost?(call: number): void;
}

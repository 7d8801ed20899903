import type { ResolvedConfig, ShardRouterConfig } from '../../model/types';
import { sample } from '../random';
import type { World } from '../engine/world';
import type { DeadlineQueue } from '../engine/deadlineQueue';
import { OFFER_REJECTED, Station } from '../engine/station';
import { keyOf } from '../engine/callData';
import { OP_DB_WRITE, OP_WRITE, STATUS_ERROR, STATUS_REJECTED } from '../engine/codes';
import { BaseNode } from './baseNode';
import type { NodeExtras } from './nodeModel';
import { clustersOf, type DbCluster } from './db/cluster';
import { ShardMap } from './shardRouter/shardMap';

/** Requests a router holds at once; like a load balancer's default `maxConnections`. */
export const ROUTER_CONNECTIONS = 10_000;
/** How long the router waits for a shard before answering 504 (as the load balancer does). */
export const ROUTER_UPSTREAM_TIMEOUT_MS = 60_000;

interface Shard {
  cluster: DbCluster;
  links: number[];
}

/**
 * Shard router (DESIGN §3 `shard-router`): spends `serviceMs`, routes each request by its key to
 * one of the db clusters it links to (a shard: writes to its primary, reads to a live replica
 * round-robin, else the primary) and relays the answer. Shards are named by their first linked
 * member's id, in link order.
 *
 * `keysMoved` (report) is how many keys of the clients' key space would change shard if one more
 * shard were added; after a shard is linked during the run (`addLink`) it is the count that did.
 */
export class ShardRouterModel extends BaseNode {
  override readonly station: Station;
  private config: ShardRouterConfig;
  private shards: Shard[] = [];
  private map: ShardMap;
  private readonly upstreamTimeouts: DeadlineQueue;
  private readTurn = 0;
  /** Keys that actually moved when a shard was linked live (null: none was). */
  private movedLive: number | null = null;
  /** Requests routed to each shard (per-shard load, for tests and the UI). */
  routed: number[] = [];

  constructor(
    world: World,
    index: number,
    config: ShardRouterConfig,
    dbLinks: number[],
    private readonly keySpace: number,
  ) {
    super(world, index, 'shard-router');
    this.config = config;
    this.station = new Station(ROUTER_CONNECTIONS, 0);
    for (const link of dbLinks) this.attach(link);
    this.map = this.buildMap();
    const calls = world.calls;
    this.upstreamTimeouts = world.createDeadlineQueue(
      world.callStillWaiting,
      (call) => {
        calls.bump(call);
        if (world.callerWaits(call)) {
          this.reply(call, STATUS_ERROR);
          return;
        }
        // The user gave up: free the connection, with no answer for nobody to read.
        this.station.release(world.now);
        calls.free(call);
      },
    );
  }

  private attach(link: number): boolean {
    const set = clustersOf(this.world);
    const cluster = set.clusters[set.clusterOf[this.world.links.to[link]]];
    const shard = this.shards.find((s) => s.cluster === cluster);
    if (shard !== undefined) {
      shard.links.push(link);
      return false;
    }
    this.shards.push({ cluster, links: [link] });
    this.routed.push(0);
    return true;
  }

  private buildMap(): ShardMap {
    const names = this.shards.map((shard) => this.world.nodeIds[this.world.links.to[shard.links[0]]]);
    return new ShardMap(this.config.scheme, names, this.config.vnodes, this.keySpace);
  }

  /** The db cluster the router sends `key` to now (null: no shard). */
  clusterOfKey(key: number): DbCluster | null {
    const shard = this.map.shardOf(key);
    return shard < 0 ? null : this.shards[shard].cluster;
  }

  /** Links a new shard (or another member of a known one) during the run; counts the keys that move. */
  addLink(link: number): void {
    if (!this.attach(link)) return;
    const next = this.buildMap();
    this.movedLive = this.map.movedTo(next);
    this.map = next;
  }

  onRequest(call: number): void {
    this.counters.arrivals++;
    const world = this.world;
    const calls = world.calls;
    if (this.station.offer(call, world.now) === OFFER_REJECTED) {
      this.answer(call, STATUS_REJECTED);
      return;
    }
    const serviceMs = sample(this.config.serviceMs, this.rng) * this.slow;
    const shard = this.map.shardOf(keyOf(world, call));
    const op = calls.op[call];
    const link = shard < 0 ? -1 : this.targetIn(this.shards[shard], op === OP_DB_WRITE || op === OP_WRITE, call);
    if (link < 0) {
      this.reply(call, STATUS_ERROR);
      return;
    }
    this.routed[shard]++;
    const gen = calls.gen[call];
    // A call without a request (a write-behind flush…) passes on a copy of its payload.
    const child = calls.alloc(call, gen, calls.req[call], link, op);
    this.upstreamTimeouts.push(call, gen, world.now + serviceMs + world.upstreamWaitMs(call, ROUTER_UPSTREAM_TIMEOUT_MS));
    world.sendRequest(child, serviceMs);
  }

  private targetIn(shard: Shard, write: boolean, call: number): number {
    if (write) return shard.cluster.writeTarget(shard.links);
    // The read preference is the caller's (an app with readFromReplicas: false reads primaries).
    const caller = this.world.models[this.world.links.from[this.world.calls.link[call]]];
    return shard.cluster.readTarget(shard.links, caller.readsFromReplicas?.() ?? true, this.readTurn++);
  }

  override onResponse(child: number): void {
    const world = this.world;
    const calls = world.calls;
    const parent = calls.parent[child];
    const waits = world.parentWaits(child);
    const status = calls.status[child];
    // Relay the version the shard answered with (the app may cache it; see AppModel.tagVersion).
    if (waits) world.callData.relayVersion(child, parent);
    calls.free(child);
    if (!waits) return;
    calls.bump(parent);
    this.reply(parent, status);
  }

  private reply(call: number, status: number): void {
    this.station.release(this.world.now);
    this.answer(call, status);
  }

  override crash(): void {
    this.station.reset(this.world.now);
    this.upstreamTimeouts.clear();
  }

  applyConfig(config: ResolvedConfig): void {
    const next = config as ShardRouterConfig;
    const remap = next.scheme !== this.config.scheme || next.vnodes !== this.config.vnodes;
    this.config = next;
    if (remap) this.map = this.buildMap();
  }

  /** Keys that would move if one more shard were added (or, after a live link, that did). */
  get keysMoved(): number {
    if (this.movedLive !== null) return this.movedLive;
    return this.map.movedTo(this.map.withShard(`${this.world.nodeIds[this.index]}:next-shard`));
  }

  override extras(): NodeExtras {
    return { keysMoved: this.keysMoved };
  }
}
